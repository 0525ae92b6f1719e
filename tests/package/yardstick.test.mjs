import assert from "node:assert/strict";
import { test } from "node:test";
import { textFromPackage } from "../../bench/baseline-text.mjs";
import { createBaseline } from "../../bench/baseline.mjs";
import { verifyYardstick } from "../../bench/verify.mjs";
import { cases, importEsm } from "./scratch-project.mjs";

// The benchmark's yardstick (bench/baseline.mjs, hand-written JavaScript) is
// only a fair comparison while it answers exactly as the package: a cheap
// version of the check `make bench` runs on 100,000 tasks in Node and Chromium.
test("the benchmark's yardstick is deep-equal to the package (corpus, 5,000 varied tasks, broken tasks)", async () => {
  const api = await importEsm();
  const { compared, failures } = verifyYardstick(api, createBaseline(textFromPackage(api)), cases, { varied: 5_000, broken: 300 });
  assert.deepEqual(failures, []);
  assert.ok(compared > cases.decisions.length * 10, `only ${compared} comparisons`);
});
