// The default entry finishes loading with a top-level await: a worker that
// must not miss early messages listens first and imports the package then.
import { answerCorpus } from "../worker-report.mjs";

const api = import("drs-stop-rules");
answerCorpus(api);
