#!/usr/bin/env bash
# `certif html summary | evaluation | attestation` as a black box: exit codes, the documents' language and
# structure, the evaluation tied to its exact bundle, hostile answers escaped, -o and --force.
set -u
source "$(dirname "$0")/lib.bash" "$@"
samples="$root/assets/samples"
coach="$root/tests/data/coach"
hasnt() { ! grep -qF -- "$2" "$tmp/$1" || fail "$3: '$2' should not be in $1"; }

run "help" 0 --help
has out "  html " "certif --help lists html"
run "html --help" 0 html --help
has out "Usage: certif html summary BUNDLE" "html --help"

# --- summary ----------------------------------------------------------------------------------------------
run "summary" 0 html summary "$samples/complete.json"
head -c 40 "$tmp/out" | grep -qF '<!DOCTYPE html>' || fail "summary: not an HTML document"
has out '<html lang="fr">' "summary in French by default"
has out "<h1>Résumé du dossier de certification</h1>" "summary heading"
has out "Mon Compost Facile" "summary: the startup"
has out "Tableau investissement.csv" "summary: file names"
has out "a88e1aae494902d83902585ddb79c5b7cb003c5f477a1aabaf13cc64ff496842" "summary: SHA-256"
has out "<dt>Prérequis vérifiés au</dt><dd>14 mars 2025</dd>" "summary: checked on the day of the export"
has out "fd8112969189f31bb7e3016f6eb75406a3053e38e00e5af4fd58f6bfd5e6696d" "summary: the bundle's digest"
hasnt out "<script" "summary: no script"
cp "$tmp/out" "$tmp/first.html"
run "summary again" 0 html summary "$samples/complete.json"
cmp -s "$tmp/out" "$tmp/first.html" || fail "summary: not deterministic"
run "summary --lang en --date" 0 html summary "$samples/complete.json" --lang en --date 2025-06-01
has out '<html lang="en">' "summary in English"
has out "<dt>Prerequisites checked on</dt><dd>1 June 2025</dd>" "summary --date"
run "summary incomplete" 0 html summary "$samples/incomplete.json"
has out "Non renseigné" "summary: gaps in words"

run "summary -o" 0 html summary "$samples/complete.json" -o "$tmp/summary.html"
cmp -s "$tmp/summary.html" "$tmp/first.html" || fail "summary -o: not the same document"
[ ! -s "$tmp/out" ] || fail "summary -o wrote to standard output"
run "summary -o existing" 2 html summary "$samples/complete.json" -o "$tmp/summary.html"
has err "exists" "summary -o without --force"
run "summary -o --force" 0 html summary "$samples/incomplete.json" -o "$tmp/summary.html" --force
grep -qF "Non renseigné" "$tmp/summary.html" || fail "summary --force did not replace the file"

# A hostile answer, sealed properly (extract, edit, pack): escaped, never markup.
run "extract" 0 extract "$samples/complete.json" "$tmp/x"
node -e "const fs = require('fs'); const f = process.argv[1]; const a = JSON.parse(fs.readFileSync(f, 'utf8'));
  a.identity.first_name = '<script>alert(1)</script>';
  a.competencies[0].evidence = '</dd></dl><img src=x onerror=alert(1)>';
  fs.writeFileSync(f, JSON.stringify(a));" "$tmp/x/answers.json" || fail "edit answers.json"
run "pack hostile" 0 pack "$tmp/x" -o "$tmp/hostile.json"
run "summary hostile" 0 html summary "$tmp/hostile.json"
hasnt out "<script" "hostile: script tag"
hasnt out "<img" "hostile: img tag"
has out "&lt;script&gt;alert(1)&lt;/script&gt;" "hostile: escaped name"
has out "&lt;/dd&gt;&lt;/dl&gt;&lt;img src=x onerror=alert(1)&gt;" "hostile: escaped evidence"

# Invalid input: a bundle modified after export.
node -e "const fs = require('fs'); const b = JSON.parse(fs.readFileSync(process.argv[1], 'utf8')); b.answers.identity.first_name = 'X'; fs.writeFileSync(process.argv[2], JSON.stringify(b));" \
  "$samples/complete.json" "$tmp/modified.json" || fail "tamper"
run "summary modified" 1 html summary "$tmp/modified.json"
has err "modified after export" "summary of a modified bundle"
run "summary unreadable" 2 html summary "$tmp/no-such.json"

# --- evaluation ---------------------------------------------------------------------------------------------
# The sample record, about the sample bundle (its digest).
digest=$(node -e "const b = JSON.parse(require('fs').readFileSync(process.argv[1], 'utf8')); process.stdout.write(b.integrity.digest)" "$samples/complete.json")
node -e "const fs = require('fs'); const e = JSON.parse(fs.readFileSync(process.argv[1], 'utf8')); e.bundle.digest = process.argv[3]; fs.writeFileSync(process.argv[2], JSON.stringify(e));" \
  "$coach/evaluation-full.json" "$tmp/evaluation.json" "$digest" || fail "make evaluation"
run "evaluation" 0 html evaluation "$tmp/evaluation.json" "$samples/complete.json"
has out '<html lang="fr">' "evaluation in French"
has out "<h1>Fiche d’évaluation</h1>" "evaluation heading"
has out "<dt>Startup</dt><dd>Mon Compost Facile</dd>" "evaluation: the bundle's startup"
has out "$digest" "evaluation: the digest"
has out "Tableau reçu et discuté." "evaluation: the reasons"
hasnt out "<script" "evaluation: no script"
run "evaluation en" 0 html evaluation "$tmp/evaluation.json" "$samples/complete.json" --lang en
has out "<h1>Evaluation sheet</h1>" "evaluation in English"
run "evaluation of another bundle" 1 html evaluation "$coach/evaluation-full.json" "$samples/complete.json"
has err "is about another bundle" "evaluation tied to its bundle"
run "evaluation without bundle" 2 html evaluation "$tmp/evaluation.json"
run "evaluation of a bundle as record" 1 html evaluation "$samples/complete.json" "$samples/complete.json"

# --- attestation --------------------------------------------------------------------------------------------
run "attestation" 0 html attestation "$coach/evaluation-full.json"
cmp -s "$tmp/out" "$coach/attestation-issued.html" || fail "attestation: differs from the golden file"
run "attestation preview" 0 html attestation "$coach/evaluation-full.json" --preview
has out "Aperçu sans valeur" "attestation --preview"
node -e "const fs = require('fs'); const e = JSON.parse(fs.readFileSync(process.argv[1], 'utf8')); e.attestation = null; e.decisions = []; e.status = 'evalue'; fs.writeFileSync(process.argv[2], JSON.stringify(e));" \
  "$coach/evaluation-full.json" "$tmp/not-issued.json" || fail "make not-issued"
run "attestation not issued" 1 html attestation "$tmp/not-issued.json"
has err "The attestation is not issued yet" "attestation not issued"

# --- usage --------------------------------------------------------------------------------------------------
run "no document" 2 html
run "unknown document" 2 html badge "$samples/complete.json"
has err "unknown document 'badge'" "unknown document"
run "too many files" 2 html summary "$samples/complete.json" "$samples/incomplete.json"
run "bad --lang" 2 html summary "$samples/complete.json" --lang de
run "--preview on summary" 2 html summary "$samples/complete.json" --preview
run "unknown option" 2 html summary "$samples/complete.json" --pdf
echo "ok"
