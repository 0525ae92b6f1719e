// A module worker with drs-stop-rules/inline, built with Vite's default
// worker settings, sent the corpus right after new Worker().
import cases from "../cases.json";
import { corpusFromWorker } from "../worker-report.mjs";

corpusFromWorker(new Worker(new URL("./rules-worker-inline.js", import.meta.url), { type: "module" }), cases);
