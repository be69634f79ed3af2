// Offline use: after one visit the app starts and works with the network cut (service worker, cache
// versioned by content); the cache generator itself on a scratch folder; the web app manifest.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launch, openApp, root, siteDir } from './harness.mjs';
import { serve } from './server.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

const template = path.join(root, 'shell/sw.js');
const generator = path.join(root, 'cmake/offline.cmake');

// Runs the build's generator (cmake/offline.cmake) on `dir`; returns { version, files } from the sw.js.
function generate(dir, files) {
  execFileSync('cmake', [`-DSITE_DIR=${dir}`, `-DTEMPLATE=${template}`, `-DFILES=${files.join('|')}`, '-P', generator],
    { stdio: 'pipe' });
  return readWorker(dir);
}

function readWorker(dir) {
  const text = fs.readFileSync(path.join(dir, 'sw.js'), 'utf8');
  const version = /const VERSION = '([^']*)';/.exec(text)[1];
  const files = JSON.parse(`[${/const FILES = \[([^\]]*)\];/.exec(text)[1].replaceAll("'", '"')}]`);
  return { version, files };
}

// Waits until a service worker controls the page and has finished installing its cache.
async function waitControlled(page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20000 });
}

async function cacheNames(page) {
  return page.evaluate(async () => (await caches.keys()).filter((n) => n.startsWith('certif-intra:')));
}

test('the cache version is a digest of the files: same files, same version; one byte changed, a new one', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'certif-sw-'));
  try {
    const names = ['index.html', 'certif.js', 'certif.wasm'];
    for (const n of names) fs.writeFileSync(path.join(dir, n), `content of ${n}\n`);
    const first = generate(dir, names);
    assert.match(first.version, /^[0-9a-f]{16}$/);
    assert.deepEqual(first.files, names);
    assert.equal(generate(dir, names).version, first.version, 'the same files give the same version');
    fs.writeFileSync(path.join(dir, 'certif.wasm'), 'content of certif.wasm!\n');
    const second = generate(dir, names);
    assert.notEqual(second.version, first.version, 'a changed file gives a new version');
    fs.writeFileSync(path.join(dir, 'certif.wasm'), 'content of certif.wasm\n');
    assert.equal(generate(dir, names).version, first.version, 'the version depends on content only');
    // A file the app needs but the build did not produce is a build error, not a broken offline cache.
    assert.throws(() => generate(dir, [...names, 'missing.css']));
  } finally { fs.rmSync(dir, { recursive: true, force: true }); }
});

test('the built service worker keeps every file the page loads', async () => {
  const built = readWorker(siteDir);
  assert.match(built.version, /^[0-9a-f]{16}$/, 'the build wrote a version');
  for (const f of built.files) assert.ok(fs.existsSync(path.join(siteDir, f)), `${f} is in the site`);
  const app = await openApp(browser, { prefix: '/certif/' });
  try {
    await waitControlled(app.page);
    // What the page itself asked for (the worker's own requests and its precache excluded).
    const loaded = new Set();
    for (const url of app.server.requests) {
      const name = new URL(url, 'http://x').pathname.slice('/certif/'.length) || 'index.html';
      if (name !== 'sw.js') loaded.add(name);
    }
    for (const name of loaded) assert.ok(built.files.includes(name), `${name} is loaded but not kept offline`);
    const manifest = JSON.parse(fs.readFileSync(path.join(siteDir, 'manifest.webmanifest'), 'utf8'));
    assert.equal(manifest.name, 'certif-intra');
    assert.equal(manifest.lang, 'fr');
    assert.equal(manifest.start_url, '.');
    assert.equal(manifest.display, 'standalone');
    for (const icon of manifest.icons) {
      assert.ok(fs.existsSync(path.join(siteDir, icon.src)), icon.src);
      // The PNG icons drawn at build time decode, at their stated size.
      if (icon.type !== 'image/png') continue;
      const size = await app.page.evaluate((src) => new Promise((resolve) => {
        const img = new Image();
        img.onload = () => resolve(`${img.naturalWidth}x${img.naturalHeight}`);
        img.onerror = () => resolve('unreadable');
        img.src = src;
      }), icon.src);
      assert.equal(size, icon.sizes, icon.src);
    }
    assert.equal(await app.page.evaluate(() => document.querySelector('link[rel=manifest]').href), `${app.server.url}manifest.webmanifest`);
    assert.deepEqual(await app.cspViolations(), []);
  } finally { await app.close(); }
});

test('after one visit, the app starts and works offline (served under a sub-path)', async () => {
  const app = await openApp(browser, { prefix: '/certif/' });
  try {
    await waitControlled(app.page);
    const names = await cacheNames(app.page);
    assert.equal(names.length, 1, names.join(', '));
    assert.ok(names[0].includes(`${app.server.url}:`), `cache named after its scope: ${names[0]}`);

    await app.context.setOffline(true);
    const served = app.server.requests.length;
    await app.page.reload();
    await app.page.waitForFunction(() => window.certif && window.certif.stats().frames_rendered > 0, null, { timeout: 30000 });
    assert.equal(app.server.requests.length, served, `no request reached the server: ${app.server.requests.slice(served)}`);
    assert.equal((await app.state()).screen, 'welcome');
    await app.click('welcome.candidate');
    assert.equal((await app.state()).screen, 'candidate');
    await app.shot('40-offline-candidate');
    assert.deepEqual(app.problems.pageErrors, []);
    assert.deepEqual(app.problems.console, []);
    assert.deepEqual(app.problems.failed, []);
    assert.deepEqual(await app.cspViolations(), []);
  } finally { await app.close(); }
});

test('a new build is picked up: a new cache replaces the old one', async () => {
  // A copy of the site that the test can "rebuild" (one file changed, the worker regenerated).
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'certif-site-'));
  fs.cpSync(siteDir, dir, { recursive: true });
  const server = await serve(dir, { prefix: '/app/' });
  const app = await openApp(browser, { server });
  try {
    await waitControlled(app.page);
    const before = await cacheNames(app.page);
    assert.equal(before.length, 1);
    const { version, files } = readWorker(dir);
    assert.ok(before[0].endsWith(`:${version}`), before[0]);

    fs.appendFileSync(path.join(dir, 'style.css'), '\n/* a new build */\n');
    const next = generate(dir, files);
    assert.notEqual(next.version, version);
    await app.page.reload();
    await app.page.waitForFunction(() => window.certif && window.certif.stats().frames_rendered > 0, null, { timeout: 30000 });
    for (const end = Date.now() + 20000; ;) {
      const names = await cacheNames(app.page);
      if (names.length === 1 && names[0].endsWith(`:${next.version}`)) break;
      assert.ok(Date.now() < end, `the new cache did not replace the old one: ${names.join(', ')}`);
      await app.page.waitForTimeout(100);
    }
    // The new cache holds the new file.
    const css = await app.page.evaluate(async (v) => {
      const name = (await caches.keys()).find((n) => n.endsWith(`:${v}`));
      const r = await (await caches.open(name)).match(new URL('style.css', location.href).href);
      return r ? r.text() : '';
    }, next.version);
    assert.match(css, /a new build/);
  } finally { await app.close(); await server.close(); fs.rmSync(dir, { recursive: true, force: true }); }
});
