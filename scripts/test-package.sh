#!/usr/bin/env bash
# Tests the packed npm package as a consumer gets it: installs the tarball
# from dist/ into a scratch project (tests/package/.work) and runs
# tests/package/*.test.mjs against it (Node ESM and CJS, tsc, Vite and a plain
# page in headless Chromium, bad input). Run `make pack` first.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

shopt -s nullglob
tarballs=(dist/drs-stop-rules-*.tgz)
if [ ${#tarballs[@]} -ne 1 ]; then
  echo "test-package: expected exactly one dist/drs-stop-rules-*.tgz (run make pack), found ${#tarballs[@]}" >&2
  exit 1
fi

work=tests/package/.work
rm -rf "$work"
mkdir -p "$work"
cp -R tests/package/scratch/. "$work"/
# The pages and Node consumers load the runner and the corpus from beside them.
cp tests/package/corpus.mjs tests/corpus/cases.json "$work"/
(cd "$work" && npm install --no-audit --no-fund --no-package-lock --loglevel=error "$root/${tarballs[0]}")

node --test tests/package/
