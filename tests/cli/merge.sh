#!/usr/bin/env bash
# `certif merge A B [-o MERGED] [--json]`: two jurors' records of one RS6247 bundle merged, differences
# reported; refusals (other bundle, same juror, unknown programme, single-assessor programme) exit 1.
set -u
certif="$1"
root="$2"
fail() { echo "FAIL: $*" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
golden="$root/tests/data/coach/evaluation-full.json"

# Juror A's record: the golden record turned into an RS6247 one (the reader needs no referential).
jq '.referential = {"id": "rs6247", "version": 1}
    | .programme = {"id": "rs6247", "version": 1}
    | .juror = {"name": "Alex Martin", "role": "portfolio_manager"}' "$golden" >"$tmp/a.json"
# Juror B: another name, one level that differs (ideation: team), the rest as A.
jq '.juror = {"name": "Sam Bernard", "role": "certified_intrapreneur"}
    | .grid[1].observed_level = "team"' "$tmp/a.json" >"$tmp/b.json"

"$certif" merge "$tmp/a.json" "$tmp/b.json" --json -o "$tmp/merged.json" >"$tmp/out" 2>"$tmp/err" \
  || fail "merge: exit $?, stderr: $(cat "$tmp/err")"
[ "$(jq -c '.open' "$tmp/out")" = '["ideation","acquisition"]' ] || fail "open differences: $(jq -c .open "$tmp/out")"
[ "$(jq -c '[.competencies[1].a, .competencies[1].b, .competencies[1].agree]' "$tmp/out")" = '["autonomous","team",false]' ] \
  || fail "ideation: $(jq -c '.competencies[1]' "$tmp/out")"
[ "$(jq -c '[.jurors[].name]' "$tmp/out")" = '["Alex Martin","Sam Bernard"]' ] || fail "jurors"
[ "$(jq -r '.programme' "$tmp/out")" = "rs6247" ] || fail "programme"
# The merged record is a record: both jurors under "jury", the agreed levels in its grid, none for ideation.
[ "$(jq -c '[.jury.jurors[].name, .grid[0].observed_level, .grid[1].observed_level]' "$tmp/merged.json")" = \
  '["Alex Martin","Sam Bernard","autonomous",null]' ] || fail "merged record: $(jq -c .jury "$tmp/merged.json")"
"$certif" cohort "$tmp/merged.json" -o - >/dev/null 2>"$tmp/err" || fail "the merged record is not read back: $(cat "$tmp/err")"

# Text report.
out=$("$certif" merge "$tmp/a.json" "$tmp/b.json") || fail "text report exit $?"
grep -q "^  DIFFER ideation: autonomous / team$" <<<"$out" || fail "text report: $out"
grep -q "^2 differences to resolve before the jury decision\.$" <<<"$out" || fail "text summary: $out"

# refused NAME PATTERN A B : exit 1, PATTERN on stderr.
refused() {
  "$certif" merge "$3" "$4" >"$tmp/out" 2>"$tmp/err"
  local rc=$?
  [ "$rc" -eq 1 ] || fail "$1: expected exit 1, got $rc"
  grep -qE -- "$2" "$tmp/err" || fail "$1: stderr '$(cat "$tmp/err")' does not match '$2'"
}
jq '.bundle.digest = "'"$(printf 'b%.0s' {1..64})"'"' "$tmp/b.json" >"$tmp/other-bundle.json"
refused "other bundle" 'different bundles' "$tmp/a.json" "$tmp/other-bundle.json"
jq '.juror.name = "Alex Martin"' "$tmp/b.json" >"$tmp/same.json"
refused "same juror" 'Both records are by "Alex Martin"' "$tmp/a.json" "$tmp/same.json"
jq '.programme.id = "rs9999"' "$tmp/b.json" >"$tmp/unknown.json"
refused "unknown programme" 'programme "rs9999", which no known programme uses' "$tmp/a.json" "$tmp/unknown.json"
jq '.coach.name = "Someone Else"' "$golden" >"$tmp/rs3536-b.json"
refused "single assessor" 'single assessor' "$golden" "$tmp/rs3536-b.json"

# Usage errors: exit 2.
"$certif" merge "$tmp/a.json" >/dev/null 2>&1; [ $? -eq 2 ] || fail "one record should exit 2"
"$certif" merge "$tmp/a.json" "$tmp/nope.json" >/dev/null 2>&1; [ $? -eq 2 ] || fail "a missing file should exit 2"
"$certif" merge --help | grep -q '^Usage: certif merge RECORD_A RECORD_B' || fail "merge --help"
"$certif" --help | grep -qE '^  merge ' || fail "certif --help does not list merge"
echo "ok"
