// Real list items (contract section 10: job_type, job_action, children) on
// the fast path of evaluateStops (src/wasm/front.js): the front reads them
// itself, keys its templates on everything it read, and hands anything odd
// to the careful reader with a stand-in replaying what it read, so the
// careful path's errors and reads stay exactly as they are. Decisions in
// full for the corpus's lists are compared in fast-path.test.mjs.
import assert from "node:assert/strict";
import { test } from "node:test";
import { cases, importEsm, requireCjs } from "./scratch-project.mjs";

const api = await importEsm();
const items = cases.lists.flatMap((list) => list.response.jobs);
const OPTIONS = [undefined, { lang: "zh-cn" }, { policy: "ReadOnlyAccess" }, { policy: "FullWithOutDeletePermission" }];

// ---------------------------------------------------------------- the list items take the fast path

/** How often the wasm reads (the glue's `Reflect.get`, the careful reader's only way in) an object of `watched` during `call`. */
function wasmReadsOf(watched, call) {
  const original = Reflect.get;
  let reads = 0;
  Reflect.get = (target, ...rest) => {
    if (watched.has(target)) reads += 1;
    return original(target, ...rest);
  };
  try {
    call();
  } finally {
    Reflect.get = original;
  }
  return reads;
}
const partsOf = (item) =>
  [item, item.job_action, item.job_action?.available_actions, item.job_action?.unavailable_actions, item.children].filter(
    (part) => typeof part === "object" && part !== null,
  );

test("the corpus's v3 and v5 list items take the fast path: the wasm reads none of them, the front reads them all", () => {
  const withJobType = items.find((item) => item.db_use_type === undefined && typeof item.job_type === "string");
  const withAction = items.find((item) => item.job_action?.available_actions?.length > 0);
  const withChildren = items.find((item) => item.children?.length > 0 && item.is_parent === undefined);
  assert.ok(withJobType && withAction && withChildren, "the corpus's lists carry job_type, job_action and children");
  // The hook sees the careful reader: evaluateStop reads every one of these through it.
  for (const item of [withJobType, withAction, withChildren]) {
    assert.ok(wasmReadsOf(new Set(partsOf(item)), () => api.evaluateStop(item)) >= 3, item.id);
  }
  const watched = new Set(items.flatMap(partsOf));
  for (const rules of [api, requireCjs()]) {
    for (const options of OPTIONS) {
      for (let round = 0; round < 2; round++) {
        assert.equal(wasmReadsOf(watched, () => rules.evaluateStops(items, options)), 0, JSON.stringify(options));
      }
    }
  }
});

// ---------------------------------------------------------------- items that differ only in what the front keys on

const v5 = (status, fields = {}) => ({
  id: `${status}-${JSON.stringify(fields)}`, job_type: "sync", status, engine_type: "mysql", task_type: "FULL_INCR_TRANS",
  job_mode_role: "single", ...fields,
});
const actions = (available, unavailable) => ({ job_action: { available_actions: available, unavailable_actions: unavailable, current_action: "" } });
const ACTION_VARIANTS = [
  {}, { job_action: null }, { job_action: {} }, actions(["FREE_RESOURCE"], []), actions([], ["FREE_RESOURCE"]),
  actions(["CLONE"], ["FREE_RESOURCE", "DELETE"]), actions(["FREE_RESOURCE", "DELETE"], []), actions(["DELETE"], ["FREE_RESOURCE"]),
  actions(["FREE_RESOURCE", "DELETE"], null), actions(undefined, ["DELETE"]), actions(null, ["FREE_RESOURCE"]),
  actions(["FREE_RESOURCEDELETE"], []), actions(["FREE_", "RESOURCE"], []), actions(["DELETE", "FREE_RESOURCE"], []),
  actions(["FREE_RESOURCE"], ["DELETE"]), actions([], ["FREE_RESOURCE", "FREE_RESOURCE"]),
];
const KIND_VARIANTS = [
  { job_type: undefined, db_use_type: "sync" }, { db_use_type: null }, { db_use_type: undefined, job_type: "migration" },
  { db_use_type: "subscription" }, { job_type: "sync:实时同步" }, { db_use_type: "migration", job_type: "sync" },
  { job_type: "subscription" }, { job_type: undefined, db_use_type: "subscription" },
];
const PARENT_VARIANTS = [
  { children: [] }, { children: [{}] }, { children: [{}, {}, {}] }, { children: [{}], is_parent: false }, { children: [], is_parent: true },
  { children: null }, { job_mode_role: "parent" }, { job_mode_role: "parent", is_parent: false }, { job_mode_role: "master" },
  { children: [{}], ...actions(["FREE_RESOURCE"], []) }, { children: [{}, {}], ...actions([], ["FREE_RESOURCE"]) },
];
const STATUSES = ["INCRE_TRANSFER_STARTED", "FULL_TRANSFER_FAILED", "CREATING", "PAUSED", "RELEASE_RESOURCE_STARTED"];
const groups = { job_action: ACTION_VARIANTS, kind: KIND_VARIANTS, parent: PARENT_VARIANTS };

test("items that differ only in job_action's lists, in where the kind comes from, or in children get their own decisions", () => {
  const all = STATUSES.flatMap((status) => Object.values(groups).flatMap((variants) => variants.map((fields) => v5(status, fields))));
  // The groups are worth checking: their careful decisions differ within each group.
  for (const [name, variants] of Object.entries(groups)) {
    const distinct = new Set(variants.map((fields) => JSON.stringify({ ...api.evaluateStop(v5(STATUSES[0], fields)), id: null })));
    assert.ok(distinct.size >= 3, `${name}: ${distinct.size} distinct decisions`);
  }
  for (const options of OPTIONS) {
    const oneByOne = all.map((item) => api.evaluateStop(item, options));
    // Each order has another item fill a key first: a key missing something makes a wrong copy.
    for (const order of [all.map((_, i) => i), all.map((_, i) => all.length - 1 - i)]) {
      const batch = api.evaluateStops(order.map((i) => all[i]), options);
      order.forEach((i, at) => assert.deepStrictEqual(batch[at], oneByOne[i], `${all[i].id} ${JSON.stringify(options)}`));
    }
  }
});

// ---------------------------------------------------------------- odd items: the careful path's reads and errors

/** `value` behind a proxy that logs every property read (`path.key`), and so every object read from it. */
function logged(value, path, log) {
  if (typeof value !== "object" || value === null) return value;
  return new Proxy(value, {
    get(target, key, receiver) {
      const at = `${path}.${String(key)}`;
      log.push(at);
      return logged(Reflect.get(target, key, receiver), at, log);
    },
  });
}
const throwsOn = (object, key) => Object.defineProperty(object, key, { enumerable: true, get: () => { throw new Error(`${String(key)} trap`); } });
const revoked = (target) => {
  const { proxy, revoke } = Proxy.revocable(target, {});
  revoke();
  return proxy;
};
const lengthSays = (array, length) =>
  new Proxy(array, {
    get(target, key, receiver) {
      if (key !== "length") return Reflect.get(target, key, receiver);
      if (length === "throws") throw new RangeError("length trap");
      return length;
    },
  });
const base = () => ({
  id: "h", job_type: "cloudDataGuard", status: "INCRE_TRANSFER_STARTED", job_mode_role: "single", children: [{}],
  job_action: { available_actions: ["CLONE", "FREE_RESOURCE"], unavailable_actions: ["DELETE"], current_action: "" },
});
const withAction = (change) => {
  const item = base();
  change(item.job_action);
  return item;
};
const names = (count) => Array.from({ length: count }, (_, i) => (i === count - 1 ? "FREE_RESOURCE" : `ACTION_${i}`));
const HOSTILE = {
  "a plain v5 item": () => base(),
  "job_action's getter throws": () => throwsOn(base(), "job_action"),
  ...Object.fromEntries([7, "FREE_RESOURCE", true, [], () => {}].map((value) => [`job_action ${typeof value} ${String(value)}`, () => ({ ...base(), job_action: value })])),
  "job_action a revoked proxy": () => ({ ...base(), job_action: revoked({}) }),
  "available_actions' getter throws": () => withAction((action) => throwsOn(action, "available_actions")),
  ...Object.fromEntries(["FREE_RESOURCE", { 0: "FREE_RESOURCE", length: 1 }, 3, new Set(["DELETE"])].map((value, i) => [`available_actions odd ${i}`, () => withAction((action) => (action.available_actions = value))])),
  "available_actions a revoked proxy": () => withAction((action) => (action.available_actions = revoked([]))),
  ...Object.fromEntries(["throws", NaN, -1, 1.5, 2 ** 32, "1", 10_000_001, 1].map((length) => [`available_actions' length ${String(length)}`, () => withAction((action) => (action.available_actions = lengthSays(["CLONE", "FREE_RESOURCE"], length)))])),
  "available_actions' element 1 throws": () => withAction((action) => throwsOn(action.available_actions, 1)),
  ...Object.fromEntries([5, null, undefined, {}, ["FREE_RESOURCE"]].map((value, i) => [`available_actions' element 1 odd ${i}`, () => withAction((action) => (action.available_actions[1] = value))])),
  "available_actions with a hole": () => withAction((action) => (action.available_actions = ["CLONE", , "FREE_RESOURCE"])), // eslint-disable-line no-sparse-arrays
  "available_actions of 65 names": () => withAction((action) => (action.available_actions = names(65))),
  "available_actions of 300 names": () => withAction((action) => (action.available_actions = names(300))),
  "unavailable_actions' getter throws, after a plain list": () => withAction((action) => throwsOn(action, "unavailable_actions")),
  "unavailable_actions' element 1 is a number": () => withAction((action) => (action.unavailable_actions = ["START", 3])),
  "unavailable_actions' length throws": () => withAction((action) => (action.unavailable_actions = lengthSays(["DELETE"], "throws"))),
  "unavailable_actions a string": () => withAction((action) => (action.unavailable_actions = "DELETE")),
  "an element getter that changes the next list": () => withAction((action) => Object.defineProperty(action.available_actions, 0, { enumerable: true, get: () => ((action.unavailable_actions = ["FREE_RESOURCE"]), "CLONE") })),
  "an element getter that calls evaluateStops on other items": () => withAction((action) => Object.defineProperty(action.available_actions, 1, { enumerable: true, get: () => (api.evaluateStops([{ ...base(), job_action: { available_actions: ["DELETE", "X", "Y"], unavailable_actions: [] } }]), "FREE_RESOURCE") })),
  "children's getter throws": () => throwsOn(base(), "children"),
  ...Object.fromEntries([3, "x", {}, true].map((value) => [`children ${typeof value}`, () => ({ ...base(), children: value })])),
  "children a revoked proxy": () => ({ ...base(), children: revoked([]) }),
  ...Object.fromEntries(["throws", NaN, 2 ** 32, 0, 2].map((length) => [`children's length ${String(length)}`, () => ({ ...base(), children: lengthSays([{}], length) })])),
  "5000 children": () => ({ ...base(), children: new Array(5000).fill({}) }),
  "a children getter that removes job_action": () => Object.defineProperty(base(), "children", { enumerable: true, get() { delete this.job_action; return [{}]; } }),
  "5000 children, then a getter that removes job_action from its task": () =>
    Object.defineProperty({ ...base(), children: new Array(5000).fill({}) }, "job_mode_role", { enumerable: true, get() { delete this.job_action; return "single"; } }),
  "job_type's getter throws": () => throwsOn(base(), "job_type"),
  "job_type a number": () => ({ ...base(), job_type: 3 }),
  "no kind at all": () => ({ ...base(), job_type: null }),
  "db_use_type a number, job_type a string": () => ({ ...base(), db_use_type: 3 }),
  "db_use_type's getter throws": () => throwsOn(base(), "db_use_type"),
  "db_use_type null, job_type given": () => ({ ...base(), db_use_type: null, job_type: "migration" }),
  "db_use_type given, job_type's getter would throw": () => throwsOn({ ...base(), db_use_type: "sync" }, "job_type"),
  "job_mode_role a number": () => ({ ...base(), job_mode_role: 1 }),
  "status's getter throws after job_type": () => throwsOn(base(), "status"),
};

/** The reads and the outcome of `call(log)`; an error as its name, code, path and message. */
function observe(call) {
  const log = [];
  try {
    return { log, value: call(log) };
  } catch (error) {
    return { log, error: { name: error?.name, code: error?.code, path: error?.path, message: error?.message } };
  }
}

test("odd list items: evaluateStops reads each field as often and in the order evaluateStop does, and answers the same", () => {
  const before = base();
  for (const [name, make] of Object.entries(HOSTILE)) {
    for (let round = 0; round < 2; round++) {
      const single = observe((log) => api.evaluateStop(logged(make(), "task", log)));
      const batch = observe((log) => api.evaluateStops([before, logged(make(), "task", log)]));
      assert.deepEqual(batch.log, single.log, `${name}: the reads`);
      if (single.error) {
        const path = single.error.path === "" ? "[1]" : `[1].${single.error.path}`;
        const message = single.error.message.replace(`at ${single.error.path}:`, `at ${path}:`);
        assert.deepEqual(batch.error, { ...single.error, path, message }, name);
        assert.equal(single.error.code, "INVALID_INPUT", name);
      } else {
        assert.equal(batch.error, undefined, `${name}: ${JSON.stringify(batch.error)}`);
        assert.deepStrictEqual(batch.value[1], single.value, name);
      }
    }
  }
});
