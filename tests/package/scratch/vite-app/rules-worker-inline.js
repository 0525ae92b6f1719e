import * as api from "drs-stop-rules/inline";
import { answerCorpus } from "../worker-report.mjs";

answerCorpus(api);
