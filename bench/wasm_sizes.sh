#!/usr/bin/env bash
# Where certif.wasm's bytes go (run on demand, after scripts/build.sh web): relinks the web app exactly as
# build/wasm links it, plus --emit-symbol-map (function names; the module came out the same size, a
# few bytes differing), into a temporary folder, then prints code size per origin and the largest functions (bench/wasm_sizes.py).
#   bench/wasm_sizes.sh [TOP]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build=$root/build/wasm
link=$build/CMakeFiles/certif_web.dir/link.txt
[ -f "$link" ] || { echo "wasm_sizes.sh: no $link (scripts/build.sh web first)" >&2; exit 1; }
command -v wasm-objdump >/dev/null || { echo "wasm_sizes.sh: wasm-objdump missing (Debian's wabt: scripts/setup.sh)" >&2; exit 1; }
export NODE_PATH=/usr/share/nodejs EMSDK_PYTHON=/usr/bin/python3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The same command with the output moved: `-o site/certif.js` → `-o $work/certif.js --emit-symbol-map`.
cmd=$(sed "s| -o [^ ]*certif.js | -o $work/certif.js --emit-symbol-map |" "$link")
(cd "$build" && eval "$cmd")
echo "relinked with a symbol map: $(wc -c <"$work/certif.wasm") bytes (build/wasm/site/certif.wasm: $(wc -c <"$build/site/certif.wasm"))"
/usr/bin/python3 "$root/bench/wasm_sizes.py" "$work/certif.wasm" "$work/certif.js.symbols" "${1:-40}"
