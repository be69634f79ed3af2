#!/usr/bin/env bash
# `certif eligibility`: exact verdicts through the binary, stdin, and one-line errors with exit status 2.
set -u
certif="$1"
data="$2/tests/cli/data/eligibility"
fail() { echo "FAIL: $*" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# expect_output NAME EXPECTED_FILE ARGS... : exit 0, nothing on stderr, stdout exactly EXPECTED_FILE.
expect_output() {
  local name="$1" expected="$2"
  shift 2
  "$certif" eligibility "$@" >"$tmp/out" 2>"$tmp/err"
  local rc=$?
  [ "$rc" -eq 0 ] || fail "$name: exit $rc, stderr: $(cat "$tmp/err")"
  [ ! -s "$tmp/err" ] || fail "$name: unexpected stderr: $(cat "$tmp/err")"
  diff -u "$expected" "$tmp/out" >&2 || fail "$name: output differs from $expected"
}

# expect_error NAME PATTERN ARGS... : exit 2, nothing on stdout, exactly one line on stderr matching PATTERN.
expect_error() {
  local name="$1" pattern="$2"
  shift 2
  "$certif" eligibility "$@" >"$tmp/out" 2>"$tmp/err" </dev/null
  local rc=$?
  [ "$rc" -eq 2 ] || fail "$name: expected exit 2, got $rc"
  [ ! -s "$tmp/out" ] || fail "$name: unexpected stdout: $(cat "$tmp/out")"
  [ "$(wc -l <"$tmp/err")" -eq 1 ] || fail "$name: expected one line on stderr, got: $(cat "$tmp/err")"
  grep -qE -- "$pattern" "$tmp/err" || fail "$name: stderr '$(cat "$tmp/err")' does not match '$pattern'"
}

# --- valid inputs: exact verdicts --------------------------------------------------------------------
expect_output "eligible" "$data/eligible.expected.json" "$data/eligible.json"
expect_output "not eligible, projected" "$data/projected.expected.json" "$data/projected.json"
expect_output "lapsed, half days" "$data/lapsed.expected.json" "$data/lapsed.json"

# Standard input gives the same verdict as the file.
"$certif" eligibility - <"$data/eligible.json" >"$tmp/stdin.out" 2>"$tmp/err" || fail "stdin: exit $?"
diff -u "$data/eligible.expected.json" "$tmp/stdin.out" >&2 || fail "stdin: output differs"

# An absent end means ongoing; unknown members are ignored.
cat >"$tmp/ongoing.json" <<'EOF'
{"reference_date": "2024-01-01", "note": "x",
 "periods": [{"start": "2024-01-01", "time": "part", "extra": 1}],
 "phases": {"investigation": false, "construction": true}}
EOF
"$certif" eligibility "$tmp/ongoing.json" >"$tmp/out" || fail "ongoing: exit $?"
grep -qF '"met_on": "2024-12-25"' "$tmp/out" || fail "ongoing part-time projection: $(cat "$tmp/out")"
grep -qF '"equivalent_days": 0.5,' "$tmp/out" || fail "ongoing part-time half day: $(cat "$tmp/out")"

# --- invalid inputs: exit 2, one line naming the problem ---------------------------------------------
cat >"$tmp/bad-date.json" <<'EOF'
{"reference_date": "2024-06-01", "periods": [{"start": "2024-02-30", "end": null, "time": "full"}],
 "phases": {"investigation": true, "construction": true}}
EOF
expect_error "bad date" '^certif eligibility: /periods/0/start: "2024-02-30" is not a valid date; expected a real day written YYYY-MM-DD, from 1900 to 2199\.$' "$tmp/bad-date.json"

cat >"$tmp/many.json" <<'EOF'
{"reference_date": "2024-06-01", "periods": [{"start": "2024-07-01", "time": "half"}], "phases": {"investigation": true}}
EOF
expect_error "several problems" '^certif eligibility: /periods/0/time: "half" is not a working time; expected "full" or "part"\. \(and 2 more problems\)$' "$tmp/many.json"

cat >"$tmp/end-before-start.json" <<'EOF'
{"reference_date": "2024-06-01", "periods": [{"start": "2024-03-01", "end": "2024-02-01", "time": "full"}],
 "phases": {"investigation": true, "construction": true}}
EOF
expect_error "end before start" '^certif eligibility: /periods/0/end: The end 2024-02-01 is before the start 2024-03-01' "$tmp/end-before-start.json"

printf '{"reference_date": "2024-06-01", "periods": [],\n  "phases": {investigation: true}}\n' >"$tmp/not-json.json"
expect_error "not JSON" "^certif eligibility: $tmp/not-json.json: line 2, column 14: " "$tmp/not-json.json"

printf 'not json' >"$tmp/stdin-bad.json"
"$certif" eligibility - <"$tmp/stdin-bad.json" >"$tmp/out" 2>"$tmp/err"; rc=$?
[ "$rc" -eq 2 ] || fail "not JSON on stdin: exit $rc"
grep -qE '^certif eligibility: standard input: line 1, column 2: ' "$tmp/err" || fail "not JSON on stdin: $(cat "$tmp/err")"

echo '[]' >"$tmp/array.json"
expect_error "not an object" 'standard input|array\.json: Found an array; expected an object' "$tmp/array.json"

expect_error "missing file" "^certif eligibility: cannot open $tmp/no-such-file\.json$" "$tmp/no-such-file.json"
expect_error "no argument" '^certif eligibility: missing FILE'
expect_error "two arguments" '^certif eligibility: expected one FILE' "$data/eligible.json" "$data/eligible.json"
expect_error "unknown option" "^certif eligibility: unknown option '--ruleset'" --ruleset

# --- help ----------------------------------------------------------------------------------------------
out=$("$certif" eligibility --help) || fail "eligibility --help exited non-zero"
grep -q "^Usage: certif eligibility FILE" <<<"$out" || fail "eligibility --help lacks a usage line"
"$certif" --help | grep -qE '^  eligibility +check the prerequisites' || fail "certif --help does not list eligibility"

echo "ok"
