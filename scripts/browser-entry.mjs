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
const entry = [
  "// Fetches and compiles the .wasm beside this file on import (top-level",
  "// await), so every export is ready to call. For manual loading, see",
  "// drs-stop-rules/web; for no top-level await and no fetch, drs-stop-rules/inline.",
  replaceOnce(glue, loaderExport, "", { file: glueFile, what: "the loader's export" }),
  'await __wbg_init({ module_or_path: new URL("./drs_stop_rules_bg.wasm", import.meta.url) });',
  "",
].join("\n");
writeFileSync(entryFile, entry);
