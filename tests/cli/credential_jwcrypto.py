"""An independent check of what `certif credential` signs, with Python's jwcrypto (Debian's
python3-jwcrypto): the VC-JWT and the attestation code verify under the public key with RS256, and
the claims agree with the credential. Tampered texts given as further arguments must be refused.
    python3 credential_jwcrypto.py PUBLIC.jwk CREDENTIAL.jwt CODE.txt [TAMPERED...]
"""
import calendar
import json
import sys
import time

from jwcrypto import jwk, jws, jwt


def fail(message):
    print("FAIL (jwcrypto): " + message, file=sys.stderr)
    sys.exit(1)


def main(public_path, credential_path, code_path, *tampered):
    with open(public_path, encoding="utf-8") as f:
        key = jwk.JWK.from_json(f.read())
    if key.has_private:
        fail("the published key is private")

    with open(credential_path, encoding="utf-8") as f:
        token = f.read().strip()
    try:
        checked = jwt.JWT(jwt=token, key=key, algs=["RS256"], check_claims={"nbf": None})
    except Exception as e:  # jwcrypto raises several types
        fail("the credential does not verify: %s" % e)
    claims = json.loads(checked.claims)
    header = json.loads(checked.header)
    if header != {"alg": "RS256", "kid": key.get("kid"), "typ": "JWT"}:
        fail("header %r" % header)
    valid_from = calendar.timegm(time.strptime(claims["validFrom"], "%Y-%m-%dT%H:%M:%SZ"))
    if claims["iss"] != claims["issuer"]["id"] or claims["jti"] != claims["id"]:
        fail("iss/jti disagree with the credential")
    if claims["sub"] != claims["credentialSubject"]["id"] or claims["nbf"] != valid_from:
        fail("sub/nbf disagree with the credential")
    print("jwcrypto: %s: valid, %s" % (credential_path, claims["id"]))

    with open(code_path, encoding="utf-8") as f:
        text = f.read().strip()
    code = text.split("#", 1)[1] if "#" in text else text
    signed = jws.JWS()
    try:
        signed.deserialize(code)
        signed.verify(key, alg="RS256")
    except Exception as e:
        fail("the attestation code does not verify: %s" % e)
    payload = json.loads(signed.payload)
    if payload["jti"] != claims["id"]:
        fail("the code names another credential")
    print("jwcrypto: %s: valid, %s" % (code_path, payload["name"]))

    for path in tampered:
        with open(path, encoding="utf-8") as f:
            bad = f.read().strip()
        try:
            jwt.JWT(jwt=bad, key=key, algs=["RS256"], check_claims={"nbf": None})
        except Exception:
            print("jwcrypto: %s: refused" % path)
            continue
        fail("%s was accepted" % path)


if __name__ == "__main__":
    if len(sys.argv) < 4:
        fail("usage: credential_jwcrypto.py PUBLIC.jwk CREDENTIAL.jwt CODE.txt [TAMPERED...]")
    main(*sys.argv[1:])
