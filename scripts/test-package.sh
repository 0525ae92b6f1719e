#!/usr/bin/env bash
# Tests the packed npm package as consumers get it (run `make pack` first):
#   - installs the consumer toolchains (bundlers, test runners, publint; their
#     versions in tests/package/package.json) once into tests/package/node_modules,
#     again only when tests/package/package-lock.json changes (npm's cache
#     makes that fast);
#   - installs the tarball from dist/ into a fresh scratch project
#     (tests/package/.work), where every consumer lives in a folder of its own
#     and finds the package there and its toolchain one level up;
#   - runs tests/package/*.test.mjs: Node ESM/CJS, TypeScript, Vite, webpack,
#     esbuild, Rollup, workers, CSP, vitest, jest, publish checks, bad input;
#   - checks that `cargo package` has nothing to say about the crate's metadata.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
started=$(date +%s)

shopt -s nullglob
tarballs=(dist/drs-stop-rules-*.tgz)
if [ ${#tarballs[@]} -ne 1 ]; then
  echo "test-package: expected exactly one dist/drs-stop-rules-*.tgz (run make pack), found ${#tarballs[@]}" >&2
  exit 1
fi

# Installed again only when the lockfile's content changes (not its date: a
# checkout or a rebase touches it).
toolchains=tests/package
lock_hash=$(sha256sum $toolchains/package-lock.json | cut -d' ' -f1)
if [ "$(cat $toolchains/node_modules/.lock-hash 2>/dev/null)" != "$lock_hash" ]; then
  echo "test-package: installing the consumer toolchains (tests/package/package.json)"
  (cd $toolchains && npm ci --no-audit --no-fund --loglevel=error)
  echo "$lock_hash" > $toolchains/node_modules/.lock-hash
fi

work=tests/package/.work
rm -rf "$work"
mkdir -p "$work"
cp -R tests/package/scratch/. "$work"/
# The pages and Node consumers load the runner and the corpus from beside them.
cp tests/package/corpus.mjs tests/corpus/cases.json "$work"/
(cd "$work" && npm install --no-audit --no-fund --no-package-lock --prefer-offline --loglevel=error "$root/${tarballs[0]}")

node --test tests/package/*.test.mjs

# The crate as it would be published: `cargo package` warns about missing
# metadata and about tests whose files the include list leaves out.
warnings=$(cargo package --allow-dirty --no-verify 2>&1 >/dev/null | grep "^warning" || true)
if [ -n "$warnings" ]; then
  echo "test-package: cargo package warns:" >&2
  echo "$warnings" >&2
  exit 1
fi
echo "test-package: $(($(date +%s) - started)) s"
