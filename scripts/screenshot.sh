#!/usr/bin/env bash
# Screenshots of the demo console (scripts/screenshots.mjs) into
# target/screenshots/: starts the backend as `make demo` does, on a free port.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

cargo build -q -p drs-console-server
token="shot-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"
. scripts/lib/server.sh
start_server screenshot 60 env PORT=0 DRS_AUTH_TOKEN="$token" scripts/demo.sh
CONSOLE_URL="$url" CONSOLE_TOKEN="$token" node scripts/screenshots.mjs
