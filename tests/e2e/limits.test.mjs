// Text limits and import messages in the browser: a bundle over the format's limits is refused, by the
// candidate's re-import and by the coach's cohort, with a sentence in the interface's language that says
// where (never the validator's English, never a raw digest); the evidence editor stops at 20,000
// characters however the text arrives, and keeps every character it took.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launch, openApp, siteDir, root } from './harness.mjs';
import { serve } from './server.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

const samples = path.join(root, 'assets/samples');
const fr = JSON.parse(fs.readFileSync(path.join(root, 'assets/i18n/fr.json'), 'utf8'));

// RFC 8785 for what the samples hold (strings, booleans, null, integers and halves): JavaScript's own
// sort is by UTF-16 code units, as JCS wants.
function jcs(v) {
  if (Array.isArray(v)) return `[${v.map(jcs).join(',')}]`;
  if (v && typeof v === 'object') return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${jcs(v[k])}`).join(',')}}`;
  return JSON.stringify(v);
}
function sealed(bundle) {
  const { integrity, ...rest } = bundle;
  const digest = crypto.createHash('sha256').update(jcs(rest)).digest('hex');
  return jcs({ ...rest, integrity: { algorithm: 'sha256-jcs', digest } });
}
// The complete sample with a 20,001-character evidence, sealed as an honest export would be.
function overLimitBundle() {
  const b = JSON.parse(fs.readFileSync(path.join(samples, 'complete.json'), 'utf8'));
  b.answers.competencies[0].evidence = 'é'.repeat(20001);
  const file = path.join(os.tmpdir(), 'dossier-trop-long.json');
  fs.writeFileSync(file, sealed(b));
  return file;
}

const mirrorText = (app) => app.page.evaluate(() => document.getElementById('mirror').textContent);
const noRawDigest = (text) => !/[0-9a-f]{64}/.test(text);

test('a bundle over the limits: refused in French, where in words, by the candidate and the coach', async () => {
  const server = await serve(siteDir);
  const file = overLimitBundle();
  const sentence = fr['issue.bundle.too_long'];
  for (const width of [1280, 390]) {
    const app = await openApp(browser, { server, today: '2026-11-28', width, height: width === 1280 ? 900 : 844 });
    try {
      await app.waitFor((s) => s.storage.status === 'ready', 'storage');
      await app.click('welcome.candidate');
      const chooser = app.page.waitForEvent('filechooser');
      await app.click('import.pick');
      await (await chooser).setFiles([file]);
      const s = await app.waitFor((x) => x.import && x.import.stage === 'failed', 'the refusal');
      assert.equal(s.import.issues[0].code, 'bundle.too_long');
      assert.equal(s.import.issues[0].path, '/answers/competencies/0/evidence');
      await app.settle(300);
      const text = await mirrorText(app);
      assert.ok(text.includes(`${sentence.replace(/\.$/, '')} (compétence 1 › ce que vous avez fait).`), text.slice(0, 2000));
      assert.ok(!text.includes('characters long'), 'not the validator\'s English');
      assert.ok(noRawDigest(text));
      await app.page.mouse.move(width / 2, 400);  // away from the button's tooltip, then down to the notice
      await app.page.mouse.wheel(0, 3000);
      await app.settle(200);
      await app.shot(`limits-01-reimport-refused-${width}`);
    } finally {
      await app.close();
    }
  }
  // The coach's cohort: the same refusal on the entry, with a tampered file's refusal beside it.
  const app = await openApp(browser, { server, today: '2026-11-28', width: 1280, height: 900 });
  try {
    await app.click('welcome.coach');
    const tampered = path.join(os.tmpdir(), 'dossier-retouche-limites.json');
    fs.writeFileSync(tampered, fs.readFileSync(path.join(samples, 'complete.json'), 'utf8').replace('Mon Compost Facile', 'Mon Compost Génial'));
    const chooser = app.page.waitForEvent('filechooser');
    await app.click('coach.import');
    await (await chooser).setFiles([file, tampered]);
    const s = await app.waitFor((x) => x.coach.entries.length === 2 && x.coach.entries.every((e) => e.check === 'refused'), 'the refusals');
    assert.equal(s.coach.entries[0].refusal[0].code, 'bundle.too_long');
    assert.equal(s.coach.entries[1].refusal[0].code, 'bundle.integrity_mismatch');
    for (const e of s.coach.entries) {
      await app.click(`coach.open.${e.id}`);
      await app.settle(300);
      const text = await mirrorText(app);
      assert.ok(noRawDigest(text), 'no raw digest in the refusal');
      assert.ok(!text.includes('after export'), 'not the validator\'s English');
      await app.shot(`limits-02-coach-refused-${e.refusal[0].code}`);
      await app.click('coach.back');
    }
  } finally {
    await app.close();
    await server.close();
  }
});

test('the evidence editor stops at 20,000 characters and keeps what it took', async () => {
  const app = await openApp(browser, { today: '2026-11-28', width: 1280, height: 900 });
  try {
    await app.waitFor((s) => s.storage.status === 'ready', 'storage');
    await app.click('welcome.candidate');
    await app.click('step.questionnaire');
    const id = '/competencies/0/evidence';
    await app.click(id);
    // Arriving as one composed insertion (a paste, an IME, a dictation): cut at the limit, not refused whole.
    await app.page.keyboard.insertText('à'.repeat(19990) + 'abcdefghijklmnopqrst');
    await app.settle(600);
    let s = await app.waitFor((x) => x.candidate.answers.competencies[0].evidence.length > 0, 'the evidence');
    const taken = s.candidate.answers.competencies[0].evidence;
    assert.equal([...taken].length, 20000);
    assert.equal(taken, 'à'.repeat(19990) + 'abcdefghij');
    // Typing more changes nothing; the review has no complaint.
    await app.page.keyboard.type('xyz', { delay: 30 });
    await app.settle(300);
    s = await app.state();
    assert.equal(s.candidate.answers.competencies[0].evidence, taken);
    assert.ok(!s.candidate.readiness.some((i) => i.code === 'dossier.too_long'));
    const text = await mirrorText(app);
    assert.ok(text.includes('20\u202F000 caractères sur 20\u202F000 au plus'), 'the counter shows the limit');
    await app.shot('limits-03-evidence-at-the-limit');
  } finally {
    await app.close();
  }
});
