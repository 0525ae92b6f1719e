#!/usr/bin/env bash
# Writes the seed corpora into fuzz/corpus/<target>/ (gitignored, rewritten
# on every run) and the dictionary fuzz/corpus/stop-rules.dict:
#   - every decision task and plan input of tests/corpus/cases.json, and the
#     error cases' inputs, so fuzzing starts from inputs that reach every rule;
#   - every raw status spelling the corpus uses, for status_parse;
#   - a few hand-made edge cases (fuzz/edge-seeds.json);
#   - the dictionary: field names, kinds, status codes and option values.
# Files are named by content hash, so re-seeding never duplicates an entry
# and inputs the fuzzer added earlier stay.
set -euo pipefail
cd "$(dirname "$0")/.."

node --input-type=module - <<'JS'
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { createHash } from "node:crypto";

const cases = JSON.parse(readFileSync("tests/corpus/cases.json", "utf8"));
const edge = JSON.parse(readFileSync("fuzz/edge-seeds.json", "utf8"));

const counts = {};
function seed(target, content) {
  const dir = `fuzz/corpus/${target}`;
  mkdirSync(dir, { recursive: true });
  const bytes = Buffer.isBuffer(content) ? content : Buffer.from(content, "utf8");
  writeFileSync(`${dir}/seed-${createHash("sha1").update(bytes).digest("hex")}`, bytes);
  counts[target] = (counts[target] ?? 0) + 1;
}

const tasks = cases.decisions.map((c) => c.task);
for (const task of tasks) seed("evaluate_json", JSON.stringify(task));
seed("evaluate_json", JSON.stringify(tasks.slice(0, 8)));
for (const plan of cases.plans) seed("plan_json", JSON.stringify(plan.input));
for (const error of cases.errors) {
  seed(error.op === "plan" ? "plan_json" : "evaluate_json", JSON.stringify(error.input));
}
const statuses = new Set([...tasks.map((t) => t.status), ...cases.labels.map((l) => l.status)]);
for (const status of statuses) if (typeof status === "string") seed("status_parse", status);

for (const [target, inputs] of Object.entries(edge)) {
  if (target === "about") continue;
  for (const input of inputs) {
    // evaluate_structured decodes raw bytes: its seeds are written as hex.
    seed(target, target === "evaluate_structured" ? Buffer.from(input, "hex") : input);
  }
}

// libFuzzer dictionary: each token bare and as a JSON string.
const tokens = new Set(["true", "false", "null", "{", "}", "[", "]", ":", ",", "：", "\"auto\"", "\"v3\"", "\"v5\""]);
const keys = ["tasks", "force", "api", "lang", "x-extra"];
for (const task of tasks) keys.push(...Object.keys(task));
const values = ["zh-cn", "en-us", "PAUSEING", "PAUSED", "STARTJOB_FAILED", "FULL_TRANS", "FULL_INCR_TRANS", "INCR_TRANS"];
for (const task of tasks) for (const v of Object.values(task)) if (typeof v === "string") values.push(v.split(/[:：]/)[0].trim());
for (const word of [...keys, ...values]) {
  if (word === "") continue;
  tokens.add(word);
  tokens.add(JSON.stringify(word));
}
const escape = (token) =>
  [...Buffer.from(token, "utf8")]
    .map((b) => (b === 0x22 || b === 0x5c ? "\\" + String.fromCharCode(b) : b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : "\\x" + b.toString(16).padStart(2, "0")))
    .join("");
writeFileSync("fuzz/corpus/stop-rules.dict", [...tokens].map((t) => `"${escape(t)}"`).join("\n") + "\n");

console.log(Object.entries(counts).map(([t, n]) => `${t}: ${n} seeds`).join(", ") + `; dictionary: ${tokens.size} tokens`);
JS
