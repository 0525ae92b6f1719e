#!/usr/bin/env bash
# Runs the wasm-bindgen tests (tests/wasm_*.rs) in Node or headless Chromium.
#   scripts/test-wasm.sh node|chrome
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/wasm-env.sh
case "${1:-node}" in
  node) runner=(--node) ;;
  # webdriver.json passes the flags Chromium needs as root in a container.
  # WASM_BINDGEN_USE_BROWSER: the same test binary as for Node, run in the browser.
  chrome) runner=(--headless --chrome --chromedriver "$(command -v chromedriver)"); export WASM_BINDGEN_USE_BROWSER=1 ;;
  *) echo "usage: $0 node|chrome" >&2; exit 64 ;;
esac
# --mode no-install: the tools are installed by the bootstrap, never downloaded here.
log=$(mktemp)
trap 'rm -f "$log"' EXIT
wasm-pack --log-level warn test "${runner[@]}" --mode no-install --release -- --no-default-features --test wasm_corpus 2>&1 | tee "$log"
# A runner that skips the suite exits 0; only a run with passing tests counts.
grep -Eq '^test result: ok\. [1-9][0-9]* passed' "$log" || { echo "wasm tests did not run in $1" >&2; exit 1; }
