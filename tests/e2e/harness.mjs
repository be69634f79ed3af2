// Shared helpers for the browser tests: launch Debian's Chromium headless, load the app, drive the
// ImGui canvas through the rectangles it exports (window.certif.widgets()), collect what went wrong.
import { chromium } from 'playwright-core';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { serve } from './server.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
export const root = path.resolve(here, '../..');
export const siteDir = process.env.CERTIF_SITE_DIR || path.join(root, 'build/wasm/site');
export const shotDir = process.env.CERTIF_SHOT_DIR || path.join(root, 'build/e2e-screenshots');

export const chromiumArgs = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
];

// Polls window.certif.state() until `predicate(state)` holds; on timeout, says what was awaited and shows
// `detail(state)` (by default the storage status).
export async function waitForState(app, predicate, what, { timeout = 20000, detail = (s) => s.storage } = {}) {
  const end = Date.now() + timeout;
  for (;;) {
    const s = await app.state();
    if (predicate(s)) return s;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(detail(s))}`);
    await app.page.waitForTimeout(100);
  }
}

// What every test checks at its end: no page error, no console error, no request off the origin.
export function assertClean(app) {
  assert.deepEqual(app.problems.pageErrors, [], 'page errors');
  assert.deepEqual(app.problems.console, [], 'console errors');
  assert.deepEqual(app.problems.offOrigin, [], 'requests that left the origin');
}

// No text cut at an edge in the frame drawn once the screen has settled (window.certif.clipped()).
export async function assertNothingClipped(app, where) {
  await app.settle(200);
  const cut = await app.clipped();
  assert.deepEqual(cut.map((c) => c.text), [], `text clipped on ${where}: ${JSON.stringify(cut.slice(0, 5))}`);
}

export async function launch() {
  return chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: chromiumArgs });
}

// The host settings the tests run under unless they say otherwise: the seed's RS3536, which the tests
// written before programmes describe. `config: null` keeps the shipped config.js as it is (RS6247).
export const testConfig = { programme: 'rs3536' };

// Opens the app in a fresh context; resolves once window.certif exists (first frame drawn).
// `contextOptions` go to browser.newContext (e.g. { hasTouch: true }); `init` is a function run in the
// page before any of its scripts, on every load (e.g. to make storage fail). `config` members replace
// those config.js sets (e.g. { programme: 'rs6247', sessions: [...] }), as a host editing it would.
export async function openApp(browser, { prefix = '/', dpr = 1, width = 1280, height = 800, server, today, contextOptions = {}, init, initArg, config = testConfig } = {}) {
  const own = !server;
  server = server || await serve(siteDir, { prefix });
  const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: dpr, ...contextOptions });
  const page = await context.newPage();
  const problems = { console: [], offOrigin: [], csp: [], pageErrors: [], failed: [] };
  page.on('console', (m) => { if (m.type() === 'error') problems.console.push(m.text()); });
  page.on('pageerror', (e) => problems.pageErrors.push(String(e)));
  page.on('request', (r) => { if (!r.url().startsWith(server.origin) && !r.url().startsWith('blob:') && !r.url().startsWith('data:')) problems.offOrigin.push(r.url()); });
  page.on('requestfailed', (r) => problems.failed.push(r.url()));
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  if (config) {
    await page.addInitScript((over) => {
      let value;
      Object.defineProperty(self, 'certifConfig', {
        configurable: true, get() { return value; }, set(v) { value = Object.assign({}, v, over); },
      });
    }, config);
  }
  if (init) await page.addInitScript(init, initArg);
  // A fixed calendar day (the app reads "today" from the clock) keeps date-dependent checks exact.
  if (today) await page.clock.setFixedTime(new Date(`${today}T10:00:00`));
  await page.goto(server.url);
  await page.waitForFunction(() => window.certif && window.certif.stats().frames_rendered > 0, null, { timeout: 30000 });
  const app = {
    page, context, server, problems,
    // Waits `ms`, then until the app has drawn every queued input and has nothing left to do (a busy
    // machine can be slower than any fixed delay).
    async settle(ms = 150) {
      await page.waitForTimeout(ms);
      await page.waitForFunction(() => !window.certif.stats().busy, null, { timeout: 20000, polling: 50 });
    },
    async widgets() { return page.evaluate(() => window.certif.widgets()); },
    // Texts cut at the edge of what shows them in the last frame drawn (window.certif.clipped()).
    async clipped() { return page.evaluate(() => window.certif.clipped()); },
    // Polls window.certif.state() until `predicate` holds; throws naming `what` after `timeout` ms.
    async waitFor(predicate, what, timeout = 20000) {
      const end = Date.now() + timeout;
      for (;;) {
        const s = await page.evaluate(() => window.certif.state());
        if (predicate(s)) return s;
        if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
        await page.waitForTimeout(100);
      }
    },
    async state() { return page.evaluate(() => window.certif.state()); },
    async stats() { return page.evaluate(() => window.certif.stats()); },
    async widget(id, { timeout = 5000 } = {}) {
      const end = Date.now() + timeout;
      for (;;) {
        const w = (await app.widgets()).find((x) => x.id === id && x.visible !== false);
        if (w) return w;
        if (Date.now() > end) throw new Error(`widget ${id} not found; have: ${(await app.widgets()).filter((x) => x.visible !== false).map((x) => x.id).join(', ')}`);
        await page.waitForTimeout(50);
      }
    },
    // The widget `id`, scrolling the page (mouse wheel) until it is on screen: ImGui only reports
    // what it drew.
    async reveal(id) {
      const all = async () => (await app.widgets()).find((x) => x.id === id);
      const { width, height } = page.viewportSize();
      for (let i = 0; i < 40; ++i) {
        const w = await all();
        if (w && w.visible !== false) return w;
        // Known but scrolled away: wheel towards it; unknown: look further down, then up.
        const delta = w ? Math.max(-900, Math.min(900, (w.y + w.h / 2 - height / 2) * 1.25)) : (i < 20 ? 600 : -600);
        await page.mouse.move(width / 2, height * 0.6);
        await page.mouse.wheel(0, delta);
        await app.settle(30);
      }
      return app.widget(id);  // throws with the list of what is visible
    },
    // Mouse move, press, release with a frame between each (ImGui samples input once per frame).
    async click(id) {
      const w = await app.reveal(id);
      const x = w.x + w.w / 2, y = w.y + w.h / 2;
      await page.mouse.move(x, y);
      await page.waitForTimeout(50);
      await page.mouse.down();
      await page.waitForTimeout(50);
      await page.mouse.up();
      await app.settle();
      return w;
    },
    // Types into the widget `id` (clicked first), then waits for the app to settle.
    async type(id, text) {
      await app.click(id);
      await page.keyboard.type(text, { delay: 15 });
      await app.settle(250);
    },
    // Holds each key across frames: ImGui 1.86 samples key state once per frame.
    async chord(...keys) {
      for (const k of keys) { await page.keyboard.down(k); await page.waitForTimeout(60); }
      for (const k of keys.reverse()) { await page.keyboard.up(k); await page.waitForTimeout(30); }
      await app.settle();
    },
    // From the welcome screen: the coach's workspace, `files` imported through the file picker, and the
    // first entry once its verification is over and valid. Returns that entry (window.certif.state()).
    async importToCoach(files, { timeout = 120000 } = {}) {
      await app.click('welcome.coach');
      const chooser = page.waitForEvent('filechooser');
      await app.click('coach.import');
      await (await chooser).setFiles(files);
      await page.waitForFunction(() => (window.certif.state().coach.entries[0] || {}).check === 'valid', null, { timeout });
      return (await app.state()).coach.entries[0];
    },
    // Clicks `id` and saves what it downloads into `dir`, under the name the app gave it; returns its path.
    async download(id, dir, { timeout = 30000 } = {}) {
      const pending = page.waitForEvent('download', { timeout });
      await app.click(id);
      const d = await pending;
      const file = path.join(dir, d.suggestedFilename());
      await d.saveAs(file);
      return file;
    },
    // Clicks `id`, which opens the browser's file picker, and picks `files` in it.
    async pick(id, files) {
      const chooser = page.waitForEvent('filechooser');
      await app.click(id);
      await (await chooser).setFiles(files);
    },
    async shot(name) {
      fs.mkdirSync(shotDir, { recursive: true });
      const file = path.join(shotDir, `${name}.png`);
      await page.screenshot({ path: file });
      return file;
    },
    async cspViolations() { return page.evaluate(() => window.__csp.slice()); },
    async close() { await context.close(); if (own) await server.close(); },
  };
  return app;
}

// Chromium's accessibility tree (what assistive technology is given), its nodes in order with their
// role, name, description, heading level, value and states.
export async function axTree(app) {
  const cdp = await app.context.newCDPSession(app.page);
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  await cdp.detach();
  const prop = (n, name) => (n.properties || []).find((p) => p.name === name)?.value.value;
  const byDom = new Map(nodes.filter((n) => n.backendDOMNodeId !== undefined).map((n) => [n.backendDOMNodeId, n]));
  // The node an element's aria-activedescendant names, as { role, name }.
  const activeDescendant = (n) => {
    const rel = (n.properties || []).find((p) => p.name === 'activedescendant')?.value.relatedNodes?.[0];
    const target = rel && byDom.get(rel.backendDOMNodeId);
    return target ? { role: target.role?.value, name: target.name ? target.name.value : '' } : undefined;
  };
  return nodes.filter((n) => !n.ignored && n.role).map((n) => ({
    role: n.role.value,
    name: n.name ? n.name.value : '',
    description: n.description ? n.description.value : '',
    level: prop(n, 'level'),
    value: n.value ? n.value.value : undefined,
    checked: prop(n, 'checked'),
    invalid: prop(n, 'invalid'),
    focused: prop(n, 'focused'),
    activeDescendant: activeDescendant(n),
  }));
}

// Activates a control of the text version as a screen reader does (a click on the DOM element).
export async function activate(app, id) {
  await app.page.evaluate((wid) => {
    const el = document.querySelector(`#mirror [data-id="${CSS.escape(wid)}"]`);
    if (!el) throw new Error(`no control ${wid} in the text version`);
    el.click();
  }, id);
  await app.settle();
}

// Focuses a text field of the text version and types into it with the keyboard, as a screen reader
// user does.
export async function typeInMirror(app, id, text) {
  await app.page.focus(`#mirror [data-id="${id}"]`);
  await app.page.keyboard.type(text, { delay: 10 });
  await app.settle(250);
}

// axe-core's violations on the page as it stands (every rule axe runs by default: WCAG 2.x A and AA,
// and its best practices), one line each with the elements concerned.
let axeSource = null;
export async function axeViolations(page) {
  axeSource = axeSource || fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  // Injected through the DevTools protocol: the documents' CSP (no script at all) does not apply to it.
  await page.evaluate(axeSource);
  const found = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) }));
  });
  return found.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 5).join(', ')}`);
}
