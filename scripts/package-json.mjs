// Prints the npm package's package.json for the given version. The layout it
// describes is assembled by scripts/build-pkg.sh (see there for each file).
const version = process.argv[2];
if (!version) throw new Error("usage: package-json.mjs VERSION");

const repository = "https://github.com/drs-stop-rules/drs-stop-rules";

// Every entry has the same API and the same declarations (src/wasm/api.d.ts),
// copied beside it as .d.ts (ESM) or .d.cts (CommonJS) so TypeScript reads
// each in the right module format.
const browser = { types: "./web/index.d.ts", default: "./web/index.js" };
const inline = { types: "./inline/index.d.ts", default: "./inline/index.js" };
const commonjs = { types: "./node/index.d.cts", default: "./node/index.cjs" };

const pkg = {
  name: "drs-stop-rules",
  version,
  description:
    "Stop eligibility and stop-mode rules for DRS replication tasks, compiled from Rust to WebAssembly: the same decisions as the backend, in the browser and in Node.",
  license: "MIT OR Apache-2.0",
  repository: { type: "git", url: `git+${repository}.git` },
  homepage: `${repository}#readme`,
  bugs: { url: `${repository}/issues` },
  keywords: ["drs", "wasm", "webassembly", "replication", "console", "rules"],
  type: "module",
  // For tools that predate "exports" (TypeScript's node10 resolution, old bundlers).
  main: "./node/index.cjs",
  module: "./web/index.js",
  types: "./web/index.d.ts",
  exports: {
    ".": {
      // Node, and bundlers building for Node (SSR): the wasm is embedded, so
      // the entry works wherever the bundler puts it. require() reads the
      // .wasm file beside the package instead.
      node: { import: inline, require: commonjs },
      // CommonJS consumers outside the "node" condition: jest's jsdom
      // environment (conditions "browser" and "require").
      require: commonjs,
      // Browsers and bundlers: the .wasm file is fetched and compiled with a
      // top-level await, beside the module.
      default: browser,
    },
    // Everywhere: the wasm embedded in the module, compiled synchronously on
    // import (no top-level await, no fetch).
    "./inline": inline,
    // The wasm-bindgen module itself, for who wants to load the wasm by hand
    // (its default export init(), or initSync()).
    "./web": { types: "./web/drs_stop_rules.d.ts", default: "./web/drs_stop_rules.js" },
    // The raw .wasm file (its exports typed, as a WebAssembly ESM integration sees them).
    "./wasm": { types: "./web/drs_stop_rules_bg.wasm.d.ts", default: "./web/drs_stop_rules_bg.wasm" },
    "./package.json": "./package.json",
  },
  // TypeScript's node10 resolution ignores "exports": it finds subpaths as
  // folders, so "drs-stop-rules/web" must get the init() declarations there.
  typesVersions: {
    "*": {
      web: ["./web/drs_stop_rules.d.ts"],
      inline: ["./inline/index.d.ts"],
      wasm: ["./web/drs_stop_rules_bg.wasm.d.ts"],
    },
  },
  files: ["web/", "inline/", "node/", "README.md", "LICENSE-MIT", "LICENSE-APACHE"],
  // The entries instantiate the wasm module when they are imported; a bundler
  // that dropped that "unused" import would hand out functions on an
  // uninitialised module. Everything else is side-effect free.
  sideEffects: ["./web/index.js", "./inline/index.js", "./node/index.cjs"],
  engines: { node: ">=18" },
};
console.log(JSON.stringify(pkg, null, 2));
