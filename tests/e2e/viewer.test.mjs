// The coach's viewer shows each accepted image and table as its producer meant it: a phone photo with
// EXIF orientation 6 upright, a French LibreOffice CSV split at its ';' (not at the commas of its
// sentences), an arithmetic-coded JPEG, a 1280×12000 page capture and a 12000×8000 photo shown scaled —
// decoded by the browser, so the wasm heap does not grow with the picture.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { launch, openApp, root } from './harness.mjs';

const certif = process.env.CERTIF_CLI || path.join(root, 'build/native/certif');
const corpus = path.join(root, 'tests/data/corpus/files');

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

// A JPEG of w×h the browser draws and encodes itself (a real encoder, no committed 10 MB file).
async function browserJpeg(w, h) {
  const page = await browser.newPage();
  try {
    return Buffer.from(await page.evaluate(async ([w, h]) => {
      const c = new OffscreenCanvas(w, h);
      const g = c.getContext('2d');
      g.fillStyle = '#dde6f3';
      g.fillRect(0, 0, w, h);
      g.fillStyle = '#1d4e89';
      g.fillRect(0, 0, w / 2, h / 2);
      const blob = await c.convertToBlob({ type: 'image/jpeg', quality: 0.6 });
      return [...new Uint8Array(await blob.arrayBuffer())];
    }, [w, h]));
  } finally {
    await page.close();
  }
}

test('the viewer shows images upright and scaled, and tables split at their separator', async () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'certif-viewer-'));
  const files = [
    ['photo', 'Photo téléphone.jpg', path.join(corpus, 'exiftool-orientation6.jpg')],
    ['table', 'Tableau.csv', path.join(corpus, 'calc-fr-sentences.csv')],
    ['arith', 'Arithmétique.jpg', path.join(corpus, 'cjpeg-arithmetic.jpg')],
    ['tall', 'Capture.png', path.join(corpus, 'imagemagick-1280x12000.png')],
    ['big', 'Grande photo.jpg', path.join(tmp, 'big.jpg')],
  ];
  fs.writeFileSync(path.join(tmp, 'big.jpg'), await browserJpeg(12000, 8000));
  const dir = path.join(tmp, 'bundle');
  const answers = JSON.parse(fs.readFileSync(path.join(root, 'tests/data/bundles/complete/answers.json'), 'utf8'));
  for (const p of answers.pieces) p.files = [];
  answers.pieces.find((p) => p.id === 'mockup').files = files.map(([id, name]) => ({ id, name }));
  fs.mkdirSync(path.join(dir, 'files'), { recursive: true });
  const map = {};
  for (const [id, , src] of files) {
    fs.copyFileSync(src, path.join(dir, 'files', id));
    map[id] = `files/${id}`;
  }
  fs.writeFileSync(path.join(dir, 'answers.json'), JSON.stringify(answers));
  fs.writeFileSync(path.join(dir, 'meta.json'), JSON.stringify({ bundle: { exported_at: '2026-11-28T09:00:00Z' }, files: map }));
  const bundle = path.join(tmp, 'viewer.json');
  execFileSync(certif, ['pack', dir, '-o', bundle]);

  const app = await openApp(browser, { today: '2026-11-28', width: 1280, height: 900 });
  try {
    const entry = await app.importToCoach(bundle);
    await app.click(`coach.open.${entry.id}`);
    await app.click('coach.tab.pieces');
    const views = (await app.widgets()).filter((w) => /^coach\.piece\.\d+\.file\.\d+\.view$/.test(w.id));
    assert.equal(views.length, files.length);
    const heapBefore = (await app.stats()).wasm_heap_bytes;

    // A screenshot with the viewer at the top of the window (to look at what it shows).
    const shotViewer = async (name) => {
      const close = await app.reveal('coach.viewer.close');
      await app.page.mouse.move(640, 450);
      await app.page.mouse.wheel(0, close.y - 70);
      await app.settle(400);
      await app.shot(name);
    };
    // The decoded size the image widget's label gives ("… (300 × 400 pixels)").
    const size = (w) => {
      const m = /\((\d+) × (\d+) pixels\)/.exec(w.label);
      assert.ok(m, `no size in "${w.label}"`);
      return { w: Number(m[1]), h: Number(m[2]) };
    };
    // Opens file k in the viewer; resolves with the image widget (or the table widget) once drawn.
    const show = async (k, widgetId) => {
      await app.click(views[k].id);
      const end = Date.now() + 60000;
      for (;;) {
        const w = (await app.widgets()).find((x) => x.id === widgetId);
        if (w) return w;
        const failed = await app.page.evaluate(() => document.querySelector('#mirror').innerText.includes('ne peut pas être affichée'));
        assert.ok(!failed, `file ${k}: the viewer could not show it`);
        if (Date.now() > end) throw new Error(`file ${k}: ${widgetId} never shown`);
        await app.page.waitForTimeout(100);
      }
    };

    // The phone photo: 400×320 as stored, orientation 6 → shown upright, 320×400.
    let w = await show(0, 'coach.viewer.image');
    await shotViewer('viewer-01-photo-orientation6');
    assert.deepEqual(size(w), { w: 320, h: 400 }, 'the photo is upright');
    assert.match(await app.page.evaluate(() => document.querySelector('#mirror').innerText),
      /« Photo téléphone\.jpg » \([\d,]+ Kio\)/, 'the viewer names the file it shows');
    await app.click('coach.viewer.close');

    // The French CSV: 4 rows of 2 columns (its sentences hold commas; ';' separates the columns).
    w = await show(1, 'coach.viewer.table');
    assert.match(w.label, /\(4 lignes, 2 colonnes\)/, w.label);
    await shotViewer('viewer-02-french-csv');
    await app.click('coach.viewer.close');

    // Arithmetic coding: stb_image could not read it; the browser does.
    w = await show(2, 'coach.viewer.image');
    assert.deepEqual(size(w), { w: 400, h: 300 }, 'the arithmetic JPEG is shown');
    await app.click('coach.viewer.close');

    // A 1280×12000 page capture (over 8192 px on a side) and a 12000×8000 photo: shown, scaled.
    w = await show(3, 'coach.viewer.image');
    let d = size(w);
    assert.equal(d.h, 8192, 'the capture is decoded at the texture limit');
    assert.ok(Math.abs(d.w - 874) <= 1, `the capture keeps its aspect (${d.w}×${d.h})`);
    await shotViewer('viewer-04-1280x12000');
    await app.click('coach.viewer.close');
    w = await show(4, 'coach.viewer.image');
    d = size(w);
    assert.ok(d.w * d.h <= 4096 * 4096 && d.w * d.h > 4000 * 4000, `the 12000×8000 photo is decoded within 4096² pixels (${d.w}×${d.h})`);
    assert.ok(Math.abs(d.w / d.h - 1.5) < 0.01, `and keeps its aspect (${d.w}×${d.h})`);
    await shotViewer('viewer-03-12000x8000');
    const heapAfter = (await app.stats()).wasm_heap_bytes;
    // Decoding happened in the browser: the wasm heap did not take the picture's 366 MiB (a few MiB of
    // growth for the bundle's bookkeeping at most).
    assert.ok(heapAfter - heapBefore < 32 * 1024 * 1024, `wasm heap grew by ${(heapAfter - heapBefore) / 1048576} MiB`);
    assert.deepEqual(app.problems.pageErrors, []);
  } finally {
    await app.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});

test('a refused file says what was found and what to do, in French; the coach can export for French Excel', async () => {
  for (const [width, height] of [[1280, 900], [390, 844]]) {
    const app = await openApp(browser, { today: '2026-11-28', width, height });
    try {
      await app.click('welcome.candidate');
      await app.click('step.pieces');
      const pick = async (file) => {
        const chooser = app.page.waitForEvent('filechooser');
        await app.click('/pieces/2/add');
        await (await chooser).setFiles(path.join(corpus, file));
      };
      await pick('pdf-truncated-60.pdf');
      await pick('writer-password.odt');
      await app.page.waitForFunction(() => window.certif.state().candidate.file_refusals.length === 2, null, { timeout: 20000 });
      const s = await app.state();
      assert.deepEqual(s.candidate.file_refusals.map((r) => [r.kind, r.detail]),
                       [['damaged', 'pdf_truncated'], ['encrypted', 'odf_encrypted']]);
      await app.settle(300);
      const text = await app.page.evaluate(() => document.querySelector('#mirror').innerText);
      assert.match(text, /son contenu est un document PDF tronqué \(sa fin manque\)\. Téléchargez-le ou exportez-le à nouveau/);
      assert.match(text, /protégé par un mot de passe\. Enregistrez-le à nouveau sans mot de passe/);
      await app.reveal('/pieces/2/add');
      await app.shot(`viewer-05-refusals-${width}`);
      if (width === 1280) {
        // A refused replacement says the current file stays.
        await pick('ghostscript.pdf');
        await app.waitFor((x) => x.candidate.answers.pieces[2].files.length === 1, 'the PDF added');
        const replace = (await app.widgets()).find((w) => /^\/pieces\/2\/.+\/replace$/.test(w.id));
        assert.ok(replace, 'the file has a replace button');
        await app.pick(replace.id, [path.join(corpus, 'pdf-truncated-60.pdf')]);
        await app.waitFor((x) => x.candidate.file_refusals.length === 3, 'the refused replacement');
        await app.settle(300);
        assert.match(await app.page.evaluate(() => document.querySelector('#mirror').innerText),
          /n'a pas été ajouté : .*Le fichier actuel « ghostscript\.pdf » est conservé\./);
        assert.equal((await app.state()).candidate.answers.pieces[2].files[0].name, 'ghostscript.pdf');
        await app.reveal(replace.id);
        await app.shot('viewer-07-refused-replacement');
      }

      // The coach's cohort table, also for French Excel.
      await app.click('nav.home');
      await app.importToCoach(path.join(root, 'assets/samples/complete.json'), { timeout: 60000 });
      const download = app.page.waitForEvent('download');
      await app.click('coach.export_csv_excel');
      const d = await download;
      assert.match(d.suggestedFilename(), /^cohorte-2026-11-28-excel\.csv$/);
      const csv = fs.readFileSync(await d.path(), 'utf8');
      assert.ok(csv.startsWith('\ufeffNom;Prénom;E-mail;'), csv.slice(0, 80));
      await app.settle(300);
      await app.shot(`viewer-06-cohort-${width}`);
    } finally {
      await app.close();
    }
  }
});
