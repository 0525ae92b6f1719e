#!/usr/bin/env bash
# Bounded fuzzing of the stop rules with libFuzzer (cargo-fuzz): every target
# in fuzz/ for a fixed time, seeded from tests/corpus/cases.json.
#
#   scripts/fuzz.sh                  # 60 s per target (make soak)
#   scripts/fuzz.sh 300              # 5 min per target (make fuzz)
#   FUZZ_TARGETS=status_parse scripts/fuzz.sh 60
#   FUZZ_SEED=1234 scripts/fuzz.sh   # repeat libFuzzer's random choices
#   FUZZ_SANITIZER=address scripts/fuzz.sh 300
#
# Prints the executions and exec/s per target, writes target/fuzz/summary.json
# and exits non-zero when any target crashes; the crashing input stays in
# fuzz/artifacts/<target>/ and the output says how to replay it.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-60}
if ! [[ $seconds =~ ^[1-9][0-9]*$ ]]; then
  echo "usage: scripts/fuzz.sh [seconds-per-target]" >&2
  exit 64
fi
targets=${FUZZ_TARGETS:-"status_parse evaluate_json plan_json evaluate_structured"}
# No sanitizer by default: src/ is safe Rust (no `unsafe`), so AddressSanitizer
# would only watch the dependencies, and it costs 7-20x in executions here.
# Debug assertions (overflow checks) stay on either way.
sanitizer=${FUZZ_SANITIZER:-none}

CARGO_FUZZ_VERSION=0.13.2
export PATH="$HOME/.cargo/bin:$PATH"
say() { printf '[fuzz] %s\n' "$*" >&2; }

# 1. cargo-fuzz, exactly this version. Without --locked as a fallback: a
#    registry mirror may lack one of its locked dependency versions.
if [ "$(cargo fuzz --version 2>/dev/null)" != "cargo-fuzz $CARGO_FUZZ_VERSION" ]; then
  say "cargo install cargo-fuzz $CARGO_FUZZ_VERSION"
  cargo install -q cargo-fuzz --version "=$CARGO_FUZZ_VERSION" --locked \
    || cargo install -q cargo-fuzz --version "=$CARGO_FUZZ_VERSION" --force
fi

# 2. cargo-fuzz passes unstable rustc flags (-Zsanitizer, ...): the nightly
#    toolchain when rustup has one, otherwise stable with RUSTC_BOOTSTRAP=1
#    (both build these targets).
if rustup toolchain list 2>/dev/null | grep -q '^nightly'; then
  toolchain=nightly
  fuzz_cmd="cargo +nightly fuzz"
else
  toolchain="stable (RUSTC_BOOTSTRAP=1)"
  fuzz_cmd="env RUSTC_BOOTSTRAP=1 cargo +stable fuzz"
fi
fuzz() { $fuzz_cmd "$@"; }
build_flags=(--sanitizer "$sanitizer")

say "building the targets ($toolchain, sanitizer: $sanitizer)"
fuzz build "${build_flags[@]}"
fuzz/seed.sh

# Inputs longer than this add nothing: the largest corpus plan is ~600 bytes.
max_len() { case "$1" in status_parse) echo 256 ;; *) echo 4096 ;; esac; }
final_stat() { awk -v key="stat::$1:" '$1 == key { print $2 }' "$2" | tail -n1; }

mkdir -p target/fuzz
rows=()
crashed=0
for target in $targets; do
  log=target/fuzz/$target.log
  artifacts=fuzz/artifacts/$target
  mkdir -p "$artifacts"
  stamp=$(mktemp)
  status=0
  fuzz run "${build_flags[@]}" "$target" -- \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len="$(max_len "$target")" \
    -dict=fuzz/corpus/stop-rules.dict -print_final_stats=1 ${FUZZ_SEED:+-seed=$FUZZ_SEED} \
    >"$log" 2>&1 || status=$?
  runs=$(final_stat number_of_executed_units "$log")
  # A crash ends the run before the final stats: take the last status line.
  runs=${runs:-$(grep -oE '^#[0-9]+' "$log" | tail -n1 | tr -d '#')}
  exec_per_s=$(final_stat average_exec_per_sec "$log")
  exec_per_s=${exec_per_s:-$(grep -oE 'exec/s: [0-9]+' "$log" | tail -n1 | awk '{print $2}')}
  seed=$(awk '/^INFO: Seed:/ { print $3; exit }' "$log")
  found=$(find "$artifacts" -type f -newer "$stamp" | sort)
  rm -f "$stamp"
  crashes=$(printf '%s' "$found" | grep -c . || true)
  if [ "$status" != 0 ] && [ "$crashes" = 0 ]; then crashes=1; fi
  printf '[fuzz] %-20s %10s runs %8s exec/s %5s s  %s crash(es)\n' "$target" "${runs:-0}" "${exec_per_s:-0}" "$seconds" "$crashes"
  if [ "$crashes" != 0 ]; then
    crashed=1
    grep -E -A12 'panicked at|ERROR: libFuzzer|ERROR: AddressSanitizer' "$log" | head -n 40 >&2 || true
    for file in $found; do
      say "replay: $fuzz_cmd run ${build_flags[*]} $target $file"
      say "show:   $fuzz_cmd fmt ${build_flags[*]} $target $file"
    done
    say "full log: $log"
  fi
  artifact_list=$(printf '%s\n' $found | awk 'NF { printf "%s\"%s\"", (n++ ? ", " : ""), $0 }')
  rows+=("    {\"target\": \"$target\", \"runs\": ${runs:-0}, \"exec_per_s\": ${exec_per_s:-0}, \"seconds\": $seconds, \"crashes\": $crashes, \"seed\": ${seed:-null}, \"artifacts\": [$artifact_list]}")
done

{
  printf '{\n  "cargo_fuzz": "%s",\n  "toolchain": "%s",\n  "sanitizer": "%s",\n  "targets": [\n' \
    "$CARGO_FUZZ_VERSION" "$toolchain" "$sanitizer"
  (IFS=$'\n'; printf '%s\n' "${rows[*]}" | sed '$!s/$/,/')
  printf '  ]\n}\n'
} > target/fuzz/summary.json
say "summary: target/fuzz/summary.json"

if [ $crashed = 1 ]; then
  say "FAILED: a target crashed (inputs in fuzz/artifacts/)"
  exit 1
fi
