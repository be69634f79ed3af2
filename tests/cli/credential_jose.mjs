// An independent check of what `certif credential` signs, with npm's jose (panva): the VC-JWT verifies
// under the published public key with RS256 only, its claims are those OB 3.0 §8.2 requires and agree
// with the credential inside, and the attestation code verifies too. Tampered texts given as further
// arguments must be refused.
//   node credential_jose.mjs PUBLIC.jwk CREDENTIAL.jwt CODE.txt [TAMPERED...]
// Prints one line per file; exits 1 at the first disagreement.
import { readFileSync } from 'node:fs';
import { compactVerify, decodeProtectedHeader, importJWK, jwtVerify } from 'jose';

const [publicPath, credentialPath, codePath, ...tampered] = process.argv.slice(2);
const fail = (message) => {
  console.error(`FAIL (jose): ${message}`);
  process.exit(1);
};
const jwk = JSON.parse(readFileSync(publicPath, 'utf8'));
const key = await importJWK(jwk, 'RS256');

// The credential: a JWT whose payload is the OB 3.0 credential itself.
const credential = readFileSync(credentialPath, 'utf8').trim();
const header = decodeProtectedHeader(credential);
if (header.alg !== 'RS256' || header.typ !== 'JWT' || header.kid !== jwk.kid) fail(`header ${JSON.stringify(header)}`);
if (Object.keys(header).sort().join(',') !== 'alg,kid,typ') fail('the header has members OB 3.0 does not allow');
const { payload } = await jwtVerify(credential, key, { algorithms: ['RS256'], typ: 'JWT', currentDate: new Date('2030-01-01T00:00:00Z') })
  .catch((e) => fail(`the credential does not verify: ${e.message}`));
if (payload.iss !== payload.issuer.id) fail('iss is not issuer.id');
if (payload.jti !== payload.id) fail('jti is not id');
if (payload.sub !== payload.credentialSubject.id) fail('sub is not credentialSubject.id');
if (payload.nbf !== Date.parse(payload.validFrom) / 1000) fail('nbf is not validFrom');
if (!payload.type.includes('OpenBadgeCredential')) fail('not an OpenBadgeCredential');
if (payload['@context'][0] !== 'https://www.w3.org/ns/credentials/v2') fail('not a VC 2.0 credential');
if (jwk.d !== undefined) fail('the published key carries d');
console.log(`jose: ${credentialPath}: valid, ${payload.id}`);

// The attestation code (what the QR code holds), after the verification page's address if any.
const codeText = readFileSync(codePath, 'utf8').trim();
const code = codeText.includes('#') ? codeText.slice(codeText.indexOf('#') + 1) : codeText;
const verified = await compactVerify(code, key, { algorithms: ['RS256'] }).catch((e) => fail(`the code does not verify: ${e.message}`));
if (verified.protectedHeader.typ !== 'certif-qr') fail('the code is not typed certif-qr');
const claims = JSON.parse(new TextDecoder().decode(verified.payload));
if (claims.jti !== payload.id) fail('the code names another credential');
console.log(`jose: ${codePath}: valid, ${claims.name}, ${claims.cert}, ${claims.date}`);

// Tampered texts: every one refused.
for (const path of tampered) {
  const text = readFileSync(path, 'utf8').trim();
  const accepted = await jwtVerify(text, key, { algorithms: ['RS256'], currentDate: new Date('2030-01-01T00:00:00Z') }).then(() => true, () => false);
  if (accepted) fail(`${path} was accepted`);
  console.log(`jose: ${path}: refused`);
}
