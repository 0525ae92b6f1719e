#!/usr/bin/env bash
# Load and fault test of drs-console-server, on 127.0.0.1 only.
#   scripts/load-test.sh [seconds] [clients]      (defaults: 30 s, 50 clients)
# Builds the server (release; LOAD_PROFILE=debug for the demo's build), starts it (as scripts/test-console.sh does: PORT=0, the
# URL read from its output) on a generated seed of every status for every kind
# with a short stop delay, runs tests/load/load.mjs (mixed traffic, then the
# no-lost-update checks), then tests/load/faults.mjs (malformed and oversized
# bodies, slow and dropped clients), and always stops the server.
# Writes and prints target/load/results.json; exits non-zero on a violation.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

seconds="${1:-30}"
clients="${2:-50}"
stop_delay_ms="${DRS_STOP_DELAY_MS:-200}"

if [ ! -f pkg/inline/index.js ]; then
  echo "load-test: pkg/inline is missing; run make pkg first" >&2
  exit 1
fi

# The release build by default: a debug build's figures say little about the
# server (LOAD_PROFILE=debug measures the one `make demo` runs).
profile="${LOAD_PROFILE:-release}"
if [ "$profile" = release ]; then cargo build -q --release -p drs-console-server; else cargo build -q -p drs-console-server; fi
mkdir -p target/load
node tests/load/seed.mjs target/load/seed.json 8
# Tokens with policies that change nothing (the fault suite checks their refusals against the package).
read_only_token="ro-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"
no_delete_token="nd-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"
printf '[{"token":"%s","project_id":"load","policy":"ReadOnlyAccess"},{"token":"%s","project_id":"load","policy":"FullWithOutDeletePermission"}]\n' \
  "$read_only_token" "$no_delete_token" >target/load/tokens.json

. scripts/lib/server.sh
start_server load-test 30 env PORT=0 DRS_STOP_DELAY_MS="$stop_delay_ms" DRS_SEED="$root/target/load/seed.json" \
  DRS_PROJECT_ID=load DRS_TOKENS="$root/target/load/tokens.json" DRS_AUTH_TOKEN="$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')" \
  "${CARGO_TARGET_DIR:-$root/target}/$profile/drs-console-server"
export CONSOLE_TOKEN="$token" CONSOLE_PROJECT=load SERVER_PID="$server_pid" \
  READ_ONLY_TOKEN="$read_only_token" NO_DELETE_TOKEN="$no_delete_token"
echo "load-test: $profile server at $url, $seconds s, $clients clients, stop delay $stop_delay_ms ms"

status=0
CONSOLE_URL="$url" node tests/load/load.mjs "$seconds" "$clients" "$stop_delay_ms" || status=1
CONSOLE_URL="$url" node tests/load/faults.mjs || status=1
if ! kill -0 "$server_pid" 2>/dev/null; then
  cat "$server_log" >&2
  echo "load-test: the server died" >&2
  status=1
fi
echo "load-test: results in target/load/results.json"
exit "$status"
