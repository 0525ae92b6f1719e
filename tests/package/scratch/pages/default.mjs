// The package's browser entry, by relative URL, exactly as a page without a
// bundler would use it (no inline script: the CSP tests serve this page too).
import * as api from "../node_modules/drs-stop-rules/web/index.js";
import { reportCorpus } from "../browser-report.mjs";

reportCorpus(api, await (await fetch("../cases.json")).json());
