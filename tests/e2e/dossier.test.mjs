// The candidate's dossier in the browser: questionnaire fields, files through the picker and a drop,
// refusals (SVG, oversize), everything back after a reload (attachments byte for byte), erasing local
// data, and a storage failure that warns without losing what is on screen.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { launch, openApp, siteDir, root } from './harness.mjs';
import { serve } from './server.mjs';

let browser, pdfBytes, pngBytes;
before(async () => {
  browser = await launch();
  // Real files made by a real program: a PDF printed and a PNG captured by Chromium itself.
  const page = await browser.newPage();
  await page.setContent('<h1>Compte rendu d’entretien</h1><ol><li>Comment instruisez-vous une demande ?</li></ol>');
  pdfBytes = await page.pdf({ format: 'A5' });
  await page.setViewportSize({ width: 320, height: 200 });
  pngBytes = await page.screenshot({ type: 'png' });
  await page.close();
});
after(async () => { await browser.close(); });

const certif = process.env.CERTIF_CLI || path.join(root, 'build/native/certif');
const sha256 = (b) => crypto.createHash('sha256').update(b).digest('hex');
const answers = async (app) => (await app.state()).candidate.answers;
const piece = async (app, id) => (await answers(app)).pieces.find((p) => p.id === id);

async function waitFor(app, predicate, what, timeout = 15000) {
  const end = Date.now() + timeout;
  for (;;) {
    const s = await app.state();
    if (predicate(s)) return s;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(s.candidate.file_refusals)} ${JSON.stringify(s.storage)}`);
    await app.page.waitForTimeout(100);
  }
}

async function pick(app, widgetId, files) {
  const chooser = app.page.waitForEvent('filechooser');
  await app.click(widgetId);
  await (await chooser).setFiles(files);
}

async function drop(app, widgetId, file) {
  const w = await app.widget(widgetId);
  await app.page.evaluate(({ x, y, bytes, name, type }) => {
    const dt = new DataTransfer();
    dt.items.add(new File([new Uint8Array(bytes)], name, { type }));
    const canvas = document.getElementById('canvas');
    for (const kind of ['dragover', 'drop']) {
      canvas.dispatchEvent(new DragEvent(kind, { dataTransfer: dt, clientX: x, clientY: y, bubbles: true, cancelable: true }));
    }
  }, { x: w.x + w.w / 2, y: w.y + w.h / 2, bytes: Array.from(file.buffer), name: file.name, type: file.mimeType });
}

test('questionnaire, files picked and dropped, refusals, reload, then erase', async () => {
  const server = await serve(siteDir);
  const app = await openApp(browser, { server, today: '2026-11-28', width: 1100, height: 950 });
  try {
    await waitFor(app, (s) => s.storage.status === 'ready', 'storage');
    await app.click('welcome.candidate');
    await app.click('step.questionnaire');
    await app.type('/identity/first_name', 'Hélène');
    await app.type('/identity/last_name', 'Lefèvre-Œuvray');
    await app.type('/identity/email', 'helene@localhost');
    let s = await app.state();
    assert.ok(s.candidate.readiness.some((i) => i.path === '/identity/email' && i.code === 'email_invalid'));
    await app.shot('dossier-01-email-error');
    await app.click('/identity/email');
    await app.chord('Control', 'a');
    await app.page.keyboard.type('helene.lefevre@numerique.gouv.fr', { delay: 10 });
    await app.settle(300);
    await app.click('/identity/status/contractuel');
    await app.type('/startup/start_date', '15/01/2024');
    await app.type('/startup/site', 'http://demarches.fr');
    s = await app.state();
    assert.equal(s.candidate.answers.identity.first_name, 'Hélène');
    assert.equal(s.candidate.answers.identity.last_name, 'Lefèvre-Œuvray');
    assert.equal(s.candidate.answers.identity.email, 'helene.lefevre@numerique.gouv.fr');
    assert.equal(s.candidate.answers.identity.status, 'contractuel');
    assert.equal(s.candidate.answers.startup.start_date, '2024-01-15', 'stored ISO, typed the French way');
    assert.ok(s.candidate.readiness.some((i) => i.path === '/startup/site' && i.code === 'url_not_https'));
    const evidence = 'J’ai mené douze entretiens « terrain » avec des agents, seul, puis rédigé la synthèse — voir le compte rendu.';
    await app.type('/competencies/0/evidence', evidence);
    await app.click('/competencies/0/pieces/interview_report');
    s = await app.state();
    assert.equal(s.candidate.answers.competencies[0].evidence, evidence);
    assert.deepEqual(s.candidate.answers.competencies[0].pieces, ['interview_report']);

    // Files: a PDF through the picker, an image dropped on the mockup piece.
    await app.click('step.pieces');
    await pick(app, '/pieces/2/add', [{ name: 'compte-rendu.pdf', mimeType: 'application/pdf', buffer: pdfBytes }]);
    s = await waitFor(app, (x) => x.candidate.answers.pieces[2].files.length === 1, 'the PDF');
    const pdf = s.candidate.answers.pieces[2].files[0];
    assert.equal(pdf.media_type, 'application/pdf');
    assert.equal(pdf.size, pdfBytes.length);
    assert.equal(pdf.sha256, sha256(pdfBytes));
    await drop(app, '/pieces/3/add', { name: 'ecran-accueil.png', mimeType: 'image/png', buffer: pngBytes });
    s = await waitFor(app, (x) => x.candidate.answers.pieces[3].files.length === 1, 'the dropped PNG');
    assert.equal(s.candidate.answers.pieces[3].files[0].media_type, 'image/png');
    assert.equal(s.candidate.answers.pieces[3].files[0].sha256, sha256(pngBytes));

    // Refused: an SVG (named .png: the content decides), and a file over 50 MB.
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    await pick(app, '/pieces/3/add', [{ name: 'maquette.png', mimeType: 'image/png', buffer: svg }]);
    s = await waitFor(app, (x) => x.candidate.file_refusals.some((r) => r.kind === 'svg'), 'the SVG refusal');
    assert.equal(s.candidate.answers.pieces[3].files.length, 1);
    const bigPath = path.join(os.tmpdir(), 'certif-tableau-51MB.xlsx');
    fs.writeFileSync(bigPath, Buffer.alloc(50 * 1024 * 1024 + 1, 0x41));
    await pick(app, '/pieces/4/add', [bigPath]);
    s = await waitFor(app, (x) => x.candidate.file_refusals.some((r) => r.code === 'file_too_large'), 'the size refusal');
    assert.equal(s.candidate.answers.pieces[4].files.length, 0);
    await app.page.mouse.move(10, 300);
    await app.settle(600);   // the thumbnail is decoded by the browser
    await app.shot('dossier-02-pieces');
    await app.type('/pieces/0/url', 'https://demarches-simplifiees.fr');
    await waitFor(app, (x) => x.storage.pending === 0 && x.storage.last_saved !== '', 'the save');

    // Everything comes back after a reload, attachments byte for byte.
    await app.page.reload();
    await app.page.waitForFunction(() => window.certif && window.certif.state().storage.status === 'ready');
    s = await waitFor(app, (x) => x.candidate.answers.identity.first_name === 'Hélène', 'the restored draft');
    assert.equal(s.storage.draft_exists, true);
    assert.equal(s.candidate.answers.competencies[0].evidence, evidence);
    assert.equal(s.candidate.answers.pieces[0].url, 'https://demarches-simplifiees.fr');
    const ids = [s.candidate.answers.pieces[2].files[0].id, s.candidate.answers.pieces[3].files[0].id];
    // Stored as Blobs, read back one after the other.
    await app.page.waitForFunction((list) => list.every((id) => window.certif.attachment(id) !== null && window.certif.attachment(id).length > 0), ids);
    const restored = await app.page.evaluate((list) => list.map((id) => Array.from(window.certif.attachment(id))), ids);
    assert.ok(Buffer.from(restored[0]).equals(pdfBytes), 'the PDF is byte-identical after reload');
    assert.ok(Buffer.from(restored[1]).equals(pngBytes), 'the PNG is byte-identical after reload');
    await app.shot('dossier-03-welcome-with-draft');

    // Export: one sealed file, downloaded, that the command-line validator accepts. (The reload reopened
    // the candidate's step, issue 15.)
    assert.equal(s.screen, 'candidate');
    await app.click('step.review');
    const downloading = app.page.waitForEvent('download');
    await app.click('export.run');
    const download = await downloading;
    assert.equal(download.suggestedFilename(), 'dossier-lefevre-oeuvray-helene-2026-11-28.json');
    const exported = path.join(os.tmpdir(), download.suggestedFilename());
    await download.saveAs(exported);
    const report = JSON.parse(execFileSync(certif, ['validate', '--json', exported], { encoding: 'utf8' }));
    assert.equal(report.files[0].valid, true, JSON.stringify(report));
    const bundle = JSON.parse(fs.readFileSync(exported, 'utf8'));
    assert.equal(bundle.format, 'certif-intra/dossier');
    assert.equal(bundle.answers.identity.last_name, 'Lefèvre-Œuvray');
    await app.shot('dossier-04-exported');

    // Erase local data, with confirmation.
    await app.click('nav.home');
    await app.click('storage.clear');
    await app.click('storage.clear.confirm');
    s = await app.state();
    assert.equal(s.candidate.answers.identity.first_name, '');
    assert.equal(s.storage.draft_exists, false);
    await waitFor(app, (x) => x.storage.pending === 0, 'the erase');
    await app.page.reload();
    await app.page.waitForFunction(() => window.certif && window.certif.state().storage.status === 'ready');
    s = await app.state();
    assert.equal(s.storage.draft_exists, false);
    assert.equal(s.candidate.answers.pieces[2].files.length, 0);

    // Resume from the exported file: everything is back, files byte for byte.
    await app.click('welcome.candidate');
    await pick(app, 'import.pick', [exported]);
    s = await waitFor(app, (x) => x.candidate.answers.identity.first_name === 'Hélène', 'the re-imported dossier');
    assert.equal(s.candidate.step, 'review');
    assert.equal(s.candidate.answers.competencies[0].evidence, evidence);
    const back = await app.page.evaluate((id) => Array.from(window.certif.attachment(id)), s.candidate.answers.pieces[2].files[0].id);
    assert.ok(Buffer.from(back).equals(pdfBytes));
    const files = s.candidate.answers.pieces.reduce((n, p) => n + p.files.length, 0);
    assert.equal((await app.stats()).browser_digests, files, 'each attachment hashed by WebCrypto');
    await app.shot('dossier-05-reimported');

    // A tampered file is refused, saying why, and the draft is untouched.
    const tampered = path.join(os.tmpdir(), 'dossier-modifie.json');
    fs.writeFileSync(tampered, fs.readFileSync(exported, 'utf8').replace('Lefèvre-Œuvray', 'Lefèvre-Oeuvray'));
    await pick(app, 'import.pick', [tampered]);
    s = await waitFor(app, (x) => x.import && x.import.stage === 'failed', 'the refusal');
    assert.equal(s.import.issues[0].code, 'bundle.integrity_mismatch');
    assert.equal(s.candidate.answers.identity.last_name, 'Lefèvre-Œuvray');
    await app.shot('dossier-06-tampered');

    // Into a draft that has changed since: the question is on screen as soon as the file is verified,
    // without any input to wake the page, and the draft only changes once the candidate answers.
    await app.click('step.questionnaire');
    await app.type('/identity/first_name', 'X');
    const edited = (await waitFor(app, (x) => x.candidate.answers.identity.first_name !== 'Hélène', 'the edit')).candidate.answers.identity.first_name;
    await app.click('step.review');
    await pick(app, 'import.pick', [exported]);
    await app.widget('import.confirm.replace', { timeout: 15000 });
    assert.equal((await app.state()).candidate.answers.identity.first_name, edited);
    await app.shot('dossier-07-confirm-replace');
    await app.click('import.confirm.replace');
    await waitFor(app, (x) => x.candidate.answers.identity.first_name === 'Hélène', 'the replaced draft');
    assert.deepEqual(app.problems.pageErrors, []);
    assert.deepEqual(app.problems.console, []);
  } finally { await app.close(); await server.close(); }
});

test('when the browser refuses storage, a warning stays and the answers stay on screen', async () => {
  const server = await serve(siteDir);
  const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
  const page = await context.newPage();
  try {
    await page.addInitScript(() => {
      Object.defineProperty(window, 'indexedDB', { value: { open() { throw new DOMException('denied', 'SecurityError'); } } });
    });
    await page.goto(server.url);
    await page.waitForFunction(() => window.certif && window.certif.state().storage.status === 'failed');
    await page.evaluate(() => window.certif.widgets());
    const w = (await page.evaluate(() => window.certif.widgets())).find((x) => x.id === 'welcome.candidate');
    await page.mouse.click(w.x + w.w / 2, w.y + w.h / 2);
    await page.waitForFunction(() => window.certif.state().screen === 'candidate');
    const s = await page.evaluate(() => window.certif.state());
    assert.equal(s.storage.status, 'failed');
    assert.equal(s.storage.error, 'unavailable');
    await page.screenshot({ path: `${process.env.CERTIF_SHOT_DIR || 'build/e2e-screenshots'}/dossier-04-storage-refused.png` });
  } finally { await context.close(); await server.close(); }
});
