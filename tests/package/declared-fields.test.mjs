// The input side of the TypeScript declarations, against what the package
// really reads: a Proxy records every property the package asks a task, the
// options or a plan input for, and that set must equal the fields
// src/wasm/api.d.ts declares (tests/typescript_declarations.rs checks the
// output side against what Rust serialises). A field read but not declared,
// or declared but never read, fails here.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { task } from "./hostile.mjs";
import { importEsm } from "./scratch-project.mjs";

const api = await importEsm();
const declarations = readFileSync(new URL("../../src/wasm/api.d.ts", import.meta.url), "utf8");

/** The keys `export interface NAME` declares (its own, then its parents'), index signatures left out. */
function declaredKeys(name) {
  const head = declarations.match(new RegExp(`export interface ${name}(?:<[^>]*>)?(?: extends ([\\w, ]+))? \\{`));
  assert.ok(head, `no interface ${name} in api.d.ts`);
  // The body up to the brace that closes it (member types hold braces too: \`string & {}\`).
  let depth = 0;
  let end = head.index + head[0].length - 1;
  do {
    if (declarations[end] === "{") depth += 1;
    if (declarations[end] === "}") depth -= 1;
    end += 1;
  } while (depth > 0);
  const body = declarations.slice(head.index + head[0].length, end - 1).replace(/\/\*[\s\S]*?\*\//g, "");
  const own = [...body.matchAll(/^\s*(\w+)\??:/gm)].map((m) => m[1]);
  const parents = (head[1] ?? "").split(",").map((p) => p.trim()).filter(Boolean).flatMap((p) => [...declaredKeys(p)]);
  return new Set([...own, ...parents]);
}

/** `value` behind a Proxy that adds every string key read to `into`. */
const spy = (value, into) =>
  new Proxy(value, {
    get(target, key, receiver) {
      if (typeof key === "string") into.add(key);
      return Reflect.get(target, key, receiver);
    },
  });

const sorted = (set) => [...set].sort();
const FULL = { engine_type: "postgresql", task_type: "FULL_TRANS", network_abnormal: true, configuration_failed: false, is_parent: false, multi_write: false };

test("every task field the package reads is declared in StopTaskInput, and every declared one is read (name: for the UI only)", () => {
  // StopTaskInput = V3TaskInput | V5TaskInput; V3TaskInput (with TaskFields) declares every field.
  const declared = declaredKeys("V3TaskInput");
  declared.delete("name");
  // A v3 item names its kind db_use_type, so job_type is not read; a v5 item names it job_type.
  const v3Fields = new Set([...declared].filter((key) => key !== "job_type"));
  const { db_use_type: kind, ...withoutKind } = task({ id: "a", ...FULL });
  for (const [how, call] of [
    ["evaluateStop", (t) => api.evaluateStop(t)],
    ["evaluateStops", (t) => api.evaluateStops([t])],
    ["planStop", (t) => api.planStop({ tasks: [t] })],
    ["planDelete", (t) => api.planDelete({ tasks: [t] })],
  ]) {
    const read = new Set();
    call(spy(task({ id: "a", ...FULL }), read));
    assert.deepEqual(sorted(read), sorted(v3Fields), `${how} reads other task fields than api.d.ts declares`);
    const readV5 = new Set();
    call(spy({ ...withoutKind, job_type: kind }, readV5));
    assert.deepEqual(sorted(readV5), sorted(declared), `${how}: a v5 item's fields`);
  }
});

test("every option and plan field the package reads is declared (EvaluateOptions, PlanInput, DeletePlanInput)", () => {
  for (const [name, call, input] of [
    ["EvaluateOptions", (o) => api.evaluateStop(task(), o), { lang: "zh-cn", policy: "FullAccess" }],
    ["EvaluateOptions", (o) => api.evaluateStops([task()], o), { lang: "zh-cn", policy: "FullAccess" }],
    ["PlanInput", (p) => api.planStop(p), { tasks: [], force: "auto", api: "v5", lang: "zh-cn", policy: "FullAccess" }],
    ["DeletePlanInput", (p) => api.planDelete(p), { tasks: [], lang: "zh-cn", policy: "FullAccess" }],
  ]) {
    const read = new Set();
    call(spy(input, read));
    assert.deepEqual(sorted(read), sorted(declaredKeys(name)), `${name}: read and declared fields differ`);
  }
});
