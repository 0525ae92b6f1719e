#!/usr/bin/env bash
# Every test, in order from fastest feedback to slowest:
#   0. static: cargo fmt --check and cargo clippy -D warnings (workspace and fuzz/)
#   1. native: cargo test (rules, corpus, golden answers and snapshots, CLI,
#      properties, README table, server)
#   2. wasm:   the corpus through the wasm binding in Node and in headless Chromium
#   3. package: the packed npm tarball in Node ESM/CJS, tsc --strict, Vite, a plain page
#   4. console: the demo backend and page in Chromium, then the backend under
#      load and faults (bounded: 3 s, 20 clients, loopback only)
# Stops at the first failing stage and exits non-zero, and prints each stage's
# time. Fuzzing, the 10^6-task runs and long load runs are in `make soak`.
set -euo pipefail
cd "$(dirname "$0")/.."

started=$SECONDS
stage_started=$SECONDS
stage_name=""
timings=()
# Closes the previous stage's clock and opens the next one.
stage() {
  [ -n "$stage_name" ] && timings+=("$(printf '%4d s  %s' $((SECONDS - stage_started)) "$stage_name")")
  stage_name="$*"
  stage_started=$SECONDS
  printf '\n=== %s ===\n' "$*"
}
# Printed on success and failure alike: where the time went.
report_time() {
  [ -n "$stage_name" ] && timings+=("$(printf '%4d s  %s' $((SECONDS - stage_started)) "$stage_name")")
  printf '\n'
  printf '%s\n' "${timings[@]}"
  printf 'make test: %d s in all\n' $((SECONDS - started))
}
trap report_time EXIT

stage "format and lints (cargo fmt --check, cargo clippy -D warnings)"
cargo fmt --all --check
cargo fmt --manifest-path fuzz/Cargo.toml --all --check
cargo clippy --workspace --all-targets --quiet -- -D warnings
# The fuzz crate is its own workspace: lint it (and so compile it) too.
cargo clippy --manifest-path fuzz/Cargo.toml --all-targets --quiet -- -D warnings

stage "native tests (cargo test)"
cargo test --workspace --quiet

stage "wasm binding in Node (wasm-pack test --node)"
scripts/test-wasm.sh node

stage "wasm binding in headless Chromium (wasm-pack test --chrome)"
scripts/test-wasm.sh chrome

stage "npm package (make pack, then Node ESM/CJS, tsc, Vite, plain page)"
make --no-print-directory pack
if [ -x scripts/test-package.sh ]; then scripts/test-package.sh; else echo "scripts/test-package.sh missing" >&2; exit 1; fi

stage "demo console (backend + page in Chromium)"
if [ -x scripts/test-console.sh ]; then scripts/test-console.sh; else echo "scripts/test-console.sh missing" >&2; exit 1; fi

# Short: this checks the invariants (no lost update, faults refused, a normal
# client still served); the figures come from `make soak` (30 s, 50 clients).
# The release server, as the fault suite's latency bounds assume.
stage "demo backend under load and faults (${TEST_LOAD_SECONDS:-3} s, 20 clients)"
scripts/load-test.sh "${TEST_LOAD_SECONDS:-3}" 20

echo "all tests passed"
