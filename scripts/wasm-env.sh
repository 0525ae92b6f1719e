# Sourced by the build and test scripts: the environment for wasm32 builds
# (written by scripts/bootstrap.sh) and the npm tools (wasm-opt) on PATH.
_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [ ! -f "$_root/target/wasm-env.sh" ]; then
  "$_root/scripts/bootstrap.sh" --no-browser
fi
# shellcheck source=/dev/null
. "$_root/target/wasm-env.sh"
export PATH="$_root/node_modules/.bin:$HOME/.cargo/bin:$PATH"
unset _root
