// Through the text version only (issue 20): a screen reader user prepares a dossier from the welcome
// screen to the exported file, and a coach imports it and records a decision, without ever touching the
// canvas. Controls are found by their role and accessible name (as a screen reader lists them), buttons
// and radios are activated as a screen reader does (a click on the element), text is typed into the
// text version's own fields, radios are chosen inside their group (fieldset named by its question), a
// wrong date's error is read from the field's description. axe runs on every screen of both flows.
// Also: Tab on the canvas makes the focused widget's control the canvas's active descendant.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launch, openApp, axTree, axeViolations } from './harness.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

// The text version's region, where every control is looked for.
const mirror = (app) => app.page.locator('#mirror');

// What a screen reader does on "activate": a click on the element (never on the canvas).
async function press(app, locator) {
  await locator.evaluate((el) => el.click());
  await app.settle();
}

// Focuses a field found by its accessible name, and types into it with the keyboard.
async function typeIn(app, name, text, { replace = false } = {}) {
  const field = mirror(app).getByRole('textbox', { name, exact: true });
  await field.focus();
  if (replace) {
    await app.page.keyboard.press('Control+A');
    await app.page.keyboard.press('Delete');
  }
  await app.page.keyboard.type(text, { delay: 8 });
  await app.settle(250);
  return field;
}

// The radio button `answer` of the group whose legend is `question` (fieldset/legend).
async function choose(app, question, answer) {
  const group = mirror(app).getByRole('group', { name: question });
  assert.equal(await group.count(), 1, `one group named ${question}`);
  const radio = group.getByRole('radio', { name: answer, exact: true });
  await press(app, radio);
  assert.equal(await radio.isChecked(), true, `${question}: ${answer} is checked`);
}

// The screen's title as read (its h1), that focus is on it after a screen change, and no axe violation.
async function arrived(app, title, where) {
  const h1 = await app.page.evaluate(() => [...document.querySelectorAll('#mirror h1')].map((h) => h.textContent));
  assert.equal(h1.length, 1, `${where}: one h1 (${h1.join(' | ')})`);
  assert.match(h1[0], title, where);
  assert.deepEqual(await axeViolations(app.page), [], `axe on ${where}`);
}

const focusedTag = (app) => app.page.evaluate(() => document.activeElement?.tagName);

test('a whole candidate flow and a coach decision, through the text version only', async () => {
  // No pointer or key event ever reaches the canvas: counted in the page.
  const init = () => {
    window.__canvasEvents = 0;
    const count = (e) => { if (e.target && e.target.id === 'canvas') window.__canvasEvents += 1; };
    for (const type of ['pointerdown', 'mousedown', 'keydown', 'wheel', 'touchstart']) window.addEventListener(type, count, true);
  };
  const app = await openApp(browser, { width: 1280, height: 900, today: '2026-11-28', init });
  let dossier;
  try {
    await arrived(app, /certifier|certif-intra/i, 'the welcome screen');
    await press(app, mirror(app).getByRole('button', { name: /^Je prépare mon dossier/ }));
    await arrived(app, /\S/, 'the candidate overview');
    assert.equal(await focusedTag(app), 'H1', 'focus lands on the new screen title');
    await press(app, mirror(app).getByRole('button', { name: /^Commencer/ }));
    await arrived(app, /\S/, 'the eligibility step');

    // Eligibility: a period in the role; a wrong date first, its error read with the field.
    await press(app, mirror(app).getByRole('button', { name: /Ajouter une période/ }));
    await typeIn(app, /^Début/, '31/02/2024');
    let tree = await axTree(app);
    const start = tree.find((n) => n.role === 'textbox' && /^Début/.test(n.name));
    assert.ok(start, 'the start field is in the tree');
    assert.equal(start.invalid, 'true', 'the wrong date is marked invalid');
    assert.match(start.description, /JJ\/MM\/AAAA/, `the format hint is read: ${start.description}`);
    assert.match(start.description, /n'existe pas|non reconnue|invalide/i, `the error is read: ${start.description}`);
    await typeIn(app, /^Début/, '01/02/2024', { replace: true });
    tree = await axTree(app);
    assert.notEqual(tree.find((n) => n.role === 'textbox' && /^Début/.test(n.name))?.invalid, 'true', 'corrected');
    await choose(app, /Temps consacré/, /plein/i);
    await arrived(app, /\S/, 'the periods stage');
    await press(app, mirror(app).getByRole('button', { name: /^Suivant/ }));
    assert.equal((await app.state()).candidate.eligibility_stage, 'phases');
    await choose(app, "Avez-vous mené la phase d'investigation ?", 'Oui');
    await choose(app, /phase de construction/, 'Oui');
    await arrived(app, /\S/, 'the phases stage');
    await press(app, mirror(app).getByRole('button', { name: /Voir le résultat/ }));
    const verdict = (await app.state()).candidate;
    assert.equal(verdict.eligibility_stage, 'verdict');
    assert.equal(verdict.eligibility.result.eligible, true);
    await arrived(app, /\S/, 'the verdict');

    // Questionnaire, by the step bar (a list, the current step marked).
    await press(app, mirror(app).getByRole('navigation', { name: 'Étapes du dossier' }).getByRole('button', { name: /Questionnaire/ }));
    await arrived(app, /\S/, 'the questionnaire');
    assert.equal(await focusedTag(app), 'H1', 'after a step change focus is on its title');
    await typeIn(app, 'Prénom', 'Hélène');
    await typeIn(app, 'Nom', 'Lefèvre');
    await typeIn(app, /^Adresse e-mail/, 'helene.lefevre@numerique.gouv.fr');
    await choose(app, /Statut/, /Contractuel/);
    const answers = (await app.state()).candidate.answers.identity;
    assert.deepEqual([answers.first_name, answers.last_name, answers.email, answers.status],
      ['Hélène', 'Lefèvre', 'helene.lefevre@numerique.gouv.fr', 'contractuel']);
    // What was typed can be read back from the field itself.
    assert.equal(await mirror(app).getByRole('textbox', { name: 'Prénom', exact: true }).inputValue(), 'Hélène');

    // Pieces: a link given in the site's card, named after its piece.
    await press(app, mirror(app).getByRole('navigation', { name: 'Étapes du dossier' }).getByRole('button', { name: /Pièces/ }));
    await arrived(app, /\S/, 'the pieces step');
    await typeIn(app, /^Lien \(https\).* — Site/, 'https://beta.gouv.fr/startups/exemple.html');
    assert.match(JSON.stringify((await app.state()).candidate.answers), /beta\.gouv\.fr\/startups\/exemple\.html/);

    // Review and export.
    await press(app, mirror(app).getByRole('navigation', { name: 'Étapes du dossier' }).getByRole('button', { name: /Relecture|Vérifier/ }));
    await arrived(app, /\S/, 'the review');
    const download = app.page.waitForEvent('download');
    await press(app, mirror(app).getByRole('button', { name: /^Exporter/ }));
    const file = await download;
    dossier = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'textonly-')), file.suggestedFilename());
    await file.saveAs(dossier);
    assert.match(file.suggestedFilename(), /^dossier-lefevre-helene-2026-11-28\.json$/);
    assert.equal(JSON.parse(fs.readFileSync(dossier, 'utf8')).format, 'certif-intra/dossier');
    await app.settle(300);
    assert.deepEqual(await axeViolations(app.page), [], 'axe after the export');
    await app.shot('textonly-01-exported');
    assert.equal(await app.page.evaluate(() => window.__canvasEvents), 0, 'nothing went through the canvas');
    assert.deepEqual(app.problems.pageErrors, []);
  } finally {
    await app.close();
  }

  // The coach, in another browser profile: the dossier just exported, read and decided on.
  const coach = await openApp(browser, { width: 1280, height: 900, today: '2026-12-10', init });
  try {
    await press(coach, mirror(coach).getByRole('button', { name: /^J'évalue des dossiers/ }));
    await arrived(coach, /\S/, 'the coach workspace');
    await typeIn(coach, /^Nom du coach/, 'Noémie Durand');
    const chooser = coach.page.waitForEvent('filechooser');
    await press(coach, mirror(coach).getByRole('button', { name: /^Importer/ }));
    await (await chooser).setFiles(dossier);
    await coach.page.waitForFunction(() => (window.certif.state().coach.entries[0] || {}).check === 'valid', null, { timeout: 30000 });
    await coach.settle();
    assert.deepEqual(await axeViolations(coach.page), [], 'axe on the cohort');
    await press(coach, mirror(coach).getByRole('button', { name: /^Ouvrir/ }).first());
    await arrived(coach, /\S/, 'the dossier');
    await press(coach, mirror(coach).getByRole('button', { name: /^Décision et remise/ }));
    assert.deepEqual(await axeViolations(coach.page), [], 'axe on the decision tab');
    const admis = mirror(coach).getByRole('radio', { name: /^Admis/ }).first();
    assert.equal(await admis.evaluate((el) => !!el.closest('fieldset')), true, 'the decision radios are a group');
    await press(coach, admis);
    assert.equal(await admis.isChecked(), true);
    await press(coach, mirror(coach).getByRole('button', { name: /^Enregistrer la décision/ }));
    const s = await coach.state();
    assert.equal(s.coach.entries[0].status, 'admis');
    assert.deepEqual(await axeViolations(coach.page), [], 'axe after the decision');
    await coach.shot('textonly-02-decided');
    assert.equal(await coach.page.evaluate(() => window.__canvasEvents), 0, 'nothing went through the canvas');
    assert.deepEqual(coach.problems.pageErrors, []);
  } finally {
    await coach.close();
  }
});

// Tab on the canvas: the canvas keeps the focus and the keys; the control of the widget with the focus
// ring is its active descendant, so its role, name and state are read.
test('Tab on the canvas: the focused widget is the canvas active descendant', async () => {
  const app = await openApp(browser, { width: 1280, height: 900 });
  try {
    await app.page.focus('#canvas');
    const descendant = async () => (await axTree(app)).find((n) => n.role === 'application')?.activeDescendant;
    await app.page.keyboard.press('Tab');
    await app.settle(120);
    const focused = (await app.widgets()).find((w) => w.focused);
    assert.ok(focused, 'a widget has the focus ring');
    let d = await descendant();
    assert.ok(d, 'the canvas names an active descendant');
    assert.equal(d.role, 'button');
    assert.equal(d.name, focused.label);
    // Further along: a card with its description, then into the candidate area.
    for (let i = 0; i < 12 && (await app.widgets()).find((w) => w.focused)?.id !== 'welcome.candidate'; ++i) {
      await app.page.keyboard.press('Tab');
      await app.settle(80);
    }
    d = await descendant();
    assert.match(d?.name || '', /dossier/i, JSON.stringify(d));
    assert.equal(await focusedTag(app), 'CANVAS', 'the canvas keeps the keys');
    // The mouse hides the focus ring: no active descendant then.
    const w = await app.widget('nav.accessibility');
    await app.page.mouse.move(w.x + w.w / 2, w.y + w.h + 200);
    await app.page.mouse.down();
    await app.page.mouse.up();
    await app.settle();
    assert.equal(await app.page.evaluate(() => document.getElementById('canvas').getAttribute('aria-activedescendant')), null);
    assert.deepEqual(await axeViolations(app.page), []);
    assert.deepEqual(app.problems.pageErrors, []);
  } finally {
    await app.close();
  }
});

// What the canvas loses (find in page, selection, translation, the system's colours): the text version
// shown as the page instead, from the Accessibilité page, kept across visits, and undone the same way.
test('the text version shown as the page, in place of the canvas', async () => {
  const app = await openApp(browser, { width: 1280, height: 900 });
  try {
    await press(app, mirror(app).getByRole('button', { name: 'Accessibilité' }).first());
    const box = mirror(app).getByRole('checkbox', { name: /Afficher la version texte/ });
    await press(app, box);
    assert.equal((await app.state()).prefs.text_version, true);
    const shown = await app.page.evaluate(() => {
      const r = document.getElementById('mirror').getBoundingClientRect();
      return { w: r.width, h: r.height, cls: document.documentElement.classList.contains('text-version') };
    });
    assert.ok(shown.cls && shown.w > 1000 && shown.h > 800, JSON.stringify(shown));
    // Its controls are the page's Tab order now; keys stay in the page.
    await app.page.keyboard.press('Tab');
    const tabbed = await app.page.evaluate(() => document.getElementById('mirror').contains(document.activeElement) && document.activeElement.tagName);
    assert.ok(tabbed, 'Tab moves through the text version');
    assert.deepEqual(await axeViolations(app.page), []);
    await app.shot('textonly-03-text-version-shown');
    // Kept across visits.
    await app.page.reload();
    await app.page.waitForFunction(() => window.certif && window.certif.stats().frames_rendered > 0);
    await app.settle(300);
    assert.equal(await app.page.evaluate(() => document.documentElement.classList.contains('text-version')), true, 'still shown after a reload');
    assert.equal(await focusedTag(app), 'H1', 'the reader starts at the title');
    // Typing in its fields works as in a form: the welcome screen leads on to the candidate's fields.
    await press(app, mirror(app).getByRole('button', { name: /^Je prépare mon dossier/ }));
    await press(app, mirror(app).getByRole('navigation', { name: 'Étapes du dossier' }).getByRole('button', { name: /Questionnaire/ }));
    await typeIn(app, 'Prénom', 'Zoé');
    assert.equal((await app.state()).candidate.answers.identity.first_name, 'Zoé');
    await app.shot('textonly-04-text-version-form');
    await press(app, mirror(app).getByRole('button', { name: 'Accessibilité' }).first());
    await press(app, mirror(app).getByRole('checkbox', { name: /Afficher la version texte/ }));
    assert.equal(await app.page.evaluate(() => document.documentElement.classList.contains('text-version')), false);
    assert.equal(await focusedTag(app), 'CANVAS', 'back to the drawn interface, keyboard included');
    assert.deepEqual(app.problems.pageErrors, []);
  } finally {
    await app.close();
  }
});
