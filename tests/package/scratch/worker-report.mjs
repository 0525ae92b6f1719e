// The two halves of the worker tests: the page starts a module worker and
// posts the corpus at once, before the worker could have loaded anything;
// the worker answers with the corpus result. The page publishes it for the
// browser tests (they wait for globalThis.corpusResult).
import { expectedCheckCount, runCorpus } from "./corpus.mjs";

export function corpusFromWorker(workerUrl, cases, options = { type: "module" }) {
  const worker = new Worker(workerUrl, options);
  worker.postMessage(cases);
  worker.onerror = (event) => console.error(`worker error: ${event.message}`);
  worker.onmessage = ({ data }) => {
    globalThis.corpusResult = { ...data, expected: expectedCheckCount(cases) };
  };
}

export function answerCorpus(api) {
  self.onmessage = ({ data }) => {
    self.postMessage({ ...runCorpus(api, data), exports: Object.keys(api).sort(), rulesVersion: api.rulesVersion() });
  };
}
