#!/usr/bin/env bash
# `certif eligibility --programme ID --session ID`: RS6247's verdicts per session (the two sessions after
# leaving, the declarations, the host's dated sessions), and RS3536 unchanged without the options.
set -u
certif="$1"
data="$2/tests/cli/data/eligibility"
fail() { echo "FAIL: $*" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# run NAME ARGS... : exit 0, nothing on stderr; the JSON in $tmp/out.
run() {
  local name="$1"
  shift
  "$certif" eligibility "$@" >"$tmp/out" 2>"$tmp/err" || fail "$name: exit $?, stderr: $(cat "$tmp/err")"
  [ ! -s "$tmp/err" ] || fail "$name: unexpected stderr: $(cat "$tmp/err")"
}
# is NAME JQ_FILTER EXPECTED : the filter on $tmp/out prints EXPECTED (compact JSON).
is() {
  local got
  got=$(jq -c "$2" "$tmp/out") || fail "$1: jq failed on $(cat "$tmp/out")"
  [ "$got" = "$3" ] || fail "$1: $2 is $got, expected $3"
}

# Left on 2026-11-29, the day before the December 2026 deadline (2026-11-30): December 2026 and May 2027
# are the two sessions after leaving; December 2027 is refused.
cat >"$tmp/left.json" <<'JSON'
{"reference_date": "2026-06-01",
 "periods": [{"start": "2025-01-01", "end": "2026-11-29", "time": "full"}],
 "phases": {"investigation": true, "construction": true},
 "declarations": {"acceleration": true, "holds_rs3536": false, "construction_steps": ["MVP"]}}
JSON
run "rs6247" --programme rs6247 "$tmp/left.json"
is "programme" '.programme' '{"id":"rs6247","version":1}'
is "session ids" '[.sessions.sessions[].session.id]' '["2026-12","2027-05","2027-12","2028-05"]'
is "verdicts" '[.sessions.sessions[].eligible]' '[true,true,false,false]'
is "after leaving" '[.sessions.sessions[].after_leaving]' '[1,2,3,4]'
is "reasons" '.sessions.sessions[2].reasons' '["recency"]'
is "apply until" '.sessions.apply_until.id' '"2027-05"'
is "eligible from" '.sessions.eligible_from.id' '"2026-12"'
is "to be confirmed" '.sessions.sessions[0].session.to_be_confirmed' 'true'
is "deadline" '.sessions.sessions[1].session.dossier_deadline' '"2027-04-30"'
is "declarations" '.criteria.declarations' '{"acceleration":true,"construction_steps":1,"holds_rs3536":false,"met":true}'
is "today's members kept" '[.eligible, .ruleset, .reference_date]' '[true,"rs6247-2025","2026-06-01"]'

run "one session" --programme rs6247 --session 2027-12 "$tmp/left.json"
is "session" '[.session.session.id, .session.eligible, .session.reasons]' '["2027-12",false,["recency"]]'

# A NUMA holder is not eligible, whatever the session.
jq '.declarations.holds_rs3536 = true' "$tmp/left.json" >"$tmp/holder.json"
run "holder" --programme rs6247 --session 2026-12 "$tmp/holder.json"
is "holder" '[.eligible, .session.eligible, .session.reasons]' '[false,false,["rs3536_holder"]]'

# The host's dated sessions replace the pattern from the first of them.
jq '.sessions = [{"id": "promo-dec-2026", "label": {"fr": "Promotion de décembre 2026"},
                  "dossier_deadline": "2026-11-15", "interviews_from": "2026-12-01"}]' "$tmp/left.json" >"$tmp/host.json"
run "host sessions" --programme rs6247 --session promo-dec-2026 "$tmp/host.json"
is "host ids" '[.sessions.sessions[].session.id]' '["promo-dec-2026"]'
is "host session" '[.session.eligible, .session.in_role, .session.session.to_be_confirmed]' '[true,true,false]'

# Without the options: today's RS3536 output exactly (the existing expected files).
run "rs3536" "$data/eligible.json"
diff -u "$data/eligible.expected.json" "$tmp/out" >&2 || fail "without options the output changed"
run "rs3536 explicit" --programme rs3536 "$data/eligible.json"
is "rs3536 same verdict" '[.eligible, .ruleset, (.criteria | has("declarations")), .sessions.sessions]' '[true,"rs3536-2020",false,[]]'

# Errors: one line, exit 2.
expect_error() {
  local name="$1" pattern="$2"
  shift 2
  "$certif" eligibility "$@" >"$tmp/out" 2>"$tmp/err" </dev/null
  local rc=$?
  [ "$rc" -eq 2 ] || fail "$name: expected exit 2, got $rc"
  [ ! -s "$tmp/out" ] || fail "$name: unexpected stdout"
  [ "$(wc -l <"$tmp/err")" -eq 1 ] || fail "$name: expected one line on stderr, got: $(cat "$tmp/err")"
  grep -qE -- "$pattern" "$tmp/err" || fail "$name: stderr '$(cat "$tmp/err")' does not match '$pattern'"
}
expect_error "unknown programme" "^certif eligibility: unknown programme 'rs1'; expected rs3536 or rs6247$" --programme rs1 "$tmp/left.json"
expect_error "unknown session" "^certif eligibility: no session '2020-05' among the next sessions of programme rs6247 after 2026-06-01$" \
  --programme rs6247 --session 2020-05 "$tmp/left.json"
expect_error "missing value" "^certif eligibility: --session needs a value" "$tmp/left.json" --session
jq '.sessions = [{"id": "x", "label": {"fr": "X"}, "dossier_deadline": "2026-13-01"}]' "$tmp/left.json" >"$tmp/bad-session.json"
expect_error "bad host session" "^certif eligibility: /sessions/0/dossier_deadline: " --programme rs6247 "$tmp/bad-session.json"
echo "ok"
