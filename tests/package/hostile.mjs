// Shared by the hostile-input suites (bad-input.test.mjs, adversarial.test.mjs).
import assert from "node:assert/strict";
import { inputErrorProblems, mismatches } from "./corpus.mjs";
import { cases } from "./scratch-project.mjs";

/** A valid task, with `fields` on top. */
export const task = (fields = {}) => ({ db_use_type: "sync", status: "CREATING", ...fields });

/** Known answers of `rules`, checked after every hostile case: the module must still be right. */
export function assertStillAnswers(rules) {
  const known = [cases.decisions[0], cases.decisions.find((c) => c.expect.preselected_mode === "force")];
  for (const c of known) assert.deepEqual(mismatches(rules.evaluateStop(c.task), c.expect), [], c.name);
  const batch = rules.evaluateStops(known.map((c) => c.task));
  known.forEach((c, i) => assert.deepEqual(mismatches(batch[i], c.expect), [], `batch: ${c.name}`));
  assert.deepEqual(mismatches(rules.planStop(cases.plans[0].input), cases.plans[0].expect), []);
}

/** Runs `call`: `{ value }`, or `{ error }` after checking it is INVALID_INPUT (at `path` when given). */
export function valueOrInputError(call, path) {
  try {
    return { value: call() };
  } catch (error) {
    assert.deepEqual(inputErrorProblems(error, path), [], `${error?.constructor?.name}: ${error?.message}`);
    return { error };
  }
}
