// Measures the built package (pkg/, from `make pack`): wasm size, start-up,
// speed of evaluateStops against a hand-written JavaScript baseline, and wasm
// memory growth. Writes target/bench/results.json and prints each figure with
// its target. A measurement, not a test: it exits 0 whether targets are met or
// not (but 1 when the baseline disagrees with the package, since the speed
// comparison would then mean nothing).
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { loadavg } from "node:os";
import { fileURLToPath, pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import { createBaseline, messagesFromPackage } from "./baseline.mjs";
import { realisticTasks } from "./tasks.mjs";

const root = fileURLToPath(new URL("../", import.meta.url));
const nodeEntry = `${root}pkg/node/drs_stop_rules.js`; // what require("drs-stop-rules") loads
const webGlue = `${root}pkg/web/drs_stop_rules.js`; // the "drs-stop-rules/web" export, with initSync
const BATCH = 100_000;
const SPEED_RUNS = 15;
const INIT_RUNS = 20;
const MEMORY_BATCHES = 20;
const TARGETS = { wasm_gzip_bytes: 30 * 1024, ratio_vs_js: 3, memory_growth_bytes: 64 * 1024 };

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const round = (value, digits = 1) => Number(value.toFixed(digits));

function wasmSizes() {
  const files = readdirSync(`${root}pkg`, { recursive: true }).filter((f) => f.endsWith(".wasm"));
  if (files.length === 0) throw new Error("no .wasm in pkg/: run make pack");
  const sizes = files.map((file) => {
    const bytes = readFileSync(`${root}pkg/${file}`);
    return { file: `pkg/${file}`, bytes: bytes.length, gzip_bytes: gzipSync(bytes, { level: 9 }).length };
  });
  return sizes.sort((a, b) => b.bytes - a.bytes);
}

/** Deep equality of the full decisions, for every corpus case in several languages and for `tasks`. */
function verifyBaseline(api, baseline, tasks) {
  const corpus = JSON.parse(readFileSync(`${root}tests/corpus/cases.json`, "utf8"));
  let compared = 0;
  for (const c of corpus.decisions) {
    for (const lang of new Set([undefined, "en-us", "zh-cn", "ZH-CN", "fr-fr", c.lang])) {
      const options = lang === undefined ? undefined : { lang };
      assert.deepStrictEqual(baseline.evaluateStop(c.task, options), api.evaluateStop(c.task, options), `${c.name} (lang ${lang})`);
      compared += 1;
    }
  }
  for (const lang of ["en-us", "zh-cn"]) {
    const corpusTasks = corpus.decisions.map((c) => c.task);
    assert.deepStrictEqual(baseline.evaluateStops(corpusTasks, { lang }), api.evaluateStops(corpusTasks, { lang }));
    compared += corpusTasks.length;
  }
  assert.deepStrictEqual(baseline.evaluateStops(tasks), api.evaluateStops(tasks), "the benchmark's tasks");
  return compared + tasks.length;
}

/** Median ns per decision of each contender over `tasks`, runs interleaved so drift hits all alike. */
function nsPerDecision(contenders, tasks) {
  for (let i = 0; i < 3; i++) for (const run of Object.values(contenders)) run(tasks); // warm-up
  const times = Object.fromEntries(Object.keys(contenders).map((name) => [name, []]));
  for (let i = 0; i < SPEED_RUNS; i++) {
    for (const [name, run] of Object.entries(contenders)) {
      // Collect the previous contender's garbage first, so no run pays for another's.
      globalThis.gc?.();
      const start = process.hrtime.bigint();
      const decisions = run(tasks);
      times[name].push(Number(process.hrtime.bigint() - start) / tasks.length);
      if (decisions.length !== tasks.length) throw new Error(`${name}: ${decisions.length} decisions`);
    }
  }
  const medians = Object.fromEntries(Object.entries(times).map(([name, ns]) => [name, round(median(ns))]));
  // The ratio of each round's two neighbouring runs, then the median of those:
  // a slow spell of the machine hits both runs of a round alike, so it cancels.
  const roundRatios = times.wasm.map((wasm, i) => wasm / times.js[i]);
  return { ...medians, ratio: median(roundRatios), roundRatios };
}

/** Fresh Node processes each loading the package's Node entry; ms from require() to ready. */
function freshProcessLoadMs() {
  const script = `const t = performance.now(); require(${JSON.stringify(nodeEntry)}); console.log(performance.now() - t);`;
  return Array.from({ length: INIT_RUNS }, () => Number(execFileSync(process.execPath, ["-e", script], { encoding: "utf8" })));
}

/** In this process: new WebAssembly.Module + instance with a fresh copy of the glue's imports. */
async function inProcessInstantiateMs(bytes) {
  const times = [];
  for (let i = 0; i < INIT_RUNS; i++) {
    // A query string gives a fresh glue module, so initSync really instantiates again.
    const glue = await import(`${pathToFileURL(webGlue).href}?instance=${i}`);
    const start = performance.now();
    glue.initSync({ module: new WebAssembly.Module(bytes) });
    times.push(performance.now() - start);
  }
  return times;
}

/** Growth of the wasm memory over repeated batches, after one warm-up batch. */
async function memoryGrowthBytes(bytes, tasks) {
  const glue = await import(`${pathToFileURL(webGlue).href}?instance=memory`);
  const { memory } = glue.initSync({ module: new WebAssembly.Module(bytes) });
  glue.evaluateStops(tasks);
  const before = memory.buffer.byteLength;
  for (let i = 0; i < MEMORY_BATCHES; i++) glue.evaluateStops(tasks);
  return { before, growth: memory.buffer.byteLength - before };
}

const loadAtStart = loadavg()[0];
const api = createRequire(import.meta.url)(nodeEntry);
const baseline = createBaseline(messagesFromPackage(api));
const tasks = realisticTasks(BATCH);
const comparedDecisions = verifyBaseline(api, baseline, tasks);

const sizes = wasmSizes();
const largest = sizes[0];
const wasmBytes = readFileSync(`${root}${largest.file}`);
const speed = nsPerDecision(
  {
    wasm: (list) => api.evaluateStops(list),
    js: (list) => baseline.evaluateStops(list),
    js_unshared: (list) => list.map((task) => baseline.evaluateStop(task)),
  },
  tasks,
);
const memory = await memoryGrowthBytes(wasmBytes, tasks);

const results = {
  wasm_bytes: largest.bytes,
  wasm_gzip_bytes: largest.gzip_bytes,
  init_ms_median: round(median(freshProcessLoadMs()), 2),
  ns_per_decision_wasm: speed.wasm,
  ns_per_decision_js: speed.js,
  ratio_vs_js: round(speed.ratio, 2),
  memory_growth_bytes: memory.growth,
  details: {
    ratio_vs_js_measures: "median over rounds of wasm ns / js ns, the two runs of a round back to back",
    ratio_vs_js_per_round: speed.roundRatios.map((ratio) => round(ratio, 2)),
    wasm_files: sizes,
    init_ms_median_measures: "fresh node processes, require() of pkg/node/drs_stop_rules.js (read, compile, instantiate)",
    init_ms_in_process_median: round(median(await inProcessInstantiateMs(wasmBytes)), 2),
    ns_per_decision_js_unshared: speed.js_unshared,
    js_baseline: "bench/baseline.mjs; evaluateStops shares nested objects per distinct input like the package; js_unshared builds every decision afresh",
    baseline_verified_decisions: comparedDecisions,
    memory_bytes_after_warm_up: memory.before,
    batch_size: BATCH,
    speed_runs: SPEED_RUNS,
    memory_batches: MEMORY_BATCHES,
    rules_version: api.rulesVersion(),
    node: process.version,
    // Timings are only comparable on an otherwise idle machine.
    load_average_1min_at_start: round(loadAtStart, 2),
    measured_at: new Date().toISOString(),
  },
};
results.targets = {
  every_wasm_gzip_bytes: { limit: TARGETS.wasm_gzip_bytes, value: Math.max(...sizes.map((s) => s.gzip_bytes)), met: sizes.every((s) => s.gzip_bytes <= TARGETS.wasm_gzip_bytes) },
  ratio_vs_js: { limit: TARGETS.ratio_vs_js, value: results.ratio_vs_js, met: results.ratio_vs_js <= TARGETS.ratio_vs_js },
  memory_growth_bytes: { limit: TARGETS.memory_growth_bytes, value: results.memory_growth_bytes, met: results.memory_growth_bytes <= TARGETS.memory_growth_bytes },
};

mkdirSync(`${root}target/bench`, { recursive: true });
writeFileSync(`${root}target/bench/results.json`, `${JSON.stringify(results, null, 2)}\n`);

for (const key of ["wasm_bytes", "wasm_gzip_bytes", "init_ms_median", "ns_per_decision_wasm", "ns_per_decision_js", "ratio_vs_js", "memory_growth_bytes"]) {
  console.log(`${key.padEnd(22)} ${results[key]}`);
}
console.log(`(baseline agreed with the package on ${comparedDecisions} decisions; js without sharing: ${speed.js_unshared} ns/decision)`);
for (const [name, { limit, value, met }] of Object.entries(results.targets)) {
  console.log(`target ${name} <= ${limit}: ${met ? "met" : "NOT met"} (${value})`);
}
console.log("wrote target/bench/results.json");
