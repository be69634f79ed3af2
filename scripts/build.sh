#!/usr/bin/env bash
# Configures (once) and builds: `native` (core, app, CLI, tests), `web` (the site + wasm core tests), or both.
# Usage: scripts/build.sh [native|web|all]   — build trees live in build/native and build/wasm.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
what="${1:-all}"
jobs="$(nproc 2>/dev/null || echo 2)"

# Emscripten on this Debian: its optimizer needs Debian's acorn, and em++ must use the system python.
export NODE_PATH=/usr/share/nodejs
export EMSDK_PYTHON=/usr/bin/python3

build_native() {
  if [ ! -f "$root/build/native/CMakeCache.txt" ]; then
    cmake -S "$root" -B "$root/build/native" -DCMAKE_BUILD_TYPE=Release >/dev/null
  fi
  cmake --build "$root/build/native" -j "$jobs"
}

build_web() {
  if [ ! -f "$root/build/wasm/CMakeCache.txt" ]; then
    # node 20's built-in fetch breaks Emscripten 3.1.6's glue under node: tests run without it.
    emcmake cmake -S "$root" -B "$root/build/wasm" -DCMAKE_BUILD_TYPE=Release \
      "-DCMAKE_CROSSCOMPILING_EMULATOR=$(command -v node);--no-experimental-fetch" >/dev/null
  fi
  cmake --build "$root/build/wasm" -j "$jobs"
}

case "$what" in
  native) build_native ;;
  web) build_web ;;
  all) build_native; build_web ;;
  *) echo "usage: scripts/build.sh [native|web|all]" >&2; exit 2 ;;
esac
