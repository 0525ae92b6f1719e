import assert from "node:assert/strict";
import { test } from "node:test";
import { expectedCheckCount, runCorpus } from "./corpus.mjs";
import { cases, importEsm } from "./scratch-project.mjs";

test("Node ESM: the whole corpus passes through import", async () => {
  const result = runCorpus(await importEsm(), cases);
  assert.deepEqual(result.failures, []);
  assert.equal(result.total, expectedCheckCount(cases));
});
