// The shell and the app skeleton in a real browser: first frame, privacy (no request leaves the origin,
// CSP clean), clicks through exported widget rectangles, idle costs no frames, HiDPI, languages.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openApp } from './harness.mjs';
import { serve } from './server.mjs';
import { siteDir } from './harness.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

function assertClean(app, violations) {
  assert.deepEqual(app.problems.pageErrors, [], 'page errors');
  assert.deepEqual(app.problems.console, [], 'console errors');
  assert.deepEqual(app.problems.offOrigin, [], 'requests that left the origin');
  assert.deepEqual(app.problems.failed, [], 'failed requests');
  assert.deepEqual(violations, [], 'CSP violations');
}

test('first frame arrives under a sub-path, with no error, no foreign request, no CSP violation', async () => {
  const app = await openApp(browser, { prefix: '/certif/' });
  try {
    const stats = await app.stats();
    assert.ok(stats.frames_rendered >= 1);
    assert.ok(stats.first_frame_ms > 0 && stats.first_frame_ms < 15000, `first frame at ${stats.first_frame_ms} ms`);
    assert.ok(stats.wasm_heap_bytes > 0);
    assert.match(await app.page.evaluate(() => window.certif.version), /^\d+\.\d+\.\d+$/);
    assert.equal(await app.page.evaluate(() => document.getElementById('loading').hidden), true, 'loading indicator hidden');
    assert.equal(await app.page.evaluate(() => document.documentElement.lang), 'fr');
    // Every request stayed under the sub-path: all URLs in the page are relative.
    for (const url of app.server.requests) assert.ok(url.startsWith('/certif/'), `request outside the sub-path: ${url}`);
    const state = await app.state();
    assert.equal(state.screen, 'welcome');
    assert.equal(state.referential.competencies, 7);
    await app.shot('01-welcome');
    assertClean(app, await app.cspViolations());
  } finally { await app.close(); }
});

test('the welcome choices lead to the candidate and coach areas, and back', async () => {
  const app = await openApp(browser);
  try {
    const ids = (await app.widgets()).map((w) => w.id);
    assert.ok(ids.includes('welcome.candidate') && ids.includes('welcome.coach'), ids.join(','));
    const card = await app.widget('welcome.candidate');
    assert.equal(card.label, 'Je prépare mon dossier');
    await app.click('welcome.candidate');
    assert.equal((await app.state()).screen, 'candidate');
    assert.match(await app.page.title(), /certif-intra/);
    await app.shot('02-candidate');
    await app.click('nav.home');
    assert.equal((await app.state()).screen, 'welcome');
    await app.click('welcome.coach');
    assert.equal((await app.state()).screen, 'coach');
    await app.shot('03-coach');
    assertClean(app, await app.cspViolations());
  } finally { await app.close(); }
});

test('no frame is drawn while nothing happens', async () => {
  const app = await openApp(browser);
  try {
    await app.settle(500);  // let the start-up frames finish
    const before = (await app.stats()).frames_rendered;
    await app.page.waitForTimeout(3000);
    const after = (await app.stats()).frames_rendered;
    assert.equal(after - before, 0, `${after - before} frames drawn in 3 s of idleness`);
    // ...and input still wakes it up.
    await app.page.mouse.move(200, 200);
    await app.settle(300);
    assert.ok((await app.stats()).frames_rendered > after, 'a mouse move draws frames');
  } finally { await app.close(); }
});

test('crisp at devicePixelRatio 2: the backing store is twice the CSS size', async () => {
  const app = await openApp(browser, { dpr: 2, width: 900, height: 700 });
  try {
    const stats = await app.stats();
    assert.equal(stats.device_pixel_ratio, 2);
    assert.deepEqual(stats.canvas, { width: 1800, height: 1400 });
    // Widget rectangles stay in CSS pixels, so clicks land where they should.
    const card = await app.widget('welcome.candidate');
    assert.ok(card.x + card.w <= 900 && card.y + card.h <= 700, JSON.stringify(card));
    await app.shot('04-welcome-dpr2');
    await app.click('welcome.candidate');
    assert.equal((await app.state()).screen, 'candidate');
  } finally { await app.close(); }
});

test('browser zoom (a devicePixelRatio change) re-renders at the new scale', async () => {
  const app = await openApp(browser, { dpr: 1, width: 1000, height: 700 });
  try {
    const cdp = await app.context.newCDPSession(app.page);
    await cdp.send('Emulation.setDeviceMetricsOverride', { width: 1000, height: 700, deviceScaleFactor: 1.5, mobile: false });
    // A real zoom also fires `resize` (and the resolution media query); CDP's emulation fires neither,
    // so the test sends the event the browser would.
    await app.page.evaluate(() => window.dispatchEvent(new Event('resize')));
    await app.page.waitForFunction(() => window.certif.stats().device_pixel_ratio === 1.5, null, { timeout: 5000 });
    const stats = await app.stats();
    assert.deepEqual(stats.canvas, { width: 1500, height: 1050 });
    await app.shot('05-welcome-dpr1.5');
  } finally { await app.close(); }
});

test('the interface switches to English and remembers it', async () => {
  const server = await serve(siteDir);
  const app = await openApp(browser, { server });
  try {
    await app.click('lang.switch');
    assert.equal((await app.state()).lang, 'en');
    assert.equal((await app.widget('welcome.candidate')).label, 'I am preparing my dossier');
    assert.equal(await app.page.evaluate(() => document.documentElement.lang), 'en');
    await app.page.reload();
    await app.page.waitForFunction(() => window.certif && window.certif.stats().frames_rendered > 0);
    assert.equal((await app.state()).lang, 'en', 'language kept after reload');
    await app.shot('06-welcome-en');
  } finally { await app.close(); await server.close(); }
});

test('accented text typed, composed (IME) and pasted arrives intact; copy reaches the clipboard', async () => {
  const app = await openApp(browser);
  try {
    await app.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.server.origin });
    await app.click('welcome.candidate');
    await app.click('candidate.start');
    await app.click('elig.period.add');
    const field = async () => (await app.state()).candidate.answers.eligibility.periods[0].start;
    await app.type('elig.period.0.start', 'été «œ» Œ’–—…€');
    assert.equal(await field(), 'été «œ» Œ’–—…€');
    // An IME composition: nothing arrives while composing, the committed text arrives once.
    const cdp = await app.context.newCDPSession(app.page);
    await cdp.send('Input.imeSetComposition', { text: 'e', selectionStart: 1, selectionEnd: 1 });
    await app.settle(100);
    assert.equal(await field(), 'été «œ» Œ’–—…€');
    await cdp.send('Input.insertText', { text: 'ê' });
    await app.settle(250);
    assert.equal(await field(), 'été «œ» Œ’–—…€ê');
    // Paste from the system clipboard with Ctrl+V.
    await app.page.evaluate(() => navigator.clipboard.writeText(' Ça colle ù'));
    await app.chord('Control', 'v');
    assert.equal(await field(), 'été «œ» Œ’–—…€ê Ça colle ù');
    // Select all and copy with Ctrl+A, Ctrl+C: the system clipboard receives the field's text.
    await app.chord('Control', 'a');
    await app.chord('Control', 'c');
    assert.equal(await app.page.evaluate(() => navigator.clipboard.readText()), 'été «œ» Œ’–—…€ê Ça colle ù');
    await app.shot('07-text-input');
    assertClean(app, await app.cspViolations());
  } finally { await app.close(); }
});

test('without WebGL 2 the page says so clearly', async () => {
  const server = await serve(siteDir);
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await page.addInitScript(() => {
      const original = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (kind, ...rest) {
        return kind === 'webgl2' ? null : original.call(this, kind, ...rest);
      };
    });
    await page.goto(server.url);
    await page.waitForSelector('#fatal:not([hidden])', { timeout: 15000 });
    assert.match(await page.textContent('#fatal-message'), /WebGL 2/);
    assert.equal(await page.evaluate(() => document.getElementById('loading').hidden), true);
  } finally { await context.close(); await server.close(); }
});
