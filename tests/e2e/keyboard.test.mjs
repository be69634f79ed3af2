// Keyboard only: a whole candidate flow without the mouse — Tab / Shift+Tab through the widgets in
// reading order, Enter or Space on buttons, Space on check boxes and radio buttons, typing in fields,
// from the welcome screen to the exported dossier; and a coach from a picked bundle to a decision. No
// mouse event is sent.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launch, openApp, root } from './harness.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

// One key held across frames (ImGui samples keys once per frame).
async function press(app, combo) {
  const keys = combo.split('+');
  for (const k of keys) await app.page.keyboard.down(k);
  await app.page.waitForTimeout(60);
  for (const k of keys.reverse()) await app.page.keyboard.up(k);
  await app.settle(60);
}

const focused = async (app) => (await app.widgets()).find((w) => w.focused);

// Tab (or Shift+Tab) until widget `id` has the keyboard focus.
async function tabTo(app, id, { back = false, max = 80 } = {}) {
  const seen = [];
  for (let i = 0; i < max; ++i) {
    const f = await focused(app);
    if (f && f.id === id) return f;
    seen.push(f ? f.id : '-');
    await press(app, back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`${id} never got the focus; went through ${seen.join(', ')}`);
}

// Tab to the widget `id` (options as tabTo's), then press `key` on it (Enter for buttons, Space for
// boxes and radios).
async function tabToAndPress(app, id, key, options = {}) {
  await tabTo(app, id, options);
  await press(app, key);
}

async function typeInto(app, id, text) {
  await tabTo(app, id);
  await app.page.keyboard.type(text, { delay: 15 });
  await app.settle(200);
}

test('a candidate goes from the welcome screen to an exported dossier with the keyboard only', async () => {
  const app = await openApp(browser, { width: 1100, height: 850, today: '2026-11-28' });
  try {
    await app.page.focus('#canvas');  // where Tab lands when the page opens
    // The header comes first, in reading order, then the page.
    await press(app, 'Tab');
    assert.equal((await focused(app))?.id, 'nav.accessibility');
    await press(app, 'Tab');
    assert.equal((await focused(app))?.id, 'lang.switch');
    await press(app, 'Shift+Tab');
    assert.equal((await focused(app))?.id, 'nav.accessibility');
    await tabTo(app, 'welcome.candidate');
    await app.shot('keyboard-01-focus-ring');
    await press(app, 'Enter');
    assert.equal((await app.state()).screen, 'candidate');

    await tabToAndPress(app, 'candidate.start', 'Space');
    assert.equal((await app.state()).candidate.step, 'eligibility');

    // Eligibility: one ongoing full-time period since 2024, both phases done.
    await tabToAndPress(app, 'elig.period.add', 'Enter');
    await typeInto(app, 'elig.period.0.start', '01/02/2024');
    await tabToAndPress(app, 'elig.next', 'Enter');
    assert.equal((await app.state()).candidate.eligibility_stage, 'phases');
    await tabToAndPress(app, 'elig.phase.investigation.yes', 'Space');
    await tabToAndPress(app, 'elig.phase.construction.yes', 'Space');
    await tabToAndPress(app, 'elig.see_verdict', 'Enter');
    let s = await app.state();
    assert.equal(s.candidate.eligibility_stage, 'verdict');
    assert.equal(s.candidate.eligibility.result.eligible, true);

    // Questionnaire: the step bar, then fields one after the other (Tab leaves a field with its text).
    await tabToAndPress(app, 'step.questionnaire', 'Enter', { back: true });
    assert.equal((await app.state()).candidate.step, 'questionnaire');
    await typeInto(app, '/identity/first_name', 'Hélène');
    await press(app, 'Tab');
    assert.equal((await focused(app))?.id, '/identity/last_name', 'Tab goes to the next field');
    await app.page.keyboard.type('Lefèvre', { delay: 15 });
    await app.settle(200);
    await typeInto(app, '/identity/email', 'helene.lefevre@numerique.gouv.fr');
    await tabToAndPress(app, '/identity/status/contractuel', 'Space');
    s = await app.state();
    assert.deepEqual(
      [s.candidate.answers.identity.first_name, s.candidate.answers.identity.last_name,
        s.candidate.answers.identity.email, s.candidate.answers.identity.status],
      ['Hélène', 'Lefèvre', 'helene.lefevre@numerique.gouv.fr', 'contractuel']);

    // Review and export: Enter on the button, the file arrives.
    await tabToAndPress(app, 'step.review', 'Enter', { back: true });
    assert.equal((await app.state()).candidate.step, 'review');
    const download = app.page.waitForEvent('download');
    await tabToAndPress(app, 'export.run', 'Enter');
    const file = await download;
    const text = fs.readFileSync(await file.path(), 'utf8');
    const bundle = JSON.parse(text);
    assert.equal(bundle.format, 'certif-intra/dossier');
    assert.match(file.suggestedFilename(), /^dossier-lefevre-helene-2026-11-28\.json$/);
    await app.shot('keyboard-02-exported');
    assert.deepEqual(app.problems.pageErrors, []);
  } finally {
    await app.close();
  }
});

test('a coach imports a dossier, opens it and records a decision with the keyboard only', async () => {
  const app = await openApp(browser, { width: 1200, height: 950, today: '2026-11-28' });
  try {
    await app.page.focus('#canvas');
    await tabToAndPress(app, 'welcome.coach', 'Enter');
    assert.equal((await app.state()).screen, 'coach');
    await typeInto(app, 'coach.profile.name', 'Noémie Durand');
    // The file picker opens from Enter (a keyboard gesture), like from a click.
    const chooser = app.page.waitForEvent('filechooser');
    await tabToAndPress(app, 'coach.import', 'Enter');
    await (await chooser).setFiles(path.join(root, 'assets/samples/complete.json'));
    await app.page.waitForFunction(() => {
      const s = window.certif.state();
      return s.coach.entries.length === 1 && s.coach.entries[0].check === 'valid';
    }, null, { timeout: 30000 });
    await app.settle();
    const entry = (await app.state()).coach.entries[0];
    await tabToAndPress(app, `coach.open.${entry.id}`, 'Enter');
    await tabToAndPress(app, 'coach.tab.decision', 'Enter');
    await tabToAndPress(app, 'coach.decision.kind.admis', 'Space');
    await tabToAndPress(app, 'coach.decision.save', 'Enter');
    const s = await app.state();
    assert.equal(s.coach.entries[0].status, 'admis');
    await app.shot('keyboard-03-coach-decision');
    assert.deepEqual(app.problems.pageErrors, []);
  } finally {
    await app.close();
  }
});

// The Accessibilité page says the arrow keys move the focus: from the header they go down into the page.
test('ArrowDown from the header enters the page', async () => {
  const app = await openApp(browser, { width: 1280, height: 900 });
  try {
    await tabTo(app, 'nav.accessibility');
    await press(app, 'ArrowDown');
    const f = await focused(app);
    assert.ok(f, 'a widget has the focus');
    assert.ok(!['nav.home', 'nav.accessibility', 'lang.switch'].includes(f.id), `left the header: ${f.id}`);
    assert.ok(f.y > 60, `below the header: ${f.id} at y=${f.y}`);
    await press(app, 'ArrowUp');
    const back = await focused(app);
    assert.ok(back && ['nav.home', 'nav.accessibility', 'lang.switch'].includes(back.id), `and up again: ${back && back.id}`);
  } finally {
    await app.close();
  }
});

// A phone with the interface at 200 %: the header's buttons go under the brand, on lines of their own,
// none over another or over the brand, none cut by the window's edge.
test('the header at 390×844 with the interface at 200 %', async () => {
  const app = await openApp(browser, {
    width: 390, height: 844,
    init: () => { localStorage.setItem('certif-intra/prefs', JSON.stringify({ lang: 'fr', ui_scale: 200 })); },
  });
  try {
    await app.click('welcome.candidate');
    const ws = await app.widgets();
    const head = ['nav.home', 'nav.accessibility', 'lang.switch'].map((id) => ws.find((w) => w.id === id));
    assert.ok(head.every(Boolean), 'the three header buttons');
    for (const w of head) {
      assert.ok(w.x >= 0 && w.x + w.w <= 390 + 0.5, `${w.id} inside the window: x=${w.x} w=${w.w}`);
      assert.ok(w.y >= 48 * 2 - 1, `${w.id} under the brand's line: y=${w.y}`);
    }
    for (let i = 0; i < head.length; ++i) {
      for (let k = i + 1; k < head.length; ++k) {
        const a = head[i], b = head[k];
        const overlap = a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
        assert.ok(!overlap, `${a.id} and ${b.id} do not overlap`);
      }
    }
    // The page starts below the header.
    const steps = ws.filter((w) => w.id.startsWith('step.'));
    assert.ok(steps.length && steps.every((w) => w.y >= Math.max(...head.map((h) => h.y + h.h))), 'the step bar under the header');
    await app.shot('keyboard-phone-200');
    // The header and a step bar wrapped on several lines would keep most of the screen: the bar scrolls
    // away with the page, which then has the screen below the header.
    await app.page.mouse.move(195, 600);
    await app.page.mouse.wheel(0, 700);
    await app.settle();
    const after = await app.widgets();
    assert.ok(after.filter((w) => w.id.startsWith('step.')).every((w) => w.visible === false), 'the step bar scrolled away');
    await app.shot('keyboard-phone-200-scrolled');
  } finally {
    await app.close();
  }
});
