import assert from "node:assert/strict";
import { test } from "node:test";
import { expectedCheckCount, runCorpus } from "./corpus.mjs";
import { cases, requireCjs } from "./scratch-project.mjs";

test("Node CommonJS: the whole corpus passes through require", () => {
  const result = runCorpus(requireCjs(), cases);
  assert.deepEqual(result.failures, []);
  assert.equal(result.total, expectedCheckCount(cases));
});
