// Puts the fast evaluateStops (src/wasm/front.js) into wasm-bindgen's glue,
// after the functions it calls, and exports it: ESM glue (web target) with
// `export`, CommonJS glue (nodejs target) through `exports`. Every entry of
// the package is built on one of these glue files, so each gets it. The
// wasm half's exports (`__stop...`) are made private to the glue.
//   node scripts/inject-front.mjs pkg/web/drs_stop_rules.js pkg/node/drs_stop_rules.js
import { readFileSync, writeFileSync } from "node:fs";

const front = readFileSync(new URL("../src/wasm/front.js", import.meta.url), "utf8");
for (const file of process.argv.slice(2)) {
  const glue = readFileSync(file, "utf8");
  const esm = /^export function __stopBatch\(/m.test(glue);
  const cjs = /^exports\.__stopBatch = __stopBatch;$/m.test(glue);
  if (esm === cjs) throw new Error(`${file}: expected wasm-bindgen glue exporting __stopBatch (ESM or CommonJS)`);
  if (/\bevaluateStops\b/.test(glue)) throw new Error(`${file}: already has an evaluateStops`);
  // The wasm half's functions stay private to the glue: the front is their only caller.
  const internal = esm
    ? glue.replace(/^export function (__stop\w+)\(/gm, "function $1(")
    : glue.replace(/^exports\.(__stop\w+) = \1;\n/gm, "");
  const exported = esm ? "export { evaluateStops };" : "exports.evaluateStops = evaluateStops;";
  writeFileSync(file, `${internal.trimEnd()}\n\n${front.trimEnd()}\n${exported}\n`);
}
