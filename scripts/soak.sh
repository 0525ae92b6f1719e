#!/usr/bin/env bash
# The long runs that `make test` leaves out (make soak): fuzzing, the package
# on 10^6 tasks, and the demo backend under load, each with its figures.
#   scripts/soak.sh
#   SOAK_FUZZ_SECONDS=300 SOAK_LOAD_SECONDS=60 SOAK_LOAD_CLIENTS=100 scripts/soak.sh
# Defaults: 60 s per fuzz target, 30 s of load with 50 clients. Stops at the
# first failure; prints each part's time at the end.
set -euo pipefail
cd "$(dirname "$0")/.."

fuzz_seconds=${SOAK_FUZZ_SECONDS:-60}
load_seconds=${SOAK_LOAD_SECONDS:-30}
load_clients=${SOAK_LOAD_CLIENTS:-50}

started=$SECONDS
timings=()
part() {
  local name=$1
  shift
  printf '\n=== soak: %s ===\n' "$name"
  local from=$SECONDS
  "$@"
  timings+=("$(printf '%4d s  %s' $((SECONDS - from)) "$name")")
}

part "fuzzing (libFuzzer, $fuzz_seconds s per target)" scripts/fuzz.sh "$fuzz_seconds"
# The package tests install the scratch project the 10^6-task runs import.
part "npm package, memory tests over 10^5 calls (make pack, scripts/test-package.sh)" env DRS_MEMORY_CALLS=100000 bash -c 'make --no-print-directory pack && scripts/test-package.sh'
part "the package on 10^6 tasks" bash -c 'node --test tests/soak/*.test.mjs'
part "demo backend (release) under load and faults ($load_seconds s, $load_clients clients)" \
  scripts/load-test.sh "$load_seconds" "$load_clients"

printf '\n'
printf '%s\n' "${timings[@]}"
printf 'make soak: %d s in all\n' $((SECONDS - started))
