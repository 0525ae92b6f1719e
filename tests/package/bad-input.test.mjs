// Hostile and odd input against the built package (Node ESM entry). Each case
// must end in a decision or an Error with code INVALID_INPUT and a path, never
// another error (a wasm trap would be a WebAssembly.RuntimeError), and the
// module must still answer known cases correctly afterwards.
import assert from "node:assert/strict";
import { test } from "node:test";
import { assertStillAnswers, task, valueOrInputError } from "./hostile.mjs";
import { cases, importEsm } from "./scratch-project.mjs";

const api = await importEsm();

function nestedObject(depth) {
  let value = {};
  for (let i = 0; i < depth; i++) value = { child: value };
  return value;
}

function nestedArray(depth) {
  let value = [];
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

const isDecision = (d) => typeof d?.stoppable === "boolean" && typeof d?.modes?.force?.available === "boolean";
/** The decision for `task()` (sync, CREATING). */
const isCreating = (d) => isDecision(d) && d.status === "CREATING" && d.stoppable && d.status_label === "Creating";
const tenMegabytes = 10 * 1024 * 1024;

// Each: [name, call, what must happen]. `{ path }` = must throw INVALID_INPUT at that path;
// a function = must return a value that passes it. Every case states its one right outcome.
const hostileCases = [
  ...cases.errors.map((c) => [
    `corpus error: ${c.name}`,
    () =>
      c.op === "plan"
        ? api.planStop(c.input)
        : c.op === "plan-delete"
          ? api.planDelete(c.input)
          : Array.isArray(c.input)
            ? api.evaluateStops(c.input, c.options)
            : api.evaluateStop(c.input),
    { path: c.path },
  ]),

  // Deep nesting.
  ["an extra field nested 100k levels (ignored, like every extra field)", () => api.evaluateStop(task({ extra: nestedObject(100_000) })), isCreating],
  ["a batch of one task with an extra field nested 100k levels", () => api.evaluateStops([task({ extra: nestedObject(100_000) })]), (ds) => ds.length === 1 && isCreating(ds[0])],
  ["evaluateStops on an array nested 10k deep", () => api.evaluateStops(nestedArray(10_000)), { path: "[0]" }],
  ["evaluateStop on an array nested 10k deep", () => api.evaluateStop(nestedArray(10_000)), { path: "" }],
  ["a status that is an array nested 10k deep", () => api.evaluateStop(task({ status: nestedArray(10_000) })), { path: "status" }],
  ["plan tasks nested 10k deep", () => api.planStop({ tasks: nestedArray(10_000) }), { path: "tasks[0]" }],

  // Very large input.
  ["a 10 MB status", () => api.evaluateStop(task({ status: "X".repeat(tenMegabytes) })), (d) => d.blocked?.code === "UNKNOWN_STATUS"],
  ["a 10 MB description after the status", () => api.evaluateStop(task({ status: `PAUSED:${"x".repeat(tenMegabytes)}` })), (d) => d.status === "PAUSING"],
  ["10 MB of padding around the status", () => api.evaluateStop(task({ status: ` ${" ".repeat(tenMegabytes)}paused ` })), (d) => d.status === "PAUSING"],
  ["a 10 MB id", () => api.evaluateStop(task({ id: "i".repeat(tenMegabytes) })), (d) => d.id.length === tenMegabytes],
  ["a 10 MB extra field", () => api.evaluateStop(task({ description: "d".repeat(tenMegabytes) })), isDecision],
  ["200k tasks in one batch", () => api.evaluateStops(Array.from({ length: 200_000 }, (_, i) => task({ id: `t${i}` }))),
    (ds) => ds.length === 200_000 && ds[199_999].id === "t199999" && ds.every(isDecision)],
  ["200k tasks, the last one bad", () => api.evaluateStops(Array.from({ length: 200_000 }, (_, i) => (i === 199_999 ? { db_use_type: "sync" } : task()))),
    { path: "[199999].status" }],
  ["a plan of 200k tasks", () => api.planStop({ tasks: Array.from({ length: 200_000 }, (_, i) => task({ id: `t${i % 100_000}` })) }),
    (p) => p.accepted.length === 100_000 && p.rejected.length === 100_000 && p.rejected.every((r) => r.code === "DUPLICATE_TASK")],
  ["an array whose length lies (a Proxy claiming 2^32-1 elements): over the task limit", () => api.evaluateStops(new Proxy([task()], { get: (t, k) => (k === "length" ? 2 ** 32 - 1 : t[k]) })), { path: "" }],

  // Odd prototypes and objects.
  ["Object.create(null)", () => api.evaluateStop(Object.assign(Object.create(null), task())), isDecision],
  ["a class instance", () => api.evaluateStop(new (class Task { constructor() { Object.assign(this, task()); } })()), isDecision],
  ["fields on a class's prototype (getters) are read, as JS property access reads them", () => api.evaluateStop(new (class { get db_use_type() { return "sync"; } get status() { return "CREATING"; } })()), isCreating],
  ["prototype-inherited fields are read", () => api.evaluateStop(Object.create(task())), isCreating],
  ["a Proxy whose get trap throws: INVALID_INPUT at the first field read", () => api.evaluateStop(new Proxy(task(), { get() { throw new Error("trap"); } })), { path: "id" }],
  ["a Proxy whose get trap throws a non-Error", () => api.evaluateStop(new Proxy(task(), { get() { throw "trap"; } })), { path: "id" }],
  ["a Proxy whose ownKeys/has/getPrototypeOf traps throw: only get is used", () => api.evaluateStop(new Proxy(task(), { ownKeys() { throw new Error("keys"); }, has() { throw new Error("has"); }, getPrototypeOf() { throw new Error("proto"); } })), isCreating],
  ["a batch that is a Proxy whose get trap throws (on length)", () => api.evaluateStops(new Proxy([task()], { get() { throw new Error("trap"); } })), { path: "" }],
  ["options whose lang getter throws", () => api.evaluateStop(task(), { get lang() { throw new Error("lang"); } }), { path: "lang" }],
  ["a status getter that changes the kind", () => { const t = { db_use_type: "sync", get status() { t.db_use_type = "migration"; return "PAUSED"; } }; return api.evaluateStop(t); }, isDecision],
  ["a status getter that answers differently each time is read once", () => { let n = 0; return api.evaluateStop({ db_use_type: "sync", get status() { return n++ === 0 ? "CREATING" : 42; } }); }, isCreating],
  ["a getter that evaluates re-entrantly", () => api.evaluateStop({ db_use_type: "sync", get status() { api.evaluateStops([task(), task()]); return "PAUSED"; } }), (d) => d.status === "PAUSING"],
  ["a frozen task", () => api.evaluateStop(Object.freeze(task())), isDecision],
  ["a frozen batch of frozen tasks", () => api.evaluateStops(Object.freeze([Object.freeze(task({ id: "a" })), Object.freeze(task({ id: "b" }))])), (ds) => ds.length === 2],
  ["a sparse batch", () => api.evaluateStops([, task()]), { path: "[0]" }], // eslint-disable-line no-sparse-arrays
  ["an array-like object as a batch", () => api.evaluateStops({ length: 1, 0: task() }), { path: "" }],
  ["a typed array as a batch", () => api.evaluateStops(new Uint8Array(4)), { path: "" }],
  ["a Map as a task: its entries are not fields", () => api.evaluateStop(new Map(Object.entries(task()))), { path: "db_use_type" }],
  ["a Date as a task", () => api.evaluateStop(new Date()), { path: "db_use_type" }],
  ["an Error with task fields as a task", () => api.evaluateStop(Object.assign(new Error("x"), task())), isCreating],

  // Keys and strings that name Object.prototype members.
  ["an own __proto__ key", () => api.evaluateStop(JSON.parse('{"__proto__":{"status":"CREATING"},"db_use_type":"sync","status":"PAUSED"}')), (d) => d.status === "PAUSING"],
  ["a constructor key", () => api.evaluateStop(task({ constructor: "x", toString: 1, hasOwnProperty: null })), isDecision],
  ...["__proto__", "constructor", "toString", "hasOwnProperty", "valueOf"].flatMap((word) => [
    [`status "${word}"`, () => api.evaluateStop(task({ status: word })), (d) => d.blocked?.code === "UNKNOWN_STATUS" && d.status_label === word],
    [`db_use_type "${word}"`, () => api.evaluateStop(task({ db_use_type: word })), (d) => d.blocked?.code === "UNKNOWN_KIND"],
    [`statusLabel of kind "${word}"`, () => api.statusLabel(word, word, word), (label) => label === word],
    [`lang "${word}"`, () => api.evaluateStop(task(), { lang: word }), (d) => d.status_label === "Creating"],
  ]),
  ["plan ids __proto__ and constructor, each twice", () => api.planStop({ tasks: ["__proto__", "constructor", "__proto__", "constructor"].map((id) => task({ id })) }),
    (p) => p.accepted.map((a) => a.id).join() === "__proto__,constructor" && p.rejected.every((r) => r.code === "DUPLICATE_TASK")],
];

// Values that are not objects, everywhere an object or a string is expected.
const notObjects = { undefined, null: null, number: 42, NaN: NaN, string: "CREATING", empty: "", boolean: true, symbol: Symbol("task"), bigint: 10n, function: () => task() };
for (const [kind, value] of Object.entries(notObjects)) {
  hostileCases.push(
    [`evaluateStop(${kind})`, () => api.evaluateStop(value), { path: "" }],
    [`evaluateStops(${kind})`, () => api.evaluateStops(value), { path: "" }],
    [`evaluateStops([${kind}])`, () => api.evaluateStops([value]), { path: "[0]" }],
    [`planStop(${kind})`, () => api.planStop(value), { path: "" }],
    [`planStop({ tasks: [${kind}] })`, () => api.planStop({ tasks: [value] }), { path: "tasks[0]" }],
    // null and undefined mean "the defaults"; a string is a language tag (unknown ones fall back to en-us).
    [`evaluateStop options ${kind}`, () => api.evaluateStop(task(), value), value == null ? isCreating : { path: "" }],
    [`stopMatrix(${kind})`, () => api.stopMatrix(value), value == null || typeof value === "string" ? (m) => m.lang === "en-us" && m.rows.length > 0 : { path: "lang" }],
    [`statusLabel(${kind}, ${kind})`, () => api.statusLabel(value, value, value), typeof value === "string" ? (label) => label === value : { path: "dbUseType" }],
  );
  if (kind !== "string" && kind !== "empty") {
    hostileCases.push([`status ${kind}`, () => api.evaluateStop(task({ status: value })), { path: "status" }]);
    hostileCases.push([`db_use_type ${kind}`, () => api.evaluateStop(task({ db_use_type: value })), { path: "db_use_type" }]);
  }
  if (kind !== "undefined" && kind !== "null" && kind !== "boolean") {
    hostileCases.push([`flag network_abnormal ${kind}`, () => api.evaluateStop(task({ network_abnormal: value })), { path: "network_abnormal" }]);
  }
}

for (const [name, call, expected] of hostileCases) {
  test(name, () => {
    assert.ok(typeof expected === "function" || typeof expected?.path === "string", "each case states its one right outcome");
    const { value, error } = valueOrInputError(call, typeof expected === "object" ? expected.path : undefined);
    if (typeof expected === "object") assert.ok(error, `expected INVALID_INPUT at ${JSON.stringify(expected.path)}, got a value`);
    if (typeof expected === "function") assert.ok(!error && expected(value), `unexpected value: ${JSON.stringify(value)?.slice(0, 300)}`);
    assertStillAnswers(api);
  });
}

test("evaluateStops freezes the nested objects of decisions it takes from the careful path and from children: true", () => {
  const unfrozen = (value, path) =>
    value !== null && typeof value === "object"
      ? [...(Object.isFrozen(value) ? [] : [path]), ...Object.entries(value).flatMap(([k, v]) => unfrozen(v, `${path}.${k}`))]
      : [];
  // More children than the front keeps count of: read by the careful reader.
  const many = Array.from({ length: 70 }, (_, i) => task({ id: `c${i}` }));
  const careful = api.evaluateStops(["x", "y"].map((id) => task({ id, status: "INCRE_TRANSFER_FAILED", children: many })));
  const tree = api.evaluateStops([task({ id: "t", status: "INCRE_TRANSFER_FAILED", children: [task({ id: "c", status: "PAUSING" })] })], { children: true });
  assert.deepEqual(careful.map((d) => d.id), ["x", "y"]);
  assert.deepEqual(tree.map((d) => [d.id, d.parent_id]), [["t", null], ["c", "t"]]);
  for (const decision of [...careful, ...tree]) {
    assert.deepEqual(Object.entries(decision).flatMap(([k, v]) => unfrozen(v, k)), [], `${decision.id}: nested objects that are not frozen`);
    assert.ok(!Object.isFrozen(decision), "the decision itself is the caller's");
  }
  assertStillAnswers(api);
});

test("evaluateStops shares frozen nested objects: mutating one decision leaves the others intact", () => {
  const tasks = ["a", "b", "c"].map((id) => task({ id, status: "INCRE_TRANSFER_FAILED", engine_type: "postgresql" }));
  const blockedTasks = ["d", "e"].map((id) => task({ id, status: "DELETED" }));
  const [a, b] = api.evaluateStops(tasks);
  const [d, e] = api.evaluateStops(blockedTasks);
  // As documented: every nested object of a batch decision is frozen.
  const unfrozen = (value, path) =>
    value !== null && typeof value === "object"
      ? [...(Object.isFrozen(value) ? [] : [path]), ...Object.entries(value).flatMap(([k, v]) => unfrozen(v, `${path}.${k}`))]
      : [];
  for (const decision of [a, d]) {
    assert.deepEqual(Object.entries(decision).flatMap(([k, v]) => unfrozen(v, k)), [], "nested objects that are not frozen");
  }
  const pristine = structuredClone([b, e]);
  const mutations = [
    () => { a.modes.force.available = false; },
    () => { a.modes.normal.blocked.message = "changed"; },
    () => { delete a.modes.normal; },
    () => { a.modes.force.consequences.push({ code: "X", message: "x" }); },
    () => { a.modes.force.consequences[0].message = "changed"; },
    () => { a.modes.force.follow_ups.length = 0; },
    () => { a.advice.pop(); },
    () => { a.advice.reverse(); },
    () => { a.abnormal_reasons.push("NETWORK_ABNORMAL"); },
    () => { a.modes = {}; },
    () => { a.id = "b"; },
    () => { d.blocked.code = "X"; },
    () => { d.modes.force.blocked.message = "changed"; },
  ];
  for (const mutate of mutations) {
    try {
      mutate(); // module code is strict: writing to a frozen object throws
    } catch (error) {
      assert.ok(error instanceof TypeError, `${mutate}: ${error}`);
    }
    assert.deepEqual([b, e], pristine, `${mutate} changed another decision`);
  }
  // Nor may a later batch see the changes.
  const again = api.evaluateStops([...tasks, ...blockedTasks]);
  assert.deepEqual([again[1], again[4]], pristine);
  assertStillAnswers(api);
});
