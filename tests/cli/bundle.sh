#!/usr/bin/env bash
# `certif validate | inspect | extract | pack` as a black box: exit codes, the --json report other tools
# read, hostile files refused with their code and path, safe extraction, and pack(extract(b)) == b.
set -u
source "$(dirname "$0")/lib.bash" "$@"
samples="$root/assets/samples"
# json_check FILE JS_EXPRESSION MESSAGE : the expression (over `r`, the parsed file) is true.
json_check() {
  node -e "const r = JSON.parse(require('fs').readFileSync(process.argv[1], 'utf8')); if (!($2)) process.exit(1);" "$1" ||
    fail "$3: $(head -c 3000 "$1")"
}
# tamper IN OUT NODE_CODE : OUT is IN with the JS statements applied to `b` (the parsed bundle), written back
# as JSON — so the digest no longer matches unless the code reseals it.
tamper() {
  node -e "const fs = require('fs'); const b = JSON.parse(fs.readFileSync(process.argv[1], 'utf8')); $3; fs.writeFileSync(process.argv[2], JSON.stringify(b));" "$1" "$2" ||
    fail "tamper $2"
}

# --- validate ---------------------------------------------------------------------------------------------
run "validate samples" 0 validate "$samples/complete.json" "$samples/incomplete.json" "$samples/large.json"
has out "complete.json: valid (integrity sha256-jcs " "validate text"
[ "$(wc -l <"$tmp/out")" -eq 3 ] || fail "validate: one line per valid file without notes: $(cat "$tmp/out")"

run "validate --json" 0 validate --json "$samples/complete.json" "$samples/incomplete.json"
json_check "$tmp/out" "r.valid === true && r.files.length === 2 && r.files.every(f => f.valid === true && /^[0-9a-f]{64}$/.test(f.digest) && Array.isArray(f.issues))" "validate --json shape"

"$certif" validate - <"$samples/complete.json" >"$tmp/out" || fail "validate - exit $?"
has out "standard input: valid" "validate stdin"

printf '{"format": "certif-intra/dossier",\n  "format_version": 1,\n  "app": {name: 1}}' >"$tmp/notjson.json"
run "not JSON" 1 validate --json "$tmp/notjson.json" "$samples/complete.json"
json_check "$tmp/out" "r.valid === false && r.files[0].valid === false && r.files[1].valid === true && r.files[0].digest === null && r.files[0].issues[0].code === 'json.syntax' && r.files[0].issues[0].path === '/app' && r.files[0].issues[0].message.startsWith('line 3, column 11: ') && r.files[0].issues[0].severity === 'error'" "not JSON: code, path, line and column"

run "unreadable" 2 validate --json "$tmp/no-such.json" "$samples/complete.json"
json_check "$tmp/out" "r.files[0].issues[0].code === 'file.unreadable' && r.files[1].valid" "unreadable file reported, the others still checked"
truncate -s 230000000 "$tmp/huge.json"  # sparse: refused from its size, never read
run "too large" 1 validate --json "$tmp/huge.json"
json_check "$tmp/out" "r.files[0].issues[0].code === 'json.too_large' && r.files[0].issues[0].message.includes('230000000 bytes')" "over the size limit"
rm -f "$tmp/huge.json"
run "a folder" 2 validate "$tmp"
run "no file" 2 validate
run "unknown option" 2 validate --strict "$samples/complete.json"
run "help" 0 validate --help
has out "Usage: certif validate [--json] FILE..." "validate --help"

# --- hostile files, through the command line ---------------------------------------------------------
tamper "$samples/complete.json" "$tmp/modified.json" "b.answers.identity.first_name = 'Camilla'"
run "modified after export" 1 validate --json "$tmp/modified.json"
json_check "$tmp/out" "r.files[0].issues.some(i => i.code === 'bundle.integrity_mismatch' && i.path === '/integrity/digest' && i.message.includes('modified after export'))" "modified after export"

tamper "$samples/complete.json" "$tmp/v2.json" "b.format_version = 2"
run "version 2" 1 validate "$tmp/v2.json"
has out "this app reads version 1" "higher format_version"

tamper "$samples/complete.json" "$tmp/evil-name.json" "b.answers.pieces[3].files[0].name = '../../.bashrc'"
run "path in a name" 1 validate --json "$tmp/evil-name.json"
json_check "$tmp/out" "r.files[0].issues.some(i => i.code === 'bundle.name_invalid' && i.path === '/answers/pieces/3/files/0/name')" "name with separators"

tamper "$samples/complete.json" "$tmp/exe.json" "b.answers.pieces[5].files[0].media_type = 'application/x-msdownload'"
run "media type" 1 validate --json "$tmp/exe.json"
json_check "$tmp/out" "r.files[0].issues.some(i => i.code === 'bundle.media_type_not_accepted' && i.path === '/answers/pieces/5/files/0/media_type')" "media type outside the list"

tamper "$samples/complete.json" "$tmp/bad64.json" "b.answers.pieces[2].files[0].data = b.answers.pieces[2].files[0].data.replace(/^..../, '@@@@')"
run "bad base64" 1 validate --json "$tmp/bad64.json"
json_check "$tmp/out" "r.files[0].issues.some(i => i.code === 'bundle.data_invalid' && i.path === '/answers/pieces/2/files/0/data' && i.message.startsWith('Piece \"interview_report\"'))" "bad base64 names the piece"

tamper "$samples/complete.json" "$tmp/unknown.json" "b['x-comment'] = 'added by hand'"
run "unknown member (digest broken)" 1 validate "$tmp/unknown.json"
has out "notice  /x-comment: Unknown member" "unknown member is a notice"

# --- inspect ------------------------------------------------------------------------------------------
run "inspect complete" 0 inspect "$samples/complete.json"
has out "Candidate:     Camille Martin <camille.martin@example.gouv.fr>" "inspect: who"
has out "Startup:       Mon Compost Facile" "inspect: startup"
has out "Integrity:     verified (sha256-jcs " "inspect: integrity"
has out "    claimed:    eligible" "inspect: claim"
has out "    recomputed: eligible — agrees with the claim" "inspect: recomputed"
has out "Écran carte.png  image/png  " "inspect: pieces"
has out "Completeness on 2025-03-14: complete" "inspect: completeness"

run "inspect --date" 0 inspect "$samples/complete.json" --date 2022-12-01
has out "Eligibility on 2022-12-01 (--date):" "inspect --date"
has out "    recomputed: not eligible" "inspect --date verdict"

run "inspect incomplete" 0 inspect "$samples/incomplete.json"
has out "    recomputed: no verdict — agrees with the claim" "inspect: no verdict"
has out "warning /answers/pieces/5: piece \"deck\" is missing" "inspect: what is missing"

run "inspect modified" 1 inspect "$tmp/modified.json"
has out "modified after export" "inspect refuses a modified bundle"
run "inspect bad date" 2 inspect "$samples/complete.json" --date 14/03/2025
run "inspect two files" 2 inspect "$samples/complete.json" "$samples/large.json"

# --- extract / pack ---------------------------------------------------------------------------------------
for name in complete incomplete large; do
  run "extract $name" 0 extract "$samples/$name.json" "$tmp/x-$name"
  run "pack $name" 0 pack "$tmp/x-$name" -o "$tmp/re-$name.json"
  cmp -s "$samples/$name.json" "$tmp/re-$name.json" || fail "pack(extract($name)) differs from $name"
done
[ -f "$tmp/x-complete/answers.json" ] && [ -f "$tmp/x-complete/meta.json" ] || fail "extract: answers.json and meta.json"
src="$root/tests/data/bundles/complete/files"
cmp -s "$src/mockup/Écran carte.png" "$tmp/x-complete/files/mockup/Écran carte.png" || fail "extract: attachment bytes"
cmp -s "$src/deck/Comité investissement.pdf" "$tmp/x-complete/files/deck/Comité investissement.pdf" || fail "extract: attachment bytes"
json_check "$tmp/x-complete/meta.json" "r.bundle.exported_at === '2025-03-14T10:12:00Z' && !('answers' in r.bundle) && !('integrity' in r.bundle) && r.files.a3 === 'files/mockup/Écran carte.png'" "meta.json"
json_check "$tmp/x-complete/answers.json" "r.pieces[3].files[1].sha256.length === 64 && !('data' in r.pieces[3].files[1])" "answers.json"

# No overwrite without --force; nothing written on refusal.
echo "keep me" >"$tmp/x-complete/files/deck/Comité investissement.pdf"
run "extract again" 2 extract "$samples/complete.json" "$tmp/x-complete"
has err "already exists (use --force to replace it); nothing written" "extract without --force"
grep -q "keep me" "$tmp/x-complete/files/deck/Comité investissement.pdf" || fail "extract overwrote without --force"
run "extract --force" 0 extract "$samples/complete.json" "$tmp/x-complete" --force
cmp -s "$src/deck/Comité investissement.pdf" "$tmp/x-complete/files/deck/Comité investissement.pdf" || fail "extract --force"
run "extract invalid" 1 extract "$tmp/modified.json" "$tmp/x-modified"
[ ! -e "$tmp/x-modified" ] || fail "extract wrote something for an invalid bundle"

# A symbolic link inside DIR could lead outside: refused.
mkdir -p "$tmp/x-link" "$tmp/elsewhere"
ln -s "$tmp/elsewhere" "$tmp/x-link/files"
run "extract through a link" 2 extract "$samples/complete.json" "$tmp/x-link" --force
[ -z "$(ls -A "$tmp/elsewhere")" ] || fail "extract wrote through a symbolic link"

# Names made safe on any file system, collisions kept apart, and still pack(extract(b)) == b.
mkdir -p "$tmp/odd/files"
for n in 1 2 3 4; do printf 'a;b\n%s;2\n' "$n" >"$tmp/odd/files/$n"; done
node -e "
const fs = require('fs');
const a = JSON.parse(fs.readFileSync(process.argv[1], 'utf8'));
a.pieces[4].files = [{id: 'o1', name: '.hidden.csv', media_type: 'text/csv'}, {id: 'o2', name: 'CON.csv', media_type: 'text/csv'},
                     {id: 'o3', name: 'Table.CSV', media_type: 'text/csv'}, {id: 'o4', name: 'table.csv', media_type: 'text/csv'}];
fs.writeFileSync(process.argv[2] + '/answers.json', JSON.stringify(a));
fs.writeFileSync(process.argv[2] + '/meta.json', JSON.stringify({bundle: {exported_at: '2025-01-01T00:00:00Z'}, files: {o1: 'files/1', o2: 'files/2', o3: 'files/3', o4: 'files/4'}}));
" "$root/tests/data/bundles/incomplete/answers.json" "$tmp/odd"
cp -R "$root/tests/data/bundles/incomplete/files/mockup" "$tmp/odd/files/mockup"
run "pack odd names" 0 pack "$tmp/odd" -o "$tmp/odd.json"
run "extract odd names" 0 extract "$tmp/odd.json" "$tmp/x-odd"
for f in "_hidden.csv" "_CON.csv" "Table.CSV" "table (2).csv"; do
  [ -f "$tmp/x-odd/files/investment_table/$f" ] || fail "extract: expected files/investment_table/$f: $(ls "$tmp/x-odd/files/investment_table")"
done
run "repack odd names" 0 pack "$tmp/x-odd" -o "$tmp/odd2.json"
cmp -s "$tmp/odd.json" "$tmp/odd2.json" || fail "pack(extract(b)) with renamed files"

# pack: refusals, and standard output.
run "pack to stdout" 0 pack "$tmp/x-complete" -o -
cmp -s "$tmp/out" "$samples/complete.json" || fail "pack -o - differs"
run "pack no overwrite" 2 pack "$tmp/x-complete" -o "$tmp/re-complete.json"
run "pack missing dir" 2 pack "$tmp/nowhere" -o "$tmp/x.json"
run "pack no -o" 2 pack "$tmp/x-complete"
run "pack bad time" 2 pack "$tmp/x-complete" -o "$tmp/x.json" --exported-at 2025-01-01
node -e "const fs = require('fs'); const m = JSON.parse(fs.readFileSync(process.argv[1])); m.files.a1 = '../../etc/passwd'; fs.writeFileSync(process.argv[1], JSON.stringify(m));" "$tmp/x-complete/meta.json"
run "pack traversal" 2 pack "$tmp/x-complete" -o "$tmp/x.json"
has err "must be a relative path inside" "pack refuses paths leaving DIR"
# (A declared media type is not what decides: pack takes it from the content — tests/cli/files.sh.)
node -e "const fs = require('fs'); const a = JSON.parse(fs.readFileSync(process.argv[1])); a.pieces[2].files[0].name = 'a/b.pdf'; fs.writeFileSync(process.argv[1], JSON.stringify(a));" "$tmp/x-large/answers.json"
run "pack invalid" 1 pack "$tmp/x-large" -o "$tmp/x.json"
has err "the bundle would not be valid; nothing written" "pack refuses to write an invalid bundle"
has err "path separator" "pack says why"
[ ! -e "$tmp/x.json" ] || fail "pack wrote an invalid bundle"

"$certif" --help | grep -qE '^  validate +check dossier bundles' || fail "certif --help does not list validate"
echo "ok"
