#!/usr/bin/env bash
# Serves the DRS stop console demo: builds the reference backend (debug build:
# seconds, and fast enough for a demo) and runs it in the foreground on
# 127.0.0.1:${PORT:-8080}, serving www/ at / and the package's web build
# (pkg/web/, from `make pkg`) at /pkg/.
#
# It prints the console's URL with the access token (http://127.0.0.1:PORT/#token=…).
#
# Environment: PORT (0 = any free port), DRS_STOP_DELAY_MS (default 3000),
# DRS_SEED (JSON array of task snapshots), DRS_PROJECT_ID, DRS_AUTH_TOKEN (else
# a random token), DRS_TOKENS (more tokens with policies), DRS_STATE (a file
# keeping task state across restarts; else state is in memory), DRS_WWW_DIR,
# DRS_PKG_DIR. See README.md ("The demo console") and server/LIMITS.md.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

export DRS_WWW_DIR="${DRS_WWW_DIR:-$root/www}"
export DRS_PKG_DIR="${DRS_PKG_DIR:-$root/pkg/web}"
export PORT="${PORT:-8080}"

if [ ! -f "$DRS_PKG_DIR/index.js" ]; then
  echo "demo: no package web build in $DRS_PKG_DIR; run 'make pkg' (or scripts/build-pkg.sh) first" >&2
  exit 1
fi

cargo build -q -p drs-console-server
# exec: the caller's PID is the server's, so `kill $!` stops it.
exec "${CARGO_TARGET_DIR:-$root/target}/debug/drs-console-server"
