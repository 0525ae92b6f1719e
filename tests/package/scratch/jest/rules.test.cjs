/**
 * A console's unit tests under jest 30 with the jsdom environment (which has
 * no TextDecoder): the package through require(), on the whole corpus.
 * @jest-environment jsdom
 */
const defineCorpusTests = require("../corpus-tests.cjs");

test("runs in jsdom", () => {
  expect(typeof document.createElement).toBe("function");
});
defineCorpusTests({ test, expect }, require("drs-stop-rules"), require("../cases.json"));
