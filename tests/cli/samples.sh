#!/usr/bin/env bash
# The committed sample bundles (assets/samples/) still validate, and are still exactly what `certif pack`
# makes from their sources (tests/data/bundles/<name>/; the large one's files are generated). With
# --update, rewrites them instead:  tests/cli/samples.sh build/native/certif . --update
set -u
certif="$1"
root="$2"
update="${3:-}"
src="$root/tests/data/bundles"
samples="$root/assets/samples"
fail() { echo "FAIL: $*" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# sample name -> source folder (copied, so that generated files never land in the source tree)
for name in complete incomplete large; do
  cp -R "$src/$name" "$tmp/$name"
done
node "$src/make_files.mjs" large "$tmp/large" || fail "generating the large sample's files"

for name in complete incomplete large; do
  out="$tmp/$name.json"
  "$certif" pack "$tmp/$name" -o "$out" >/dev/null 2>"$tmp/err" || fail "pack $name: $(cat "$tmp/err")"
  [ ! -s "$tmp/err" ] || fail "pack $name said: $(cat "$tmp/err")"
  if [ "$update" = "--update" ]; then
    cp "$out" "$samples/$name.json"
    echo "updated assets/samples/$name.json"
    continue
  fi
  [ -f "$samples/$name.json" ] || fail "assets/samples/$name.json is missing (run with --update)"
  "$certif" validate "$samples/$name.json" >"$tmp/out" 2>&1 || fail "assets/samples/$name.json does not validate: $(cat "$tmp/out")"
  cmp -s "$out" "$samples/$name.json" ||
    fail "assets/samples/$name.json is not what its source packs to any more (tests/cli/samples.sh CERTIF . --update rewrites it)"
done
[ "$update" = "--update" ] || echo "ok"
