#!/usr/bin/env bash
# Installs everything the build, the tests and the demo need, on a fresh
# Debian machine or a developer laptop. Idempotent: every step first checks
# whether its result is already there, so a second run takes seconds.
#
#   scripts/bootstrap.sh            # everything (wasm toolchain, tools, npm, browser)
#   scripts/bootstrap.sh --no-browser
#
# It writes target/wasm-env.sh, which scripts/wasm-env.sh sources before
# every wasm build, recording how this machine builds for wasm32.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

want_browser=1
for arg in "$@"; do
  case "$arg" in
    --no-browser) want_browser=0 ;;
    *) echo "bootstrap: unknown option $arg" >&2; exit 64 ;;
  esac
done

say() { printf '[bootstrap] %s\n' "$*" >&2; }
have() { command -v "$1" >/dev/null 2>&1; }

SUDO=""
if [ "$(id -u)" != 0 ] && have sudo; then SUDO="sudo"; fi
apt_updated=0
apt_install() {
  # Installs the named Debian packages that are not installed yet.
  local missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "${p%%=*}" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if ! have apt-get; then say "cannot install ${missing[*]}: no apt-get here; install them by hand"; return 1; fi
  if [ $apt_updated = 0 ]; then $SUDO apt-get update -qq; apt_updated=1; fi
  say "apt-get install ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# The wasm-bindgen version the lock file pins; the CLI must match it exactly.
bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock
}

mkdir -p target
export PATH="$HOME/.cargo/bin:$PATH"
have cargo || { say "cargo is missing: install Rust (https://rustup.rs) first"; exit 1; }
[ -f Cargo.lock ] || cargo generate-lockfile -q

# 1. A toolchain that can build for wasm32, with the std source (the package
#    build rebuilds std for size). First choice: rustup's wasm32 target and
#    rust-src. Fallback (machines that reach only package registries):
#    Debian's rustc-web, which carries the std source, with cargo's build-std.
env_file=target/wasm-env.sh
rustup_has() { rustup "$1" list --installed 2>/dev/null | grep -q "^$2"; }
if [ ! -f "$env_file" ]; then
  if [ "${DRS_WASM_TOOLCHAIN:-}" != debian ] && have rustup \
      && { rustup_has target wasm32-unknown-unknown || timeout 120 rustup target add wasm32-unknown-unknown >/dev/null 2>&1; } \
      && { rustup_has component rust-src || timeout 120 rustup component add rust-src >/dev/null 2>&1; }; then
    say "wasm32 target: rustup's prebuilt std (and rust-src for size builds)"
    echo "# wasm32 via rustup's prebuilt target" > "$env_file"
  else
    say "wasm32 target: rustup cannot fetch it here; using Debian's rustc-web with build-std"
    ver=$(apt-cache policy rustc-web 2>/dev/null | awk '/Candidate:/ {print $2}')
    if [ -z "$ver" ] || [ "$ver" = "(none)" ]; then
      $SUDO apt-get update -qq; apt_updated=1
      ver=$(apt-cache policy rustc-web | awk '/Candidate:/ {print $2}')
    fi
    llvm_major=$(apt-cache depends "rustc-web=$ver" 2>/dev/null | grep -o 'lld-[0-9]*' | head -n1 || true)
    apt_install "rustc-web=$ver" "cargo-web=$ver" "rust-web-src=$ver" "rust-web-llvm=$ver" \
                "libstd-rust-web-dev=$ver" "${llvm_major:-lld-22}"
    rustup toolchain list | grep -q '^debian-web' || rustup toolchain link debian-web /usr
    cat > "$env_file" <<'ENV'
# wasm32 via Debian's rustc-web: std is built from source for the target.
export RUSTUP_TOOLCHAIN=debian-web
export RUSTC_BOOTSTRAP=1
export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
ENV
  fi
fi

# 2. wasm-pack and a wasm-bindgen CLI of exactly the locked version.
if ! have wasm-pack || [ "$(wasm-pack --version | awk '{print $2}')" != 0.15.1 ]; then
  say "cargo install wasm-pack 0.15.1"
  cargo install -q wasm-pack --version 0.15.1
fi
bv=$(bindgen_version)
if ! have wasm-bindgen || [ "$(wasm-bindgen --version | awk '{print $2}')" != "$bv" ]; then
  say "cargo install wasm-bindgen-cli $bv"
  # No --locked: the registry mirror lacks one of the CLI's locked versions.
  cargo install -q wasm-bindgen-cli --version "$bv" --force
fi

# 3. npm dev dependencies (wasm-opt from binaryen, TypeScript, Vite, playwright-core).
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  have npm || apt_install nodejs npm
  say "npm ci"
  npm ci --no-audit --no-fund --loglevel=error
fi

# 4. Chromium and its driver, for wasm tests in the browser and page tests,
#    and a CJK font so the console's zh-cn view renders (not as boxes).
if [ $want_browser = 1 ]; then
  if ! have chromium || ! have chromedriver; then apt_install chromium chromium-driver; fi
  if have apt-get; then apt_install fonts-noto-cjk; fi
fi
# 5. cargo-fuzz for scripts/fuzz.sh, exactly this version.
if [ "$(cargo fuzz --version 2>/dev/null)" != "cargo-fuzz 0.13.2" ]; then
  say "cargo install cargo-fuzz 0.13.2"
  cargo install -q cargo-fuzz --version =0.13.2 --locked || cargo install -q cargo-fuzz --version =0.13.2 --force
fi
say "ready"
