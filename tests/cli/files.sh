#!/usr/bin/env bash
# Files from strangers stay inert on the command line: `extract` names every file after its detected type
# (bidi and invisible characters removed, Windows device names defused, names unique once case-folded and
# normalised) and checks every target before writing anything; `inspect` and `cohort` never print a
# control character to a terminal; `pack` takes each file's type from its content; `cohort --semicolon`.
set -u
source "$(dirname "$0")/lib.bash" "$@"
export PDF="$root/tests/data/sniff/chromium.pdf" PNG="$root/tests/data/sniff/canvas.png"
export HTML="$root/tests/data/sniff/page.html"

# make_dir DIR JS: a folder for `certif pack` from the incomplete sample's answers, edited by the JS
# statements (over `a`, the answers, and `files`: id -> [source file, path inside DIR]; the sample files
# are in process.env.PDF, PNG, HTML).
make_dir() {
  local dir="$1"
  mkdir -p "$dir"
  cp -R "$root/tests/data/bundles/incomplete/files" "$dir/files"
  node -e "
const fs = require('fs'), path = require('path');
const dir = process.argv[1];
const a = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const files = {};
$2;
const map = {};
for (const [id, [src, rel]] of Object.entries(files)) {
  fs.mkdirSync(path.dirname(path.join(dir, rel)), {recursive: true});
  fs.copyFileSync(src, path.join(dir, rel));
  map[id] = rel;
}
fs.writeFileSync(path.join(dir, 'answers.json'), JSON.stringify(a));
fs.writeFileSync(path.join(dir, 'meta.json'), JSON.stringify({bundle: {exported_at: '2025-01-01T00:00:00Z'}, files: map}));
" "$dir" "$root/tests/data/bundles/incomplete/answers.json" || fail "make_dir $dir"
}

# --- extract: names follow the detected type; bidi, invisible, reserved and colliding names ---------------
make_dir "$tmp/names" "
const names = ['Compte rendu.html', 'Compte rendu.hta', 'CV\u202Efdp.exe', 'Été.pdf', 'été.pdf', 'E\u0301te\u0301.pdf',
               'CON .pdf', 'COM¹.pdf', 'CONIN\$.pdf', 'LPT0.pdf', 'a\u200Bb.pdf'];
a.pieces[2].files = names.map((name, i) => ({id: 'n' + i, name, media_type: 'application/pdf'}));
names.forEach((name, i) => files['n' + i] = [process.env.PDF, 'files/' + i]);
"
run "pack names" 0 pack "$tmp/names" -o "$tmp/names.json"
run "extract names" 0 extract "$tmp/names.json" "$tmp/x-names"
d="$tmp/x-names/files/interview_report"
expected=("Compte rendu.html.pdf" "Compte rendu.hta.pdf" "CVfdp.exe.pdf" "Été.pdf" "été (2).pdf" "Été (3).pdf"
          "_CON .pdf" "_COM¹.pdf" "_CONIN\$.pdf" "_LPT0.pdf" "ab.pdf")
# The third "Été" is written in the decomposed form the bundle gave it.
expected[5]="$(printf 'E\xcc\x81te\xcc\x81 (3).pdf')"
for f in "${expected[@]}"; do
  [ -f "$d/$f" ] || fail "extract: expected $f; got: $(ls "$d" | tr '\n' '|')"
done
[ "$(ls "$d" | wc -l)" -eq 11 ] || fail "extract: 11 files expected: $(ls "$d" | tr '\n' '|')"
ls "$d" | LC_ALL=C grep -q "$(printf '\xe2\x80\xae')" && fail "extract kept a right-to-left override"
cmp -s "$PDF" "$d/Compte rendu.html.pdf" || fail "extract: bytes"
# pack(extract(b)) == b still: the bundle keeps the names it was given.
run "repack names" 0 pack "$tmp/x-names" -o "$tmp/names2.json"
cmp -s "$tmp/names.json" "$tmp/names2.json" || fail "pack(extract(b)) with renamed files"

# --- extract: every target checked before anything is written ---------------------------------------------
run "extract complete" 0 extract "$root/assets/samples/complete.json" "$tmp/x"
# A hard link inside DIR to a file outside: --force must not overwrite the outside file through it.
echo "outside" >"$tmp/outside.txt"
rm "$tmp/x/files/deck/Comité investissement.pdf"
ln "$tmp/outside.txt" "$tmp/x/files/deck/Comité investissement.pdf"
rm "$tmp/x/answers.json"
run "extract over a hard link" 2 extract "$root/assets/samples/complete.json" "$tmp/x" --force
has err "has other hard links" "hard link refused"
has err "nothing written" "hard link: nothing written"
[ "$(cat "$tmp/outside.txt")" = "outside" ] || fail "extract --force wrote through a hard link"
[ ! -e "$tmp/x/answers.json" ] || fail "extract wrote answers.json before refusing"
rm "$tmp/x/files/deck/Comité investissement.pdf"
# A FIFO at meta.json: refused before answers.json is written (it used to be written, then the FIFO hung).
rm -f "$tmp/x/meta.json"
mkfifo "$tmp/x/meta.json" || fail "mkfifo"
run "extract over a FIFO" 2 extract "$root/assets/samples/complete.json" "$tmp/x" --force
has err "exists and is not a regular file" "FIFO refused"
[ ! -e "$tmp/x/answers.json" ] || fail "extract wrote answers.json before refusing the FIFO"
rm "$tmp/x/meta.json"
run "extract --force over regular files" 0 extract "$root/assets/samples/complete.json" "$tmp/x" --force

# --- pack: the type comes from the content, as in the web app ---------------------------------------------
make_dir "$tmp/types" "
a.pieces[3].files = [{id: 'p1', name: 'maquette.pdf', media_type: 'application/pdf'}, {id: 'p2', name: 'sans type.png'}];
files.p1 = [process.env.PNG, 'files/1'];
files.p2 = [process.env.PNG, 'files/2'];
"
run "pack PNG named .pdf" 0 pack "$tmp/types" -o "$tmp/types.json"
has err "its content is PNG image (image/png), not application/pdf" "pack says what it used"
node -e "const b = JSON.parse(require('fs').readFileSync(process.argv[1])); const f = b.answers.pieces[3].files;
  if (f[0].media_type !== 'image/png' || f[1].media_type !== 'image/png') process.exit(1);" "$tmp/types.json" ||
  fail "pack: media types from the content"
run "validate PNG named .pdf" 0 validate "$tmp/types.json"
make_dir "$tmp/html" "
a.pieces[3].files = [{id: 'h1', name: 'maquette.pdf', media_type: 'application/pdf'}];
files.h1 = [process.env.HTML, 'files/1'];
"
run "pack an HTML page" 1 pack "$tmp/html" -o "$tmp/html.json"
has err "Not accepted: HTML page" "pack refuses content the app refuses"
[ ! -e "$tmp/html.json" ] || fail "pack wrote a bundle with an HTML page"

# --- inspect and cohort: no control character reaches a terminal ------------------------------------------
make_dir "$tmp/esc" "
a.identity.first_name = 'Eve\u001b]52;c;ZXZpbA==\u0007';
a.startup.name = 'Startup\u001b]0;pwned\u0007\u009b2J';
a.pieces[3].files = [{id: 'e1', name: 'ok.png'}];
files.e1 = [process.env.PNG, 'files/1'];
"
run "pack escapes" 0 pack "$tmp/esc" -o "$tmp/esc.json"
run "inspect escapes" 0 inspect "$tmp/esc.json"
LC_ALL=C grep -q "$(printf '\033')" "$tmp/out" && fail "inspect printed an ESC byte"
LC_ALL=C grep -q "$(printf '\xc2\x9b')" "$tmp/out" && fail "inspect printed a C1 control"
has out 'Eve\u001b]52;c;ZXZpbA==\u0007' "inspect shows the escape sequence"
has out 'Startup\u001b]0;pwned\u0007\u009b2J' "inspect shows the title sequence"
# cohort to a terminal (a pseudo-terminal from script(1)): escaped; to a pipe: the exact bytes.
script -qec "'$certif' cohort '$tmp/esc.json'" /dev/null >"$tmp/tty" 2>&1 </dev/null || fail "cohort on a terminal"
LC_ALL=C grep -q "$(printf '\033')" "$tmp/tty" && fail "cohort printed an ESC byte to a terminal"
grep -qF 'Eve\u001b]52' "$tmp/tty" || fail "cohort on a terminal: $(cat "$tmp/tty")"
"$certif" cohort "$tmp/esc.json" 2>/dev/null | LC_ALL=C grep -q "$(printf '\033')" || fail "cohort to a pipe keeps the bytes"

# --- cohort --semicolon ---------------------------------------------------------------------------------------
run "cohort ," 0 cohort "$root/assets/samples/complete.json" "$root/assets/samples/incomplete.json" -o "$tmp/c.csv"
run "cohort ;" 0 cohort --semicolon "$root/assets/samples/complete.json" "$root/assets/samples/incomplete.json" -o "$tmp/s.csv"
head -c 40 "$tmp/s.csv" | grep -q "^.*Nom;Prénom;E-mail;" || fail "cohort --semicolon header: $(head -c 200 "$tmp/s.csv")"
node -e "
const fs = require('fs');
const c = fs.readFileSync(process.argv[1], 'utf8'), s = fs.readFileSync(process.argv[2], 'utf8');
let q = false, back = '';
for (const ch of s) { if (ch === '\"') q = !q; back += (!q && ch === ';') ? ',' : ch; }
if (back !== c) process.exit(1);
" "$tmp/c.csv" "$tmp/s.csv" || fail "cohort --semicolon: the same fields as the comma table"
echo "ok"
