# Sourced by the scripts that need the demo backend running (test-console.sh,
# load-test.sh). The server prints its URL once it listens (PORT=0 lets the
# kernel pick the port), so callers wait for that line rather than guess.

# start_server NAME TIMEOUT_SECONDS COMMAND [ARGS...]
# Starts COMMAND in the background, waits for its URL and sets $url (without
# the token) and $token (the `#token=` the server printed); the server
# is stopped when the calling script exits. $server_pid and $server_log stay
# available (is it alive? what did it print?).
start_server() {
  local name=$1 timeout=$2
  shift 2
  # DRS_TEST_TIME_SCALE (tests/deadline.mjs) stretches this wait too.
  timeout=$(awk -v t="$timeout" -v s="${DRS_TEST_TIME_SCALE:-1}" 'BEGIN { printf "%d", t * s + 0.999 }')
  server_log="$(mktemp)"
  "$@" >"$server_log" 2>&1 &
  server_pid=$!
  trap stop_server EXIT
  url=""
  for _ in $(seq 1 $((timeout * 10))); do
    url="$(grep -o 'http://127\.0\.0\.1:[0-9]*/' "$server_log" | head -n1 || true)"
    if [ -n "$url" ]; then
      token="$(grep -o '#token=[^ ]*' "$server_log" | head -n1 | cut -d= -f2- || true)"
      return 0
    fi
    if ! kill -0 "$server_pid" 2>/dev/null; then
      cat "$server_log" >&2
      echo "$name: the server exited before listening" >&2
      exit 1
    fi
    sleep 0.1
  done
  cat "$server_log" >&2
  echo "$name: the server did not print its URL within $timeout s" >&2
  exit 1
}

stop_server() {
  kill "$server_pid" 2>/dev/null || true
  wait "$server_pid" 2>/dev/null || true
  rm -f "$server_log"
}
