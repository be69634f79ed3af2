#!/usr/bin/env bash
# The command line and the app agree on real files (tests/data/corpus): each file the sniffer accepts is
# packed into a bundle under a misleading name (the type comes from the content) that validates; each
# file it refuses makes `certif pack` refuse, writing nothing.
set -u
source "$(dirname "$0")/lib.bash" "$@"
corpus="$root/tests/data/corpus"
accepted_kinds=" pdf png jpeg webp odt ods odp docx xlsx pptx csv "
n=0
while IFS=$'\t' read -r file producer kind detail checks; do
  case "$file" in '#'*|'') continue ;; esac
  dir="$tmp/d$n"
  mkdir -p "$dir/files"
  cp "$corpus/files/$file" "$dir/files/f"
  node -e "
const fs = require('fs');
const a = JSON.parse(fs.readFileSync(process.argv[1], 'utf8'));
a.pieces[3].files = [{id: 'f', name: 'pièce.bin', media_type: 'application/pdf'}];
fs.writeFileSync(process.argv[2] + '/answers.json', JSON.stringify(a));
fs.writeFileSync(process.argv[2] + '/meta.json', JSON.stringify({bundle: {exported_at: '2025-01-01T00:00:00Z'}, files: {f: 'files/f'}}));
" "$root/tests/data/bundles/incomplete/answers.json" "$dir" || fail "answers for $file"
  cp -R "$root/tests/data/bundles/incomplete/files/mockup" "$dir/files/mockup"
  "$certif" pack "$dir" -o "$dir.json" >"$tmp/out" 2>"$tmp/err" </dev/null
  rc=$?
  if [[ "$accepted_kinds" == *" $kind "* ]]; then
    [ "$rc" -eq 0 ] || fail "$file ($producer): accepted by the sniffer, refused by pack: $(cat "$tmp/err")"
    "$certif" validate "$dir.json" >/dev/null || fail "$file: the bundle pack wrote does not validate"
  else
    [ "$rc" -eq 1 ] || fail "$file ($producer, $kind): pack exit $rc, expected 1: $(cat "$tmp/err")"
    grep -q "Not accepted" "$tmp/err" || fail "$file: pack does not say why: $(cat "$tmp/err")"
    [ ! -e "$dir.json" ] || fail "$file: pack wrote a bundle with a refused file"
  fi
  n=$((n + 1))
done <"$corpus/expected.tsv"
[ "$n" -ge 70 ] || fail "only $n corpus files"
echo "ok ($n files)"
