// Nothing lost when the browser's storage fails: IndexedDB writes and localStorage.setItem made to throw
// QuotaExceededError for a while (an init script), per object store. A failure stays until that very
// item is written, is shown on every screen (candidate and coach) with what to do, is retried (not in a
// loop), and once writes succeed again everything is in storage, byte for byte, after a reload.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { launch, openApp, siteDir, root, waitForState } from './harness.mjs';
import { serve } from './server.mjs';

let browser, pdfBytes;
before(async () => {
  browser = await launch();
  const page = await browser.newPage();
  await page.setContent('<h1>Compte rendu</h1><p>Questions posées aux agents.</p>');
  pdfBytes = await page.pdf({ format: 'A5' });
  await page.close();
});
after(async () => { await browser.close(); });

// Writes to the named object stores (and 'localStorage') throw QuotaExceededError while they are listed;
// every refused attempt is counted.
function quotaSimulation() {
  const failing = new Set();
  const refused = {};  // store name → when each attempt was refused (ms)
  window.__quota = {
    fail: (...names) => names.forEach((n) => failing.add(n)),
    heal: () => failing.clear(),
    refused: () => JSON.parse(JSON.stringify(refused)),
  };
  const refuse = (name) => {
    (refused[name] = refused[name] || []).push(performance.now());
    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  };
  for (const method of ['put', 'add']) {
    const original = IDBObjectStore.prototype[method];
    IDBObjectStore.prototype[method] = function (...args) {
      if (failing.has(this.name)) refuse(this.name);
      return original.apply(this, args);
    };
  }
  const setItem = Storage.prototype.setItem;
  Storage.prototype.setItem = function (key, value) {
    if (failing.has('localStorage')) refuse('localStorage');
    return setItem.call(this, key, value);
  };
}

const waitFor = (app, predicate, what, timeout) => waitForState(app, predicate, what, { timeout });

// The warning as a screen reader finds it in the text version of the screen.
const warningShown = async (app) => /pas enregistrées dans ce navigateur/.test(await app.page.textContent('#mirror'));
const mirror = (app) => app.page.textContent('#mirror');

async function shots(app, name) {
  await app.page.mouse.move(5, 5);
  await app.settle();
  await app.shot(`${name}-1280`);
  await app.page.setViewportSize({ width: 390, height: 844 });
  await app.settle(300);
  await app.shot(`${name}-390`);
  await app.page.setViewportSize({ width: 1280, height: 900 });
  await app.settle(300);
}

test('candidate: a failed attachment write stays failed after other writes succeed, is retried, and nothing is lost', async () => {
  const server = await serve(siteDir);
  const app = await openApp(browser, { server, today: '2026-11-28', width: 1280, height: 900, init: quotaSimulation });
  try {
    await waitFor(app, (s) => s.storage.status === 'ready', 'storage');
    await app.click('welcome.candidate');
    await app.click('step.questionnaire');
    await app.type('/identity/first_name', 'Hélène');
    await waitFor(app, (s) => s.storage.pending === 0 && s.storage.last_saved !== '', 'the first save');
    assert.equal(await warningShown(app), false);

    // The browser's storage is full for files only: the PDF is refused, the answers still save.
    await app.page.evaluate(() => window.__quota.fail('attachments'));
    await app.click('step.pieces');
    const chooser = app.page.waitForEvent('filechooser');
    await app.click('/pieces/2/add');
    await (await chooser).setFiles([{ name: 'compte-rendu.pdf', mimeType: 'application/pdf', buffer: pdfBytes }]);
    const s1 = await waitFor(app, (s) => s.candidate.answers.pieces[2].files.length === 1 && s.storage.pending === 0, 'the PDF');
    const id = s1.candidate.answers.pieces[2].files[0].id;
    assert.ok(await warningShown(app), 'the failed file write is shown');
    await app.type('/pieces/0/url', 'https://demarches-simplifiees.fr');
    await waitFor(app, (s) => s.storage.pending === 0 && s.candidate.answers.pieces[0].url !== '', 'the answers saved');
    assert.ok(await warningShown(app), 'a later successful write of the answers does not hide the failed file');
    assert.match(await mirror(app), /pièce jointe/, 'the warning says what is not saved');
    assert.match(await mirror(app), /Exportez votre dossier/, 'and what to do');
    assert.ok(Buffer.from(await app.page.evaluate((a) => Array.from(window.certif.attachment(a)), id)).equals(pdfBytes),
              'the bytes stay in memory');
    await shots(app, 'storage-01-candidate-warning');

    // Every screen that holds unsaved data says so, the coach's too.
    await app.click('nav.home');
    assert.ok(await warningShown(app), 'welcome');
    await app.click('welcome.coach');
    assert.ok(await warningShown(app), 'the coach screen shows the warning as well');
    await app.click('nav.accessibility');
    assert.ok(await warningShown(app), 'accessibility');
    await app.click('nav.home');

    // Retried, but not in a loop: attempts further and further apart (2 s, then 4 s...).
    await app.page.waitForFunction(() => window.__quota.refused().attachments.length >= 3, null, { timeout: 30000 });
    const times = (await app.page.evaluate(() => window.__quota.refused())).attachments;
    const gaps = times.slice(1).map((t, i) => t - times[i]);
    assert.ok(gaps[0] >= 1900, `first retry after ${gaps[0]} ms`);
    assert.ok(gaps[1] >= 3800, `then after ${gaps[1]} ms`);
    assert.ok(await warningShown(app), 'still failing, still shown');

    // Space again: the retry stores the file and the warning goes.
    await app.page.evaluate(() => window.__quota.heal());
    await app.click('storage.retry');
    await waitFor(app, (s) => s.storage.pending === 0 && s.storage.status === 'ready' && s.storage.unsaved === 0, 'the retried write');
    assert.equal(await warningShown(app), false, 'nothing left unsaved, no warning');

    await app.page.reload();
    await app.page.waitForFunction(() => window.certif && window.certif.state().storage.status === 'ready');
    await waitFor(app, (s) => s.candidate.answers.identity.first_name === 'Hélène', 'the restored draft');
    await app.page.waitForFunction((a) => window.certif.attachment(a) !== null && window.certif.attachment(a).length > 0, id);
    const back = await app.page.evaluate((a) => Array.from(window.certif.attachment(a)), id);
    assert.ok(Buffer.from(back).equals(pdfBytes), 'the PDF is in storage, byte for byte');
    assert.equal((await app.state()).candidate.answers.pieces[0].url, 'https://demarches-simplifiees.fr');
    assert.deepEqual(app.problems.pageErrors, []);
  } finally { await app.close(); await server.close(); }
});

test('coach: files and profile whose writes failed stay in memory, are shown, and are stored once writes succeed', async () => {
  const server = await serve(siteDir);
  const app = await openApp(browser, { server, today: '2026-11-28', width: 1280, height: 900, init: quotaSimulation });
  try {
    await waitFor(app, (s) => s.storage.status === 'ready', 'storage');
    await app.page.evaluate(() => window.__quota.fail('coach_files', 'localStorage'));
    await app.click('welcome.coach');
    await app.type('coach.profile.name', 'Noémie Durand');
    const chooser = app.page.waitForEvent('filechooser');
    await app.click('coach.import');
    await (await chooser).setFiles([path.join(root, 'assets/samples/complete.json')]);
    let s = await waitFor(app, (x) => x.coach.entries.length === 1 && x.coach.entries[0].check === 'valid' && x.storage.pending === 0, 'the import');
    const entry = s.coach.entries[0];
    assert.equal(entry.bytes_in_heap, true, 'attachments not stored stay in memory');
    assert.ok(await warningShown(app), 'the cohort screen shows the warning');
    assert.match(await mirror(app), /fichiers? de dossiers? importés?/);
    assert.match(await mirror(app), /profil/);
    assert.match(await mirror(app), /Exportez/);
    await shots(app, 'storage-02-coach-warning');

    // The entry's own screen too; its image is shown from memory.
    await app.click(`coach.open.${entry.id}`);
    assert.ok(await warningShown(app), 'the dossier screen shows the warning');
    await app.click('coach.tab.pieces');
    const view = (await app.widgets()).find((w) => /^coach\.piece\.\d+\.file\.\d+\.view$/.test(w.id) && w.label === 'Voir');
    await app.click(view.id);
    s = await waitFor(app, (x) => x.coach.viewed && !x.coach.viewed.loading, 'the viewed piece');
    assert.ok(s.coach.viewed.bytes > 0);
    await shots(app, 'storage-03-coach-entry-warning');

    await app.page.evaluate(() => window.__quota.heal());
    await app.click('storage.retry');
    s = await waitFor(app, (x) => x.storage.unsaved === 0 && x.storage.pending === 0 && !x.coach.entries[0].bytes_in_heap, 'the retried writes');
    assert.equal(await warningShown(app), false);

    // After a reload everything comes from storage: the profile, the files.
    await app.page.reload();
    await app.page.waitForFunction(() => window.certif && window.certif.state().coach.entries.length === 1);
    s = await app.state();
    assert.equal(s.coach.profile.name, 'Noémie Durand', 'the profile was stored once localStorage accepted it');
    await app.click('welcome.coach');
    await app.click(`coach.open.${s.coach.entries[0].id}`);
    await app.click('coach.tab.pieces');
    for (const w of (await app.widgets()).filter((x) => /^coach\.piece\.\d+\.file\.\d+\.view$/.test(x.id) && x.label === 'Voir')) {
      await app.click(w.id);
      s = await waitFor(app, (x) => x.coach.viewed && !x.coach.viewed.loading, 'the stored piece');
      assert.ok(s.coach.viewed.bytes > 0, `${w.id} read back from storage`);
    }
    assert.deepEqual(app.problems.pageErrors, []);
  } finally { await app.close(); await server.close(); }
});
