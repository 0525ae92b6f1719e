// Prints the npm package's package.json for the given version.
const version = process.argv[2];
if (!version) throw new Error("usage: package-json.mjs VERSION");

const pkg = {
  name: "drs-stop-rules",
  version,
  description:
    "Stop eligibility and stop-mode rules for DRS replication tasks, compiled from Rust to WebAssembly: the same decisions as the backend, in the browser and in Node.",
  license: "MIT OR Apache-2.0",
  keywords: ["drs", "wasm", "webassembly", "replication", "console", "rules"],
  types: "./web/index.d.ts",
  main: "./node/drs_stop_rules.js",
  module: "./web/index.js",
  browser: "./web/index.js",
  exports: {
    ".": {
      node: {
        import: { types: "./node/index.d.mts", default: "./node/index.mjs" },
        require: { types: "./node/drs_stop_rules.d.ts", default: "./node/drs_stop_rules.js" },
      },
      default: { types: "./web/index.d.ts", default: "./web/index.js" },
    },
    "./web": { types: "./web/drs_stop_rules.d.ts", default: "./web/drs_stop_rules.js" },
    "./wasm": "./web/drs_stop_rules_bg.wasm",
    "./package.json": "./package.json",
  },
  files: ["web/", "node/", "README.md"],
  // The entries instantiate the wasm module when they are imported; a bundler
  // that dropped that "unused" import would hand out functions on an
  // uninitialised module. Everything else is side-effect free.
  sideEffects: ["./web/index.js", "./node/index.mjs", "./node/drs_stop_rules.js"],
  engines: { node: ">=18" },
};
console.log(JSON.stringify(pkg, null, 2));
