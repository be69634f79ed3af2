#!/usr/bin/env bash
# Configures (once) and builds: `native` (core, app, CLI, tests), `web` (the site + wasm core tests), or both.
# Usage: scripts/build.sh [native|web|all]   — build trees live in build/native and build/wasm.
# The configuration itself is CMakePresets.json's (`cmake --preset native|wasm`): this script only adds
# "configure once" and the machine's core count.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
what="${1:-all}"
jobs="$(nproc 2>/dev/null || echo 2)"

cd "$root"

# One preset per build tree; the wasm preset carries Emscripten's environment (Debian's acorn for its
# optimizer, the system python for em++) and runs the wasm tests under node without its built-in fetch.
build_preset() {
  if [ ! -f "$root/build/$1/CMakeCache.txt" ]; then
    cmake --preset "$1" >/dev/null
  fi
  cmake --build --preset "$1" -j "$jobs"
}

build_native() { build_preset native; }
build_web() { build_preset wasm; }

case "$what" in
  native) build_native ;;
  web) build_web ;;
  all) build_native; build_web ;;
  *) echo "usage: scripts/build.sh [native|web|all]" >&2; exit 2 ;;
esac
