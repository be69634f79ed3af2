// Signed results made in the browser (#17): the coach makes the certifier's signing key (WebCrypto),
// backs it up and hands the host its public files; an admitted candidate's attestation, once issued, is
// signed — the VC-JWT verifies with npm jose and Debian's jwcrypto, the printed attestation carries the
// credential's id and a QR code that zbarimg reads — and, once the host publishes the key in config.js,
// the verification page finds both valid. The workspace keeps key and credential across a reload; the
// backup restores the key on another device; a public key is refused as a signing key. Screenshots at
// 1280×900 and 390×844, no text clipped. No request leaves the origin.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { launch, openApp, siteDir, root, shotDir, axeViolations, assertClean, assertNothingClipped } from './harness.mjs';
import { serve } from './server.mjs';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'certif-credential-'));
const at = (name) => path.join(work, name);
const samples = path.join(root, 'assets/samples');
const issuer = 'https://numa.example.org/certif/issuer.json';
const competencies = ['user_research', 'ideation', 'prototyping', 'testing', 'business_model', 'acquisition', 'pitch'];

let browser, server;
before(async () => { browser = await launch(); server = await serve(siteDir); });
after(async () => { await browser.close(); await server.close(); });

// Clicks `id` and saves the `count` files it downloads into `dir`; returns their paths by name.
async function downloads(app, id, count, dir) {
  const files = {};
  const done = new Promise((resolve) => {
    const onDownload = async (d) => {
      const file = path.join(dir, d.suggestedFilename());
      await d.saveAs(file);
      files[d.suggestedFilename()] = file;
      if (Object.keys(files).length === count) { app.page.off('download', onDownload); resolve(); }
    };
    app.page.on('download', onDownload);
  });
  await app.click(id);
  await Promise.race([done, new Promise((_, reject) => setTimeout(() => reject(new Error(`${id}: ${count} downloads expected, got ${Object.keys(files)}`)), 20000))]);
  return files;
}

let backup, hostConfig, jwtFile, codeText, credentialId, attestationPng;

test('the coach signs an admitted candidate\'s attestation; jose, jwcrypto, zbarimg and the verification page agree', async () => {
  const app = await openApp(browser, { server, today: '2026-11-28', width: 1280, height: 900 });
  try {
    await app.click('welcome.coach');
    await app.type('coach.profile.name', 'Noémie Durand');
    await app.type('coach.profile.organisation', 'NUMA');
    await app.type('coach.profile.place', 'Paris');
    await app.type('coach.profile.signatory_name', 'Noémie Durand');
    await app.type('coach.profile.signatory_role', 'Coach certificatrice');
    await app.type('coach.profile.issuer_id', issuer);

    // The signing key, made by the browser; its backup, and the files the host publishes.
    await app.click('keys.toggle');
    await app.type('signing.name', 'Certificateur NUMA');
    await app.click('signing.generate');
    let s = await app.waitFor((x) => x.signing.keys.length === 1, 'the signing key made');
    const key = s.signing.keys[0];
    assert.equal(key.name, 'Certificateur NUMA');
    assert.match(key.kid, /^urn:ietf:params:oauth:jwk-thumbprint:sha-256:[A-Za-z0-9_-]{43}$/);
    assert.equal(key.backed_up, false);
    assert.equal(key.active, true);
    assert.equal(key.public.n.length, 342, 'a 2048-bit modulus');
    await app.reveal('signing.download.0');
    await app.shot('credential-01-signing-key');
    await assertNothingClipped(app, 'the keys');
    backup = await app.download('signing.download.0', work);
    assert.match(path.basename(backup), /^cle-signature-[A-Za-z0-9_-]{12}\.jwk$/);
    const privateJwk = JSON.parse(fs.readFileSync(backup, 'utf8'));
    for (const m of ['d', 'p', 'q', 'dp', 'dq', 'qi']) assert.ok(privateJwk[m], `the backup holds ${m}`);
    assert.equal(privateJwk.kid, key.kid);
    assert.equal((await app.state()).signing.keys[0].backed_up, true);
    const host = await downloads(app, 'signing.host_files.0', 2, work);
    hostConfig = JSON.parse(fs.readFileSync(host['credentials-config.json'], 'utf8'));
    assert.equal(hostConfig.issuer.id, issuer);
    assert.equal(hostConfig.keys.length, 1);
    assert.equal(hostConfig.keys[0].kid, key.kid);
    assert.equal(hostConfig.keys[0].d, undefined, 'no private member for the host');
    const profile = JSON.parse(fs.readFileSync(host['issuer.json'], 'utf8'));
    assert.equal(profile.id, issuer);
    assert.ok(JSON.stringify(profile).includes(key.public.n), 'the profile lists the public key');

    // A candidate's dossier, evaluated and admitted; issuing the attestation signs it.
    const chooser = app.page.waitForEvent('filechooser');
    await app.click('coach.import');
    await (await chooser).setFiles([path.join(samples, 'complete.json')]);
    s = await app.waitFor((x) => (x.coach.entries[0] || {}).check === 'valid', 'the dossier imported');
    const id = s.coach.entries[0].id;
    await app.click(`coach.open.${id}`);
    await app.click('coach.tab.interview');
    for (const c of competencies) await app.click(`coach.grid.${c}.level.autonomous`);
    await app.click('coach.tab.decision');
    await app.click('coach.decision.kind.admis');
    await app.click('coach.decision.save');
    await app.click('coach.attestation.issue');
    s = await app.waitFor((x) => x.coach.entries[0].credential, 'the credential signed');
    const credential = s.coach.entries[0].credential;
    credentialId = credential.id;
    codeText = credential.code;
    assert.match(credentialId, /^urn:uuid:[0-9a-f-]{36}$/);
    assert.equal(credential.kid, key.kid);
    await app.reveal('coach.credential.download');
    await app.shot('credential-02-signed');
    await assertNothingClipped(app, 'the decision tab');
    assert.match((await app.widget('coach.credential.status')).label, /Badge signé/);

    // The VC-JWT, checked by two independent libraries against the published key.
    jwtFile = await app.download('coach.credential.download', work);
    assert.match(path.basename(jwtFile), /-RS3536\.jwt$/);

    // The results e-mail: a mailto: draft naming the .jwt to attach, the credential's id, the LinkedIn link.
    await app.page.evaluate(() => { window.__opened = []; window.open = (url) => { window.__opened.push(String(url)); return null; }; });
    await app.click('coach.mail.credential');
    const drafts = await app.page.evaluate(() => window.__opened.slice());
    assert.equal(drafts.length, 1, 'one draft opened');
    assert.ok(drafts[0].startsWith('mailto:') && drafts[0].length <= 2000, drafts[0]);
    const body = decodeURIComponent(drafts[0].split('body=')[1].split('&')[0]);  // every reserved byte is percent-encoded
    assert.ok(body.includes(path.basename(jwtFile)), body);
    assert.ok(body.includes(credentialId), body);
    assert.ok(body.includes('https://www.linkedin.com/profile/add?'), body);
    const jwt = fs.readFileSync(jwtFile, 'utf8').trim();
    const { jwtVerify, importJWK } = await import('jose');
    const { payload, protectedHeader } = await jwtVerify(jwt, await importJWK(hostConfig.keys[0], 'RS256'), { algorithms: ['RS256'] });
    assert.equal(protectedHeader.alg, 'RS256');
    assert.equal(protectedHeader.kid, key.kid);
    assert.equal(payload.jti, credentialId);
    assert.equal(payload.iss, issuer);
    assert.equal(payload.sub, payload.credentialSubject.id);
    assert.equal(payload.nbf, Date.parse(payload.validFrom) / 1000);
    assert.ok(payload.type.includes('OpenBadgeCredential'));
    fs.writeFileSync(at('public.jwk'), JSON.stringify(hostConfig.keys[0]));
    fs.writeFileSync(at('code.txt'), `${codeText}\n`);
    execFileSync('/usr/bin/python3', [path.join(root, 'tests/cli/credential_jwcrypto.py'), at('public.jwk'), jwtFile, at('code.txt')],
      { encoding: 'utf8' });

    // The printed attestation: the credential's id, and a QR code zbarimg reads back.
    const attestation = await app.download('coach.attestation.download', work);
    const html = fs.readFileSync(attestation, 'utf8');
    assert.ok(html.includes(credentialId), 'the attestation names its credential');
    assert.match(html, /<svg[^>]*role="img"/);
    const docs = await serve(work);
    const context = await browser.newContext({ viewport: { width: 900, height: 1400 }, deviceScaleFactor: 2 });
    const page = await context.newPage();
    await page.goto(`${docs.url}${encodeURIComponent(path.basename(attestation))}`);
    attestationPng = at('attestation.png');
    await page.screenshot({ path: attestationPng, fullPage: true });
    await context.close();
    await docs.close();
    assert.equal(execFileSync('zbarimg', ['-q', '--raw', attestationPng], { encoding: 'utf8' }).trim(), codeText);

    // A reload: the key and the signed credential are still there.
    await app.page.reload();
    await app.page.waitForFunction(() => window.certif && window.certif.stats().frames_rendered > 0, null, { timeout: 30000 });
    s = await app.waitFor((x) => x.coach.entries.length === 1 && x.coach.entries[0].check === 'valid', 'the workspace read back');
    assert.equal(s.signing.keys.length, 1);
    assert.equal(s.signing.keys[0].kid, key.kid);
    assert.equal(s.coach.entries[0].credential.id, credentialId);
    assertClean(app);
  } finally { await app.close(); }

  // The host publishes the key: the verification page finds the credential and the QR code valid.
  const verifier = await openApp(browser, { server, width: 1280, height: 900, config: { programme: 'rs3536', credentials: hostConfig } });
  try {
    await verifier.click('welcome.verify');
    for (const [file, kind] of [[jwtFile, 'credential'], [attestationPng, 'attestation_code']]) {
      await verifier.pick('verify.file', [file]);
      const v = await verifier.waitFor((x) => ['done', 'refused', 'unchecked'].includes(x.verify.stage) && x.verify.name === path.basename(file),
        `the verdict on ${path.basename(file)}`);
      assert.equal(v.verify.status, 'valid', `${path.basename(file)}: ${JSON.stringify(v.verify.issues)}`);
      assert.equal(v.verify.kind, kind);
      assert.equal(v.verify.facts.credential_id, credentialId);
      assert.equal(v.verify.facts.certification_code, 'RS3536');
    }
    await verifier.shot('credential-03-verified');
    assertClean(verifier);
  } finally { await verifier.close(); }
});

test('the backup restores the signing key on another device; a public key is refused; a phone', async () => {
  assert.ok(backup, 'the first test made the backup');
  const app = await openApp(browser, { server, today: '2026-11-28', width: 390, height: 844, config: { programme: 'rs3536', credentials: hostConfig } });
  try {
    await app.click('welcome.coach');
    await app.click('keys.toggle');
    await app.pick('keys.import', [at('public.jwk')]);
    let s = await app.waitFor((x) => x.signing.issues.length > 0, 'the public key refused');
    assert.equal(s.signing.issues[0].code, 'jwk.not_private');
    assert.equal(s.signing.keys.length, 0);
    await app.reveal('signing.generate');
    await app.shot('credential-04-public-key-refused-phone');
    await assertNothingClipped(app, 'the refusal, on a phone');

    await app.pick('keys.import', [backup]);
    s = await app.waitFor((x) => x.signing.keys.length === 1, 'the key restored');
    assert.equal(s.signing.keys[0].kid, hostConfig.keys[0].kid);
    assert.equal(s.signing.keys[0].published, true, 'the host publishes it');
    assert.equal(s.signing.keys[0].backed_up, true);
    assert.equal(s.signing.issues.length, 0);
    assert.equal(s.seal.keys.length, 0, 'not taken for a sealing key');
    await app.reveal('signing.download.0');
    await app.shot('credential-05-restored-phone');
    await assertNothingClipped(app, 'the restored key, on a phone');
    assertClean(app);
  } finally { await app.close(); }
});

test('the verification page links to the guide for employers, served with the app, accessible and offline-cached', async () => {
  const app = await openApp(browser, { server, today: '2026-11-28', width: 1280, height: 900 });
  await app.click('welcome.verify');
  await app.reveal('verify.guide');
  const opened = app.context.waitForEvent('page');
  await app.click('verify.guide');
  const guide = await opened;
  await guide.waitForLoadState('load');
  assert.match(guide.url(), /\/verifier-une-attestation\.html$/);
  assert.match(await guide.title(), /Vérifier une attestation/);
  assert.deepEqual(await axeViolations(guide), [], 'the guide has no axe violation');
  await guide.screenshot({ path: path.join(shotDir, 'credential-06-guide.png') });
  await guide.close();
  const sw = fs.readFileSync(path.join(siteDir, 'sw.js'), 'utf8');
  assert.ok(sw.includes('verifier-une-attestation.html'), 'cached by the service worker for offline use');
  assertClean(app);
  await app.close();
});
