#!/usr/bin/env bash
# Builds the npm package into pkg/: one tarball-ready folder that works from
# Node ESM (import), Node CommonJS (require), bundlers (Vite) and a plain
# <script type="module"> page.
#
#   pkg/web/   wasm-bindgen "web" target + index.js, which loads the wasm with
#              top-level await (browsers, Vite); pkg/web/drs_stop_rules.js is
#              the same build with an explicit init() for those who want it
#   pkg/node/  wasm-bindgen "nodejs" target (CommonJS) + an ESM wrapper
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/wasm-env.sh

# The size-first profile of Cargo.toml (the CLI and the server use `release`, for speed).
profile_flag="--profile wasm-release"
[ "${1:-}" = "--dev" ] && profile_flag=--dev

# Size settings for the shipped wasm only (tests build without them, so a
# failing assertion still prints its message): std rebuilt for size, panics
# abort at once without formatting, no panic locations, no Debug output.
export RUSTC_BOOTSTRAP=1
export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
export CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size
export RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none -Zfmt-debug=none"
# Other flags than the test builds: keep their artifacts apart.
export CARGO_TARGET_DIR="$PWD/target/pkg-build"

rm -rf pkg
for target in web nodejs; do
  out=pkg/$([ $target = nodejs ] && echo node || echo web)
  # --mode force: wasm-pack's own target check does not know build-std toolchains.
  wasm-pack --log-level warn build $profile_flag --mode force --no-pack \
    --target $target --out-dir "$out" --out-name drs_stop_rules -- --no-default-features --features talc
done
rm -f pkg/*/.gitignore
# The fast evaluateStops, in every glue file (issue 8; src/wasm/front.js).
node scripts/inject-front.mjs pkg/web/drs_stop_rules.js pkg/node/drs_stop_rules.js
# Smaller downloads (issue 8): the glue minified.
node scripts/minify-glue.mjs pkg/web/drs_stop_rules.js pkg/node/drs_stop_rules.js

version=$(cargo metadata --no-deps --format-version 1 | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).packages.find(p=>p.name==="drs-stop-rules").version))')

# Module-format markers, so Node reads each folder right.
echo '{ "type": "module" }' > pkg/web/package.json
echo '{ "type": "commonjs" }' > pkg/node/package.json

# The API's names, read from the build itself, so a new function needs no
# change here (and the loader's own exports stay out of the main entries).
names=$(node -e 'console.log(Object.keys(require("./pkg/node/drs_stop_rules.js")).filter(n => !n.startsWith("__")).join(", "))')

# Browser entry: ready to use on import.
cat > pkg/web/index.js <<JS
// Loads and instantiates the wasm module (fetched beside this file) on import,
// so every export is ready to call. Use ./drs_stop_rules.js for manual init().
import init from "./drs_stop_rules.js";
await init({ module_or_path: new URL("./drs_stop_rules_bg.wasm", import.meta.url) });
export { ${names} } from "./drs_stop_rules.js";
JS
# The declarations of the package's API, without the loader's internals.
cp src/wasm/api.d.ts pkg/web/index.d.ts

# Node ESM entry: the CommonJS build re-exported by name.
cat > pkg/node/index.mjs <<JS
import { createRequire } from "node:module";
const api = createRequire(import.meta.url)("./drs_stop_rules.js");
export const { ${names} } = api;
JS
cat > pkg/node/index.d.mts <<'TS'
export * from "./drs_stop_rules.js";
TS

node scripts/package-json.mjs "$version" > pkg/package.json
cp README.md pkg/README.md 2>/dev/null || true
echo "built pkg/ (drs-stop-rules $version): $(ls pkg/web/*.wasm pkg/node/*.wasm | xargs -n1 wc -c | awk '{printf "%s %d B; ", $2, $1}')"
