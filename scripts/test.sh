#!/usr/bin/env bash
# Sets up what is missing, builds everything, and runs every test layer:
#   1. native GoogleTest suites and CLI checks (ctest in build/native)
#   2. the core suite compiled to wasm, run under node (ctest in build/wasm)
#   3. every reader of untrusted bytes fuzzed, 8 s each (libFuzzer + ASan + UBSan, clang, build/fuzz: scripts/fuzz.sh)
#   4. browser end-to-end tests: headless Chromium + playwright-core against the built site
# Exits non-zero on the first failing layer. Screenshots: build/e2e-screenshots/.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
step() { printf '\n=== %s\n' "$*"; }

step "setup"
scripts/setup.sh

step "build (native + web)"
start=$(date +%s)
scripts/build.sh all
echo "built in $(( $(date +%s) - start )) s"

step "1/4 native tests"
ctest --test-dir build/native --output-on-failure -j "$(nproc 2>/dev/null || echo 2)"

step "2/4 core tests as wasm under node"
ctest --test-dir build/wasm --output-on-failure

step "3/4 fuzzing every reader of untrusted bytes (9 targets, 8 s each)"
scripts/fuzz.sh 8

step "4/4 browser end-to-end tests (headless Chromium)"
node --test --test-concurrency=1 tests/e2e/

step "all tests passed"
