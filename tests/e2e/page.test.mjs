// The page itself: it refuses to run inside a frame (clickjacking) and says so plainly, and the documents
// it opens in a new tab (a dossier's PDF, the attestation) get no reference back to it (noopener).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launch, openApp, siteDir, root } from './harness.mjs';
import { serve } from './server.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

// What a framed copy shows and does: the message, no app, nothing written to storage.
async function framedState(frame) {
  return frame.evaluate(async () => ({
    message: document.getElementById('framed') && !document.getElementById('framed').hidden
      ? document.getElementById('framed').textContent : null,
    app: typeof window.certif !== 'undefined',
    canvasShown: getComputedStyle(document.getElementById('canvas')).display !== 'none',
    loadingShown: !document.getElementById('loading').hidden,
    databases: (await indexedDB.databases()).map((d) => d.name),
  }));
}

test('inside a frame of another site, the app does not start and says why', async () => {
  const app = await serve(siteDir);
  const hostileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'certif-framing-'));
  fs.writeFileSync(path.join(hostileDir, 'index.html'),
    `<!doctype html><title>Gagnez un prix</title><p>Cliquez ici !</p><iframe id="f" src="${app.url}" width="800" height="600"></iframe>`);
  const hostile = await serve(hostileDir);
  const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  try {
    await page.goto(hostile.url);
    const frame = page.frames().find((f) => f.url().startsWith(app.origin));
    assert.ok(frame, 'the frame loaded the app page');
    await frame.waitForSelector('#framed:not([hidden])', { timeout: 15000 });
    await page.waitForTimeout(1500);   // time enough for the app to have started, had it been allowed to
    const s = await framedState(frame);
    assert.match(s.message, /ne s’ouvre pas à l’intérieur d’une autre page/);
    assert.match(s.message, /does not open inside another page/);
    assert.equal(s.app, false, 'no window.certif: the app never started');
    assert.equal(s.canvasShown, false, 'nothing of the app is drawn');
    assert.equal(s.loadingShown, false);
    assert.deepEqual(s.databases, [], 'nothing opened in storage');
    const link = await frame.$('#framed a');
    assert.equal(await link.getAttribute('target'), '_blank');
    assert.match(await link.getAttribute('rel'), /noopener/);
    assert.equal(await link.getAttribute('href'), app.url);
    await page.screenshot({ path: `${process.env.CERTIF_SHOT_DIR || path.join(root, 'build/e2e-screenshots')}/page-01-framed.png` });
    assert.deepEqual(errors, []);
  } finally { await context.close(); await hostile.close(); await app.close(); }
});

test('a frame of the same site is refused too; the top-level page runs', async () => {
  const server = await serve(siteDir);
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await page.goto(server.url + 'LICENSE.txt');
    await page.evaluate(() => {
      const f = document.createElement('iframe');
      f.src = './';
      document.body.appendChild(f);
    });
    await page.waitForFunction(() => document.querySelector('iframe').contentDocument &&
      document.querySelector('iframe').contentDocument.getElementById('framed') &&
      !document.querySelector('iframe').contentDocument.getElementById('framed').hidden, null, { timeout: 15000 });
    const frame = page.frames().find((f) => f !== page.mainFrame());
    await page.waitForTimeout(1000);
    assert.equal((await framedState(frame)).app, false);
    await page.goto(server.url);
    await page.waitForFunction(() => window.certif && window.certif.stats().frames_rendered > 0, null, { timeout: 30000 });
    assert.equal(await page.evaluate(() => document.getElementById('framed').hidden), true);
  } finally { await context.close(); await server.close(); }
});

// The tab a click opens, once its document is there.
async function opened(app, widgetId) {
  const pending = app.context.waitForEvent('page');
  await app.click(widgetId);
  const tab = await pending;
  await tab.waitForLoadState();
  return tab;
}

test('a PDF and the attestation open in a new tab without a reference back to the app', async () => {
  const app = await openApp(browser, { today: '2026-11-28', width: 1200, height: 950 });
  try {
    await app.click('welcome.coach');
    const chooser = app.page.waitForEvent('filechooser');
    await app.click('coach.import');
    await (await chooser).setFiles([path.join(root, 'assets/samples/complete.json')]);
    await app.page.waitForFunction(() => window.certif.state().coach.entries.length === 1 &&
      window.certif.state().coach.entries[0].check === 'valid', null, { timeout: 30000 });
    const id = (await app.state()).coach.entries[0].id;
    await app.click(`coach.open.${id}`);
    await app.click('coach.tab.pieces');
    const pdf = (await app.widgets()).find((w) => /^coach\.piece\.\d+\.file\.\d+\.view$/.test(w.id) && w.label !== 'Voir');
    assert.ok(pdf, 'a PDF piece with its "open in a tab" button');
    const tab = await opened(app, pdf.id);
    assert.match(tab.url(), /^blob:/);
    assert.equal(await tab.evaluate(() => document.contentType), 'application/pdf');
    assert.equal(await tab.evaluate(() => window.opener === null), true, 'the PDF tab cannot reach the app');
    await tab.close();

    await app.click('coach.tab.decision');
    await app.click('coach.decision.kind.admis');
    await app.click('coach.decision.save');
    const doc = await opened(app, 'coach.attestation.preview');
    assert.match(doc.url(), /^blob:/);
    assert.match(await doc.textContent('body'), /Camille Martin/, 'the attestation of the dossier opened');
    assert.equal(await doc.evaluate(() => window.opener === null), true, 'the attestation tab cannot reach the app');
    await doc.close();
    assert.deepEqual(app.problems.pageErrors, []);
    assert.deepEqual(app.problems.console, []);
  } finally { await app.close(); }
});
