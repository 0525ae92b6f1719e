#!/usr/bin/env bash
# Browser tests of the console (tests/console/, node:test + playwright-core
# driving /usr/bin/chromium). Starts the server exactly as `make demo` does
# (scripts/demo.sh) on a free port with a short stop delay, runs the tests
# one file at a time (they share the server's state), and always stops it.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

cargo build -q -p drs-console-server

. scripts/lib/server.sh
# A fresh token per run, as the tests' own API calls need it too (CONSOLE_TOKEN).
start_server test-console 60 env PORT=0 DRS_STOP_DELAY_MS="${DRS_STOP_DELAY_MS:-300}" \
  DRS_AUTH_TOKEN="$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')" scripts/demo.sh
echo "test-console: console at $url"
export CONSOLE_TOKEN="$token"

# The page warns (and the tests fail) when pkg/ was built from other rules than
# the server; say so plainly instead of as a failing assertion.
CONSOLE_URL="$url" node --input-type=module -e '
  const { rulesVersion } = await import(process.cwd() + "/pkg/inline/index.js");
  const response = await fetch(new URL("/v3/auth/tokens", process.env.CONSOLE_URL), { headers: { "X-Auth-Token": process.env.CONSOLE_TOKEN } });
  const backend = response.headers.get("x-stop-rules-version");
  if (backend !== rulesVersion()) {
    console.error(`test-console: pkg/ runs rules ${rulesVersion()} but the server runs ${backend}; rebuild pkg/ (make pkg)`);
    process.exit(1);
  }
  process.exit(0); // an idle keep-alive connection would hold Node open'

# --test-force-exit: idle keep-alive connections of fetch() must not hold a test file open.
CONSOLE_URL="$url" node --test --test-concurrency=1 --test-force-exit tests/console/
