#!/usr/bin/env bash
# `certif credential` as a black box: a key pair, a signed OB 3.0 credential (VC-JWT) and attestation
# code verified by our verifier AND independently by npm's jose and Python's jwcrypto; tampered payload,
# signature, kid and algorithm refused by all; dates (nbf, exp), the signed revocation list, the issuer
# profile; and the printed attestation's QR code read back by zbarimg from a Chromium screenshot and by
# our own reader from that image.
set -u
source "$(dirname "$0")/lib.bash" "$@"
samples="$root/assets/samples"
coach="$root/tests/data/coach"
here="$root/tests/cli"
json_field() { node -e "const v = JSON.parse(require('fs').readFileSync(process.argv[1], 'utf8')); process.stdout.write(String($2))" "$1"; }

issuer="https://numa.example.org/certif/issuer.json"

# --- keys -------------------------------------------------------------------------------------------------
run "keygen" 0 credential keygen "$tmp/private.jwk" "$tmp/public.jwk" --iss "$issuer"
has out "kid urn:ietf:params:oauth:jwk-thumbprint:sha-256:" "keygen prints the kid"
[ "$(stat -c %a "$tmp/private.jwk")" = "600" ] || fail "the private key is readable by others"
[ "$(json_field "$tmp/public.jwk" 'v.d === undefined && v.kty === "RSA" && v.alg === "RS256" && v.iss')" = "$issuer" ] ||
  fail "public key: $(cat "$tmp/public.jwk")"
run "keygen again refused" 2 credential keygen "$tmp/private.jwk" "$tmp/public.jwk"
run "second key" 0 credential keygen "$tmp/other.jwk" "$tmp/other-public.jwk" --kid "https://numa.example.org/keys/2"
run "public key as private" 1 credential sign "$coach/evaluation-full.json" "$samples/complete.json" --key "$tmp/public.jwk" --issuer-id "$issuer"

# --- sign -------------------------------------------------------------------------------------------------
# The golden record, pointed at the sample bundle (its digest).
digest=$(json_field "$samples/complete.json" 'v.integrity.digest')
node -e "const fs = require('fs'); const e = JSON.parse(fs.readFileSync(process.argv[1], 'utf8')); e.bundle.digest = process.argv[3];
  fs.writeFileSync(process.argv[2], JSON.stringify(e));" "$coach/evaluation-full.json" "$tmp/evaluation.json" "$digest" || fail "make evaluation"
run "sign, another bundle" 1 credential sign "$coach/evaluation-full.json" "$samples/complete.json" --key "$tmp/private.jwk" --issuer-id "$issuer"
has err "evaluates another dossier" "sign checks the bundle"
(cd "$tmp" && "$certif" credential sign evaluation.json "$samples/complete.json" --key private.jwk --issuer-id "$issuer" \
  --code code.txt --qr qr.svg --attestation attestation.html --verification-url "https://certif.example.gouv.fr/verifier" \
  >"$tmp/out" 2>"$tmp/err") || fail "sign: $(cat "$tmp/err")"
jwt="$tmp/lefevre-helene-RS3536.jwt"
[ -f "$jwt" ] || fail "sign wrote no <holder>-<code>.jwt: $(ls "$tmp")"
has out "credential urn:uuid:" "sign prints the credential id"
id=$(node -e "const [, p] = require('fs').readFileSync(process.argv[1], 'utf8').trim().split('.');
  process.stdout.write(JSON.parse(Buffer.from(p, 'base64url')).id)" "$jwt")
grep -qF "<dd>$id</dd>" "$tmp/attestation.html" || fail "the attestation does not carry the credential id $id"
grep -qF 'role="img" aria-labelledby="qr-attestation-title"' "$tmp/attestation.html" || fail "the attestation's QR code is not an image with a text alternative"
grep -qF "https://certif.example.gouv.fr/verifier#ey" "$tmp/code.txt" || fail "the code is not the verification page with the JWS in its fragment"

# --- our verifier -----------------------------------------------------------------------------------------
run "verify" 0 credential verify "$jwt" "$tmp/code.txt" --keys "$tmp/public.jwk"
has out "VALID — credential" "credential valid"
has out "VALID — attestation code" "code valid"
has out "holder:        Hélène Lefèvre" "the holder's name"
has out "obtained:      2025-04-09" "obtained on the decision's day"
run "verify --json" 0 credential verify --json "$jwt" --keys "$tmp/public.jwk"
[ "$(json_field "$tmp/out" 'v.valid && v.files[0].status + "|" + v.files[0].kind + "|" + v.files[0].facts.credential_id')" = "valid|credential|$id" ] ||
  fail "verify --json: $(cat "$tmp/out")"
run "before nbf" 1 credential verify --json "$jwt" --keys "$tmp/public.jwk" --now 2025-04-10T08:59:59Z
[ "$(json_field "$tmp/out" 'v.files[0].status')" = "not_yet_valid" ] || fail "before nbf: $(cat "$tmp/out")"
run "wrong keys" 1 credential verify --json "$jwt" --keys "$tmp/other-public.jwk"
[ "$(json_field "$tmp/out" 'v.files[0].status + "|" + v.files[0].issues[0].code')" = "refused|jws.key_unknown" ] || fail "unknown key: $(cat "$tmp/out")"

# A credential with an end of validity: exp, and expired after it.
run "sign with exp" 0 credential sign "$tmp/evaluation.json" "$samples/complete.json" --key "$tmp/private.jwk" --issuer-id "$issuer" \
  --valid-until 2030-04-10T09:00:00Z -o "$tmp/exp.jwt"
run "exp valid" 0 credential verify "$tmp/exp.jwt" --keys "$tmp/public.jwk" --now 2030-04-10T08:59:59Z
run "expired" 1 credential verify --json "$tmp/exp.jwt" --keys "$tmp/public.jwk" --now 2030-04-10T09:00:00Z
[ "$(json_field "$tmp/out" 'v.files[0].status')" = "expired" ] || fail "expired: $(cat "$tmp/out")"

# --- tampering: our verifier, jose and jwcrypto all refuse ----------------------------------------------------
node -e "
const fs = require('fs');
const [h, p, s] = fs.readFileSync(process.argv[1], 'utf8').trim().split('.');
const b64 = (o) => Buffer.from(JSON.stringify(o)).toString('base64url');
const payload = JSON.parse(Buffer.from(p, 'base64url'));
payload.credentialSubject.identifier[1].identityHash = 'Hélène Lefèvre-Usurpée';
fs.writeFileSync(process.argv[2] + '/payload.jwt', h + '.' + b64(payload) + '.' + s);
const sig = Buffer.from(s, 'base64url'); sig[100] ^= 1;
fs.writeFileSync(process.argv[2] + '/signature.jwt', h + '.' + p + '.' + sig.toString('base64url'));
const header = JSON.parse(Buffer.from(h, 'base64url'));
fs.writeFileSync(process.argv[2] + '/kid.jwt', b64({...header, kid: 'https://numa.example.org/keys/2'}) + '.' + p + '.' + s);
const hmac = require('crypto').createHmac('sha256', fs.readFileSync(process.argv[3]));
const hs = b64({...header, alg: 'HS256'}) + '.' + p;
fs.writeFileSync(process.argv[2] + '/alg.jwt', hs + '.' + hmac.update(hs).digest('base64url'));
" "$jwt" "$tmp" "$tmp/public.jwk" || fail "making the tampered texts"
# The other key signing our credential under our kid.
run "resign with the other key" 0 credential sign "$tmp/evaluation.json" "$samples/complete.json" --key "$tmp/other.jwk" --issuer-id "$issuer" -o "$tmp/forged.jwt"
node -e "const fs = require('fs'); const [h, p, s] = fs.readFileSync(process.argv[1], 'utf8').trim().split('.');
  const kid = JSON.parse(fs.readFileSync(process.argv[2], 'utf8')).kid;
  const header = Buffer.from(JSON.stringify({alg: 'RS256', kid, typ: 'JWT'})).toString('base64url');
  fs.writeFileSync(process.argv[1], header + '.' + p + '.' + s);" "$tmp/forged.jwt" "$tmp/public.jwk" || fail "forging"
for t in payload:signature_invalid signature:signature_invalid kid:refused alg:refused forged:signature_invalid; do
  name=${t%%:*} status=${t#*:}
  run "tampered $name" 1 credential verify --json "$tmp/$name.jwt" --keys "$tmp/public.jwk"
  [ "$(json_field "$tmp/out" 'v.files[0].status')" = "$status" ] || fail "tampered $name: $(cat "$tmp/out")"
done
node "$here/credential_jose.mjs" "$tmp/public.jwk" "$jwt" "$tmp/code.txt" \
  "$tmp/payload.jwt" "$tmp/signature.jwt" "$tmp/kid.jwt" "$tmp/alg.jwt" "$tmp/forged.jwt" >"$tmp/out" 2>"$tmp/err" ||
  fail "jose: $(cat "$tmp/err")"
has out "jose: $jwt: valid" "jose verifies the credential"
/usr/bin/python3 "$here/credential_jwcrypto.py" "$tmp/public.jwk" "$jwt" "$tmp/code.txt" \
  "$tmp/payload.jwt" "$tmp/signature.jwt" "$tmp/alg.jwt" "$tmp/forged.jwt" >"$tmp/out" 2>"$tmp/err" ||
  fail "jwcrypto: $(cat "$tmp/err")"
has out "jwcrypto: $jwt: valid" "jwcrypto verifies the credential"

# --- revocation -------------------------------------------------------------------------------------------
run "revoke" 0 credential revoke "$id" --key "$tmp/private.jwk" --issuer-id "$issuer" --date 2026-01-15 --reason "Erreur d’identité" \
  --issued-at 2026-01-15T10:00:00Z -o "$tmp/revocations.jwt"
run "revoked" 1 credential verify --json "$jwt" "$tmp/code.txt" --keys "$tmp/public.jwk" --revocations "$tmp/revocations.jwt"
[ "$(json_field "$tmp/out" 'v.files.map((f) => f.status + ":" + f.revocation.reason).join(",")')" = "revoked:Erreur d’identité,revoked:Erreur d’identité" ] ||
  fail "revoked: $(cat "$tmp/out")"
run "revocation list of another key" 1 credential verify "$jwt" --keys "$tmp/other-public.jwk" --revocations "$tmp/revocations.jwt"
run "extend the list" 0 credential revoke urn:uuid:00000000-0000-8000-8000-000000000000 --from "$tmp/revocations.jwt" \
  --key "$tmp/private.jwk" --issuer-id "$issuer" -o "$tmp/revocations2.jwt"
has out "2 credentials revoked" "the list keeps its entries"
sed 's/\.[^.]*$/.AAAA/' "$tmp/revocations.jwt" > "$tmp/revocations-bad.jwt"
run "forged revocation list" 1 credential verify "$jwt" --keys "$tmp/public.jwk" --revocations "$tmp/revocations-bad.jwt"

# --- issuer profile ---------------------------------------------------------------------------------------
run "profile" 0 credential profile --keys "$tmp/public.jwk" --issuer-id "$issuer" --name NUMA --url https://numa.example.org \
  --jwks "$tmp/jwks.json" --config "$tmp/config.json"
[ "$(json_field "$tmp/out" 'v.type[0] + "|" + v.verificationMethod[0].type + "|" + (v.verificationMethod[0].publicKeyJwk.d === undefined)')" = "Profile|JsonWebKey|true" ] ||
  fail "profile: $(cat "$tmp/out")"
run "verify with the JWK Set" 0 credential verify "$jwt" --keys "$tmp/jwks.json"
run "verify with config.js's keys" 0 credential verify "$jwt" --keys <(node -e "process.stdout.write(JSON.stringify(JSON.parse(require('fs').readFileSync(process.argv[1], 'utf8')).keys))" "$tmp/config.json")

# --- the printed attestation's QR code, read back ------------------------------------------------------------
# A screenshot at 2× (192 dpi, about what a phone photo of the page gives), read by zbarimg and by us.
chromium --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking --disable-component-update \
  --disable-sync --user-data-dir="$tmp/chromium" --force-device-scale-factor=2 --window-size=900,1400 \
  --screenshot="$tmp/attestation.png" "file://$tmp/attestation.html" >/dev/null 2>&1 || fail "chromium screenshot"
zbarimg -q --raw "$tmp/attestation.png" >"$tmp/zbarimg.txt" 2>/dev/null || fail "zbarimg found no QR code in the screenshot"
cmp -s <(tr -d '\n' <"$tmp/zbarimg.txt") <(tr -d '\n' <"$tmp/code.txt") || fail "zbarimg read another text than the code"
run "verify zbarimg's text" 0 credential verify "$tmp/zbarimg.txt" --keys "$tmp/public.jwk"
run "verify the screenshot" 0 credential verify --json "$tmp/attestation.png" --keys "$tmp/public.jwk"
[ "$(json_field "$tmp/out" 'v.files[0].kind + "|" + v.files[0].facts.holder_name')" = "attestation_code|Hélène Lefèvre" ] ||
  fail "screenshot: $(cat "$tmp/out")"

# --- names are strangers' text: no control character reaches the terminal ----------------------------------
node -e "const fs = require('fs'); const e = JSON.parse(fs.readFileSync(process.argv[1], 'utf8'));
  e.candidate.first_name = 'Eve\u001b]52;c;ZXZpbA==\u0007'; fs.writeFileSync(process.argv[2], JSON.stringify(e));" \
  "$tmp/evaluation.json" "$tmp/evaluation-esc.json" || fail "make the evaluation with an escape sequence"
run "sign, a name with an escape sequence" 1 credential sign "$tmp/evaluation-esc.json" "$samples/complete.json" \
  --key "$tmp/private.jwk" --issuer-id "$issuer" -o "$tmp/esc.jwt"
has err 'without control characters' "sign refuses a holder name with control characters"
esc_name="$tmp/$(printf 'Eve\033]52;c;ZXZpbA==\007').jwt"
cp "$jwt" "$esc_name"
run "verify, a file name with an escape sequence" 0 credential verify "$esc_name" --keys "$tmp/public.jwk"
LC_ALL=C grep -q "$(printf '\033')" "$tmp/out" && fail "verify printed an ESC byte: $(cat -v "$tmp/out")"
has out 'VALID' "verify of the renamed credential"

# --- usage ------------------------------------------------------------------------------------------------
run "no action" 2 credential
run "unknown action" 2 credential frobnicate
run "help" 0 credential --help
has out "certif credential keygen" "help lists keygen"
run "verify without keys" 2 credential verify "$jwt"
echo "ok"
