// A module worker with drs-stop-rules/inline, sent the corpus right after
// new Worker(): the message must be answered.
import { corpusFromWorker } from "../worker-report.mjs";

const cases = await (await fetch("../cases.json")).json();
corpusFromWorker(new Worker(new URL("./worker.mjs", import.meta.url), { type: "module" }), cases);
