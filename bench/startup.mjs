// Startup, idle, transfer and memory of certif-intra against two real peers, in the same headless Chromium
// (run on demand, not by the tests):
//   bench/peer.sh                      # once: builds Dear ImGui 1.86's example_emscripten_opengl3, twice
//   node bench/startup.mjs [--runs N] [--site DIR] [--peer DIR] [--peer-o2 DIR] [--certif FILE]
//                          [--idle SECONDS] [--import-runs N]
//   e.g. node bench/startup.mjs --runs 7 --site /work/main/build/wasm/site --certif /work/main/build/native/certif
// --site defaults to <repo>/build/wasm/site; --peer to <repo>/.cache/peer/site (the example as its
// Makefile builds it: -Os compile, unoptimised link with assertions) and --peer-o2 to .cache/peer/site-O2
// (compiled and linked -O2: the optimised peer the targets are set against); bench/peer.sh prints both.
// --certif (the native CLI, to pack the 100 MB sample) to <repo>/build/native/certif; --import-runs 0
// skips the import. Each target is served from 127.0.0.1 by tests/e2e/server.mjs (no compression,
// no-store) and loaded in a fresh browser context; ours and the peers alternate (the order rotates from
// run to run), N runs each, then a blank static page (the browser's own baseline). Medians with min–max,
// ratios ours / each peer, targets. Ours also once more per run with its service worker's cache: a
// first load installs it, then a second page of the same context starts from the cache.
//
// The core measurements are app-agnostic (an init script, identical for every page):
// - frames: WebGL draw calls (drawArrays/drawElements and their instanced/range forms) are wrapped; a
//   frame is a task that issued at least one; "first frame" is the end of the first such task, in ms
//   from navigation (performance.now()). requestAnimationFrame callbacks are counted too.
// - wasm memory: WebAssembly.instantiate/instantiateStreaming and the Memory constructor are wrapped to
//   keep every wasm Memory; its buffer size is read after start (and after the import, ours only).
// - CPU: the DevTools protocol's SystemInfo.getProcessInfo (cumulative cpuTime per process), renderer +
//   GPU processes, over --idle seconds (default 10) starting 2 s after the first frame, no input.
// - transfer: every response of one extra load of each page, sized raw, gzip -9 and brotli q11.
// Ours only (the peer has no such screens): first frame of the candidate and of the coach screens, as the
// frame where window.certif.widgets() first lists the welcome card + click (mouse up) → the first frame
// that no longer lists the card but lists widgets the welcome screen did not have; the wasm memory after
// importing the 100 MB sample (4 × 25 MB attachments, packed by the native CLI, as bench/browser_import.mjs).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launch } from '../tests/e2e/harness.mjs';
import { serve } from '../tests/e2e/server.mjs';
import { compressedSizes, makeBundle, median, option, root } from './lib.mjs';

const args = process.argv.slice(2);
const runs = Number(option(args, '--runs', 5));
const idleSeconds = Number(option(args, '--idle', 10));
const importRuns = Number(option(args, '--import-runs', Math.min(runs, 3)));
const siteDir = path.resolve(option(args, '--site', path.join(root, 'build/wasm/site')));
const peerDir = path.resolve(option(args, '--peer', path.join(root, '.cache/peer/site')));
const peerO2Dir = path.resolve(option(args, '--peer-o2', path.join(root, '.cache/peer/site-O2')));
const certif = path.resolve(option(args, '--certif', path.join(root, 'build/native/certif')));
const viewport = { width: 1280, height: 800 };
for (const [what, f] of [['site', path.join(siteDir, 'index.html')], ['peer (run bench/peer.sh)', path.join(peerDir, 'index.html')],
  ['optimised peer (run bench/peer.sh)', path.join(peerO2Dir, 'index.html')]]) {
  if (!fs.existsSync(f)) { console.error(`startup.mjs: no ${what}: ${f}`); process.exit(1); }
}
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'certif-startup-'));
// Served from a copy: a rebuild of the site during the runs must not mix two builds. The copy is taken
// once the site has been quiet for 20 s and every X.js is at least as new as its X.wasm (Emscripten
// writes the JS last), and only kept if nothing changed while copying.
const oursDir = path.join(tmp, 'ours');
const mtimes = (dir) => {
  const out = {};
  for (const f of fs.readdirSync(dir, { recursive: true })) {
    const st = fs.statSync(path.join(dir, f));
    if (st.isFile()) out[f] = st.mtimeMs;
  }
  return out;
};
const consistent = (m) => Date.now() - Math.max(...Object.values(m)) > 20000 &&
  Object.keys(m).filter((f) => f.endsWith('.wasm')).every((f) => (m[f.replace(/\.wasm$/, '.js')] ?? Infinity) >= m[f]);
for (let waited = 0; ; waited += 5) {
  const before = mtimes(siteDir);
  if (consistent(before)) {
    fs.rmSync(oursDir, { recursive: true, force: true });
    fs.cpSync(siteDir, oursDir, { recursive: true });
    if (JSON.stringify(mtimes(siteDir)) === JSON.stringify(before)) break;
  }
  if (waited === 0) console.error(`startup.mjs: ${siteDir} is being rebuilt; waiting for a complete build…`);
  if (waited > 900) { console.error('startup.mjs: the site never settled'); process.exit(1); }
  await new Promise((r) => setTimeout(r, 5000));
}
let certifCopy = null;
if (importRuns > 0) {
  if (!fs.existsSync(certif)) { console.error(`startup.mjs: no native CLI at ${certif} (--certif), needed to pack the 100 MB sample; or --import-runs 0`); process.exit(1); }
  certifCopy = path.join(tmp, 'certif');
  fs.copyFileSync(certif, certifCopy);
  fs.chmodSync(certifCopy, 0o755);
}
const blankDir = path.join(tmp, 'blank');
fs.mkdirSync(blankDir);
fs.writeFileSync(path.join(blankDir, 'index.html'), '<!doctype html><html><head><meta charset="utf-8"><title>blank</title></head><body></body></html>\n');

// Runs in every page before its own scripts.
function instrument() {
  const b = { draws: 0, frames: 0, firstFrame: null, lastFrame: null, raf: 0, memories: [], mouseUp: null, onFrame: null };
  window.__bench = b;
  let pending = false;
  const endOfTask = () => {
    pending = false;
    b.frames += 1;
    b.lastFrame = performance.now();
    if (b.firstFrame === null) b.firstFrame = b.lastFrame;
    if (b.onFrame) b.onFrame(b.lastFrame);
  };
  const wrap = (proto, name) => {
    const f = proto && proto[name];
    if (typeof f !== 'function') return;
    proto[name] = function (...a) {
      b.draws += 1;
      // A task's microtasks run before the next task (or rendering step): one frame per drawing task.
      if (!pending) { pending = true; queueMicrotask(endOfTask); }
      return f.apply(this, a);
    };
  };
  for (const C of [window.WebGLRenderingContext, window.WebGL2RenderingContext]) {
    for (const n of ['drawArrays', 'drawElements', 'drawArraysInstanced', 'drawElementsInstanced', 'drawRangeElements']) wrap(C && C.prototype, n);
  }
  const raf = window.requestAnimationFrame;
  window.requestAnimationFrame = function (cb) { return raf.call(window, (t) => { b.raf += 1; cb(t); }); };
  const W = WebAssembly;
  const keep = (m) => { if (m instanceof W.Memory && !b.memories.includes(m)) b.memories.push(m); };
  const grab = (r) => {
    const inst = r instanceof W.Instance ? r : r && r.instance;
    if (inst) for (const v of Object.values(inst.exports)) keep(v);
    return r;
  };
  const inst = W.instantiate;
  W.instantiate = function (...a) { return inst.apply(W, a).then(grab); };
  if (W.instantiateStreaming) {
    const st = W.instantiateStreaming;
    W.instantiateStreaming = function (...a) { return st.apply(W, a).then(grab); };
  }
  W.Memory = new Proxy(W.Memory, { construct(t, a) { const m = Reflect.construct(t, a); keep(m); return m; } });
  window.addEventListener('mouseup', () => { b.mouseUp = performance.now(); }, true);
  b.memoryBytes = () => b.memories.reduce((n, m) => n + m.buffer.byteLength, 0);
}

async function processCpu(cdp) {
  const { processInfo } = await cdp.send('SystemInfo.getProcessInfo');
  return processInfo;
}
// CPU seconds of renderer + GPU processes between two samples (processes started in between count whole).
function cpuDelta(before, after) {
  const out = { renderer: 0, gpu: 0 };
  for (const p of after) {
    const type = /gpu/i.test(p.type) ? 'gpu' : p.type === 'renderer' ? 'renderer' : null;
    if (!type) continue;
    const was = before.find((q) => q.id === p.id);
    out[type] += p.cpuTime - (was ? was.cpuTime : 0);
  }
  return out;
}

const reported = new Set();
async function newPage(browser) {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
  await context.addInitScript(instrument);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  // (a missing /favicon.ico is the browser's own request, reported as a status below, not an error)
  page.on('console', (m) => { if (m.type() === 'error' && !/status of 404/.test(m.text())) errors.push(m.text()); });
  page.on('response', (r) => { if (r.status() >= 400) errors.push(`${r.status()} ${new URL(r.url()).pathname}`); });
  return { context, page, errors };
}

// One load: first frame, then idle CPU and frames over `idleSeconds`, then wasm memory.
async function startupRun(browser, cdp, server, { drawn = true } = {}) {
  const { context, page, errors } = await newPage(browser);
  await page.goto(server.url);
  let firstFrame = null, wasmAt = null;
  if (drawn) {
    await page.waitForFunction(() => window.__bench.firstFrame !== null, null, { timeout: 60000, polling: 20 })
      .catch((e) => { throw new Error(`${server.name}: no frame drawn in 60 s (${errors.join(' | ') || 'no page error'})`, { cause: e }); });
    firstFrame = await page.evaluate(() => window.__bench.firstFrame);
    // When the wasm had arrived (Resource Timing), to tell download from start-up work.
    wasmAt = await page.evaluate(() => Math.max(...performance.getEntriesByType('resource').filter((e) => /\.wasm($|\?)/.test(e.name)).map((e) => e.responseEnd)));
  } else {
    await page.waitForLoadState('load');
  }
  await page.waitForTimeout(2000);
  const b0 = await page.evaluate(() => ({ frames: window.__bench.frames, raf: window.__bench.raf }));
  const c0 = await processCpu(cdp);
  await page.waitForTimeout(idleSeconds * 1000);
  const c1 = await processCpu(cdp);
  const b1 = await page.evaluate(() => ({ frames: window.__bench.frames, raf: window.__bench.raf, memory: window.__bench.memoryBytes(),
    own: window.certif && window.certif.stats ? window.certif.stats() : null }));
  const cpu = cpuDelta(c0, c1);
  await context.close();
  for (const e of new Set(errors)) if (!reported.has(`${server.name}: ${e}`)) { reported.add(`${server.name}: ${e}`); console.error(`  (${server.name}, once: ${e})`); }
  return { firstFrame, wasmAt, idleFrames: b1.frames - b0.frames, idleRaf: b1.raf - b0.raf, cpu: cpu.renderer + cpu.gpu,
           cpuRenderer: cpu.renderer, cpuGpu: cpu.gpu, memory: b1.memory, own: b1.own };
}

// Ours only: the first frame of a load served by the service worker's cache. A first page installs the
// worker and waits until it controls a page (its install step fills the cache); a second page of the same
// context then navigates, and its first frame is timed as startupRun does.
async function cachedRun(browser, server) {
  const { context, page } = await newPage(browser);
  await page.goto(server.url);
  await page.waitForFunction(() => window.__bench.firstFrame !== null, null, { timeout: 60000, polling: 20 });
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.reload();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null && window.__bench.firstFrame !== null, null, { timeout: 60000, polling: 20 });
  const second = await context.newPage();
  await second.goto(server.url);
  await second.waitForFunction(() => window.__bench.firstFrame !== null, null, { timeout: 60000, polling: 20 });
  const r = await second.evaluate(() => ({
    firstFrame: window.__bench.firstFrame,
    controlled: navigator.serviceWorker.controller !== null,
    // Resource Timing: a response from the worker has a workerStart; transferSize 0 means no network.
    fromWorker: performance.getEntriesByType('resource').filter((e) => /\.wasm($|\?)/.test(e.name)).every((e) => e.workerStart > 0),
  }));
  await context.close();
  if (!r.controlled || !r.fromWorker) throw new Error(`service worker did not serve the second load (${JSON.stringify(r)})`);
  return r.firstFrame;
}

// Ours only: the welcome card `id` (first frame that lists it), then a click on it and the first frame of
// its screen (a frame that no longer lists the card but lists widgets the welcome screen did not have).
async function screenRun(browser, server, id) {
  const { context, page } = await newPage(browser);
  await context.addInitScript((id) => {
    const b = window.__bench;
    b.cardAt = null; b.screenAt = null; b.welcome = null;
    b.onFrame = (t) => {
      if (!window.certif || !window.certif.widgets) return;
      const now = window.certif.widgets().filter((w) => w.visible !== false);
      if (b.cardAt === null) {
        if (now.some((w) => w.id === id)) { b.cardAt = t; b.welcome = new Set(now.map((w) => w.id)); }
      } else if (b.mouseUp !== null && b.screenAt === null) {
        if (!now.some((w) => w.id === id) && now.some((w) => !b.welcome.has(w.id))) b.screenAt = t;
      }
    };
  }, id);
  await page.goto(server.url);
  await page.waitForFunction(() => window.__bench.cardAt !== null, null, { timeout: 60000, polling: 10 });
  const card = await page.evaluate((id) => window.certif.widgets().find((w) => w.id === id), id);
  // ImGui samples input once per frame: move, press and release a frame apart.
  await page.mouse.move(card.x + card.w / 2, card.y + card.h / 2);
  await page.waitForTimeout(40);
  await page.mouse.down();
  await page.waitForTimeout(40);
  await page.mouse.up();
  await page.waitForFunction(() => window.__bench.screenAt !== null, null, { timeout: 30000, polling: 10 });
  const r = await page.evaluate(() => ({ card: window.__bench.cardAt, at: window.__bench.screenAt, click: window.__bench.screenAt - window.__bench.mouseUp }));
  await context.close();
  return r;
}

// Ours only: wasm memory after importing the 100 MB sample (as bench/browser_import.mjs does).
async function importRun(browser, server, file) {
  const { context, page } = await newPage(browser);
  await page.goto(server.url);
  // As tests/e2e/harness.mjs clicks: once the app has drawn everything queued, move, press, release.
  const settle = async () => {
    await page.waitForTimeout(150);
    await page.waitForFunction(() => !window.certif.stats().busy, null, { timeout: 20000, polling: 50 });
  };
  // ImGui only reports what it drew: wheel the page until the widget is on screen.
  const reveal = async (id) => {
    for (let i = 0; i < 40; ++i) {
      const w = await page.evaluate((id) => window.certif.widgets().find((x) => x.id === id), id);
      if (w && w.visible !== false && w.y >= 0 && w.y + w.h <= viewport.height) return w;
      const delta = w ? Math.max(-900, Math.min(900, (w.y + w.h / 2 - viewport.height / 2) * 1.25)) : (i < 20 ? 600 : -600);
      await page.mouse.move(viewport.width / 2, viewport.height * 0.6);
      await page.mouse.wheel(0, delta);
      await settle();
    }
    throw new Error(`widget ${id} not found`);
  };
  const click = async (id) => {
    await page.waitForFunction(() => window.certif, null, { timeout: 60000 });
    await settle();
    const w = await reveal(id);
    await page.mouse.move(w.x + w.w / 2, w.y + w.h / 2);
    await page.waitForTimeout(50);
    await page.mouse.down();
    await page.waitForTimeout(50);
    await page.mouse.up();
    await settle();
  };
  await click('welcome.candidate');
  const chooser = page.waitForEvent('filechooser');
  await click('import.pick');
  await (await chooser).setFiles(file);
  await page.waitForFunction(() => {
    const s = window.certif.state();
    return s.import === null && s.candidate.answers.identity.last_name !== '';
  }, null, { timeout: 600000, polling: 50 });
  const r = await page.evaluate(() => ({ memory: window.__bench.memoryBytes(), own: window.certif.stats().wasm_heap_bytes }));
  await context.close();
  return r;
}

// Every response of one load, sized; waits until the page has drawn (or loaded) and the network is quiet.
async function transfer(browser, server, { drawn = true } = {}) {
  const { context, page } = await newPage(browser);
  const files = [];
  page.on('response', (r) => files.push(r));
  await page.goto(server.url);
  if (drawn) await page.waitForFunction(() => window.__bench.firstFrame !== null, null, { timeout: 60000 });
  await page.waitForLoadState('networkidle');
  const out = [];
  for (const r of files) {
    if (r.status() !== 200) continue;
    const body = await r.body();
    out.push({ file: new URL(r.url()).pathname.replace(/^\//, '') || '/', ...compressedSizes(body) });
  }
  await context.close();
  return out;
}

// ---- formatting
const ms = (x) => `${Math.round(x)} ms`;
const sec = (x) => `${x.toFixed(2)} s`;
const cpus = (x) => `${x.toFixed(3)} s`;
const int = (x) => `${Math.round(x)}`;
const mib = (x) => `${(x / 1048576).toFixed(1)} MB`;
const kib = (x) => `${(x / 1024).toFixed(1)} KB`;
const stat = (xs, f) => {
  if (!xs || !xs.length || xs.some((x) => x === null || x === undefined)) return 'n/a';
  return xs.length === 1 ? f(xs[0]) : `${f(median(xs))} (${f(Math.min(...xs))}–${f(Math.max(...xs))})`;
};
const ratio = (a, b) => (a && b && a.length && b.length && median(b) > 0 ? `${(median(a) / median(b)).toFixed(2)}×` : 'n/a');
function table(rows) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
  return rows.map((r) => r.map((c, i) => String(c).padEnd(widths[i])).join('  ').trimEnd()).join('\n');
}

const browser = await launch();
const cdp = await browser.newBrowserCDPSession();
const servers = { ours: await serve(oursDir), peer: await serve(peerDir), peerO2: await serve(peerO2Dir), blank: await serve(blankDir) };
for (const [name, s] of Object.entries(servers)) s.name = name;
try {
  const version = browser.version();
  console.log(`Chromium ${version}, headless, SwiftShader; ${os.cpus().length} cores, load ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`);
  const wasm = fs.readdirSync(oursDir).find((f) => f.endsWith('.wasm'));
  console.log(`ours: ${siteDir} (${wasm} of ${fs.statSync(path.join(siteDir, wasm)).mtime.toISOString()})\npeer: ${peerDir} (Dear ImGui 1.86 example_emscripten_opengl3 as its Makefile builds it, SDL2 from Debian)\npeer -O2: ${peerO2Dir} (the same, compiled and linked -O2)`);
  console.log(`${runs} runs each, ours / peer / peer -O2 in a rotating order, then the blank page; idle window ${idleSeconds} s; viewport ${viewport.width}×${viewport.height} @1x\n`);

  const res = { ours: [], peer: [], peerO2: [], blank: [], cached: [], candidate: [], coach: [], imports: [] };
  const names = ['ours', 'peerO2', 'peer'];
  for (let i = 0; i < runs; ++i) {
    const order = names.map((_, k) => names[(i + k) % names.length]);
    for (const who of order) res[who].push(await startupRun(browser, cdp, servers[who]));
    res.cached.push(await cachedRun(browser, servers.ours));
    res.blank.push(await startupRun(browser, cdp, servers.blank, { drawn: false }));
    res.candidate.push(await screenRun(browser, servers.ours, 'welcome.candidate'));
    res.coach.push(await screenRun(browser, servers.ours, 'welcome.coach'));
    const o = res.ours.at(-1), p = res.peer.at(-1), q = res.peerO2.at(-1), z = res.blank.at(-1);
    console.error(`  run ${i + 1}/${runs}: first frame ours ${ms(o.firstFrame)} (from the worker's cache ${ms(res.cached.at(-1))}) peer ${ms(p.firstFrame)} peer -O2 ${ms(q.firstFrame)}; idle frames ${o.idleFrames}/${p.idleFrames}/${q.idleFrames}; ` +
      `idle CPU ${cpus(o.cpu)}/${cpus(p.cpu)}/blank ${cpus(z.cpu)}; click → candidate ${ms(res.candidate.at(-1).click)}, coach ${ms(res.coach.at(-1).click)}; as driven, navigation → candidate ${ms(res.candidate.at(-1).at)}, coach ${ms(res.coach.at(-1).at)}`);
  }
  if (importRuns > 0) {
    const big = makeBundle({ tmp, certif: certifCopy }, 'big', 4, 25 * 1024 * 1024, 'bench');
    res.importBytes = fs.statSync(big).size;
    for (let i = 0; i < importRuns; ++i) res.imports.push(await importRun(browser, servers.ours, big));
    fs.rmSync(big);
  }
  const files = { ours: await transfer(browser, servers.ours), peer: await transfer(browser, servers.peer), peerO2: await transfer(browser, servers.peerO2),
    blank: await transfer(browser, servers.blank, { drawn: false }) };

  const col = (who, k) => res[who].map((r) => r[k]);
  const O = (k) => col('ours', k), P = (k) => col('peer', k), Q = (k) => col('peerO2', k), Z = (k) => col('blank', k);
  const na = ['n/a', 'n/a', 'n/a', 'n/a', 'n/a'];
  // One row: metric, ours, peer, peer -O2, blank, ours/peer, ours/peer -O2, target.
  const row = (label, k, f, target = '', blank = true) => [label, stat(O(k), f), stat(P(k), f), stat(Q(k), f), blank ? stat(Z(k), f) : 'n/a',
    ratio(O(k), P(k)), ratio(O(k), Q(k)), target];
  const rows = [['metric', 'certif-intra (ours)', 'peer (Makefile)', 'peer -O2', 'blank page', 'ours/peer', 'ours/peer -O2', 'target']];
  rows.push(row('first drawn frame, from navigation', 'firstFrame', ms,
    `≤ 1.1× peer -O2: ${median(O('firstFrame')) <= 1.1 * median(Q('firstFrame')) ? 'met' : 'MISSED'}`, false));
  rows.push(row('  of which wasm downloaded (responseEnd)', 'wasmAt', ms, '', false));
  rows.push(['first drawn frame, from the service worker\'s cache', stat(res.cached, ms), 'n/a', 'n/a', 'n/a', ratio(res.cached, P('firstFrame')), ratio(res.cached, Q('firstFrame')), '']);
  rows.push(['welcome cards interactive, from navigation', stat([...res.candidate, ...res.coach].map((r) => r.card), ms), ...na, '']);
  for (const screen of ['candidate', 'coach']) {
    rows.push([`${screen} screen first frame, from navigation*`, stat(res[screen].map((r) => r.card + r.click), ms), ...na, '']);
    rows.push([`  of which click (mouse up) → first frame`, stat(res[screen].map((r) => r.click), ms), ...na, '']);
  }
  rows.push(row(`frames drawn in ${idleSeconds} s idle`, 'idleFrames', int, `0: ${median(O('idleFrames')) === 0 ? 'met' : 'MISSED'}`));
  rows.push(row(`  requestAnimationFrame callbacks`, 'idleRaf', int));
  const base = median(Z('cpu'));
  rows.push(row(`renderer + GPU CPU in ${idleSeconds} s idle`, 'cpu', cpus,
    `blank's ${cpus(base)}: ${median(O('cpu')) <= Math.max(base * 1.5, base + 0.1) ? 'met' : 'MISSED'}`));
  rows.push(row('  renderer', 'cpuRenderer', cpus));
  rows.push(row('  GPU process', 'cpuGpu', cpus));
  const memOk = median(O('memory')) <= 32 * 1048576;
  rows.push(row('wasm memory after start', 'memory', mib, `≤ 32 MB: ${memOk ? 'met' : 'MISSED'}`, false));
  if (res.imports.length) {
    rows.push([`wasm memory after importing the ${mib(res.importBytes)} sample`, stat(res.imports.map((r) => r.memory), mib), ...na, '']);
  }
  const total = (who, k) => files[who].reduce((n, f) => n + f[k], 0);
  for (const k of ['raw', 'gzip', 'brotli']) {
    const target = k === 'brotli' ? `≤ 1.2× peer -O2: ${total('ours', k) <= 1.2 * total('peerO2', k) ? 'met' : 'MISSED'}` : '';
    rows.push([`bytes transferred, ${k}`, kib(total('ours', k)), kib(total('peer', k)), kib(total('peerO2', k)), kib(total('blank', k)),
      `${(total('ours', k) / total('peer', k)).toFixed(2)}×`, `${(total('ours', k) / total('peerO2', k)).toFixed(2)}×`, target]);
  }
  console.log(table(rows));
  console.log('\n(median (min–max) over the runs; CPU = cumulative cpuTime of renderer + GPU processes from SystemInfo.getProcessInfo;');
  console.log(' * = frame listing the welcome card + click (mouse up) → the screen\'s first frame, per run; the automation\'s own delay');
  console.log('   between the two (waiting for the card, mouse move/down/up a frame apart) is left out: see "as driven" on stderr)');
  console.log('(ours: its own window.certif.stats() says first frame ' + stat(res.ours.map((r) => r.own && r.own.first_frame_ms), ms) +
    ', wasm heap ' + stat(res.ours.map((r) => r.own && r.own.wasm_heap_bytes), mib) +
    (res.imports.length ? `, after the import ${stat(res.imports.map((r) => r.own), mib)}` : '') + ')\n');

  const frows = [['site', 'file', 'raw', 'gzip -9', 'brotli q11']];
  for (const who of ['ours', 'peer', 'peerO2', 'blank']) {
    for (const f of files[who]) frows.push([who, f.file, kib(f.raw), kib(f.gzip), kib(f.brotli)]);
    frows.push([who, '(total)', kib(total(who, 'raw')), kib(total(who, 'gzip')), kib(total(who, 'brotli'))]);
  }
  console.log(table(frows));
} finally {
  for (const s of Object.values(servers)) await s.close();
  await browser.close();
  fs.rmSync(tmp, { recursive: true, force: true });
}
