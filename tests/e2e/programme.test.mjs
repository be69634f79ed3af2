// The host's programme in the browser: the shipped config.js selecting RS6247 (wording, the candidate's
// eligibility per session), an unknown programme id said on the welcome screen, and an RS3536 bundle
// imported by the coach of an RS6247 copy, evaluated as RS3536. The clock is fixed to 2026-11-28.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { launch, openApp, root, waitForState } from './harness.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

const today = '2026-11-28';
const samples = path.join(root, 'assets/samples');
// What the screen says: the text version's words (every text, notice and label is mirrored there).
const labels = async (app) => {
  await app.settle();
  return app.page.evaluate(() => document.querySelector('#mirror')?.textContent || '');
};

test('the shipped config.js runs RS6247: its wording, and the candidate eligible from a later session', async () => {
  const app = await openApp(browser, { today, width: 1280, height: 900, config: null });
  try {
    let s = await app.state();
    assert.equal(s.programme.id, 'rs6247');
    assert.equal(s.referential.competencies, 8);
    assert.equal(s.programme.assessors, 2);
    assert.deepEqual(s.programme.site_problems, []);
    assert.deepEqual(s.programme.next_sessions.map((x) => x.id), ['2026-12', '2027-05', '2027-12', '2028-05']);
    const welcome = await labels(app);
    assert.match(welcome, /fiche RS6247/);
    assert.match(welcome, /au jury certificateur/);
    assert.match(welcome, /de 60 à 90 minutes/);
    assert.doesNotMatch(welcome, /45 minutes|NUMA/);
    await app.shot('programme-01-welcome-rs6247-fr');

    await app.click('welcome.candidate');
    assert.match(await labels(app), /Prochaine session\u00a0: Session de décembre 2026/);
    await app.shot('programme-02-overview-fr');
    await app.click('candidate.start');
    await app.click('elig.period.add');
    await app.type('elig.period.0.start', '01/09/2026');   // 6 months full-time on 2027-03-01
    await app.click('elig.next');
    await app.click('elig.phase.investigation.yes');
    await app.click('elig.phase.construction.yes');
    await app.click('elig.declare.acceleration.yes');
    await app.type('elig.declare.steps.text', 'Prototype, tests utilisateurs, mise en production');
    await app.click('elig.declare.holder.no');
    await app.shot('programme-03-declarations-fr');
    await app.click('elig.see_verdict');
    s = await app.state();
    assert.equal(s.candidate.eligibility_stage, 'verdict');
    assert.deepEqual(s.candidate.answers.eligibility.declarations,
      { acceleration: true, holds_rs3536: false, construction_steps: 'Prototype, tests utilisateurs, mise en production' });
    const se = s.candidate.eligibility.sessions;
    assert.equal(se.sessions[0].session.id, '2026-12');
    assert.equal(se.sessions[0].eligible, false);
    assert.deepEqual(se.sessions[0].reasons, ['duration']);
    assert.equal(se.sessions[1].eligible, true);
    assert.equal(se.eligible_from.id, '2027-05');
    const verdict = await labels(app);
    assert.match(verdict, /Éligible à partir de\u00a0: Session de mai 2027/);
    assert.match(verdict, /Les prochaines sessions/);
    await app.shot('programme-04-verdict-sessions-fr');
    await app.click('lang.switch');
    assert.equal((await app.state()).lang, 'en');
    const en = await labels(app);
    assert.match(en, /Eligible from: May 2027 session/);
    await app.shot('programme-05-verdict-sessions-en');
    assert.deepEqual(app.problems.console, []);
    assert.deepEqual(app.problems.offOrigin, []);
  } finally { await app.close(); }
});

test('an unknown programme in config.js is said on the welcome screen, and RS6247 applies', async () => {
  const app = await openApp(browser, { today, width: 1280, height: 900, config: { programme: 'rs9999' } });
  try {
    const s = await app.state();
    assert.equal(s.programme.id, 'rs6247');
    assert.deepEqual(s.programme.site_problems, [{ code: 'site.programme_unknown', value: 'rs9999' }]);
    assert.match(await labels(app), /«\u00a0rs9999\u00a0»/);
    await app.shot('programme-06-unknown-id-fr');
  } finally { await app.close(); }
});

test('an RS3536 bundle imported under an RS6247 host is evaluated as RS3536', async () => {
  const app = await openApp(browser, { today, width: 1280, height: 900, config: { programme: 'rs6247' } });
  try {
    await app.click('welcome.coach');
    const chooser = app.page.waitForEvent('filechooser');
    await app.click('coach.import');
    await (await chooser).setFiles([path.join(samples, 'complete.json')]);
    const s = await waitForState(app, (x) => x.coach.entries.length === 1 && x.coach.entries[0].check === 'valid' && x.storage.pending === 0, 'the import');
    const [e] = s.coach.entries;
    assert.equal(e.programme, 'rs3536');
    assert.equal(e.programme_named, false);
    assert.equal(e.grid, 7, 'the grid has RS3536\'s seven competencies');
    assert.equal(e.eligibility, 'eligible', 'rechecked with RS3536\'s ruleset');
    await app.click(`coach.open.${e.id}`);
    const text = await labels(app);
    assert.match(text, /Dossier préparé pour la certification RS3536/);
    await app.shot('programme-07-coach-rs3536-under-rs6247-fr');
    await app.click('lang.switch');
    assert.match(await labels(app), /Dossier prepared for certification RS3536/);
    await app.shot('programme-08-coach-rs3536-under-rs6247-en');
    await app.click('coach.tab.interview');
    await app.shot('programme-09-coach-grid-en');
    assert.deepEqual(app.problems.console, []);
  } finally { await app.close(); }
});
