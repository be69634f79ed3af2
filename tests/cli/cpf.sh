#!/usr/bin/env bash
# `certif cpf` as a black box: the flux for holders born in a commune given by its INSEE code, by a postal
# code, abroad, with accents and apostrophes, valid against our own XSD (tests/data/cpf/flux.xsd.in,
# written from the CDC XSD's facts) with xmllint, in its 1.1.2 and 1.1.5 variants; identity data from the
# bundle or from --identities; idTechnique unchanged by a re-export; refusals naming holder and field.
set -u
source "$(dirname "$0")/lib.bash" "$@"
samples="$root/assets/samples"
coach="$root/tests/data/coach"
hasnt() { ! grep -qF -- "$2" "$tmp/$1" || fail "$3: '$2' in $1"; }
valid() {  # valid XSD_VERSION FILE
  xmllint --noout --schema "$tmp/flux-$1.xsd" "$2" >"$tmp/xmllint" 2>&1 || fail "$2 is not valid against our XSD $1: $(cat "$tmp/xmllint")"
}

# Our XSD, in its two versions.
action='<xs:element name="action"><xs:simpleType><xs:restriction base="xs:string"><xs:enumeration value="CREATION"/></xs:restriction></xs:simpleType></xs:element>'
nir='<xs:element name="identifiantNational"><xs:complexType><xs:sequence><xs:element name="nir"><xs:simpleType><xs:restriction base="xs:string"><xs:pattern value="[12][0-9]{4}(2[AB]|[0-9]{2})[0-9]{6}"/></xs:restriction></xs:simpleType></xs:element><xs:element name="nomNaissance" type="cpf:Text1to60"/></xs:sequence></xs:complexType></xs:element>'
xsd() {  # xsd OUT ACTION NIR
  node -e "const fs = require('fs'); fs.writeFileSync(process.argv[2],
    fs.readFileSync(process.argv[1], 'utf8').replaceAll('@ACTION@', process.argv[3]).replaceAll('@NIR@', process.argv[4]));" \
    "$root/tests/data/cpf/flux.xsd.in" "$1" "$2" "$3" || fail "making $1"
}
xsd "$tmp/flux-1.1.2.xsd" "" ""
xsd "$tmp/flux-1.1.5.xsd" "$action" "$nir"

# The sample bundle with the candidate's identity section (answers/cpf_identity), and three records:
# that candidate (identity from the bundle), two others (identity from --identities), one not admitted.
"$certif" extract "$samples/complete.json" "$tmp/src" >/dev/null 2>&1 || fail "extract"
node -e "const fs = require('fs'); const f = process.argv[1] + '/answers.json'; const a = JSON.parse(fs.readFileSync(f, 'utf8'));
  a.cpf_identity = {birth_name: 'Lefèvre', usage_name: '', first_names: ['Hélène', 'Marie'], sex: 'F', birth_year: 1985,
    birth_month: 3, birth_day: 14, birth_insee_code: '75056', birth_place_name: 'Paris'};
  fs.writeFileSync(f, JSON.stringify(a));" "$tmp/src" || fail "identity section"
"$certif" pack "$tmp/src" -o "$tmp/bundle.json" >/dev/null 2>&1 || fail "pack"
digest=$("$certif" validate --json "$tmp/bundle.json" | node -e "process.stdout.write(JSON.parse(require('fs').readFileSync(0, 'utf8')).files[0].digest)")
record() {  # record NAME FIRST LAST EMAIL DIGEST ADMITTED
  node -e "const fs = require('fs'); const e = JSON.parse(fs.readFileSync(process.argv[1], 'utf8'));
    e.candidate = {first_name: process.argv[3], last_name: process.argv[4], email: process.argv[5]}; e.bundle.digest = process.argv[6];
    if (process.argv[7] === 'no') { e.decisions.pop(); e.status = 'ajourne'; e.attestation = null; }
    fs.writeFileSync(process.argv[2], JSON.stringify(e));" "$coach/evaluation-full.json" "$tmp/$1.json" "$2" "$3" "$4" "$5" "$6" ||
    fail "record $1"
}
record helene "Hélène" "Lefèvre" "helene.lefevre@example.gouv.fr" "$digest" yes
record jean "Jean-Noël" "N'Diaye" "Jean-Noel.NDiaye@example.gouv.fr" "$(printf 'b%.0s' {1..64})" yes
record ngoc "Ngọc Ánh" "Nguyễn" "ngoc-anh.nguyen@example.gouv.fr" "$(printf 'c%.0s' {1..64})" yes
record ajourne "Paul" "Martin" "paul.martin@example.gouv.fr" "$(printf 'd%.0s' {1..64})" no
cat >"$tmp/identities.json" <<'EOF'
{
  "jean-noel.ndiaye@example.gouv.fr": {"birth_name": "N'Diaye", "usage_name": "N'Diaye-Martin", "first_names": ["Jean-Noël", "Ousmane", "Éloi"],
    "sex": "M", "birth_year": 1979, "birth_month": 11, "birth_day": 2, "birth_postal_code": "69003",
    "birth_place_name": "Lyon 3e Arrondissement", "nir": "179116938812345"},
  "cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc": {"birth_name": "Nguyễn", "first_names": ["Ngọc Ánh"], "sex": "F",
    "birth_year": 1990, "birth_insee_code": "99243", "birth_country_code": "243", "birth_country_name": "Viêt Nam"}
}
EOF
cat >"$tmp/settings.json" <<'EOF'
{"emetteur_id_client": "03DINUM1", "certificateur_id_client": "03DINUM1", "id_contrat": "MCFCER000209",
 "certification_type": "RS", "certification_code": "RS6247"}
EOF
files=("$tmp/helene.json" "$tmp/jean.json" "$tmp/bundle.json" "$tmp/ngoc.json" "$tmp/ajourne.json")

# --- XSD 1.1.2 (the default) ----------------------------------------------------------------------------
run "cpf" 0 cpf "${files[@]}" --settings "$tmp/settings.json" --identities "$tmp/identities.json" --timestamp 2026-06-02T10:00:00Z -o "$tmp/flux.xml"
has out "3 holders declared" "three admitted holders"
has err "Paul Martin <paul.martin@example.gouv.fr> is not admitted: not declared" "the adjourned record is skipped"
has err "XSD 1.1.2 has no NIR" "the NIR is ignored in 1.1.2, and it says so"
valid 1.1.2 "$tmp/flux.xml"
cp "$tmp/flux.xml" "$tmp/out"
hasnt out "<cpf:action>" "1.1.2: no action element"
hasnt out "identifiantNational" "1.1.2: no NIR"
has out "<cpf:nomNaissance>Lefèvre</cpf:nomNaissance>" "from the bundle's identity section"
has out "<cpf:codeInsee>75056</cpf:codeInsee>" "INSEE code"
has out "<cpf:nomUsage>N'Diaye-Martin</cpf:nomUsage>" "apostrophe kept"
has out "<cpf:prenom3>Éloi</cpf:prenom3>" "three first names"
has out "<cpf:codePostal>69003</cpf:codePostal>" "postal code"
has out "<cpf:codeInsee>99243</cpf:codeInsee>" "born abroad"
has out "<cpf:prenom1>Ngọc Ánh</cpf:prenom1>" "Vietnamese diacritics kept"
has out '<cpf:moisNaissance xsi:nil="true"/>' "unknown month nil"
has out "<cpf:dateDebutValidite>2025-04-09</cpf:dateDebutValidite>" "the decision's day"
[ "$(grep -c '<cpf:passageCertification>' "$tmp/flux.xml")" = "3" ] || fail "one passage per admitted holder"
grep -o '<cpf:idTechnique>[^<]*' "$tmp/flux.xml" | sort >"$tmp/ids1"

# A re-export later, a birth name corrected: the same idTechniques.
sed -i 's/"birth_name": "Nguyễn"/"birth_name": "Nguyễn Thị"/' "$tmp/identities.json"
run "re-export" 0 cpf "${files[@]}" --settings "$tmp/settings.json" --identities "$tmp/identities.json" --timestamp 2026-07-01T08:00:00Z -o "$tmp/flux2.xml"
valid 1.1.2 "$tmp/flux2.xml"
grep -o '<cpf:idTechnique>[^<]*' "$tmp/flux2.xml" | sort >"$tmp/ids2"
cmp -s "$tmp/ids1" "$tmp/ids2" || fail "idTechnique changed on a re-export: $(diff "$tmp/ids1" "$tmp/ids2")"
grep -q "Nguyễn Thị" "$tmp/flux2.xml" || fail "the corrected name"

# --- XSD 1.1.5 ------------------------------------------------------------------------------------------
run "cpf 1.1.5" 0 cpf "${files[@]}" --settings "$tmp/settings.json" --identities "$tmp/identities.json" --xsd-version 1.1.5 \
  --timestamp 2026-06-02T10:00:00Z -o "$tmp/flux-115.xml"
valid 1.1.5 "$tmp/flux-115.xml"
grep -qF "<cpf:action>CREATION</cpf:action>" "$tmp/flux-115.xml" || fail "1.1.5: action CREATION"
xmllint --noout --schema "$tmp/flux-1.1.2.xsd" "$tmp/flux-115.xml" >/dev/null 2>&1 && fail "a 1.1.5 flux must not be valid against 1.1.2"
node -e "const fs = require('fs'); const s = JSON.parse(fs.readFileSync(process.argv[1], 'utf8')); s.xsd_version = '1.1.5'; s.use_nir = true;
  fs.writeFileSync(process.argv[2], JSON.stringify(s));" "$tmp/settings.json" "$tmp/settings-nir.json"
run "cpf by NIR" 1 cpf "${files[@]}" --settings "$tmp/settings-nir.json" --identities "$tmp/identities.json" --timestamp 2026-06-02T10:00:00Z -o "$tmp/nir.xml"
has err "Jean-Noël N'Diaye <Jean-Noel.NDiaye@example.gouv.fr>: The NIR is 13 characters" "a NIR whose key does not match"
[ ! -e "$tmp/nir.xml" ] || fail "a refused flux must not be written"
key=$(node -e "const n = 1791169388123n; process.stdout.write(String(97n - n % 97n).padStart(2, '0'))")
sed -i "s/179116938812345/1791169388123$key/" "$tmp/identities.json"
run "cpf by NIR, key right" 0 cpf "${files[@]}" --settings "$tmp/settings-nir.json" --identities "$tmp/identities.json" --timestamp 2026-06-02T10:00:00Z -o "$tmp/nir.xml"
valid 1.1.5 "$tmp/nir.xml"
grep -qF "<cpf:nir>1791169388123</cpf:nir>" "$tmp/nir.xml" || fail "the NIR, 13 characters"

# --- refusals -------------------------------------------------------------------------------------------
node -e "const fs = require('fs'); const i = JSON.parse(fs.readFileSync(process.argv[1], 'utf8'));
  i['jean-noel.ndiaye@example.gouv.fr'].first_names[0] = 'Jean\u0007Noël';
  i['cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc'].birth_name = 'N'.repeat(61);
  fs.writeFileSync(process.argv[2], JSON.stringify(i));" "$tmp/identities.json" "$tmp/bad-identities.json"
run "control character, too long" 1 cpf "${files[@]}" --settings "$tmp/settings.json" --identities "$tmp/bad-identities.json" -o "$tmp/bad.xml"
has err "Jean-Noël N'Diaye <Jean-Noel.NDiaye@example.gouv.fr>: prenom1: character 5 is a control character" "control character named"
has err "Ngọc Ánh Nguyễn <ngoc-anh.nguyen@example.gouv.fr>: nomNaissance has 61 characters; the XSD allows 1 to 60." "length named"
[ ! -e "$tmp/bad.xml" ] || fail "nothing written"
run "identity missing" 1 cpf "$tmp/jean.json" --settings "$tmp/settings.json" -o "$tmp/bad.xml"
has err "Jean-Noël N'Diaye <Jean-Noel.NDiaye@example.gouv.fr>: no identity data" "missing identity named"
run "settings missing" 1 cpf "$tmp/helene.json" "$tmp/bundle.json" -o "$tmp/bad.xml"
has err "emetteur/idClient is required and empty" "settings checked"
run "check only" 0 cpf "${files[@]}" --settings "$tmp/settings.json" --identities "$tmp/identities.json" --check
has out "3 holders ready to declare (XSD 1.1.2)" "--check"
run "bad xsd version" 2 cpf "$tmp/helene.json" --xsd-version 2.0 -o "$tmp/x.xml"
run "no output" 2 cpf "$tmp/helene.json"
run "help" 0 cpf --help
echo "ok"
