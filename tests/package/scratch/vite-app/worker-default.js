// A module worker with the default entry (top-level await inside), built
// with worker.format "es", sent the corpus right after new Worker().
import cases from "../cases.json";
import { corpusFromWorker } from "../worker-report.mjs";

corpusFromWorker(new Worker(new URL("./rules-worker-default.js", import.meta.url), { type: "module" }), cases);
