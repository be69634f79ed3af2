#!/usr/bin/env bash
# `certif cohort` as a black box: bundles and evaluation records in any order, one CSV row per candidate
# (duplicates once, the latest version, the matching evaluation), broken files reported on stderr without
# stopping the others, the exit codes, and the file's bytes (BOM, CRLF, quoting, formula guard).
set -u
source "$(dirname "$0")/lib.bash" "$@"
samples="$root/assets/samples"

# packed NAME EXPORTED_AT JS : the complete sample, extracted, changed by JS (over `a` the answers and
# `m` the metadata), packed again at EXPORTED_AT (the claimed verdict recomputed unless JS sets one).
packed() {
  local name="$1" at="$2" code="$3" dir="$tmp/src-$1"
  "$certif" extract "$samples/complete.json" "$dir" >/dev/null 2>&1 || fail "extract for $name"
  node -e "const fs = require('fs'); const d = process.argv[1];
    const a = JSON.parse(fs.readFileSync(d + '/answers.json', 'utf8'));
    const m = JSON.parse(fs.readFileSync(d + '/meta.json', 'utf8'));
    delete m.bundle.exported_at; delete m.bundle.eligibility_at_export;
    $code;
    fs.writeFileSync(d + '/answers.json', JSON.stringify(a)); fs.writeFileSync(d + '/meta.json', JSON.stringify(m));" "$dir" ||
    fail "editing $name"
  "$certif" pack "$dir" -o "$tmp/$name.json" --exported-at "$at" >/dev/null 2>"$tmp/err" || fail "pack $name: $(cat "$tmp/err")"
}
digest_of() { "$certif" validate --json "$1" | node -e "process.stdout.write(JSON.parse(require('fs').readFileSync(0, 'utf8')).files[0].digest)"; }
# evaluation NAME DIGEST JS : the golden evaluation record, for the bundle DIGEST, changed by JS (over `e`).
evaluation() {
  node -e "const fs = require('fs'); const e = JSON.parse(fs.readFileSync(process.argv[1], 'utf8'));
    e.bundle.digest = process.argv[2]; $3;
    fs.writeFileSync(process.argv[3], JSON.stringify(e, null, 2));" \
    "$root/tests/data/coach/evaluation-full.json" "$2" "$tmp/$1.json" || fail "writing evaluation $1"
}
# csv_check FILE JS MESSAGE : JS (over `rows`, the parsed records without the header, and `text`) is true.
csv_check() {
  node -e "const text = require('fs').readFileSync(process.argv[1], 'utf8');
    const records = []; let rec = [], field = '', q = false, i = text.charCodeAt(0) === 0xFEFF ? 1 : 0;
    for (; i < text.length; i++) {
      const c = text[i];
      if (q) { if (c === '\"' && text[i + 1] === '\"') { field += c; i++; } else if (c === '\"') q = false; else field += c; }
      else if (c === '\"') q = true;
      else if (c === ',') { rec.push(field); field = ''; }
      else if (c === '\r' && text[i + 1] === '\n') { rec.push(field); records.push(rec); rec = []; field = ''; i++; }
      else field += c;
    }
    const header = records.shift(); const rows = records.map(r => Object.fromEntries(header.map((h, k) => [h, r[k]])));
    if (!(records.every(r => r.length === header.length) && ($2))) { console.error(JSON.stringify(rows, null, 1)); process.exit(1); }" "$1" ||
    fail "$3"
}

# --- the cohort ---------------------------------------------------------------------------------------
cp "$samples/complete.json" "$tmp/camille-v1.json"
cp "$samples/complete.json" "$tmp/camille-v1-copy.json"
cp "$samples/incomplete.json" "$tmp/julien.json"
packed camille-v2 2025-03-20T08:00:00Z "a.identity.email = ' Camille.MARTIN@example.gouv.fr'; a.startup.name = 'Compost, « version 2 »'"
packed lea 2025-03-18T09:00:00Z "a.identity.first_name = '=HYPERLINK(\"https://evil.example\")'; a.identity.last_name = 'Durand \"Lélé\"';
  a.identity.email = 'lea.durand@example.gouv.fr'; a.startup.name = 'Ligne 1\nLigne 2';
  m.bundle.eligibility_at_export = {reference_date: '2025-03-18', result: null}"
node -e "const fs = require('fs'); const b = JSON.parse(fs.readFileSync(process.argv[1], 'utf8'));
  b.answers.identity.first_name = 'Camilla'; fs.writeFileSync(process.argv[2], JSON.stringify(b));" \
  "$samples/complete.json" "$tmp/tampered.json" || fail "tampering"
printf '{"format": "certif-intra/evaluation", "grid": [1,]}' >"$tmp/broken.json"

v1=$(digest_of "$tmp/camille-v1.json")
lea=$(digest_of "$tmp/lea.json")
[ ${#v1} -eq 64 ] && [ ${#lea} -eq 64 ] || fail "digests: '$v1' '$lea'"
evaluation eval-camille-v1 "$v1" "e.candidate = {first_name: 'Camille', last_name: 'Martin', email: 'camille.martin@example.gouv.fr'};
  e.decisions.pop(); e.status = 'ajourne'; e.attestation = null"
evaluation eval-lea "$lea" "e.candidate.first_name = 'Léa'"
evaluation eval-orphan "$(printf 'f%.0s' {1..64})" "e.candidate = {first_name: 'Zoé', last_name: 'Abel', email: ''}"
evaluation eval-inconsistent "$lea" "e.status = 'ajourne'"

files=("$tmp/eval-lea.json" "$tmp/camille-v2.json" "$tmp/tampered.json" "$tmp/camille-v1.json" "$tmp/julien.json"
       "$tmp/eval-camille-v1.json" "$tmp/broken.json" "$tmp/camille-v1-copy.json" "$tmp/lea.json" "$tmp/eval-orphan.json"
       "$tmp/eval-inconsistent.json")
run "a cohort with broken files" 1 cohort "${files[@]}" -o "$tmp/cohort.csv"
[ ! -s "$tmp/out" ] || fail "with -o, nothing on standard output: $(cat "$tmp/out")"
has err "tampered.json: invalid bundle, left out" "a tampered bundle"
has err "/integrity/digest: The bundle was modified after export" "the tampered bundle's reason"
has err "broken.json: not JSON, left out" "a broken file"
has err "line 1, column 50" "the broken file's position"
has err "eval-inconsistent.json: invalid evaluation record, left out" "an inconsistent evaluation"
has err "/status:" "the inconsistent evaluation's pointer"
has err "camille-v1-copy.json: the same bundle as $tmp/camille-v1.json (counted once)" "a duplicate"
has err "eval-orphan.json: its bundle (digest ffffffffffffffff...) is not among the files" "an evaluation without its bundle"
has err "certif cohort: 5 bundles, 3 evaluations read, 3 left out; 4 rows written to $tmp/cohort.csv" "the summary line"

head -c 3 "$tmp/cohort.csv" | od -An -tx1 | grep -q "ef bb bf" || fail "the CSV starts with a UTF-8 BOM"
head -n 1 "$tmp/cohort.csv" | grep -q $'Versions reçues,Empreinte du dossier\r$' || fail "header with CRLF: $(head -n 1 "$tmp/cohort.csv" | od -c | head)"
csv_check "$tmp/cohort.csv" "rows.length === 4 && rows.map(r => r.Nom).join('|') === 'Abel|Durand \"Lélé\"|Martin|Moreau'" "one row per candidate, sorted"
csv_check "$tmp/cohort.csv" "(r => r['E-mail'] === ' Camille.MARTIN@example.gouv.fr' && r.Startup === 'Compost, « version 2 »' &&
  r['Versions reçues'] === '2' && r['Dossier exporté le'] === '2025-03-20T08:00:00Z' && r.Statut === 'ajourné' &&
  r['Décision'] === 'ajourné' && r['Date de la décision'] === '2025-04-02' && r['Éligibilité (recalculée)'] === 'éligible' &&
  r['Déclaration du candidat'] === 'concordante' && r['Complétude'] === 'incomplet (pièces 6/6, compétences 7/7, 1 erreur)')(rows[2])" \
  "the latest version (its e-mail with a space: one error), with the evaluation of the earlier one"
csv_check "$tmp/cohort.csv" "(r => r['Prénom'] === \"'=HYPERLINK(\\\"https://evil.example\\\")\" && r.Startup === 'Ligne 1\nLigne 2' &&
  r['Déclaration du candidat'] === 'discordante' && r.Statut === 'admis' && r['Empreinte du dossier'] === '$lea')(rows[1])" \
  "formula guard, line break, disagreeing claim, evaluation by digest"
csv_check "$tmp/cohort.csv" "(r => r['Prénom'] === 'Zoé' && r['Éligibilité (recalculée)'] === '' && r['Versions reçues'] === '0' &&
  r.Statut === 'admis')(rows[0])" "an evaluation without its bundle still has a row"
csv_check "$tmp/cohort.csv" "(r => r.Statut === 'à examiner' && r['Complétude'].startsWith('incomplet (') && r['Décision'] === '')(rows[3])" \
  "a candidate not evaluated yet"
grep -q $'"Ligne 1\nLigne 2"' "$tmp/cohort.csv" || fail "a line break inside a quoted field stays LF"

# The order of the files does not matter; standard output by default.
run "reversed, valid files only" 0 cohort "$tmp/eval-orphan.json" "$tmp/lea.json" "$tmp/camille-v1-copy.json" "$tmp/eval-camille-v1.json" \
  "$tmp/julien.json" "$tmp/camille-v1.json" "$tmp/camille-v2.json" "$tmp/eval-lea.json"
cmp -s "$tmp/out" "$tmp/cohort.csv" || fail "the same cohort in another order gives another file"
run "to standard output with -o -" 0 cohort -o - "$tmp/julien.json"
csv_check "$tmp/out" "rows.length === 1 && rows[0].Nom === 'Moreau'" "-o -"

# Output files are not replaced without --force; an unreadable file is exit 2, the table still written.
cp "$tmp/cohort.csv" "$tmp/kept.csv"
run "existing output" 2 cohort "$tmp/julien.json" -o "$tmp/cohort.csv"
has err "already exists (use --force to replace it)" "existing output"
cmp -s "$tmp/cohort.csv" "$tmp/kept.csv" || fail "replaced without --force"
run "--force" 0 cohort "$tmp/julien.json" -o "$tmp/cohort.csv" --force
csv_check "$tmp/cohort.csv" "rows.length === 1" "--force"
run "unreadable" 2 cohort "$tmp/no-such.json" "$tmp/julien.json" -o "$tmp/partial.csv"
has err "no-such.json: unreadable, left out" "an unreadable file"
csv_check "$tmp/partial.csv" "rows.length === 1" "the others still make the table"
run "a folder" 2 cohort "$tmp" -o "$tmp/folder.csv"
run "evaluations alone" 0 cohort "$tmp/eval-orphan.json"
csv_check "$tmp/out" "rows.length === 1 && rows[0].Nom === 'Abel'" "evaluations alone"

# --- usage ---------------------------------------------------------------------------------------------
run "help" 0 cohort --help
has out "Usage: certif cohort [-o FILE] [--force] [--semicolon] FILE..." "cohort --help"
run "no file" 2 cohort
run "no file after -o" 2 cohort -o "$tmp/x.csv"
run "-o without a file" 2 cohort "$tmp/julien.json" -o
run "unknown option" 2 cohort --json "$tmp/julien.json"
"$certif" --help | grep -q "^  cohort " || fail "certif --help lists cohort"
echo "ok"
