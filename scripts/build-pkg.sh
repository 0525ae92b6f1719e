#!/usr/bin/env bash
# Builds the npm package into pkg/ ("exports", and which entry serves whom:
# scripts/package-json.mjs). One wasm-bindgen "web" build; every entry is
# made from it:
#
#   pkg/web/drs_stop_rules_bg.wasm   the one .wasm file (export ./wasm)
#   pkg/web/drs_stop_rules.js        wasm-bindgen's module: init()/initSync()
#                                    and the API (export ./web)
#   pkg/web/index.js                 browsers and bundlers: the glue itself,
#                                    fetching the .wasm beside it with a
#                                    top-level await (".")
#   pkg/inline/index.js              the wasm embedded, compiled synchronously
#                                    on import (./inline; Node's import of ".")
#   pkg/node/index.cjs               CommonJS (require of "."): the same module
#                                    bundled as CommonJS, reads ../web/*.wasm
#
#   scripts/build-pkg.sh         release build (size settings, wasm-opt)
#   scripts/build-pkg.sh --dev   debug build, no wasm-opt
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/wasm-env.sh

# The size-first profile of Cargo.toml (the CLI and the server use `release`, for speed).
profile_flag="--profile wasm-release"
[ "${1:-}" = "--dev" ] && profile_flag=--dev

# ---------------------------------------------------------------- 1. compile

# Size settings for the shipped wasm only (tests build without them, so a
# failing assertion still prints its message): std rebuilt for size, panics
# abort at once without formatting, no panic locations, no Debug output;
# no reference types or multi-value (wasm-bindgen then keeps JS values in a
# table of its glue, and returns through memory): a smaller module, as fast,
# and one whose exception shims free what a throwing getter leaves (with
# reference types, each such call kept a table slot for good).
export RUSTC_BOOTSTRAP=1
export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
export CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size
export RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none -Zfmt-debug=none -Ctarget-feature=-reference-types,-multivalue"
# Other flags than the test builds: keep their artifacts apart.
export CARGO_TARGET_DIR="$PWD/target/pkg-build"

rm -rf pkg
# --mode force: wasm-pack's own target check does not know build-std toolchains.
# wasm-pack's own wasm-opt step is off (Cargo.toml); step 2 runs it.
wasm-pack --log-level warn build $profile_flag --mode force --no-pack \
  --target web --out-dir pkg/web --out-name drs_stop_rules -- --no-default-features --features talc
rm -f pkg/web/.gitignore
wasm=pkg/web/drs_stop_rules_bg.wasm

# ---------------------------------------------------------------- 2. wasm-opt

# The one place for the optimizer's flags (binaryen from npm, on PATH).
# Size (issue 8): the module owns its memory, which starts zero-filled, and
# nothing lives below address 1024, so wasm-opt may fold constants and offsets;
# the producers and target-features sections are of no use to a browser.
# A function with one caller is inlined only when small (at most 20 bytes):
# merging every one of them into its caller makes the module smaller but
# compress worse (about 1.4 KB more gzip, measured).
WASM_OPT_FLAGS=(-Oz --converge --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals
  --low-memory-unused --zero-filled-memory --strip-producers --strip-target-features --one-caller-inline-max-function-size=20)
if [ "$profile_flag" != --dev ]; then
  wasm-opt "${WASM_OPT_FLAGS[@]}" "$wasm" -o "$wasm.opt" && mv "$wasm.opt" "$wasm"
fi

# ---------------------------------------------------------------- 3. glue post-processing

# wasm-bindgen's JavaScript (pkg/web/drs_stop_rules.js): every entry is made
# from it (the browser entry here, the CommonJS entry bundled from it in step
# 4) or imports it, so changes to it belong here, in one place, and all
# entries get them.
glue=pkg/web/drs_stop_rules.js
# The wasm's string literals decoded once per page, not once per use (the module as linked says where they are).
linked="$CARGO_TARGET_DIR/wasm32-unknown-unknown/$([ "$profile_flag" = --dev ] && echo debug || echo wasm-release)/drs_stop_rules.wasm"
node scripts/static-strings.mjs "$linked" "$wasm" "$glue"
# Short names for the wasm's imports and internal exports (wasm, glue, declarations).
node scripts/minify-names.mjs "$wasm" "$glue" "$wasm.d.ts"
# The fast evaluateStops (src/wasm/front.js) goes into the glue.
node scripts/inject-front.mjs "$glue"
# Browsers and bundlers: the glue itself, ready on import (the .wasm fetched
# beside it with a top-level await), with the API's exports only.
node scripts/browser-entry.mjs "$glue" pkg/web/index.js
# Smaller downloads (issue 8): both minified.
node scripts/minify-glue.mjs "$glue" pkg/web/index.js

# The API's names, read from the glue itself, so a new exported function
# needs no change here; wasm-bindgen's loader (default, initSync) stays out
# of the ready-to-use entries.
names=$(node --input-type=module -e "
  const glue = await import('./$glue');
  console.log(Object.keys(glue).filter((n) => n !== 'default' && n !== 'initSync' && !n.startsWith('__')).join(', '));")

# ---------------------------------------------------------------- 4. entries

# The declarations of the package's API, without the loader's internals.
cp src/wasm/api.d.ts pkg/web/index.d.ts

# Inline: the wasm as base64 in a module of its own, compiled synchronously.
mkdir -p pkg/inline
{
  echo "// The wasm module (pkg/web/drs_stop_rules_bg.wasm), base64-encoded."
  printf 'export default "%s";\n' "$(base64 -w0 "$wasm")"
} > pkg/inline/wasm-base64.js
cat > pkg/inline/index.js <<JS
// The wasm embedded and compiled synchronously on import: no top-level
// await, no fetch, no .wasm file to serve. Needs 'wasm-unsafe-eval' under a
// Content-Security-Policy, like every way of running WebAssembly.
import { initSync } from "../web/drs_stop_rules.js";
import base64 from "./wasm-base64.js";

function decode(text) {
  if (typeof Uint8Array.fromBase64 === "function") return Uint8Array.fromBase64(text);
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

initSync({ module: new WebAssembly.Module(decode(base64)) });
export { ${names} } from "../web/drs_stop_rules.js";
JS
echo 'export * from "../web/index.js";' > pkg/inline/index.d.ts

# CommonJS: the glue bundled by esbuild into one CommonJS file that reads the
# .wasm from ../web. TextDecoder and TextEncoder come from node:util, so it
# also runs where the globals are missing (jest's jsdom environment).
mkdir -p pkg/node
cat > pkg/node/util-globals.mjs <<'JS'
export { TextDecoder, TextEncoder } from "node:util";
JS
cat > pkg/node/entry.mjs <<JS
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { initSync } from "../web/drs_stop_rules.js";
initSync({ module: readFileSync(join(__dirname, "../web/drs_stop_rules_bg.wasm")) });
export { ${names} } from "../web/drs_stop_rules.js";
JS
esbuild pkg/node/entry.mjs --bundle --format=cjs --platform=node --target=node18 --log-level=warning \
  --inject:pkg/node/util-globals.mjs --legal-comments=none --log-override:empty-import-meta=silent --outfile=pkg/node/index.cjs \
  --banner:js="// The drs-stop-rules API as CommonJS (bundled from ../web/drs_stop_rules.js), ready on require()."
rm pkg/node/entry.mjs pkg/node/util-globals.mjs
cp src/wasm/api.d.ts pkg/node/index.d.cts

# ---------------------------------------------------------------- 5. manifest, README, licenses

version=$(cargo metadata --no-deps --format-version 1 | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).packages.find(p=>p.name==="drs-stop-rules").version))')
node scripts/package-json.mjs "$version" > pkg/package.json
cp docs/npm-README.md pkg/README.md
cp LICENSE-MIT LICENSE-APACHE pkg/
echo "built pkg/ (drs-stop-rules $version): $(wc -c < "$wasm") B of wasm, $(gzip -9 < "$wasm" | wc -c) B gzipped"
