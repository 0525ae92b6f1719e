// `make bench`: measures the packed package (pkg/, from `make pack`) against
// the yardstick, the fastest plain JavaScript we could write for the same
// contract (bench/baseline.mjs), in Node and in headless Chromium, in one run:
//   - the yardstick is first checked deep-equal to the package (corpus, 100k
//     varied tasks in every language option, broken tasks' errors), in Node
//     and in Chromium; the run stops (exit 1) if they differ;
//   - evaluateStops ns/decision and ratios at 1k, 10k, 100k tasks in Node and
//     1k, 100k in Chromium (medians of back-to-back rounds, see rounds.mjs);
//   - first call in Chromium: import() to the end of a first evaluateStops(1k);
//   - bytes a page downloads for the browser entry (every file, gzip -9);
//   - wasm memory growth over repeated batches.
// Writes target/bench/results.json; bench/readme.mjs turns it into the README's figures.
// A measurement, not a test: targets missed still exit 0.
import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { fileURLToPath, pathToFileURL } from "node:url";
import { textFromPackage } from "./baseline-text.mjs";
import { createBaseline } from "./baseline.mjs";
import { measureChromium } from "./chromium.mjs";
import { timeRounds } from "./rounds.mjs";
import { realisticTasks } from "./tasks.mjs";
import { verifyYardstick } from "./verify.mjs";

const root = fileURLToPath(new URL("../", import.meta.url));
const out = `${root}target/bench`;
const ROUNDS = 15;
const NODE_SIZES = [1_000, 10_000, 100_000];
const CHROMIUM_SIZES = [1_000, 100_000];
const VARIED = 100_000;
const FIRST_CALL_SAMPLES = 21; // fresh pages are noisy: the ratio is a median over many
const MEMORY_BATCHES = 20;
export const TARGETS = { ratio: 2.0, first_call_ratio: 2.0, gzip_bytes: 25_600, memory_growth_bytes: 0 };

// Every wasm instance the package creates, so its memory can be watched
// whatever the entry's loader looks like.
const instances = [];
const { Instance, instantiate } = WebAssembly;
WebAssembly.Instance = function (module, imports) {
  const instance = new Instance(module, imports);
  instances.push(instance);
  return instance;
};
WebAssembly.instantiate = async (...args) => {
  const result = await instantiate(...args);
  instances.push(result.instance ?? result);
  return result;
};

/** The package as `import "drs-stop-rules"` gives it in Node (through pkg/package.json's exports). */
async function importPackageInNode() {
  const consumer = `${out}/consumer`;
  rmSync(consumer, { recursive: true, force: true });
  mkdirSync(`${consumer}/node_modules`, { recursive: true });
  symlinkSync(`${root}pkg`, `${consumer}/node_modules/drs-stop-rules`, "dir");
  writeFileSync(`${consumer}/load.mjs`, 'import * as api from "drs-stop-rules";\nexport default api;\n');
  return (await import(pathToFileURL(`${consumer}/load.mjs`).href)).default;
}

/** The file a browser without a bundler gets for `import "drs-stop-rules"`, from the exports map. */
function browserEntry() {
  const manifest = JSON.parse(readFileSync(`${root}pkg/package.json`, "utf8"));
  const pick = (target) => {
    if (typeof target === "string") return target;
    for (const condition of ["browser", "import", "default"]) if (target?.[condition] !== undefined) return pick(target[condition]);
    return undefined;
  };
  const entry = pick(manifest.exports?.["."]) ?? manifest.browser ?? manifest.module;
  if (!entry) throw new Error("pkg/package.json names no browser entry");
  return `/pkg/${entry.replace(/^\.\//, "")}`;
}

/** The yardstick as a page would load it: its module and its strings file. */
function writeYardstickPageEntry(text) {
  mkdirSync(`${out}/www`, { recursive: true });
  writeFileSync(`${out}/www/baseline-text.mjs`, `export default ${JSON.stringify(text)};\n`);
  writeFileSync(
    `${out}/www/yardstick.mjs`,
    'import { createBaseline } from "/bench/baseline.mjs";\nimport text from "./baseline-text.mjs";\nexport const { evaluateStop, evaluateStops } = createBaseline(text);\n',
  );
  return "/target/bench/www/yardstick.mjs";
}

function wasmMemoryGrowth(api, tasks) {
  api.evaluateStops(tasks);
  const memories = () => instances.map((i) => i.exports.memory?.buffer.byteLength ?? 0);
  const before = memories();
  for (let i = 0; i < MEMORY_BATCHES; i++) api.evaluateStops(tasks);
  const growth = memories().reduce((sum, bytes, i) => sum + bytes - before[i], 0);
  return { growth, before: before.reduce((a, b) => a + b, 0) };
}

function fail(where, failures) {
  console.error(`the yardstick and the package differ (${where}):\n  ${failures.join("\n  ")}`);
  process.exit(1);
}

const loadAtStart = loadavg()[0];
const api = await importPackageInNode();
const text = textFromPackage(api);
const yardstick = createBaseline(text);
const cases = JSON.parse(readFileSync(`${root}tests/corpus/cases.json`, "utf8"));

const verified = verifyYardstick(api, yardstick, cases, { varied: VARIED });
if (verified.failures.length) fail("Node", verified.failures);
console.log(`yardstick deep-equal to the package in Node on ${verified.compared} comparisons`);

const gc = globalThis.gc ?? (() => {});
const node = {};
for (const size of NODE_SIZES) {
  const tasks = realisticTasks(size);
  node[size] = timeRounds({ pkg: (t) => api.evaluateStops(t), yardstick: (t) => yardstick.evaluateStops(t) }, tasks, {
    rounds: ROUNDS,
    now: () => performance.now(),
    collect: gc,
  });
  console.log(`node ${size}: package ${node[size].package_ns} ns, yardstick ${node[size].yardstick_ns} ns, ratio ${node[size].ratio}`);
}
const memory = wasmMemoryGrowth(api, realisticTasks(100_000));

const entries = { pkg: browserEntry(), yardstick: writeYardstickPageEntry(text) };
const browser = await measureChromium(root, entries, { rounds: ROUNDS, sizes: CHROMIUM_SIZES, firstCallSamples: FIRST_CALL_SAMPLES, varied: VARIED });
if (browser.verified.failures.length) fail("Chromium", browser.verified.failures);
console.log(`yardstick deep-equal to the package in Chromium on ${browser.verified.compared} comparisons`);

const results = {
  node,
  chromium: browser.speed,
  first_call: browser.first_call,
  bytes: browser.bytes,
  memory: { wasm_growth_bytes: memory.growth, wasm_bytes_after_warm_up: memory.before, batches: MEMORY_BATCHES, batch_size: 100_000 },
  verified: { node_comparisons: verified.compared, chromium_comparisons: browser.verified.compared },
  setup: {
    rounds: ROUNDS,
    first_call_samples: FIRST_CALL_SAMPLES,
    browser_entry: entries.pkg,
    ratio_measures: "median over rounds of package ns / yardstick ns, the two runs of a round back to back",
    node: process.version,
    chromium: browser.version,
    rules_version: api.rulesVersion(),
    load_average_1min_at_start: Number(loadAtStart.toFixed(2)),
    measured_at: new Date().toISOString(),
  },
};
const met = (value, limit) => ({ limit, value, met: value <= limit });
results.targets = {
  node_1k_ratio: met(node[1_000].ratio, TARGETS.ratio),
  node_100k_ratio: met(node[100_000].ratio, TARGETS.ratio),
  chromium_1k_ratio: met(browser.speed[1_000].ratio, TARGETS.ratio),
  first_call_ratio: met(browser.first_call.ratio, TARGETS.first_call_ratio),
  browser_entry_gzip_bytes: met(browser.bytes.package.gzip_bytes, TARGETS.gzip_bytes),
  memory_growth_bytes: met(memory.growth, TARGETS.memory_growth_bytes),
};

mkdirSync(out, { recursive: true });
writeFileSync(`${out}/results.json`, `${JSON.stringify(results, null, 2)}\n`);
for (const [size, r] of Object.entries(browser.speed)) {
  console.log(`chromium ${size}: package ${r.package_ns} ns, yardstick ${r.yardstick_ns} ns, ratio ${r.ratio}`);
}
console.log(`first call: package ${results.first_call.package_ms} ms, yardstick ${results.first_call.yardstick_ms} ms`);
console.log(`browser entry: ${results.bytes.package.gzip_bytes} B gzip -9 (yardstick ${results.bytes.yardstick.gzip_bytes} B)`);
for (const [name, { limit, value, met: ok }] of Object.entries(results.targets)) {
  console.log(`target ${name} <= ${limit}: ${ok ? "met" : "NOT met"} (${value})`);
}
console.log("wrote target/bench/results.json");
