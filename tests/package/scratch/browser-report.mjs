// Runs the corpus in a page and publishes the result for the browser tests
// (they wait for globalThis.corpusResult).
import { runCorpus, expectedCheckCount } from "./corpus.mjs";

export function reportCorpus(api, cases) {
  const result = runCorpus(api, cases);
  result.expected = expectedCheckCount(cases);
  result.exports = Object.keys(api).sort();
  result.rulesVersion = api.rulesVersion();
  document.body.textContent = `${result.passed}/${result.total} corpus checks passed`;
  globalThis.corpusResult = result;
}
