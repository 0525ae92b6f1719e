// evaluateStops asks the wasm for every template a batch lacks in one call
// at its end (src/wasm/front.js, src/wasm/packed.rs), so the tasks waiting
// for one are answered only then. These cases are where that could go
// wrong: strings the packing must measure as JS does, tables that fill up
// and start over in the middle of a batch, a getter that calls evaluateStops
// while a batch waits, and a batch that throws with templates still owed.
// In every case each decision must be evaluateStop's, in full.
import assert from "node:assert/strict";
import { test } from "node:test";
import { importEsm } from "./scratch-project.mjs";

const api = await importEsm();
const OPTIONS = [undefined, { lang: "zh-cn" }, { policy: "ReadOnlyAccess" }];

const task = (fields) => ({ id: "t", db_use_type: "sync", status: "INCRE_TRANSFER_STARTED", ...fields });

/** evaluateStops(tasks) is evaluateStop of each task, for every option, from a cold and a warm front. */
function assertSameAsOneByOne(tasks, message) {
  for (const options of OPTIONS) {
    const oneByOne = tasks.map((one) => api.evaluateStop(one, options));
    for (let round = 0; round < 2; round++) {
      assert.deepStrictEqual(api.evaluateStops(tasks, options), oneByOne, `${message}, options ${JSON.stringify(options)}, round ${round}`);
    }
  }
}

test("strings are handed over as JS counts them: astral characters, lone surrogates, NUL, empty, long", () => {
  const odd = ["", "\0", "a\0b", "😀", "RUNNING😀", "\ud800", "x\udc00y", "全量", "FULL_TRANS 全量", " postgresql ", "é".repeat(500), "😀".repeat(300)];
  const tasks = odd.flatMap((text, i) => [
    task({ id: `s${i}`, status: text }),
    task({ id: `k${i}`, db_use_type: text }),
    task({ id: `j${i}`, db_use_type: undefined, job_type: text }),
    task({ id: `e${i}`, engine_type: text, task_type: text }),
    task({ id: `r${i}`, job_mode_role: text }),
    task({ id: `a${i}`, job_action: { available_actions: [text, "FREE_RESOURCE", text], unavailable_actions: [text] } }),
    task({ id: `d${i}`, job_action: { available_actions: null, unavailable_actions: [text, "DELETE"] } }),
  ]);
  assertSameAsOneByOne(tasks, "odd strings");
});

test("tables that fill up in the middle of a batch start over without mixing up waiting templates", () => {
  // More distinct statuses, engines and action lists than the front keeps (63 each), twice over,
  // with tasks that repeat earlier values after the tables started over.
  const tasks = [];
  for (let i = 0; i < 300; i++) {
    tasks.push(task({ id: `a${i}`, status: i % 3 ? `UNKNOWN_${i}` : "PAUSED", engine_type: `engine${i % 150}` }));
    tasks.push(task({ id: `b${i}`, status: ["PAUSED", "FULL_TRANSFER_FAILED", "RELEASE_RESOURCE_COMPLETE"][i % 3], network_abnormal: i % 2 === 0 }));
    tasks.push(task({ id: `c${i}`, job_action: { available_actions: [`X${i % 90}`, i % 2 ? "FREE_RESOURCE" : "DELETE"] } }));
  }
  assertSameAsOneByOne(tasks, "full tables");
});

test("a getter that calls evaluateStops while a batch waits for its templates gets, and leaves, the right answers", () => {
  const inner = [task({ id: "i1", status: "PAUSED" }), task({ id: "i2", status: "FULL_TRANSFER_FAILED", engine_type: "postgresql" })];
  const innerAnswers = [];
  const outer = [
    task({ id: "o1", status: "PAUSED" }),
    task({ id: "o2", status: "FULL_TRANSFER_FAILED", engine_type: "postgresql" }),
    Object.defineProperty(task({ id: "o3" }), "status", {
      enumerable: true,
      get: () => {
        // Many distinct statuses: the inner call also starts the front's tables over.
        innerAnswers.push(api.evaluateStops([...inner, ...Array.from({ length: 80 }, (_, i) => task({ id: `n${i}`, status: `NEW_${i}` }))]));
        return "PAUSED";
      },
    }),
    task({ id: "o4", status: "PAUSED" }),
    task({ id: "o5", status: "FULL_TRANSFER_FAILED", engine_type: "postgresql" }),
  ];
  const answers = api.evaluateStops(outer);
  const plainOuter = outer.map((one, i) => (i === 2 ? task({ id: "o3", status: "PAUSED" }) : one));
  assert.deepStrictEqual(answers, plainOuter.map((one) => api.evaluateStop(one)));
  assert.equal(innerAnswers.length, 1);
  assert.deepStrictEqual(innerAnswers[0].slice(0, 2), inner.map((one) => api.evaluateStop(one)));
  // And the templates both calls left behind give the right answers afterwards.
  assertSameAsOneByOne([...plainOuter, ...inner], "after the nested call");
});

test("a batch that throws with templates still owed leaves nothing half-made behind", () => {
  const fresh = (i) => task({ id: `f${i}`, status: `NEVER_SEEN_${i}`, engine_type: `e${i}` });
  const broken = [fresh(1), fresh(2), task({ id: "bad", status: 42 }), fresh(3)];
  const thrown = (() => {
    try {
      api.evaluateStops(broken);
    } catch (error) {
      return error;
    }
  })();
  assert.equal(thrown?.name, "StopRulesInputError");
  assert.equal(thrown.path, "[2].status");
  // The same tasks again, without the broken one: decided as one by one, with nothing left unfrozen.
  const again = [fresh(1), fresh(2), fresh(3), fresh(1)];
  assertSameAsOneByOne(again, "after a thrown batch");
  const decisions = api.evaluateStops(again);
  for (const decision of decisions) assert.ok(Object.isFrozen(decision.modes.normal.consequences), "nested objects are frozen");
  assert.notStrictEqual(decisions[0], decisions[3]);
  assert.strictEqual(decisions[0].modes, decisions[3].modes, "decisions of one template share its nested objects");
});
