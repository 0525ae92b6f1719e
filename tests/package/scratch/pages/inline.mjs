// drs-stop-rules/inline without a bundler: the wasm compiled synchronously,
// on the main thread, while the module is evaluated.
import { reportCorpus } from "../browser-report.mjs";

const cases = await (await fetch("../cases.json")).json();
let started = performance.now();
const api = await import("../node_modules/drs-stop-rules/inline/index.js");
console.log(`FIGURE inline_import_ms ${(performance.now() - started).toFixed(1)}`);
// What the synchronous compile alone costs here (Chromium allows it on the main thread for this size).
const bytes = await (await fetch("../node_modules/drs-stop-rules/web/drs_stop_rules_bg.wasm")).arrayBuffer();
started = performance.now();
new WebAssembly.Module(bytes);
console.log(`FIGURE sync_compile_main_thread_ms ${(performance.now() - started).toFixed(1)} (${bytes.byteLength} B, ${navigator.userAgent.match(/Chrome\/[\d.]+/)})`);
reportCorpus(api, cases);
