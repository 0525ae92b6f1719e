// Rewrites the benchmark figures in README.md (between <!-- bench:begin -->
// and <!-- bench:end -->) from target/bench/results.json, as `make bench`
// wrote it: the figures are generated, never typed in.
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../", import.meta.url));
const r = JSON.parse(readFileSync(`${root}target/bench/results.json`, "utf8"));

const n = (value) => value.toLocaleString("en-US");
const range = (ratios) => `${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}`;
const verdict = (target) => `≤ ${n(target.limit)}: ${target.met ? "met" : "**not met**"}`;
const speedRow = (where, size, m, target) =>
  `| ${where}, ${n(Number(size))} tasks | ${n(m.package_ns)} | ${n(m.yardstick_ns)} | ${m.ratio.toFixed(2)} (rounds ${range(m.round_ratios)}) | ${target ? verdict(target) : ""} |`;

const t = r.targets;
const lines = [
  "| `evaluateStops`, ns per decision | package | yardstick | ratio (median of rounds) | target |",
  "|---|---|---|---|---|",
  ...Object.entries(r.node).map(([size, m]) => speedRow("Node", size, m, { 1000: t.node_1k_ratio, 100000: t.node_100k_ratio }[size])),
  ...Object.entries(r.chromium).map(([size, m]) => speedRow("Chromium", size, m, { 1000: t.chromium_1k_ratio }[size])),
  "",
  "| figure | package | yardstick | target |",
  "|---|---|---|---|",
  `| first call in Chromium: \`import()\` to the end of a first \`evaluateStops(1k)\`, median of ${r.setup.first_call_samples} fresh pages (of which the import, then the first batch) | ${r.first_call.package_ms} ms (${r.first_call.package.import_ms} + ${r.first_call.package.batch_ms}) | ${r.first_call.yardstick_ms} ms (${r.first_call.yardstick.import_ms} + ${r.first_call.yardstick.batch_ms}) | ratio ${r.first_call.ratio.toFixed(2)} (rounds ${range(r.first_call.round_ratios)}; the medians' ratio ${(r.first_call.package_ms / r.first_call.yardstick_ms).toFixed(2)}), ${verdict(t.first_call_ratio)} |`,
  `| bytes a page downloads (every file the entry loads, gzip -9) | ${n(r.bytes.package.gzip_bytes)} B (${r.bytes.package.files.map((f) => `\`${f.file}\` ${n(f.gzip_bytes)}`).join(", ")}) | ${n(r.bytes.yardstick.gzip_bytes)} B | ${verdict(t.browser_entry_gzip_bytes)} |`,
  `| wasm memory growth over ${r.memory.batches} batches of ${n(r.memory.batch_size)} tasks, after a warm-up | ${n(r.memory.wasm_growth_bytes)} B | | ${verdict(t.memory_growth_bytes)} |`,
  "",
  `Measured ${r.setup.measured_at.slice(0, 10)} (Node ${r.setup.node}, Chromium ${r.setup.chromium}, load average ${r.setup.load_average_1min_at_start} at the start); ` +
    `the yardstick was deep-equal to the package on ${n(r.verified.node_comparisons)} comparisons in Node and ${n(r.verified.chromium_comparisons)} in Chromium before it was timed.`,
];

const path = `${root}README.md`;
const readme = readFileSync(path, "utf8");
const begin = "<!-- bench:begin -->";
const end = "<!-- bench:end -->";
const start = readme.indexOf(begin);
const stop = readme.indexOf(end);
if (start < 0 || stop < start) throw new Error("README.md needs one bench:begin/bench:end block");
writeFileSync(path, `${readme.slice(0, start + begin.length)}\n${lines.join("\n")}\n${readme.slice(stop)}`);
console.log("README.md benchmark figures regenerated from target/bench/results.json");
