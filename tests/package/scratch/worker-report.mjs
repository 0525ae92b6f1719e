// The two halves of the worker tests: the page starts a module worker and
// posts the corpus at once, before the worker could have loaded anything;
// the worker answers with the corpus result. The page publishes it for the
// browser tests (they wait for globalThis.corpusResult).
import { expectedCheckCount, runCorpus } from "./corpus.mjs";

/** Call right after new Worker(…) (written out at the call, so that bundlers see the worker). */
export function corpusFromWorker(worker, cases) {
  worker.postMessage(cases);
  worker.onerror = (event) => console.error(`worker error: ${event.message}`);
  worker.onmessage = ({ data }) => {
    globalThis.corpusResult = { ...data, expected: expectedCheckCount(cases) };
  };
}

/** `rules`: the package's API, or a promise of it. */
export function answerCorpus(rules) {
  self.onmessage = async ({ data }) => {
    const api = await rules;
    self.postMessage({ ...runCorpus(api, data), exports: Object.keys(api).sort(), rulesVersion: api.rulesVersion() });
  };
}
