import * as api from "../node_modules/drs-stop-rules/inline/index.js";
import { answerCorpus } from "../worker-report.mjs";

answerCorpus(api);
