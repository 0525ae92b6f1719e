# The two quick-start commands: `make demo` and `make test`. Every target
# installs what it needs first (scripts/bootstrap.sh, idempotent and fast
# once everything is there).
SHELL := /bin/bash
.DEFAULT_GOAL := help
VERSION := $(shell sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n1)
TARBALL := dist/drs-stop-rules-$(VERSION).tgz

.PHONY: help bootstrap pkg pack demo test soak bench fuzz load table readme-table screenshot clean

help:
	@echo "make demo    - build everything and serve the demo console on 127.0.0.1 (PORT, default 8080); open the printed URL (it carries the token)"
	@echo "make test    - run every test (native, CLI, wasm in Node and Chromium, package, console); prints its time"
	@echo "make soak    - the long runs: fuzzing 60 s per target, the package on 10^6 tasks, 30 s of load"
	@echo "make pack    - build the npm package tarball into dist/"
	@echo "make bench   - package against hand-written JS: speed, first call, bytes, memory (target/bench/results.json, README)"
	@echo "make fuzz    - fuzz the rules with libFuzzer, 5 min per target (target/fuzz/summary.json)"
	@echo "make load    - load and fault test of the demo backend, 30 s, 50 clients (target/load/results.json)"
	@echo "make table   - print the eligibility table generated from the rules"
	@echo "make screenshot - screenshots of the console into target/screenshots/ (README image: console.png)"

bootstrap:
	@scripts/bootstrap.sh

pkg: bootstrap
	@scripts/build-pkg.sh

pack: pkg
	@mkdir -p dist && rm -f dist/drs-stop-rules-*.tgz
	@npm pack ./pkg --pack-destination dist --loglevel=error >/dev/null && echo "packed $(TARBALL)"

demo: pkg
	@scripts/demo.sh

test: bootstrap
	@scripts/test.sh

soak: bootstrap
	@scripts/soak.sh

# Writes target/bench/results.json, then the README's figures from it.
bench: pack
	@node --expose-gc bench/bench.mjs
	@node bench/readme.mjs

fuzz: bootstrap
	@scripts/fuzz.sh 300

load: pkg
	@scripts/load-test.sh 30 50

table:
	@cargo run -q --bin drs-stop-rules -- table

# Writes under target/ only: docs/console.png changes when someone copies it there.
screenshot: pkg
	@scripts/screenshot.sh

# Rewrites the generated table in README.md (a test fails when it is stale).
readme-table:
	@scripts/readme-table.sh

clean:
	cargo clean
	rm -rf pkg dist tests/package/.work
