// Users' text is data: emoji, astral CJK, combining marks, ZWJ sequences, RTL scripts, tabs and zero-width
// characters typed, composed (IME), pasted, edited next to after an import, saved, reloaded and exported
// come back code point for code point, in the app's state, in the browser's storage and in the file.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { launch, openApp, siteDir, root, waitForState } from './harness.mjs';
import { serve } from './server.mjs';

const certif = process.env.CERTIF_CLI || path.join(root, 'build/native/certif');

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

// What each field receives, and how.
const typed = 'Fête 🎉 lancée 🚀 𠀋𡈽';                         // keyboard (insertText per code point)
const composed = 'עברית 𠀋';                                     // an IME composition, committed at once
const pasted = 'Ministère 👩\u200D💻 العربية ❤\uFE0F 🇫🇷';       // Ctrl+V from the system clipboard
const marks = 'Noe\u0308l Jose\u0301 n\u0303 a\u200Db';          // combining marks (NFD), a ZWJ between letters
const evidenceTyped = 'J’ai mené 12 entretiens 🎤 avec des agents, puis rédigé la synthèse 📝 : ' +
  'chaque question tenait sur une ligne, et la restitution a eu lieu devant toute l’équipe 👩\u200D👩\u200D👧.';
const evidencePasted = '\n\tcolonne\tà\ttabulations ; zéro\u200Blargeur\u200B\n et retour 𠀋.';

const answers = async (app) => (await app.state()).candidate.answers;

const waitFor = (app, predicate, what, timeout) => waitForState(app, predicate, what, { timeout });

const saved = (s) => s.storage.pending === 0 && s.storage.status === 'ready' && s.storage.last_saved !== '';

// The draft as IndexedDB holds it (the JSON text the app wrote), read by the page itself.
async function storedAnswers(app) {
  const text = await app.page.evaluate(() => new Promise((resolve, reject) => {
    const open = indexedDB.open('certif-intra');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const get = db.transaction(['draft'], 'readonly').objectStore('draft').get('current');
      get.onsuccess = () => { resolve(get.result ? get.result.answers : null); db.close(); };
      get.onerror = () => reject(get.error);
    };
  }));
  return JSON.parse(text);
}

async function paste(app, text) {
  await app.page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await app.chord('Control', 'v');
}

async function exportBundle(app, name) {
  await app.click('step.review');
  const downloading = app.page.waitForEvent('download');
  await app.click('export.run');
  const file = path.join(os.tmpdir(), name);
  await (await downloading).saveAs(file);
  return file;
}

// Every expected string is in the file as its exact UTF-8 bytes, and reads back identical.
function checkExport(file, expected) {
  const bytes = fs.readFileSync(file);
  for (const [field, value] of Object.entries(expected)) {
    assert.ok(bytes.includes(Buffer.from(JSON.stringify(value).slice(1, -1), 'utf8')), `${field}: exact UTF-8 bytes in the file`);
  }
  const bundle = JSON.parse(bytes.toString('utf8'));
  assert.equal(bundle.answers.identity.first_name, expected.first_name);
  assert.equal(bundle.answers.identity.last_name, expected.last_name);
  assert.equal(bundle.answers.identity.administration, expected.administration);
  assert.equal(bundle.answers.identity.position, expected.position);
  assert.equal(bundle.answers.competencies[0].evidence, expected.evidence);
  const report = JSON.parse(execFileSync(certif, ['validate', '--json', file], { encoding: 'utf8' }));
  assert.equal(report.files[0].valid, true, JSON.stringify(report));
}

// Shows the text (a screenshot), then checks it in IndexedDB once saved, and in the app after a reload.
async function shotSaveReload(app, expected, shot) {
  await app.page.mouse.move(10, 300);
  await app.settle();
  await app.shot(shot);
  await waitFor(app, saved, 'the save');
  checkAnswers(await storedAnswers(app), expected, `${shot}: IndexedDB`);
  await app.page.reload();
  await app.page.waitForFunction(() => window.certif && window.certif.state().storage.status === 'ready');
  await waitFor(app, (s) => s.candidate.answers.identity.first_name !== '', 'the restored draft');
  checkAnswers(await answers(app), expected, `${shot}: after reload`);
  // The reload reopens the candidate's step (issue 15), not the welcome page.
  await waitFor(app, (s) => s.screen === 'candidate' && !s.candidate.restoring_scroll, 'the step reopened');
}

function checkAnswers(a, expected, where) {
  assert.equal(a.identity.first_name, expected.first_name, `${where}: first name`);
  assert.equal(a.identity.last_name, expected.last_name, `${where}: last name`);
  assert.equal(a.identity.administration, expected.administration, `${where}: administration`);
  assert.equal(a.identity.position, expected.position, `${where}: position`);
  assert.equal(a.competencies[0].evidence, expected.evidence, `${where}: evidence`);
}

test('every code point survives typing, composing, pasting, saving, reloading, exporting and editing after an import', async () => {
  const server = await serve(siteDir);
  const app = await openApp(browser, { server, today: '2026-11-28', width: 1100, height: 950 });
  let exported;
  const expected = {};
  try {
    await app.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
    await waitFor(app, (s) => s.storage.status === 'ready', 'storage');
    await app.click('welcome.candidate');
    await app.click('step.questionnaire');

    await app.type('/identity/first_name', typed);
    expected.first_name = typed;
    assert.equal((await answers(app)).identity.first_name, typed, 'typed');

    await app.click('/identity/last_name');
    const cdp = await app.context.newCDPSession(app.page);
    await cdp.send('Input.imeSetComposition', { text: 'עב', selectionStart: 2, selectionEnd: 2 });
    await app.settle(100);
    assert.equal((await answers(app)).identity.last_name, '', 'nothing arrives while composing');
    await cdp.send('Input.insertText', { text: composed });
    await app.settle(250);
    expected.last_name = composed;
    assert.equal((await answers(app)).identity.last_name, composed, 'composed');

    await app.click('/identity/administration');
    await paste(app, pasted);
    expected.administration = pasted;
    assert.equal((await answers(app)).identity.administration, pasted, 'pasted');

    await app.type('/identity/position', marks);
    expected.position = marks;
    assert.equal((await answers(app)).identity.position, marks, 'combining marks and ZWJ typed');

    // The text area wraps lines as it goes (soft breaks it adds and removes itself): the user's own
    // line breaks, tabs and zero-width spaces are not confused with them.
    await app.type('/competencies/0/evidence', evidenceTyped);
    await paste(app, evidencePasted);
    expected.evidence = evidenceTyped + evidencePasted;
    assert.equal((await answers(app)).competencies[0].evidence, expected.evidence, 'typed then pasted into the text area');

    // Saved as typed, and the same after a reload.
    await shotSaveReload(app, expected, 'text-01-questionnaire');
    exported = await exportBundle(app, 'dossier-texte.json');
    checkExport(exported, expected);
    assert.deepEqual(app.problems.pageErrors, []);
  } finally { await app.close(); }

  // A fresh browser profile imports that file, then edits right next to the emoji and marks.
  const other = await openApp(browser, { server, today: '2026-11-28', width: 1100, height: 950 });
  try {
    await waitFor(other, (s) => s.storage.status === 'ready', 'storage');
    await other.click('welcome.candidate');
    const chooser = other.page.waitForEvent('filechooser');
    await other.click('import.pick');
    await (await chooser).setFiles([exported]);
    await waitFor(other, (s) => s.candidate.answers.identity.first_name === typed, 'the imported dossier');
    checkAnswers(await answers(other), expected, 'imported');

    await other.click('step.questionnaire');
    await other.click('/identity/first_name');
    await other.chord('End');
    await other.page.keyboard.type('.', { delay: 15 });
    await other.settle(250);
    expected.first_name = typed + '.';
    assert.equal((await answers(other)).identity.first_name, expected.first_name, 'a dot after the imported emoji');
    await other.chord('Home');
    await other.page.keyboard.type('« ', { delay: 15 });
    await other.settle(250);
    expected.first_name = '« ' + typed + '.';
    assert.equal((await answers(other)).identity.first_name, expected.first_name, 'text before the imported emoji');

    await other.click('/identity/position');
    await other.chord('End');
    await other.chord('Backspace');
    expected.position = marks.slice(0, -1);
    assert.equal((await answers(other)).identity.position, expected.position, 'one code point erased, the marks kept');

    await other.click('/identity/last_name');
    await other.chord('End');
    await other.page.keyboard.type(' ✓', { delay: 15 });
    await other.settle(250);
    expected.last_name = composed + ' ✓';
    assert.equal((await answers(other)).identity.last_name, expected.last_name);

    await other.click('/competencies/0/evidence');
    await other.chord('Control', 'End');
    await other.page.keyboard.type(' 🎉', { delay: 15 });
    await other.settle(250);
    expected.evidence = evidenceTyped + evidencePasted + ' 🎉';
    assert.equal((await answers(other)).competencies[0].evidence, expected.evidence, 'typed at the end of the imported text');

    await shotSaveReload(other, expected, 'text-02-edited-after-import');
    checkExport(await exportBundle(other, 'dossier-texte-modifie.json'), expected);

    // The coach reads the same names.
    await other.click('nav.home');
    await other.click('welcome.coach');
    const coachChooser = other.page.waitForEvent('filechooser');
    await other.click('coach.import');
    await (await coachChooser).setFiles([exported]);
    const s = await waitFor(other, (x) => x.coach.entries.length === 1 && x.coach.entries[0].check === 'valid', 'the coach import', 30000);
    assert.equal(s.coach.entries[0].candidate, `${typed} ${composed}`);
    await other.shot('text-03-coach');
    assert.deepEqual(other.problems.pageErrors, []);
    assert.deepEqual(other.problems.console, []);
  } finally { await other.close(); await server.close(); }
});
