#!/usr/bin/env bash
# Native side of the bundle benchmark: `certif validate` on a bundle with 100 MB of attachments, against
# coreutils (`base64 -d | sha256sum`) over the same base64 payloads; prints times, ratio and peak memory.
#   bench/native_validate.sh [CERTIF]      (default build/native/certif; needs node for the payloads)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
certif="${1:-$root/build/native/certif}"
runs=5
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Five 20 MB "screenshots": a PNG signature and header (what content sniffing checks) over random bytes.
mkdir -p "$tmp/src/files/mockup"
for i in 0 1 2 3 4; do
  { printf '\x89\x50\x4e\x47\x0d\x0a\x1a\x0a\x00\x00\x00\x0d\x49\x48\x44\x52\x00\x00\x03\xe8\x00\x00\x03\xe8\x08\x02\x00\x00\x00\xc2\xc1\x43\xb3'
    head -c $((20000000 - 33)) /dev/urandom; } >"$tmp/src/files/mockup/big$i.png"
done
node -e "
const fs = require('fs');
const a = JSON.parse(fs.readFileSync(process.argv[1], 'utf8'));
for (const p of a.pieces) p.files = p.id === 'mockup' ? [0, 1, 2, 3, 4].map(i => ({id: 'b' + i, name: 'big' + i + '.png', media_type: 'image/png'})) : [];
fs.writeFileSync(process.argv[2] + '/answers.json', JSON.stringify(a));
fs.writeFileSync(process.argv[2] + '/meta.json', JSON.stringify({bundle: {exported_at: '2025-03-14T10:00:00Z'}}));
" "$root/tests/data/bundles/complete/answers.json" "$tmp/src"
"$certif" pack "$tmp/src" -o "$tmp/big.json" >/dev/null
node -e "
const fs = require('fs');
const b = JSON.parse(fs.readFileSync(process.argv[1], 'utf8'));
b.answers.pieces.flatMap(p => p.files).forEach((f, i) => fs.writeFileSync(process.argv[2] + '/p' + i + '.b64', f.data));
" "$tmp/big.json" "$tmp"
cat "$tmp/big.json" "$tmp"/p*.b64 >/dev/null  # both from the page cache

median() { sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }
for _ in $(seq $runs); do
  /usr/bin/time -f "%e %M" -a -o "$tmp/ours" "$certif" validate "$tmp/big.json" >/dev/null
  /usr/bin/time -f "%e" -a -o "$tmp/coreutils" bash -c 'for f in "$1"/p*.b64; do base64 -d "$f" | sha256sum; done' _ "$tmp" >/dev/null
done
ours=$(cut -d' ' -f1 "$tmp/ours" | median)
theirs=$(median <"$tmp/coreutils")
rss=$(cut -d' ' -f2 "$tmp/ours" | sort -n | tail -1)
size=$(stat -c %s "$tmp/big.json")
awk -v o="$ours" -v t="$theirs" -v r="$rss" -v s="$size" 'BEGIN {
  printf "bundle: %.1f MB (100 MB of attachments), median of %d runs\n", s / 1e6, '"$runs"'
  printf "certif validate:          %.2f s  (%.0f MB/s of bundle)\n", o, s / 1e6 / o
  printf "base64 -d | sha256sum:    %.2f s\n", t
  printf "ratio:                    %.2fx (target <= 1.5x)\n", o / t
  printf "peak memory:              %.0f MB = %.2fx the bundle (target <= 3x)\n", r / 1024, r * 1024 / s
}'
