// Sealed delivery in the browser (#16): a coach makes a sealing key and backs it up; the host lists its
// public key in config.js; a candidate exports a sealed dossier (.json.age) that the command line and
// Debian's `age` open to the plain export's exact bytes; the coach imports it; a coach without the key is
// told which key the file is sealed for. Screenshots in French and English at 1280×900.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { launch, openApp, siteDir, root, axeViolations } from './harness.mjs';
import { serve } from './server.mjs';

const certif = process.env.CERTIF_CLI || path.join(root, 'build/native/certif');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'certif-seal-'));

// axe-core on a downloaded document, served from the test's folder: no violation, one h1 and one main.
async function checkDocument(file) {
  const docs = await serve(path.dirname(file));
  const context = await browser.newContext({ viewport: { width: 1000, height: 900 } });
  const page = await context.newPage();
  try {
    await page.goto(`${docs.url}${path.basename(file)}`);
    assert.deepEqual(await axeViolations(page), [], `axe on ${path.basename(file)}`);
    const shape = await page.evaluate(() => ({ h1: document.querySelectorAll('h1').length, main: document.querySelectorAll('main').length, scripts: document.scripts.length }));
    assert.deepEqual(shape, { h1: 1, main: 1, scripts: 0 });
  } finally { await context.close(); await docs.close(); }
}

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });


// config.js as a host would fill it: defined before the page's scripts, config.js's own assignment ignored.
function hostConfig(config) {
  Object.defineProperty(self, 'certifConfig', { get: () => config, set: () => {}, configurable: false });
}


test('a key made by the coach, a dossier sealed for it, opened by the app, the CLI and age', async () => {
  const server = await serve(siteDir);
  const opts = { server, today: '2026-11-28', width: 1280, height: 900 };

  // 1. The coach makes the team's key and backs it up.
  const coach = await openApp(browser, opts);
  let recipient, fingerprint, keyFile;
  try {
    await coach.click('welcome.coach');
    await coach.click('keys.toggle');
    await coach.type('keys.name', 'Jury RS6247 — DINUM');
    await coach.click('keys.generate');
    let s = await coach.waitFor((x) => x.seal.keys.length === 1, 'the new key');
    ({ recipient, fingerprint } = s.seal.keys[0]);
    assert.match(recipient, /^age1[0-9a-z]{58}$/);
    assert.match(fingerprint, /^[0-9A-F]{4}(-[0-9A-F]{4}){3}$/);
    assert.equal(s.seal.keys[0].name, 'Jury RS6247 — DINUM');
    assert.equal(s.seal.keys[0].backed_up, false);
    await coach.shot('seal-01-keys-fr');
    keyFile = await coach.download('keys.download.0', work);
    assert.match(fs.readFileSync(keyFile, 'utf8'), /^AGE-SECRET-KEY-1[0-9A-Z]{58}$/m);
    const formFile = await coach.download('keys.recovery.0', work);
    const form = fs.readFileSync(formFile, 'utf8');
    await checkDocument(formFile);
    assert.match(form, /<html lang="fr"/);
    assert.ok(form.includes(fingerprint) && form.includes(recipient), 'the recovery form shows the fingerprint and public key');
    s = await coach.state();
    assert.equal(s.seal.keys[0].backed_up, true);
    // The key is kept on this device: it is still there after a reload.
    await coach.page.reload();
    await coach.page.waitForFunction(() => window.certif && window.certif.state().seal.keys.length === 1);
    await coach.click('lang.switch');
    await coach.click('welcome.coach');
    await coach.click('keys.toggle');
    await coach.shot('seal-02-keys-en');
    await coach.click('lang.switch');
  } finally {
    await coach.close();
  }

  // 2. The host lists it in config.js (with a broken entry, reported and not used); the candidate exports.
  const config = { accessibilityContact: '', sealTo: [{ name: 'Jury RS6247 — DINUM', recipient }, { name: 'Cassée', recipient: 'age1nope' }] };
  const candidate = await openApp(browser, { ...opts, init: hostConfig, initArg: config });
  let sealedFile, plainFile;
  try {
    let s = await candidate.state();
    assert.equal(s.seal.recipients.length, 1);
    assert.equal(s.seal.recipients[0].fingerprint, fingerprint, 'the candidate sees the fingerprint the coach sees');
    assert.deepEqual(s.seal.problems, [{ entry: 2, code: 'bad_recipient' }]);
    assert.equal(s.seal.export_sealed, true, 'sealed by default');
    await candidate.click('welcome.candidate');
    await candidate.click('step.questionnaire');
    await candidate.type('/identity/last_name', 'Lefèvre');
    await candidate.click('step.review');
    await candidate.reveal('seal.choice.sealed');
    await candidate.shot('seal-03-review-fr');
    sealedFile = await candidate.download('export.run', work);
    assert.equal(path.basename(sealedFile), 'dossier-lefevre-2026-11-28.json.age');
    await candidate.click('seal.choice.plain');
    plainFile = await candidate.download('export.run', work);
    assert.equal(path.basename(plainFile), 'dossier-lefevre-2026-11-28.json');
    await candidate.click('seal.choice.sealed');
    await candidate.click('lang.switch');
    await candidate.reveal('seal.choice.sealed');
    await candidate.shot('seal-04-review-en');
  } finally {
    await candidate.close();
  }
  const plain = fs.readFileSync(plainFile);
  const sealed = fs.readFileSync(sealedFile);
  assert.equal(sealed.subarray(0, 22).toString(), 'age-encryption.org/v1\n');
  assert.ok(sealed.includes(Buffer.from(fingerprint)), 'the header names the key it is sealed for');
  // The command line and Debian's age open it to the plain export's bytes.
  const viaCli = path.join(work, 'via-cli.json');
  execFileSync(certif, ['open', sealedFile, '--identity', keyFile, '-o', viaCli]);
  assert.ok(fs.readFileSync(viaCli).equals(plain), 'certif open gives the plain export, byte for byte');
  const viaAge = execFileSync('age', ['-d', '-i', keyFile, sealedFile]);
  assert.ok(Buffer.from(viaAge).equals(plain), 'age -d gives the plain export, byte for byte');

  // 3. The coach imports it with the key (restored from the key file), and a coach without it is told.
  const withKey = await openApp(browser, opts);
  try {
    await withKey.click('welcome.coach');
    await withKey.click('keys.toggle');
    const chooser = withKey.page.waitForEvent('filechooser');
    await withKey.click('keys.import');
    await (await chooser).setFiles([keyFile]);
    await withKey.waitFor((x) => x.seal.keys.length === 1, 'the imported key');
    await withKey.click('keys.toggle');
    await withKey.pick('coach.import', [sealedFile]);
    const s = await withKey.waitFor((x) => x.coach.entries.length === 1 && ['valid', 'refused'].includes(x.coach.entries[0].check), 'the sealed import');
    assert.equal(s.coach.entries[0].check, 'valid', JSON.stringify(s.coach.entries[0].refusal));
    assert.equal(s.coach.entries[0].candidate.trim(), 'Lefèvre');
    await withKey.shot('seal-05-imported-fr');
  } finally {
    await withKey.close();
  }
  const without = await openApp(browser, opts);
  try {
    await without.click('welcome.coach');
    await without.pick('coach.import', [sealedFile]);
    const s = await without.waitFor((x) => x.coach.entries.length === 1 && x.coach.entries[0].check === 'refused', 'the refusal');
    assert.equal(s.coach.entries[0].refusal[0].code, 'age.wrong_key');
    assert.ok(s.coach.entries[0].refusal[0].message.includes(fingerprint), 'the refusal names the fingerprint');
    await without.shot('seal-06-wrong-key-list-fr');
    await without.click(`coach.open.${s.coach.entries[0].id}`);  // the refusal in words
    await without.shot('seal-06-wrong-key-fr');
    await without.click('lang.switch');
    await without.shot('seal-07-wrong-key-en');
  } finally {
    await without.close();
    await server.close();
  }
});

test('a dossier sealed with a passphrase typed twice, opened by the CLI and by a coach who types it', async () => {
  const server = await serve(siteDir);
  const opts = { server, today: '2026-11-28', width: 1280, height: 900 };
  const phrase = 'cheval agrafe pile étoile';
  const config = { accessibilityContact: '', sealTo: [] };  // no key configured: the passphrase is still offered
  const candidate = await openApp(browser, { ...opts, init: hostConfig, initArg: config });
  let sealedFile, plainFile;
  try {
    await candidate.click('welcome.candidate');
    await candidate.click('step.questionnaire');
    await candidate.type('/identity/last_name', 'Lefèvre');
    await candidate.click('step.review');
    await candidate.click('seal.choice.passphrase');
    let s = await candidate.state();
    assert.equal(s.seal.export_mode, 'passphrase');
    assert.equal(s.seal.passphrase_problem, 'age.passphrase_empty');
    assert.equal((await candidate.reveal('export.run')).enabled, false, 'no export without a passphrase');
    await candidate.type('seal.passphrase', phrase);
    await candidate.type('seal.passphrase.again', phrase.slice(0, -1));
    s = await candidate.state();
    assert.equal(s.seal.passphrase_problem, 'age.passphrase_mismatch');
    // The passphrase is never shown: not in the widgets, not in the text version.
    assert.ok(!JSON.stringify(await candidate.widgets()).includes('agrafe'));
    assert.ok(!(await candidate.page.evaluate(() => document.querySelector('#mirror').innerText)).includes('agrafe'));
    const mirror = await candidate.page.evaluate(() => document.querySelector('#mirror').innerText);
    assert.match(mirror, /Les deux phrases de passe diffèrent/);
    await candidate.shot('seal-08-passphrase-mismatch-fr');
    await candidate.type('seal.passphrase.again', 'e');
    s = await candidate.state();
    assert.equal(s.seal.passphrase_problem, '');
    await candidate.reveal('export.run');
    await candidate.shot('seal-09-passphrase-fr');
    sealedFile = await candidate.download('export.run', work);
    assert.equal(path.basename(sealedFile), 'dossier-lefevre-2026-11-28.json.age');
    await candidate.click('seal.choice.plain');
    plainFile = await candidate.download('export.run', work);
  } finally {
    await candidate.close();
  }
  const sealed = fs.readFileSync(sealedFile);
  assert.match(sealed.subarray(0, 60).toString('latin1'), /^age-encryption\.org\/v1\n-> scrypt [A-Za-z0-9+/]{22} 18\n/);
  const viaCli = path.join(work, 'via-cli-passphrase.json');
  execFileSync(certif, ['open', sealedFile, '--passphrase-env', 'CERTIF_TEST_PASSPHRASE', '-o', viaCli],
               { env: { ...process.env, CERTIF_TEST_PASSPHRASE: phrase } });
  assert.ok(fs.readFileSync(viaCli).equals(fs.readFileSync(plainFile)), 'certif open gives the plain export, byte for byte');

  const coach = await openApp(browser, opts);
  try {
    await coach.click('welcome.coach');
    await coach.pick('coach.import', [sealedFile]);
    await coach.waitFor((x) => x.coach.entries.length === 1 && x.coach.entries[0].awaiting_passphrase, 'the passphrase asked');
    await coach.settle(200);
    await coach.shot('seal-10-coach-passphrase-fr');
    await coach.type('seal.coach.passphrase', 'cheval agrafe pile');
    await coach.click('seal.coach.passphrase.open');
    let s = await coach.waitFor((x) => x.coach.entries[0].passphrase_error === 'age.bad_passphrase', 'the wrong passphrase said');
    assert.equal(s.coach.entries[0].check, 'reading');
    await coach.settle(200);
    await coach.shot('seal-11-coach-wrong-passphrase-fr');
    await coach.type('seal.coach.passphrase', phrase);
    await coach.click('seal.coach.passphrase.open');
    s = await coach.waitFor((x) => ['valid', 'refused'].includes(x.coach.entries[0].check), 'the opened dossier', 60000);
    assert.equal(s.coach.entries[0].check, 'valid', JSON.stringify(s.coach.entries[0].refusal));
    assert.equal(s.coach.entries[0].candidate.trim(), 'Lefèvre');
    await coach.shot('seal-12-coach-opened-fr');
    assert.deepEqual(coach.problems.pageErrors, []);
  } finally {
    await coach.close();
    await server.close();
  }
});
