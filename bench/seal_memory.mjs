// What a sealed delivery (#16) costs the browser, next to a plain one (run on demand, not by the tests):
//   node bench/seal_memory.mjs [--file-mb 50] [--files 3] [--trace]   (CERTIF_SITE_DIR=DIR for another
//                                                                      site, CERTIF_CLI=FILE another certif)
// (--trace: also the wasm heap's size at each change, with the time, during each export and import.)
// - a coach makes a sealing key in the app and downloads it (as tests/e2e/seal.test.mjs does); the host
//   lists its public key in config.js (sealTo);
// - a candidate builds, through the file pickers, the largest dossier the app accepts: 3 PDFs of 50 MiB
//   (max_file_bytes) on three pieces, 150 MiB in all (max_dossier_bytes), then exports it sealed
//   (.json.age); in another page, the same dossier exported plain (.json);
// - `certif open` and Debian's `age -d` (if installed) open the sealed file: both must give the plain
//   export's bytes;
// - a coach holding the key imports the .json.age, and in another page the plain .json, timed to 'valid'.
// Each step in a fresh page, so that its wasm memory starts from the app's own start: it never shrinks,
// so the wasm heap a step ends with is its peak (window.certif.stats().wasm_heap_bytes, polled in the page
// every 20 ms; stats() offers no other memory figure; the heap grows by steps of at most 16 MB). The
// renderer's resident memory (VmRSS of Chromium's renderer processes, polled) is shown beside it: it
// also counts what leaves the heap as JavaScript copies (the download's Blob, the file read).
// Printed: times, heap before / peak, the peak over the plaintext (the plain bundle's size: the heap
// should stay near 1× it, not 2×), sealed against plain. About 80 s on a 2-core machine.
// Needs the native CLI (build/native/certif) and the site (build/wasm/site): scripts/build.sh all.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { launch, openApp, root, siteDir, testConfig } from '../tests/e2e/harness.mjs';
import { serve } from '../tests/e2e/server.mjs';
import { option } from './lib.mjs';

const args = process.argv.slice(2);
const fileBytes = Number(option(args, '--file-mb', '50')) * 1024 * 1024;
const fileCount = Number(option(args, '--files', '3'));
const trace = args.includes('--trace');
const certif = process.env.CERTIF_CLI || path.join(root, 'build/native/certif');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'certif-seal-bench-'));
const today = '2026-11-28';
const MiB = 1024 * 1024;
const mib = (n) => `${(n / MiB).toFixed(0)} MiB`;
const secs = (ms) => `${(ms / 1000).toFixed(2)} s`;

// Resident memory of the Chromium renderers this process started (the sum: one page is open at a time,
// the pages of earlier steps are closed).
function rendererRss() {
  const parents = new Map();
  for (const d of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${d}/stat`, 'utf8');
      parents.set(Number(d), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch { /* gone */ }
  }
  const ours = (pid) => { for (let p = pid, i = 0; p > 1 && i < 20; p = parents.get(p), ++i) if (p === process.pid) return true; return false; };
  let total = 0;
  for (const pid of parents.keys()) {
    if (!ours(pid)) continue;
    try {
      if (!fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--type=renderer')) continue;
      const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (m) total += Number(m[1]) * 1024;
    } catch { /* gone */ }
  }
  return total;
}

// The wasm heap (polled in the page) and the renderers' memory (polled here) while `action` runs.
async function measured(app, action) {
  await app.page.evaluate(() => {
    const t0 = performance.now();
    window.__peak = window.certif.stats().wasm_heap_bytes;
    window.__steps = [];  // [ms since the start, heap] at each change of the heap's size
    window.__poll = setInterval(() => {
      const h = window.certif.stats().wasm_heap_bytes;
      if (h !== window.__peak) window.__steps.push([Math.round(performance.now() - t0), h]);
      window.__peak = Math.max(window.__peak, h);
    }, 20);
  });
  const before = await app.stats();
  const rssBefore = rendererRss();
  let rssPeak = rssBefore;
  const timer = setInterval(() => { rssPeak = Math.max(rssPeak, rendererRss()); }, 100);
  const t0 = Date.now();
  let result;
  try {
    result = await action();
  } finally {
    clearInterval(timer);
  }
  const ms = Date.now() - t0;
  rssPeak = Math.max(rssPeak, rendererRss());
  const { polled, steps } = await app.page.evaluate(() => { clearInterval(window.__poll); return { polled: window.__peak, steps: window.__steps }; });
  const after = await app.stats();
  return {
    result, ms, heapBefore: before.wasm_heap_bytes, heapPeak: Math.max(polled, after.wasm_heap_bytes),
    rssBefore, rssPeak, frames: after.frames_rendered - before.frames_rendered, steps,
  };
}



// The attachments: PDFs (header, random bytes, trailer: what content sniffing checks), the same for
// every page so that the sealed and plain exports carry the same dossier.
const pdfs = [];
for (let i = 0; i < fileCount; ++i) {
  const bytes = crypto.randomBytes(fileBytes);
  Buffer.from('%PDF-1.7\n').copy(bytes, 0);
  Buffer.from('\n%%EOF\n').copy(bytes, fileBytes - 7);
  const file = path.join(tmp, `piece-${i + 1}.pdf`);
  fs.writeFileSync(file, bytes);
  pdfs.push(file);
}

// A candidate's page on a site sealing for `recipient`: the dossier built through the pickers (a name,
// then each PDF on a piece that takes files), then exported sealed or plain.
async function candidateExport(browser, server, recipient, sealed) {
  const config = { ...testConfig, sealTo: [{ name: 'Jury — banc d\'essai', recipient }] };
  const app = await openApp(browser, { server, today, width: 1100, height: 900, config });
  try {
    await app.waitFor((s) => s.storage.status === 'ready', 'storage', 30000);
    const heapStart = (await app.stats()).wasm_heap_bytes;
    await app.click('welcome.candidate');
    await app.click('step.questionnaire');
    await app.type('/identity/last_name', 'Lefèvre');
    await app.click('step.pieces');
    const pieces = (await app.state()).candidate.answers.pieces.map((p) => p.id);
    // Pieces taking files, one PDF each (the mockup, which takes several, gets what is left over).
    const targets = ['interview_report', 'mockup', 'deck', 'investment_table'].map((id) => pieces.indexOf(id)).filter((i) => i >= 0);
    const t0 = Date.now();
    for (let i = 0; i < pdfs.length; ++i) {
      const at = i < targets.length ? targets[i] : pieces.indexOf('mockup');
      const had = (await app.state()).candidate.answers.pieces[at].files.length;
      await app.pick(`/pieces/${at}/add`, [pdfs[i]]);
      await app.waitFor((s) => s.candidate.answers.pieces[at].files.length > had || s.candidate.file_refusals.length > 0,
        `attachment ${i + 1}`, 120000);
      const s = await app.state();
      if (s.candidate.file_refusals.length) throw new Error(`attachment ${i + 1} refused: ${JSON.stringify(s.candidate.file_refusals)}`);
    }
    await app.waitFor((s) => s.storage.pending === 0 && s.storage.unsaved === 0, 'the draft saved', 120000);
    await app.settle(300);
    const buildMs = Date.now() - t0;
    const attached = (await app.state()).candidate.answers.pieces.reduce((n, p) => n + p.files.reduce((m, f) => m + f.size, 0), 0);
    await app.click('step.review');
    await app.reveal('seal.choice.sealed');
    if (!sealed) await app.click('seal.choice.plain');
    const s = await app.state();
    if (s.seal.export_sealed !== sealed) throw new Error(`export_sealed is ${s.seal.export_sealed}, wanted ${sealed}`);
    await app.settle(300);
    const m = await measured(app, () => app.download('export.run', tmp, { timeout: 300000 }));
    const problems = [...app.problems.console, ...app.problems.pageErrors];
    return { ...m, file: m.result, heapStart, buildMs, attached, problems };
  } finally {
    await app.close();
  }
}

// A coach's page (holding the key when `keyFile` is given): `file` imported, timed to its check's end.
async function coachImport(browser, server, file, keyFile) {
  const app = await openApp(browser, { server, today, width: 1100, height: 900 });
  try {
    await app.waitFor((s) => s.storage.status === 'ready', 'storage', 30000);
    const heapStart = (await app.stats()).wasm_heap_bytes;
    await app.click('welcome.coach');
    if (keyFile) {
      await app.click('keys.toggle');
      await app.pick('keys.import', [keyFile]);
      await app.waitFor((x) => x.seal.keys.length === 1, 'the imported key');
      await app.click('keys.toggle');
    }
    await app.settle(300);
    const m = await measured(app, async () => {
      const chooser = app.page.waitForEvent('filechooser');
      await app.click('coach.import');
      await (await chooser).setFiles([file]);
      await app.page.waitForFunction(() => {
        const e = window.certif.state().coach.entries[0];
        return e && (e.check === 'valid' || e.check === 'refused');
      }, null, { timeout: 300000, polling: 20 });
      return (await app.state()).coach.entries[0];
    });
    const problems = [...app.problems.console, ...app.problems.pageErrors];
    return { ...m, entry: m.result, heapStart, problems };
  } finally {
    await app.close();
  }
}

const browser = await launch();
const server = await serve(siteDir);
try {
  console.log(`site: ${siteDir}\ncli: ${certif}`);
  console.log(`attachments: ${fileCount} PDFs of ${mib(fileBytes)} (${fileCount * fileBytes} bytes)`);

  // 1. The coach's key, made in the app and downloaded (as a coach backs it up).
  let recipient, keyFile;
  {
    const coach = await openApp(browser, { server, today, width: 1100, height: 900 });
    try {
      await coach.click('welcome.coach');
      await coach.click('keys.toggle');
      await coach.type('keys.name', 'Jury — banc d\'essai');
      await coach.click('keys.generate');
      ({ recipient } = (await coach.waitFor((x) => x.seal.keys.length === 1, 'the new key')).seal.keys[0]);
      keyFile = await coach.download('keys.download.0', tmp, { timeout: 300000 });
    } finally {
      await coach.close();
    }
  }
  console.log(`coach's key: ${recipient}`);

  // 2. The candidate's exports, sealed then plain, each in a fresh page.
  const sealedExport = await candidateExport(browser, server, recipient, true);
  const plainExport = await candidateExport(browser, server, recipient, false);
  const sealedFile = sealedExport.file, plainFile = plainExport.file;
  const sealedSize = fs.statSync(sealedFile).size, plainSize = fs.statSync(plainFile).size;
  console.log(`dossier built through the pickers: ${mib(sealedExport.attached)} attached (${sealedExport.attached} bytes) in ${secs(sealedExport.buildMs)}`);
  console.log(`exports: ${path.basename(sealedFile)} ${sealedSize} bytes, ${path.basename(plainFile)} ${plainSize} bytes (the plaintext)`);

  // 3. The command line and age open the sealed file; the same bytes as the plain export?
  const plain = fs.readFileSync(plainFile);
  const opened = [];
  {
    const out = path.join(tmp, 'via-cli.json');
    const t0 = Date.now();
    execFileSync(certif, ['open', sealedFile, '--identity', keyFile, '-o', out]);
    const ms = Date.now() - t0;
    const bytes = fs.readFileSync(out);
    opened.push({ how: 'certif open', ms, size: bytes.length, same: bytes.equals(plain) });
    fs.rmSync(out);
  }
  let hasAge = true;
  try { execFileSync('age', ['--version'], { stdio: 'ignore' }); } catch { hasAge = false; }
  if (hasAge) {
    const out = path.join(tmp, 'via-age.json');
    const t0 = Date.now();
    execFileSync('age', ['-d', '-i', keyFile, '-o', out, sealedFile]);
    const ms = Date.now() - t0;
    const bytes = fs.readFileSync(out);
    opened.push({ how: 'age -d', ms, size: bytes.length, same: bytes.equals(plain) });
    fs.rmSync(out);
  }
  for (const o of opened) {
    console.log(`${o.how}: opened in ${secs(o.ms)}, ${o.size} bytes, ${o.same ? 'byte for byte the plain export' : 'DIFFERENT from the plain export'}`);
  }

  // 4. The coach's imports, sealed (with the key) then plain, each in a fresh page.
  const sealedImport = await coachImport(browser, server, sealedFile, keyFile);
  const plainImport = await coachImport(browser, server, plainFile, null);

  const row = (what, s, p, f) => console.log(`${what.padEnd(44)}${f(s).padStart(16)}${f(p).padStart(16)}`);
  const ratio = (n) => `${(n / plainSize).toFixed(2)}×`;
  for (const [title, s, p] of [['export (candidate)', sealedExport, plainExport], ['import (coach)', sealedImport, plainImport]]) {
    console.log(`\n${title}; plaintext ${mib(plainSize)}${title.startsWith('export') ? `, dossier ${mib(s.attached)} of attachments` : ''}`);
    console.log(`${''.padEnd(44)}${'sealed'.padStart(16)}${'plain'.padStart(16)}`);
    if (title.startsWith('import')) row('check', s, p, (x) => x.entry.check + (x.entry.refusal?.length ? ` ${x.entry.refusal[0].code}` : ''));
    row(title.startsWith('export') ? 'wall time, click to download' : 'wall time, files given to valid', s, p, (x) => secs(x.ms));
    row('wasm heap at start of page', s, p, (x) => mib(x.heapStart));
    row(`wasm heap before the ${title.split(' ')[0]}`, s, p, (x) => mib(x.heapBefore));
    row(`wasm heap peak during it`, s, p, (x) => mib(x.heapPeak));
    row('  peak / plaintext', s, p, (x) => ratio(x.heapPeak));
    row('  growth during it / plaintext', s, p, (x) => ratio(x.heapPeak - x.heapBefore));
    row('renderer RSS before', s, p, (x) => mib(x.rssBefore));
    row('renderer RSS peak during it', s, p, (x) => mib(x.rssPeak));
    row('  peak / plaintext', s, p, (x) => ratio(x.rssPeak));
    row('frames drawn meanwhile', s, p, (x) => String(x.frames));
    for (const [name, x] of [['sealed', s], ['plain', p]]) {
      if (trace) console.log(`  heap as it grew (${name}; ms: MiB): ${x.steps.map(([t, h]) => `${t}: ${(h / MiB).toFixed(0)}`).join(', ')}`);
      if (x.problems.length) console.log(`  console errors (${name}): ${x.problems.slice(0, 5).join(' | ')}`);
    }
  }
  console.log(`\nsealed / plain: export time ${(sealedExport.ms / plainExport.ms).toFixed(2)}×, export heap peak ${(sealedExport.heapPeak / plainExport.heapPeak).toFixed(2)}×; ` +
    `import time ${(sealedImport.ms / plainImport.ms).toFixed(2)}×, import heap peak ${(sealedImport.heapPeak / plainImport.heapPeak).toFixed(2)}×`);
} finally {
  await server.close();
  await browser.close();
  fs.rmSync(tmp, { recursive: true, force: true });
}
