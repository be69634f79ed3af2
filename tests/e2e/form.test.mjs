// The text version as a real form (issue 20), used only through the DOM the way a screen reader user
// does: each step has one h1 and its own document.title, focus lands on it after a step change; text
// fields are editable DOM fields kept in sync both ways with the canvas; a field's hint and error are
// tied to it (aria-describedby, aria-invalid); the step bar is a list with aria-current="step". Checked
// in Chromium's accessibility tree.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openApp, axTree, activate, axeViolations, typeInMirror as typeInto } from './harness.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });


const domValue = (app, id) => app.page.evaluate((wid) => document.querySelector(`#mirror [data-id="${CSS.escape(wid)}"]`).value, id);
const focusedTag = (app) => app.page.evaluate(() => document.activeElement?.tagName);

test('every candidate step: one h1, a title of its own, focus on the h1 after the change', async () => {
  const app = await openApp(browser, { width: 1280, height: 900, today: '2026-06-01' });
  try {
    await activate(app, 'welcome.candidate');
    const titles = new Set();
    for (const step of ['eligibility', 'questionnaire', 'pieces', 'review', 'next_steps', 'overview']) {
      await activate(app, `step.${step}`);
      assert.equal((await app.state()).candidate.step, step);
      const shape = await app.page.evaluate(() => ({
        h1: [...document.querySelectorAll('#mirror h1')].map((h) => h.textContent),
        title: document.title, focused: document.activeElement?.tagName, focusedText: document.activeElement?.textContent,
        current: [...document.querySelectorAll('#mirror [aria-current="step"]')].map((b) => b.getAttribute('data-id')),
      }));
      assert.equal(shape.h1.length, 1, `${step}: one h1 (${shape.h1.join(' | ')})`);
      assert.equal(shape.focused, 'H1', `${step}: focus lands on the step's title`);
      assert.equal(shape.focusedText, shape.h1[0]);
      assert.match(shape.title, /— Mon dossier — certif-intra$/, step);
      assert.ok(!titles.has(shape.title), `${step}: a title of its own (${shape.title})`);
      titles.add(shape.title);
      assert.deepEqual(shape.current, [`step.${step}`], 'the current step is marked');
    }
    // The step bar, as assistive technology gets it: a navigation landmark holding a list of six.
    const tree = await axTree(app);
    assert.ok(tree.some((n) => n.role === 'navigation' && n.name === 'Étapes du dossier'));
    const list = await app.page.evaluate(() => document.querySelectorAll('#mirror nav ol > li > button[data-id^="step."]').length);
    assert.equal(list, 6);
    await app.shot('form-01-overview');
    assert.deepEqual(app.problems.pageErrors, []);
  } finally {
    await app.close();
  }
});

test('text fields of the text version are editable, in sync both ways with the canvas', async () => {
  const app = await openApp(browser, { width: 1280, height: 900 });
  try {
    await activate(app, 'welcome.candidate');
    await activate(app, 'step.questionnaire');
    // Typed in the DOM field: the canvas field and the draft have every code point.
    const first = 'Élodie 😀 Łukasz';
    await typeInto(app, '/identity/first_name', first);
    assert.equal((await app.state()).candidate.answers.identity.first_name, first);
    assert.equal(await domValue(app, '/identity/first_name'), first, 'the field holds what was typed');
    // Corrected in the middle, with the caret: Home, then a word, as one edits a field.
    await app.page.keyboard.press('Home');
    await app.page.keyboard.type('Mme ', { delay: 10 });
    await app.settle(250);
    assert.equal((await app.state()).candidate.answers.identity.first_name, `Mme ${first}`);
    assert.equal(await app.page.evaluate(() => document.activeElement.selectionStart), 4, 'the caret stays where it was');
    // Pasted text arrives whole (insertText is what a paste or an IME commit does).
    await app.page.focus('#mirror [data-id="/identity/last_name"]');
    await app.page.keyboard.insertText('Nguyễn');
    await app.settle(250);
    assert.equal((await app.state()).candidate.answers.identity.last_name, 'Nguyễn');
    // Typed on the canvas: the DOM field follows.
    await app.type('/identity/email', 'e@example.gouv.fr');
    assert.equal(await domValue(app, '/identity/email'), 'e@example.gouv.fr');
    // A multi-line text: a textarea that keeps its line breaks.
    await activate(app, 'step.questionnaire');
    const area = await app.page.evaluate(() => {
      const t = document.querySelector('#mirror textarea[data-id]');
      return t && t.getAttribute('data-id');
    });
    assert.ok(area, 'a textarea in the questionnaire');
    await app.page.focus(`#mirror [data-id="${area}"]`);
    await app.page.keyboard.type('Ligne 1', { delay: 10 });
    await app.page.keyboard.press('Enter');
    await app.page.keyboard.type('Ligne 2', { delay: 10 });
    await app.settle(250);
    assert.equal(await domValue(app, area), 'Ligne 1\nLigne 2');
    const competency = area.match(/^\/competencies\/([^/]+)\/evidence$/);
    if (competency) assert.equal((await app.state()).candidate.answers.competencies?.[competency[1]]?.evidence ?? 'Ligne 1\nLigne 2', 'Ligne 1\nLigne 2');
    // What the accessibility tree says of the field: a textbox, its name, holding its value.
    const tree = await axTree(app);
    assert.ok(tree.some((n) => n.role === 'textbox' && n.name === 'Prénom'));
    assert.deepEqual(app.problems.pageErrors, []);
    assert.deepEqual(await app.cspViolations(), []);
  } finally {
    await app.close();
  }
});

test('a field\'s format hint and its error are read with it', async () => {
  const app = await openApp(browser, { width: 1280, height: 900, today: '2026-06-01' });
  try {
    await activate(app, 'welcome.candidate');
    await activate(app, 'step.eligibility');
    await activate(app, 'elig.period.add');
    await typeInto(app, 'elig.period.0.start', '31/02/2024');
    const field = await app.page.evaluate(() => {
      const f = document.querySelector('#mirror [data-id="elig.period.0.start"]');
      const said = (f.getAttribute('aria-describedby') || '').split(' ').map((id) => document.getElementById(id)?.textContent);
      return { invalid: f.getAttribute('aria-invalid'), said };
    });
    assert.equal(field.invalid, 'true');
    assert.ok(field.said.includes('JJ/MM/AAAA'), `the hint: ${field.said.join(' | ')}`);
    assert.ok(field.said.some((t) => /Date non reconnue/.test(t)), `the error: ${field.said.join(' | ')}`);
    let node = (await axTree(app)).find((n) => n.role === 'textbox' && n.name === 'Début');
    assert.ok(node, 'the field in the tree');
    assert.match(node.description, /JJ\/MM\/AAAA.*Date non reconnue/);
    assert.equal(node.invalid, 'true');
    await app.shot('form-02-date-error');
    // Corrected: the error goes, the hint stays.
    await app.page.keyboard.press('Control+A');
    await app.page.keyboard.type('15/03/2024', { delay: 10 });
    await app.settle(250);
    node = (await axTree(app)).find((n) => n.role === 'textbox' && n.name === 'Début');
    assert.equal(node.description, 'JJ/MM/AAAA');
    assert.notEqual(node.invalid, 'true');
    assert.equal((await app.state()).candidate.answers.eligibility.periods[0].start, '2024-03-15');
    assert.deepEqual(app.problems.pageErrors, []);
  } finally {
    await app.close();
  }
});

test('"Masquer mon profil" hides the profile even while the coach has no name yet', async () => {
  const app = await openApp(browser, { width: 1280, height: 900 });
  try {
    await activate(app, 'welcome.coach');
    const has = async (id) => (await app.widgets()).some((w) => w.id === id);
    assert.ok(await has('coach.profile.name'), 'opened at the first visit');
    await activate(app, 'coach.profile.toggle');
    assert.ok(!(await has('coach.profile.name')), 'closed on request, the name still empty');
    await activate(app, 'coach.profile.toggle');
    assert.ok(await has('coach.profile.name'), 'and opened again');
  } finally {
    await app.close();
  }
});

test('a dialog of the text version: its role, modal, titled, after the page, focus inside', async () => {
  const app = await openApp(browser, { width: 1280, height: 900 });
  try {
    await activate(app, 'welcome.candidate');
    await activate(app, 'step.questionnaire');
    await typeInto(app, '/identity/first_name', 'Ada');   // a draft now exists: it can be erased
    await activate(app, 'step.overview');
    await app.widget('storage.clear');
    await activate(app, 'storage.clear');
    const shape = await app.page.evaluate(() => {
      const d = document.querySelector('#mirror [role="dialog"]');
      return d && {
        modal: d.getAttribute('aria-modal'), last: d === document.getElementById('mirror').lastElementChild,
        focusInside: d.contains(document.activeElement), focused: document.activeElement.getAttribute('data-id'),
        buttons: [...d.querySelectorAll('button')].map((b) => b.getAttribute('data-id')),
      };
    });
    assert.ok(shape, 'a dialog in the text version');
    assert.equal(shape.modal, 'true');
    assert.ok(shape.last, 'after the page, not in its middle');
    assert.ok(shape.focusInside, `focus inside the dialog (${shape.focused})`);
    assert.deepEqual(shape.buttons, ['storage.clear.cancel', 'storage.clear.confirm']);
    const tree = await axTree(app);
    const dialog = tree.find((n) => n.role === 'dialog');
    assert.ok(dialog && dialog.name.length > 0, `the dialog is named by its title: ${dialog && dialog.name}`);
    await app.shot('form-03-dialog');
    await activate(app, 'storage.clear.cancel');
    assert.equal(await app.page.evaluate(() => document.querySelectorAll('#mirror [role="dialog"]').length), 0);
    assert.equal((await app.state()).screen, 'candidate', 'nothing erased');
  } finally {
    await app.close();
  }
});

// main() hands what the browser kept (the coach's profile) to the app like any other result, so that
// whatever effects applying it returns are executed: it must still be there from the first frame.
test('the coach profile kept in the browser is there at start', async () => {
  const profile = { name: 'Camille Coach', organisation: 'DINUM' };
  const app = await openApp(browser, {
    width: 1280, height: 900,
    init: (p) => { if (!sessionStorage.getItem('seeded')) { localStorage.setItem('certif-intra/coach-profile', JSON.stringify(p)); sessionStorage.setItem('seeded', '1'); } },
    initArg: profile,
  });
  try {
    const s = await app.state();
    assert.equal(s.coach.profile.name, 'Camille Coach');
    assert.equal(s.coach.profile.organisation, 'DINUM');
    await activate(app, 'welcome.coach');
    assert.ok(!(await app.widgets()).some((w) => w.id === 'coach.profile.name'), 'a named coach: the profile stays closed');
  } finally {
    await app.close();
  }
});

// Radio buttons by group (a fieldset named by its question), controls of the repeated piece cards named
// after their piece, the skip links into the text version; axe on each screen visited.
test('radio groups, names after their piece, skip links, axe clean on the way', async () => {
  const app = await openApp(browser, { width: 1280, height: 900, today: '2026-06-01' });
  try {
    const clean = async (where) => assert.deepEqual(await axeViolations(app.page), [], `axe on ${where}`);
    await activate(app, 'welcome.candidate');
    await activate(app, 'step.eligibility');
    await activate(app, 'elig.period.add');
    await typeInto(app, 'elig.period.0.start', '01/01/2025');
    // The time in role is one question with two answers.
    const timeGroup = await app.page.evaluate(() => {
      const r = document.querySelector('#mirror [data-id="elig.period.0.time.part"]');
      const set = r.closest('fieldset');
      return set && { legend: set.querySelector('legend').textContent,
                      radios: [...set.querySelectorAll('input[type="radio"]')].map((x) => x.getAttribute('data-id')) };
    });
    assert.ok(timeGroup, 'the time radios are in a fieldset');
    assert.deepEqual(timeGroup.radios, ['elig.period.0.time.full', 'elig.period.0.time.part']);
    await clean('the periods stage');
    await activate(app, 'elig.next');
    assert.equal((await app.state()).candidate.eligibility_stage, 'phases');
    // Each phase question is a group named by the question; "Oui / Non" no longer read twice unnamed.
    const tree = await axTree(app);
    const groups = tree.filter((n) => n.role === 'group').map((n) => n.name);
    assert.ok(groups.includes("Avez-vous mené la phase d'investigation ?"), groups.join(' | '));
    assert.ok(groups.some((g) => /phase de construction/.test(g)), groups.join(' | '));
    await activate(app, 'elig.phase.investigation.yes');
    assert.equal((await app.state()).candidate.answers.eligibility.phases.investigation, true);
    const checked = await app.page.evaluate(() => document.querySelector('#mirror [data-id="elig.phase.investigation.yes"]').checked);
    assert.equal(checked, true, 'the radio shows its state');
    await clean('the phases stage');
    await app.shot('form-04-phases-groups');

    // The six piece cards ask the same questions: every control is named after its piece.
    await activate(app, 'step.pieces');
    // (The canvas's own hidden input, "Saisie du champ actif", is not part of the text version.)
    const names = (await axTree(app)).filter((n) => n.role === 'textbox' && n.name !== 'Saisie du champ actif').map((n) => n.name);
    assert.ok(names.filter((n) => /^Description courte — /.test(n)).length === 6, names.join(' | '));
    assert.ok(names.filter((n) => /[Ll]ien \(https\) — /.test(n)).length >= 3, names.join(' | '));
    assert.equal(new Set(names).size, names.length, `unique names: ${names.join(' | ')}`);
    assert.ok(names.every((n) => / — \S/.test(n)), names.join(' | '));
    await clean('the pieces step');

    // Skip links: the first field of the screen, then its title.
    await app.page.focus('#skip a[data-skip="field"]');
    const shown = await app.page.evaluate(() => document.querySelector('#skip a[data-skip="field"]').getBoundingClientRect().left);
    assert.ok(shown >= 0, 'a skip link shows once focused');
    await app.shot('form-05-skip-link');
    await app.page.keyboard.press('Enter');
    let focused = await app.page.evaluate(() => ({ tag: document.activeElement.tagName, id: document.activeElement.getAttribute('data-id') }));
    assert.equal(focused.tag, 'INPUT', JSON.stringify(focused));
    assert.match(focused.id, /^\/pieces\/0\//);
    await app.page.focus('#skip a[data-skip="content"]');
    await app.page.keyboard.press('Enter');
    focused = await app.page.evaluate(() => document.activeElement.tagName);
    assert.equal(focused, 'H1');
    // In English too.
    await activate(app, 'lang.switch');
    assert.equal(await app.page.evaluate(() => document.querySelector('#skip a[data-skip="content"]').textContent),
                 'Skip to the content (text version)');
    assert.deepEqual(app.problems.pageErrors, []);
  } finally {
    await app.close();
  }
});
