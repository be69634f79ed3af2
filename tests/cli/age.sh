#!/usr/bin/env bash
# `certif seal | open | keygen` and sealed inputs of validate / inspect / cohort, as a black box and against
# Debian's `age` and `age-keygen` in both directions (X25519 and passphrase): keys, sizes at 64 KiB
# boundaries, wrong key, truncation, flipped bytes, header tampering, terminal prompts driven by `script`.
set -u
certif="$(realpath "$1")"
root="$(realpath "$2")"
samples="$root/assets/samples"
fail() { echo "FAIL: $*" >&2; exit 1; }
command -v age >/dev/null && command -v age-keygen >/dev/null || fail "Debian's age is missing: run scripts/setup.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1

run() {  # run NAME EXPECTED_EXIT ARGS... : stdout in out, stderr in err
  local name="$1" expected="$2"
  shift 2
  # No controlling terminal (setsid): a prompt cannot wait for someone typing.
  setsid -w "$certif" "$@" >out 2>err </dev/null
  local rc=$?
  [ "$rc" -eq "$expected" ] || fail "$name: exit $rc, expected $expected; stdout: $(head -c 1500 out); stderr: $(cat err)"
}
has() { grep -qF -- "$2" "$1" || fail "$3: '$2' not in $1: $(head -c 2000 "$1")"; }
same() { cmp -s "$1" "$2" || fail "$3: $1 and $2 differ"; }
json_check() {
  node -e "const r = JSON.parse(require('fs').readFileSync(process.argv[1], 'utf8')); if (!($2)) process.exit(1);" "$1" ||
    fail "$3: $(head -c 3000 "$1")"
}
# flip FILE OFFSET : xor the byte at OFFSET with 1, in place.
flip() {
  node -e "const fs = require('fs'); const b = fs.readFileSync(process.argv[1]); b[+process.argv[2]] ^= 1; fs.writeFileSync(process.argv[1], b);" "$1" "$2"
}
header_size() { node -e "const b = require('fs').readFileSync(process.argv[1]); const m = b.indexOf('\n---'); console.log(b.indexOf('\n', m + 1) + 1);" "$1"; }

# --- keys: certif keygen <-> age-keygen --------------------------------------------------------------------
run "keygen" 0 keygen -o k1.txt
[ "$(stat -c %a k1.txt)" = 600 ] || fail "keygen: the identity file is not private ($(stat -c %a k1.txt))"
r1=$(age-keygen -y k1.txt) || fail "age-keygen -y cannot read certif's identity file"
has err "Public key: $r1" "keygen prints the public key age-keygen derives"
fp1=$(printf %s "$r1" | sha256sum | cut -c1-16 | tr a-f A-F | sed 's/\(....\)\(....\)\(....\)\(....\)/\1-\2-\3-\4/')
has err "Fingerprint: $fp1" "the fingerprint is the documented SHA-256 prefix"
grep -q '^# created: [0-9-]*T[0-9:]*Z$' k1.txt || fail "keygen: no created line: $(cat k1.txt)"
grep -q "^# public key: $r1\$" k1.txt || fail "keygen: no public key line"
run "keygen refuses to replace" 2 keygen -o k1.txt
age-keygen -o k2.txt 2>/dev/null || fail "age-keygen"
r2=$(age-keygen -y k2.txt)
run "keygen -y on age-keygen's file" 0 keygen -y k2.txt
[ "$(cat out)" = "$r2" ] || fail "keygen -y: $(cat out), age-keygen -y: $r2"
age-keygen -o k3.txt 2>/dev/null
r3=$(age-keygen -y k3.txt)
run "keygen -y on a public key" 2 keygen -y <(echo "$r1")

# --- X25519, both directions, at the chunk boundaries ---------------------------------------------------------
head -c 0 /dev/zero >size-0
head -c 1 /dev/urandom >size-1
head -c 65535 /dev/urandom >size-65535
head -c 65536 /dev/urandom >size-65536
head -c 65537 /dev/urandom >size-65537
head -c 131072 /dev/urandom >size-131072
cp "$samples/large.json" size-large
for f in size-0 size-1 size-65535 size-65536 size-65537 size-131072 size-large; do
  run "seal $f" 0 seal "$f" -r "$r1" -r "$r2" -o "$f.certif.age"
  age -d -i k2.txt "$f.certif.age" >"$f.by-age" || fail "age -d cannot open certif's $f.certif.age"
  same "$f" "$f.by-age" "certif seal -> age -d ($f)"
  age -r "$r1" -o "$f.age.age" "$f" || fail "age -r $f"
  run "open age's $f" 0 open "$f.age.age" -i k1.txt -o "$f.by-certif"
  same "$f" "$f.by-certif" "age -e -> certif open ($f)"
  # Sizes as the format says: header + nonce + content + 16 bytes per 64 KiB chunk (at least one).
  size=$(stat -c %s "$f")
  chunks=$(( size == 0 ? 1 : (size + 65535) / 65536 ))
  [ "$(stat -c %s "$f.certif.age")" -eq $(( $(header_size "$f.certif.age") + 16 + size + 16 * chunks )) ] ||
    fail "$f.certif.age has the wrong size"
done
run "seal summary" 0 seal size-1 -r "$r1" -o summary.age
has err "$fp1  $r1" "seal names the fingerprints on standard error"
run "open to standard output" 0 open size-65537.age.age --identity k1.txt
same out size-65537 "open to standard output"
run "seal from standard input" 0 seal - -r "$r3" -o stdin.age
age -d -i k3.txt stdin.age | cmp -s - size-0 || fail "seal - (empty standard input)"

# --- the bundle commands read sealed dossiers ---------------------------------------------------------------
cp "$samples/complete.json" dossier.json
run "seal dossier" 0 seal dossier.json -r "$r1" -o dossier.json.age
run "validate plain" 0 validate --json dossier.json
digest=$(node -e "console.log(JSON.parse(require('fs').readFileSync('out','utf8')).files[0].digest)")
run "validate sealed" 0 validate --json --identity k1.txt dossier.json.age size-large.certif.age
json_check out "r.valid && r.files[0].digest === '$digest' && r.files[1].valid" "the sealed dossier has the same digest"
"$certif" validate -i k1.txt - <dossier.json.age >out 2>err || fail "validate - (sealed on standard input): $(cat out err)"
has out "valid (integrity sha256-jcs $digest)" "sealed standard input"
run "inspect sealed" 0 inspect dossier.json.age --identity k1.txt
has out "Integrity:     verified (sha256-jcs $digest)" "inspect a sealed dossier"
run "cohort sealed and plain" 0 cohort --identity k1.txt dossier.json.age "$samples/incomplete.json"
[ "$(wc -l <out)" -eq 3 ] || fail "cohort: header and two rows expected: $(cat out)"
age -r "$r2" -o by-age.json.age dossier.json
run "validate age's sealed dossier" 0 validate --json -i k2.txt by-age.json.age
json_check out "r.files[0].digest === '$digest'" "age-sealed dossier, same digest"

# --- refusals -------------------------------------------------------------------------------------------------
run "no identity" 2 validate --json dossier.json.age
json_check out "r.files[0].issues[0].code === 'age.no_identity' && r.files[0].issues[0].message.includes('$fp1')" "no identity names the fingerprint"
run "wrong key" 2 validate --json -i k3.txt dossier.json.age
json_check out "r.files[0].issues[0].code === 'age.wrong_key' && r.files[0].issues[0].message.includes('$fp1')" "wrong key names the recipient's fingerprint"
run "wrong key, open" 2 open dossier.json.age -i k3.txt -o never.json
has err "$fp1" "open: wrong key names the fingerprint"
[ ! -e never.json ] || fail "open wrote a file for a wrong key"
run "wrong key on age's file" 2 open size-1.age.age -i k3.txt
has err "does not name" "a file sealed by age names nobody"
run "inspect wrong key" 2 inspect dossier.json.age -i k3.txt
run "identity file is a public key" 2 open dossier.json.age -i <(echo "$r1")
has err "public key" "a public key given as identity"

cp size-large.certif.age trunc.age
truncate -s $(( $(stat -c %s trunc.age) - 1000 )) trunc.age
run "truncated" 1 open trunc.age -i k1.txt -o never.json
has err "age.chunk_tampered" "truncated inside the last chunk"
[ ! -e never.json ] && ! ls .never.json.partial-* >/dev/null 2>&1 || fail "open left output for a truncated file"
h=$(header_size size-large.certif.age)
cp size-large.certif.age cut.age
truncate -s $(( h + 16 + 2 * 65552 )) cut.age
run "cut at a chunk boundary" 1 validate --json -i k1.txt cut.age
json_check out "r.files[0].issues[0].code === 'age.truncated' && r.files[0].issues[0].path === 'chunk 1'" "truncated after a whole chunk"
age -d -i k1.txt cut.age >/dev/null 2>&1 && fail "age -d accepted a truncated file (cross-check)"

cp size-large.certif.age middle.age
flip middle.age $(( h + 16 + 5 * 65552 + 123 ))
run "flipped byte in a middle chunk" 1 open middle.age -i k1.txt -o never.json
has err "chunk 5 (bytes $(( h + 16 + 5 * 65552 )) to" "the flipped chunk is named"
cp size-large.certif.age last.age
flip last.age $(( $(stat -c %s last.age) - 3 ))
run "flipped byte in the last chunk" 1 validate --json -i k1.txt last.age
json_check out "r.files[0].issues[0].code === 'age.chunk_tampered' && r.files[0].issues[0].path === 'chunk 37'" "last chunk"
# A character of the X25519 stanza's body changed: the file key no longer comes out, so no key fits
# (with two recipients, the other stanza opens it and the MAC refuses the header).
cp size-large.certif.age header2.age
node -e "const fs = require('fs'); const b = fs.readFileSync('header2.age'); const i = b.indexOf('\n---') - 10;
         b[i] = b[i] === 65 ? 66 : 65; fs.writeFileSync('header2.age', b);"
run "changed byte in the second key stanza" 1 open header2.age -i k1.txt
has err "age.header_mac" "the other recipient's stanza changed"
cp dossier.json.age header.age
node -e "const fs = require('fs'); const b = fs.readFileSync('header.age'); const i = b.indexOf('\n---') - 10;
         b[i] = b[i] === 65 ? 66 : 65; fs.writeFileSync('header.age', b);"
run "changed byte in the key stanza" 2 open header.age -i k1.txt
has err "age.wrong_key" "a changed key stanza"
age -d -i k1.txt header.age >/dev/null 2>&1 && fail "age -d accepted a modified header (cross-check)"
# The header names a different fingerprint: the key fits, the MAC refuses.
sed "s/fingerprint $fp1/fingerprint 0000-0000-0000-0000/" dossier.json.age >renamed.age
run "header tampered" 1 open renamed.age -i k1.txt
has err "age.header_mac" "a modified header"
age -d -i k1.txt renamed.age >/dev/null 2>&1 && fail "age -d accepted a modified header (cross-check)"
printf 'not an age file\n' >plain.txt
run "not an age file" 1 open plain.txt -i k1.txt
has err "age.not_age" "not an age file"
: >empty.age
run "empty file" 1 open empty.age -i k1.txt
has err "age.empty" "an empty file"
age -a -r "$r1" -o armored.age dossier.json
run "armored" 1 open armored.age -i k1.txt
has err "armored" "an armored file is named as such"

# --- passphrases: certif <-> age, through the environment and a terminal ------------------------------------------
export CERTIF_TEST_PASS="un mot de passe à l'écart — long"
run "seal with a passphrase from the environment" 0 seal dossier.json --passphrase-env CERTIF_TEST_PASS --work-factor 12 -o pass.age
has err "with a passphrase (scrypt, work factor 12)" "seal summary"
printf '%s\n' "$CERTIF_TEST_PASS" | script -qec "age -d -o pass.by-age pass.age" /dev/null >/dev/null ||
  fail "age -d cannot open certif's passphrase file"
same dossier.json pass.by-age "certif seal -p -> age -d"
printf '%s\n%s\n' "$CERTIF_TEST_PASS" "$CERTIF_TEST_PASS" | script -qec "age -p -o age-pass.age dossier.json" /dev/null >/dev/null ||
  fail "age -p"
run "open age's passphrase file" 0 open age-pass.age --passphrase-env CERTIF_TEST_PASS -o age-pass.json
same dossier.json age-pass.json "age -p -> certif open"
run "validate a passphrase file" 0 validate --json --passphrase-env CERTIF_TEST_PASS age-pass.age pass.age
json_check out "r.files.every(f => f.digest === '$digest')" "passphrase files validate to the dossier's digest"
"$certif" open pass.age --passphrase-fd 3 -o fd.json 3< <(printf '%s\n' "$CERTIF_TEST_PASS") 2>err || fail "--passphrase-fd: $(cat err)"
same dossier.json fd.json "--passphrase-fd"
CERTIF_TEST_PASS=wrong run "wrong passphrase" 2 open pass.age --passphrase-env CERTIF_TEST_PASS
has err "age.bad_passphrase" "wrong passphrase"
run "no passphrase without a terminal" 2 open pass.age
has err "--passphrase-env" "no terminal: the message says how to give it"
run "passphrase and keys together" 2 seal dossier.json -p -r "$r1" -o never.age
run "passphrase for a key file" 2 open dossier.json.age --passphrase-env CERTIF_TEST_PASS
has err "age.no_passphrase_stanza" "passphrase given, file sealed to keys"
# Our own terminal prompt: asked twice, echo off, then asked again on opening.
printf 'tty pass\ntty pass\n' | script -qec "'$certif' seal dossier.json -p --work-factor 10 -o tty.age" /dev/null >tty.log ||
  fail "seal -p on a terminal: $(cat tty.log)"
has tty.log "Same passphrase again:" "seal asks twice"
printf 'tty pass\n' | script -qec "'$certif' open tty.age -o tty.json" /dev/null >tty.log || fail "open on a terminal: $(cat tty.log)"
same dossier.json tty.json "terminal passphrase round trip"
printf 'one\ntwo\n' | script -qec "'$certif' seal dossier.json -p -o never.age" /dev/null >tty.log && fail "seal accepted two different passphrases"
has tty.log "differ" "two different passphrases"
printf 'bad\ntty pass\n' | script -qec "'$certif' open tty.age -o tty2.json" /dev/null >tty.log || fail "a second try on the terminal: $(cat tty.log)"
has tty.log "That is not the passphrase" "a wrong passphrase on the terminal is asked again"
same dossier.json tty2.json "second try"
printf 'tty pass\n' | script -qec "age -d -o tty.by-age tty.age" /dev/null >/dev/null || fail "age -d on certif's terminal-sealed file"
same dossier.json tty.by-age "certif (terminal) -> age"

# --- usage ----------------------------------------------------------------------------------------------------
run "seal without recipient" 2 seal dossier.json -o never.age
run "seal with a bad recipient" 2 seal dossier.json -r age1nope -o never.age
has err "--recipient age1nope" "the bad recipient is named"
run "seal with a private key as recipient" 2 seal dossier.json -r "$(tail -1 k1.txt)" -o never.age
has err "private key" "a private key as recipient"
run "seal refuses to replace" 2 seal dossier.json -r "$r1" -o dossier.json.age
[ ! -e never.age ] || fail "a refused seal left a file"
for c in seal open keygen; do
  run "$c --help" 0 "$c" --help
  has out "Usage: certif $c" "$c --help"
done
echo "ok"
