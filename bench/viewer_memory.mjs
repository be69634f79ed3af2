// What showing a large image in the coach's viewer costs the wasm heap (run on demand, not by the tests):
//   node bench/viewer_memory.mjs [--site DIR] [--width 8192 --height 5461]
// Chromium draws a photo-like picture and encodes it as JPEG (canvas), `certif pack` puts it in a bundle,
// the coach imports it and opens it in the viewer; the wasm heap is read before and after, with the size
// of the texture shown. Run it against two builds (--site) to compare them side by side.
// Needs the native CLI (build/native/certif) and a site (build/wasm/site by default).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { launch, openApp, root, siteDir } from '../tests/e2e/harness.mjs';
import { serve } from '../tests/e2e/server.mjs';
import { option } from './lib.mjs';

const args = process.argv.slice(2);
const site = option(args, '--site', siteDir);
const width = Number(option(args, '--width', '8192'));
const height = Number(option(args, '--height', '5461'));
const certif = path.join(root, 'build/native/certif');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'certif-viewer-'));
const mib = (n) => `${(n / (1024 * 1024)).toFixed(0)} MiB`;

const browser = await launch();
try {
  // A JPEG the browser encodes itself: gradients and noise, so that it is not trivially small.
  const page = await browser.newPage();
  const jpeg = Buffer.from(await page.evaluate(async ([w, h]) => {
    const c = new OffscreenCanvas(w, h);
    const g = c.getContext('2d');
    const grad = g.createLinearGradient(0, 0, w, h);
    grad.addColorStop(0, '#1d4e89');
    grad.addColorStop(1, '#f2a541');
    g.fillStyle = grad;
    g.fillRect(0, 0, w, h);
    for (let i = 0; i < 4000; ++i) {
      g.fillStyle = `hsl(${(i * 37) % 360} 60% 50% / 0.4)`;
      g.fillRect((i * 7919) % w, (i * 104729) % h, 40 + (i % 200), 30 + (i % 150));
    }
    const blob = await c.convertToBlob({ type: 'image/jpeg', quality: 0.85 });
    return [...new Uint8Array(await blob.arrayBuffer())];
  }, [width, height]));
  await page.close();

  const dir = path.join(tmp, 'bundle');
  const answers = JSON.parse(fs.readFileSync(path.join(root, 'tests/data/bundles/complete/answers.json'), 'utf8'));
  for (const p of answers.pieces) p.files = [];
  answers.pieces.find((p) => p.id === 'mockup').files = [{ id: 'big', name: 'photo.jpg' }];
  fs.mkdirSync(path.join(dir, 'files'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'files', 'photo.jpg'), jpeg);
  fs.writeFileSync(path.join(dir, 'answers.json'), JSON.stringify(answers));
  fs.writeFileSync(path.join(dir, 'meta.json'), JSON.stringify({ bundle: { exported_at: '2026-11-28T09:00:00Z' }, files: { big: 'files/photo.jpg' } }));
  const bundle = path.join(tmp, 'bundle.json');
  execFileSync(certif, ['pack', dir, '-o', bundle]);

  const server = await serve(site);
  const app = await openApp(browser, { server, today: '2026-11-28', width: 1200, height: 950 });
  const entry = await app.importToCoach(bundle);
  await app.click(`coach.open.${entry.id}`);
  await app.click('coach.tab.pieces');
  await app.settle(300);
  const before = (await app.stats()).wasm_heap_bytes;
  const view = (await app.widgets()).find((w) => /^coach\.piece\.\d+\.file\.\d+\.view$/.test(w.id));
  const t0 = Date.now();
  await app.click(view.id);
  let shown = null;
  for (let i = 0; i < 600 && !shown; ++i) {
    await app.page.waitForTimeout(100);
    shown = (await app.widgets()).find((w) => w.id === 'coach.viewer.image');
    const failed = (await app.page.evaluate(() => document.body.innerText)).includes('ne peut pas être affichée');
    if (failed) break;
  }
  const seconds = (Date.now() - t0) / 1000;
  await app.settle(300);
  const after = (await app.stats()).wasm_heap_bytes;
  await app.shot(`viewer-memory-${width}x${height}`);
  console.log(`site: ${site}`);
  console.log(`JPEG ${width}×${height}, ${mib(jpeg.length)} (${jpeg.length} bytes)`);
  console.log(`wasm heap before viewing: ${mib(before)}; after: ${mib(after)}; added: ${mib(after - before)}`);
  console.log(shown ? `shown in ${seconds.toFixed(1)} s (widget ${Math.round(shown.w)}×${Math.round(shown.h)} CSS px)` : 'NOT shown');
  await app.close();
  await server.close();
} finally {
  await browser.close();
  fs.rmSync(tmp, { recursive: true, force: true });
}
