#!/usr/bin/env bash
# Sealing and opening a 150 MB dossier: certif natively, core in wasm under node (the browser's code and
# memory settings), and Debian's age on the same file — time and peak memory side by side, and the opened
# bytes checked against the original.
#   bench/age.sh [SIZE_MB]      (default 150; builds build/native and the wasm bench program if needed)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
mb="${1:-150}"
certif="$root/build/native/certif"
export NODE_PATH=/usr/share/nodejs EMSDK_PYTHON=/usr/bin/python3
[ -x "$certif" ] || "$root/scripts/build.sh" native >/dev/null
[ -f "$root/build/wasm/CMakeCache.txt" ] || "$root/scripts/build.sh" web >/dev/null
cmake --build "$root/build/wasm" --target age_bench -j "$(nproc)" >/dev/null
wasm_bench="$root/build/wasm/age_bench.js"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"

head -c $((mb * 1000 * 1000)) /dev/urandom >dossier.json  # the content does not matter to the cipher
want=$(sha256sum <dossier.json | cut -c1-64)
"$certif" keygen -o key.txt 2>/dev/null
recipient=$(age-keygen -y key.txt)
cat dossier.json >/dev/null  # from the page cache for every run

# measure LABEL OUTPUT COMMAND... : wall time and peak resident memory of COMMAND; checks OUTPUT's digest
# when it is an opened file.
rows=()
measure() {
  local label="$1" output="$2"
  shift 2
  /usr/bin/time -f "%e %U %S %M" -o t "$@" >stdout 2>stderr || { cat stderr >&2; exit 1; }
  local secs user sys kb heap="" check=""
  read -r secs user sys kb <t
  if grep -q peak_heap_bytes stdout; then
    heap=$(node -e "const r = JSON.parse(require('fs').readFileSync('stdout', 'utf8')); console.log((r.peak_heap_bytes / 1048576).toFixed(0) + ' MiB')")
  fi
  case "$output" in
    *.opened) [ "$(sha256sum <"$output" | cut -c1-64)" = "$want" ] && check="same bytes" || { echo "$label: WRONG BYTES" >&2; exit 1; } ;;
  esac
  rows+=("$(printf '%-34s %7.2f s %7.2f s %8.0f MiB  %10s  %s' "$label" "$secs" "$(awk "BEGIN {print $user + $sys}")" \
    "$((kb / 1024))" "$heap" "$check")")
}

measure "certif seal (native)" certif.age "$certif" seal dossier.json -r "$recipient" -o certif.age
measure "age -e (Debian)" age.age age -r "$recipient" -o age.age dossier.json
measure "core in wasm, seal (node)" wasm.age node --no-experimental-fetch "$wasm_bench" seal dossier.json wasm.age "$recipient"
measure "certif open (native, to a file)" a.opened "$certif" open certif.age -i key.txt -o a.opened
measure "certif open (native, to stdout)" b.opened sh -c "'$certif' open age.age -i key.txt >b.opened"
measure "age -d (Debian)" c.opened age -d -i key.txt -o c.opened certif.age
measure "core in wasm, open (node)" d.opened node --no-experimental-fetch "$wasm_bench" open wasm.age d.opened key.txt
measure "age -d of the wasm-sealed file" e.opened age -d -i key.txt -o e.opened wasm.age
measure "scrypt, work factor 18 (wasm)" - node --no-experimental-fetch "$wasm_bench" scrypt 18
scrypt_wasm=$(node -e "console.log(JSON.parse(require('fs').readFileSync('stdout', 'utf8')).seconds.toFixed(2))")
measure "scrypt, work factor 18 (native)" - env CERTIF_BENCH_PASS=x "$certif" seal key.txt --passphrase-env CERTIF_BENCH_PASS -o pass.age

echo "age v1, $mb MB ($(stat -c %s dossier.json) bytes), on $(nproc) cores; one run each"
printf '%-34s %9s %9s %12s  %10s\n' "" "time" "CPU" "peak RSS" "wasm heap"
printf '%s\n' "${rows[@]}"
echo "(time: wall clock; CPU: user + system, steadier when the machine is busy. wasm: the opened content is kept"
echo " whole in the heap, as the app will verify it; node itself adds ~40 MB of RSS;"
echo " the scrypt rows: one passphrase seal of a tiny file; in wasm, scrypt's own wall time was ${scrypt_wasm} s)"
