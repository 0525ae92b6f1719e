// Writes the browser entry (pkg/web/index.js, the package's "." for
// browsers and bundlers) as one module: wasm-bindgen's glue itself, ready
// on import. A module that only imported the glue cost the page one more
// request, one after the other, before the .wasm could even be asked for
// (issue 8, the first call: about 7 ms of a 25 ms import in Chromium).
// The glue's loader (init, initSync) stays in drs-stop-rules/web, for
// pages that load the .wasm themselves.
//   node scripts/browser-entry.mjs GLUE ENTRY
import { readFileSync, writeFileSync } from "node:fs";
import { replaceOnce } from "./replace-once.mjs";

const [glueFile, entryFile] = process.argv.slice(2);
const glue = readFileSync(glueFile, "utf8");

const loaderExport = "export { initSync, __wbg_init as default };";
let body = replaceOnce(glue, loaderExport, "", { file: glueFile, what: "the loader's export" });

// Code of the glue this entry never runs, left out (issue 8: bytes). Its top-level await
// means an engine of ES2022 or later, which has TextEncoder.encodeInto: no stand-in for it.
const encodeIntoStandIn = /\nif \(!\('encodeInto' in cachedTextEncoder\)\) \{\n[^]*?\n\}\n/;
body = replaceOnce(body, encodeIntoStandIn, "\n", { file: glueFile, what: "the encodeInto stand-in" });
// Every string is passed to the wasm with a realloc: the branch for none is dead.
const calls = body.match(/(?<!function )passStringToWasm0\(/g).length;
const withRealloc = body.match(/(?<!function )passStringToWasm0\([\w.]+, [\w.]+, [\w.]+\)/g)?.length ?? 0;
if (calls !== withRealloc) throw new Error(`${glueFile}: ${calls - withRealloc} of ${calls} passStringToWasm0 calls pass no realloc`);
const noRealloc = /(function passStringToWasm0\(arg, malloc, realloc\) \{\n)    if \(realloc === undefined\) \{\n[^]*?\n    \}\n/;
body = replaceOnce(body, noRealloc, "$1", { file: glueFile, what: "passStringToWasm0's branch without realloc" });

const entry = [
  "// Fetches and compiles the .wasm beside this file on import (top-level",
  "// await), so every export is ready to call. For manual loading, see",
  "// drs-stop-rules/web; for no top-level await and no fetch, drs-stop-rules/inline.",
  body,
  // The loader, in the fewest bytes: wasm-bindgen's own (__wbg_init, __wbg_load)
  // also takes bytes, modules and requests, which only drs-stop-rules/web
  // offers; unused here, the minifier drops it. Compiled while it downloads.
  'const imports = __wbg_get_imports();',
  'const response = await fetch(new URL("./drs_stop_rules_bg.wasm", import.meta.url));',
  "if (!response.ok) throw new Error(`failed to fetch Wasm: ${response.status} ${response.statusText} fetching '${response.url}'`);",
  "const { instance, module } = await WebAssembly.instantiateStreaming(response, imports).catch(async (error) => {",
  "  // A server that sends the .wasm with another type: compiled from its bytes (slower).",
  '  if (response.headers.get("Content-Type") === "application/wasm") throw error;',
  '  console.warn("drs-stop-rules: the .wasm was not served as application/wasm; compiling it from its bytes");',
  "  return WebAssembly.instantiate(await response.arrayBuffer(), imports);",
  "});",
  "__wbg_finalize_init(instance, module);",
  "",
].join("\n");
writeFileSync(entryFile, entry);
