#!/usr/bin/env bash
# Every test, in order from fastest feedback to slowest:
#   1. native: cargo test (rules, corpus, CLI, properties, README table, server),
#      then a short libFuzzer run of every fuzz target
#   2. wasm:   the corpus through the wasm binding in Node and in headless Chromium
#   3. package: the packed npm tarball in Node ESM/CJS, tsc --strict, Vite, a plain page
#   4. console: the demo backend and page in Chromium, then the backend under
#      load and faults (bounded: 10 s, 50 clients, loopback only)
# Stops at the first failing stage and exits non-zero.
set -euo pipefail
cd "$(dirname "$0")/.."

stage() { printf '\n=== %s ===\n' "$*"; }

stage "native tests (cargo test)"
cargo test --workspace --quiet

stage "fuzzing (libFuzzer, 15 s per target)"
scripts/fuzz.sh

stage "wasm binding in Node (wasm-pack test --node)"
scripts/test-wasm.sh node

stage "wasm binding in headless Chromium (wasm-pack test --chrome)"
scripts/test-wasm.sh chrome

stage "npm package (make pack, then Node ESM/CJS, tsc, Vite, plain page)"
make --no-print-directory pack
if [ -x scripts/test-package.sh ]; then scripts/test-package.sh; else echo "scripts/test-package.sh missing" >&2; exit 1; fi

stage "demo console (backend + page in Chromium)"
if [ -x scripts/test-console.sh ]; then scripts/test-console.sh; else echo "scripts/test-console.sh missing" >&2; exit 1; fi

stage "demo backend under load and faults (10 s, 50 clients)"
scripts/load-test.sh 10 50

stage "all tests passed"
