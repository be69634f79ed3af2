// Browser side of the bundle benchmark (run on demand, not by the tests):
//   node bench/browser_import.mjs [--runs N] [--cohort] [--no-big]      (CERTIF_SITE_DIR=DIR for another site)
// - a typical dossier (8 MB of attachments: 4 × 2 MB), then a bundle with 100 MB of attachments (133 MB
//   on disk), each imported by the app (parse + base64 decode + every digest, across frames) against the
//   browser's own path on the same file (JSON.parse, base64 decode, WebCrypto SHA-256 of each piece), in
//   the same Chromium, alternating, medians with min–max; --no-big skips the 133 MB one;
// - the app's export of each dossier; the wasm heap after the import; frames drawn meanwhile (the page
//   must keep drawing its progress bar);
// - with --cohort: 50 bundles of ~10 MB imported in one go by the coach's workspace (heap ≤ 256 MB).
// Needs the native CLI (build/native/certif) and the site (build/wasm/site): scripts/build.sh all.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launch, openApp, root, siteDir } from '../tests/e2e/harness.mjs';
import { serve } from '../tests/e2e/server.mjs';
import { makeBundle as makeBundleIn, median } from './lib.mjs';

const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1]) || 3;
const withCohort = args.includes('--cohort');
const withBig = !args.includes('--no-big');
const certif = path.join(root, 'build/native/certif');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'certif-bench-'));

const makeBundle = (...a) => makeBundleIn({ tmp, certif }, ...a);

const fmt = (xs) => `${median(xs).toFixed(2)} s (${Math.min(...xs).toFixed(2)}–${Math.max(...xs).toFixed(2)})`;
const mb = (n) => `${(n / (1024 * 1024)).toFixed(0)} MB`;

async function oursImport(browser, server, file) {
  const app = await openApp(browser, { server, width: 1100, height: 800 });
  await app.click('welcome.candidate');
  const framesBefore = (await app.stats()).frames_rendered;
  const chooser = app.page.waitForEvent('filechooser');
  await app.click('import.pick');
  const t0 = Date.now();
  await (await chooser).setFiles(file);
  await app.page.waitForFunction(() => {
    const s = window.certif.state();
    return s.import === null && s.candidate.answers.identity.last_name !== '';
  }, null, { timeout: 600000, polling: 20 });
  const seconds = (Date.now() - t0) / 1000;
  const stats = await app.stats();
  // Export of the same dossier, timed to the download.
  await app.click('step.review');
  const download = app.page.waitForEvent('download', { timeout: 600000 });
  const t1 = Date.now();
  await app.click('export.run');
  await download;
  const exportSeconds = (Date.now() - t1) / 1000;
  await app.close();
  return { seconds, exportSeconds, heap: stats.wasm_heap_bytes, frames: stats.frames_rendered - framesBefore };
}

async function browserPath(browser, server, file) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(server.url + 'LICENSE.txt');
  await page.setContent('<input type=file id=f>');
  await page.setInputFiles('#f', file);
  const seconds = await page.evaluate(async () => {
    const t0 = performance.now();
    const text = await document.getElementById('f').files[0].text();
    const bundle = JSON.parse(text);
    const hex = (buf) => Array.from(new Uint8Array(buf), (b) => b.toString(16).padStart(2, '0')).join('');
    for (const piece of bundle.answers.pieces) {
      for (const f of piece.files) {
        const bin = atob(f.data);
        const bytes = new Uint8Array(bin.length);
        for (let i = 0; i < bin.length; ++i) bytes[i] = bin.charCodeAt(i);
        if (hex(await crypto.subtle.digest('SHA-256', bytes)) !== f.sha256) throw new Error('digest');
      }
    }
    return (performance.now() - t0) / 1000;
  });
  await context.close();
  return { seconds };
}

const browser = await launch();
const server = await serve(siteDir);
try {
  console.log(`site: ${siteDir}`);
  const cases = [{ name: 'typical', count: 4, size: 2 * 1024 * 1024, what: '4 × 2 MB attachments', target: null }];
  if (withBig) cases.push({ name: 'big', count: 4, size: 25 * 1024 * 1024, what: '4 × 25 MB attachments', target: 1.3 });
  for (const c of cases) {
    const file = makeBundle(c.name, c.count, c.size, 'bench');
    const size = fs.statSync(file).size;
    console.log(`\nbundle: ${mb(size)} on disk, ${c.what}; ${runs} runs each, alternating`);
    const ours = [], theirs = [], exports = [], heaps = [], frames = [];
    for (let i = 0; i < runs; ++i) {
      const o = await oursImport(browser, server, file);
      ours.push(o.seconds); exports.push(o.exportSeconds); heaps.push(o.heap); frames.push(o.frames);
      theirs.push((await browserPath(browser, server, file)).seconds);
    }
    const r = median(ours) / median(theirs);
    console.log(`import, certif-intra (read + parse + decode + digests): ${fmt(ours)}`);
    console.log(`import, the browser's own path (JSON.parse + atob + WebCrypto): ${fmt(theirs)}`);
    console.log(`ratio ours / browser: ${r.toFixed(2)}×` + (c.target ? `   (target ≤ ${c.target}×: ${r <= c.target ? 'met' : 'MISSED'})` : ''));
    console.log(`export, certif-intra (to the download): ${fmt(exports)}`);
    console.log(`wasm heap after import: ${mb(median(heaps))} = ${(median(heaps) / size).toFixed(2)}× the bundle   (target ≤ 2.5×)`);
    console.log(`frames drawn during import + export: ${median(frames)} (the page kept drawing its progress)`);
    fs.rmSync(file);
  }

  if (withCohort) {
    const files = [];
    for (let i = 0; i < 50; ++i) files.push(makeBundle(`c${i}`, 1, 7 * 1024 * 1024, `candidat${i}`));
    const total = files.reduce((n, f) => n + fs.statSync(f).size, 0);
    const app = await openApp(browser, { server, width: 1100, height: 800 });
    await app.click('welcome.coach');
    const chooser = app.page.waitForEvent('filechooser');
    await app.click('coach.import');
    const t0 = Date.now();
    await (await chooser).setFiles(files);
    let peak = 0;
    for (;;) {
      const s = await app.page.evaluate(() => ({ st: window.certif.state().coach.entries.map((e) => e.check), heap: window.certif.stats().wasm_heap_bytes }));
      peak = Math.max(peak, s.heap);
      if (s.st.length === 50 && s.st.every((c) => c === 'valid' || c === 'refused')) break;
      await app.page.waitForTimeout(250);
    }
    console.log(`cohort: 50 bundles, ${mb(total)} in all, imported in ${((Date.now() - t0) / 1000).toFixed(1)} s; wasm heap peak ${mb(peak)}   (target ≤ 256 MB)`);
    await app.close();
  }
} finally {
  await server.close();
  await browser.close();
  fs.rmSync(tmp, { recursive: true, force: true });
}
