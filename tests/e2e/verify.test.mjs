// The verification page in the browser (#17): a key made and a credential signed by the command line, the
// host's `credentials` in config.js; the valid credential shows valid (and npm's jose agrees); a tampered
// payload, a tampered signature (dropped on the page), an unknown kid and an unsigned credential are
// refused; a screenshot of the printed attestation is read for its QR code (zbarimg agrees) and verified;
// the QR code's link (…#<code>) opens the page on that code, verified; the host's signed revocation list
// revokes; no key configured says nothing can be verified; the English interface. Screenshots at
// 1280×900 and 390×844. No request leaves the origin.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { launch, openApp, siteDir, root } from './harness.mjs';
import { serve } from './server.mjs';

const certif = process.env.CERTIF_CLI || path.join(root, 'build/native/certif');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'certif-verify-'));
const issuer = 'https://numa.example.org/certif/issuer.json';
const at = (name) => path.join(work, name);
const cli = (...args) => execFileSync(certif, args, { cwd: work, encoding: 'utf8' });
const b64 = (o) => Buffer.from(JSON.stringify(o)).toString('base64url');

let browser, server, jwt, code, credentials, credentialId;
before(async () => {
  browser = await launch();
  server = await serve(siteDir);
  cli('credential', 'keygen', at('private.jwk'), at('public.jwk'), '--iss', issuer);
  cli('credential', 'keygen', at('other.jwk'), at('other-public.jwk'), '--kid', 'https://numa.example.org/keys/2');
  // The golden record, pointed at the sample bundle it evaluates.
  const sample = path.join(root, 'assets/samples/complete.json');
  const evaluation = JSON.parse(fs.readFileSync(path.join(root, 'tests/data/coach/evaluation-full.json'), 'utf8'));
  evaluation.bundle.digest = JSON.parse(fs.readFileSync(sample, 'utf8')).integrity.digest;
  fs.writeFileSync(at('evaluation.json'), JSON.stringify(evaluation));
  cli('credential', 'sign', 'evaluation.json', sample, '--key', 'private.jwk', '--issuer-id', issuer, '--issuer-name', 'NUMA',
      '-o', 'credential.jwt', '--code', 'code.txt', '--attestation', 'attestation.html',
      '--verification-url', 'https://certif.example.gouv.fr/verifier');
  cli('credential', 'profile', '--keys', 'public.jwk', '--issuer-id', issuer, '--name', 'NUMA', '--url', 'https://numa.example.org',
      '-o', 'issuer.json', '--config', 'credentials.json');
  jwt = fs.readFileSync(at('credential.jwt'), 'utf8').trim();
  code = fs.readFileSync(at('code.txt'), 'utf8').trim();
  credentials = JSON.parse(fs.readFileSync(at('credentials.json'), 'utf8'));
  credentialId = JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url')).id;
  // Tampered copies: the holder's name changed, one bit of the signature, the other key's kid.
  const [h, p, s] = jwt.split('.');
  const payload = JSON.parse(Buffer.from(p, 'base64url'));
  payload.credentialSubject.identifier[1].identityHash = 'Hélène Lefèvre-Usurpée';
  fs.writeFileSync(at('payload.jwt'), `${h}.${b64(payload)}.${s}\n`);
  const sig = Buffer.from(s, 'base64url');
  sig[100] ^= 1;
  fs.writeFileSync(at('signature.jwt'), `${h}.${p}.${sig.toString('base64url')}\n`);
  fs.writeFileSync(at('kid.jwt'), `${b64({ ...JSON.parse(Buffer.from(h, 'base64url')), kid: 'https://numa.example.org/keys/2' })}.${p}.${s}\n`);
  // The same credential unsigned, as the coach's preview is.
  fs.writeFileSync(at('badge.json'), JSON.stringify(JSON.parse(Buffer.from(p, 'base64url')), null, 2));
});
after(async () => { await browser.close(); await server.close(); });

const open = (over = {}) => openApp(browser, { server, width: 1280, height: 900, config: { programme: 'rs3536', credentials }, ...over });

function assertClean(app) {
  assert.deepEqual(app.problems.pageErrors, [], 'page errors');
  assert.deepEqual(app.problems.console, [], 'console errors');
  assert.deepEqual(app.problems.offOrigin, [], 'requests that left the origin');
}

// Drops `file` on the page's canvas, as a file dragged from the desktop.
async function dropFile(app, file) {
  await app.page.evaluate(({ bytes, name }) => {
    const dt = new DataTransfer();
    dt.items.add(new File([new Uint8Array(bytes)], name));
    const canvas = document.getElementById('canvas');
    for (const kind of ['dragover', 'drop']) {
      canvas.dispatchEvent(new DragEvent(kind, { dataTransfer: dt, clientX: 400, clientY: 600, bubbles: true, cancelable: true }));
    }
  }, { bytes: Array.from(fs.readFileSync(file)), name: path.basename(file) });
  return app.waitFor((s) => ['done', 'refused', 'unchecked'].includes(s.verify.stage) && s.verify.name === path.basename(file),
    `the verdict on the dropped ${path.basename(file)}`);
}

// Picks `file` on the verification page and waits for its verdict (or refusal).
async function verifyFile(app, file) {
  await app.pick('verify.file', [file]);
  return app.waitFor((s) => ['done', 'refused', 'unchecked'].includes(s.verify.stage) && s.verify.name === path.basename(file),
    `the verdict on ${path.basename(file)}`);
}

test('the same JWT verifies with npm jose, independently of the app', async () => {
  const { jwtVerify, importJWK } = await import('jose');
  const key = await importJWK(JSON.parse(fs.readFileSync(at('public.jwk'), 'utf8')), 'RS256');
  const { payload, protectedHeader } = await jwtVerify(jwt, key, { algorithms: ['RS256'] });
  assert.equal(protectedHeader.kid, credentials.keys[0].kid);
  assert.equal(payload.jti, credentialId);
  for (const bad of ['payload.jwt', 'signature.jwt']) {
    await assert.rejects(jwtVerify(fs.readFileSync(at(bad), 'utf8').trim(), key, { algorithms: ['RS256'] }), bad);
  }
});

test('a signed credential is valid; tampered payload, signature and kid are refused', async () => {
  const app = await open();
  try {
    await app.click('welcome.verify');
    let s = await app.state();
    assert.equal(s.screen, 'verify');
    assert.equal(s.verify.configured, true);
    assert.equal(s.verify.issuer.name, 'NUMA');
    assert.equal(s.verify.status, 'idle');
    const ids = (await app.widgets()).map((w) => w.id);
    for (const id of ['verify.file', 'verify.code', 'verify.check']) assert.ok(ids.includes(id), `${id} in ${ids.join(',')}`);

    s = await verifyFile(app, at('credential.jwt'));
    assert.equal(s.verify.status, 'valid', JSON.stringify(s.verify.issues));
    assert.equal(s.verify.valid, true);
    assert.equal(s.verify.facts.holder_name, 'Hélène Lefèvre');
    assert.equal(s.verify.facts.certification_code, 'RS3536');
    assert.equal(s.verify.facts.credential_id, credentialId);
    assert.equal(s.verify.facts.date, '2025-04-09');
    const status = await app.widget('verify.status');
    assert.match(status.label, /Valide/);
    await app.shot('verify-01-valid-fr');

    s = await verifyFile(app, at('payload.jwt'));
    assert.equal(s.verify.status, 'signature_invalid');
    assert.equal(s.verify.valid, false);
    assert.match((await app.widget('verify.status')).label, /Signature invalide/);
    await app.shot('verify-02-tampered-fr');
    s = await dropFile(app, at('signature.jwt'));
    assert.equal(s.verify.status, 'signature_invalid');
    s = await dropFile(app, at('badge.json'));
    assert.equal(s.verify.status, 'refused');
    assert.equal(s.verify.issues[0].code, 'verify.unsigned');
    assert.match((await app.widget('verify.status')).label, /un badge non signé ne prouve rien/);
    s = await verifyFile(app, at('kid.jwt'));
    assert.equal(s.verify.status, 'refused');
    assert.equal(s.verify.issues[0].code, 'jws.key_unknown');
    assert.match((await app.widget('verify.status')).label, /pas l'une de celles que ce site publie/);
    await app.shot('verify-03-unknown-kid-fr');

    // The printed code pasted into the field (through the text version's field, as a screen reader types).
    await app.page.evaluate((text) => {
      const field = document.querySelector('#mirror [data-id="verify.code"]');
      field.value = text;
      field.dispatchEvent(new Event('input'));
    }, code);
    await app.settle();
    await app.click('verify.check');
    s = await app.waitFor((x) => x.verify.stage === 'done' && x.verify.source === 'code', 'the pasted code verified');
    assert.equal(s.verify.status, 'valid');
    assert.equal(s.verify.kind, 'attestation_code');
    assertClean(app);
  } finally { await app.close(); }
});

test('a screenshot of the printed attestation: its QR code read and verified', async () => {
  // The attestation as printed, photographed at about a phone's resolution (2x).
  const docs = await serve(work);
  const context = await browser.newContext({ viewport: { width: 900, height: 1400 }, deviceScaleFactor: 2 });
  const page = await context.newPage();
  await page.goto(`${docs.url}attestation.html`);
  await page.screenshot({ path: at('attestation.png'), fullPage: true });
  await context.close();
  await docs.close();
  const read = execFileSync('zbarimg', ['-q', '--raw', at('attestation.png')], { encoding: 'utf8' }).trim();
  assert.equal(read, code, 'zbarimg reads the same code');

  const app = await open();
  try {
    await app.click('welcome.verify');
    const s = await verifyFile(app, at('attestation.png'));
    assert.equal(s.verify.source, 'image');
    assert.equal(s.verify.status, 'valid', JSON.stringify(s.verify.issues));
    assert.equal(s.verify.kind, 'attestation_code');
    assert.equal(s.verify.facts.holder_name, 'Hélène Lefèvre');
    assert.equal(s.verify.facts.credential_id, credentialId);
    await app.shot('verify-04-qr-image-fr');
    assertClean(app);
  } finally { await app.close(); }
});

test('the QR code\'s link opens the page on its code, verified; the fragment is never sent', async () => {
  const app = await open();
  try {
    const fragment = code.slice(code.indexOf('#') + 1);
    await app.page.goto(`${server.url}index.html#${fragment}`);
    await app.page.waitForFunction(() => window.certif && window.certif.stats().frames_rendered > 0, null, { timeout: 30000 });
    const s = await app.waitFor((x) => x.verify.stage === 'done', 'the link\'s code verified');
    assert.equal(s.screen, 'verify');
    assert.equal(s.verify.source, 'link');
    assert.equal(s.verify.status, 'valid');
    assert.ok(app.server.requests.every((u) => !u.includes(fragment.slice(0, 20))), 'the code never reached the server');
    await app.shot('verify-05-link-fr');
    assertClean(app);
  } finally { await app.close(); }
});

test('the host\'s signed revocation list revokes; a phone-sized screen', async () => {
  cli('credential', 'revoke', credentialId, '--key', 'private.jwk', '--issuer-id', issuer, '--date', '2026-01-15',
      '--reason', 'Fraude au dossier', '-o', 'revocations.jwt', '--force');
  const revocations = fs.readFileSync(at('revocations.jwt'), 'utf8').trim();
  const app = await open({ width: 390, height: 844, config: { programme: 'rs3536', credentials: { ...credentials, revocations } } });
  try {
    await app.click('welcome.verify');
    await app.shot('verify-06-page-390');
    const s = await verifyFile(app, at('credential.jwt'));
    assert.equal(s.verify.revocations, 'valid');
    assert.equal(s.verify.status, 'revoked');
    assert.equal(s.verify.revocation.date, '2026-01-15');
    assert.equal(s.verify.revocation.reason, 'Fraude au dossier');
    const status = await app.widget('verify.status');
    assert.match(status.label, /Révoquée/);
    assert.match(status.label, /15 janvier 2026/);
    assert.ok(status.x >= 0 && status.x + status.w <= 390, `the status fits the screen: ${JSON.stringify(status)}`);
    await app.shot('verify-07-revoked-390');
    assertClean(app);
  } finally { await app.close(); }
});

test('no key configured: the page says nothing can be verified here; the English interface', async () => {
  const app = await open({ config: { programme: 'rs3536' } });
  try {
    await app.click('lang.switch');
    await app.click('welcome.verify');
    let s = await app.state();
    assert.equal(s.verify.configured, false);
    const check = await app.widget('verify.file');
    assert.equal(check.enabled, false, 'nothing to verify against');
    assert.match(await app.page.evaluate(() => document.getElementById('mirror').textContent), /publishes no issuer key/);
    await app.shot('verify-08-no-keys-en');
    assertClean(app);
  } finally { await app.close(); }
  const bad = await open({ config: { programme: 'rs3536', credentials: { ...credentials, keys: [{ kty: 'RSA', n: 'abc', e: 'AQAB', kid: 'k' }], verificationUrl: 'http://x' } } });
  try {
    await bad.click('welcome.verify');
    const s = await bad.state();
    assert.deepEqual(s.verify.config_problems.map((p) => p.code), ['jwk.invalid', 'verify.config_verification_url']);
    const text = await bad.page.evaluate(() => document.getElementById('mirror').textContent);
    assert.match(text, /Réglage de la vérification à corriger/);
    assert.match(text, /« verificationUrl » doit être une adresse https/);
    await bad.shot('verify-11-bad-config-fr');
    assertClean(bad);
  } finally { await bad.close(); }
  const en = await open();
  try {
    await en.click('lang.switch');
    await en.click('welcome.verify');
    const s = await verifyFile(en, at('credential.jwt'));
    assert.equal(s.verify.status, 'valid');
    assert.match((await en.widget('verify.status')).label, /Valid: signed by the issuer/);
    await en.shot('verify-09-valid-en');
    await en.page.setViewportSize({ width: 390, height: 844 });
    await en.settle(300);
    await en.shot('verify-10-valid-en-390');
    assertClean(en);
  } finally { await en.close(); }
});
