// The eligibility wizard in the browser: periods, phases, a verdict that explains itself, field errors
// under their fields. The clock is fixed to 2026-11-28 so every date below is exact.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openApp } from './harness.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

const today = '2026-11-28';

async function openWizard() {
  const app = await openApp(browser, { today, width: 1100, height: 900 });
  await app.click('welcome.candidate');
  await app.click('candidate.start');
  const s = await app.state();
  assert.equal(s.today, today);
  assert.equal(s.candidate.step, 'eligibility');
  assert.equal(s.candidate.eligibility_stage, 'periods');
  return app;
}

const widgetLabels = async (app) => (await app.widgets()).map((w) => w.label);

test('an eligible candidate: two periods, both phases, a verdict with its figures', async () => {
  const app = await openWizard();
  try {
    await app.click('elig.period.add');
    await app.type('elig.period.0.start', '01/01/2025');
    await app.click('elig.period.0.ongoing');            // this one has ended
    await app.type('elig.period.0.end', '2025-06-30');   // ISO is accepted too
    await app.click('elig.period.add');
    await app.type('elig.period.1.start', '1/7/2025');
    await app.click('elig.period.1.time.part');
    await app.shot('elig-01-periods');
    let s = await app.state();
    // Dates are stored ISO once they parse, whichever way they were typed.
    assert.deepEqual(s.candidate.answers.eligibility.periods, [
      { start: '2025-01-01', end: '2025-06-30', time: 'full' },
      { start: '2025-07-01', end: null, time: 'part' },
    ]);
    await app.click('elig.next');
    assert.equal((await app.state()).candidate.eligibility_stage, 'phases');
    await app.click('elig.phase.investigation.yes');
    await app.click('elig.phase.construction.yes');
    await app.shot('elig-02-phases');
    await app.click('elig.see_verdict');
    s = await app.state();
    assert.equal(s.candidate.eligibility_stage, 'verdict');
    const r = s.candidate.eligibility.result;
    assert.equal(r.eligible, true);
    assert.deepEqual(r.criteria.duration, {
      met: true, full_time_days: 181, part_time_days: 516, equivalent_days: 439, required_days: 180, met_on: null,
    });
    assert.equal(r.criteria.recency.current, true);
    await app.shot('elig-03-verdict-eligible');
    assert.ok((await widgetLabels(app)).includes('Modifier mes réponses'));
    assert.deepEqual(app.problems.console, []);
  } finally { await app.close(); }
});

test('not yet eligible: the projected date and the missing phase are stated', async () => {
  const app = await openWizard();
  try {
    await app.click('elig.period.add');
    await app.type('elig.period.0.start', '01/06/2026');
    await app.click('elig.period.0.time.part');
    await app.click('elig.next');
    await app.click('elig.phase.investigation.yes');
    await app.click('elig.phase.construction.no');
    await app.click('elig.see_verdict');
    const r = (await app.state()).candidate.eligibility.result;
    assert.equal(r.eligible, false);
    assert.equal(r.criteria.duration.equivalent_days, 90.5);
    assert.equal(r.criteria.duration.met_on, '2027-05-26');
    assert.equal(r.criteria.phases.met, false);
    await app.shot('elig-04-verdict-not-yet');
    // Going back keeps every answer.
    await app.click('elig.edit');
    const s = await app.state();
    assert.equal(s.candidate.eligibility_stage, 'periods');
    assert.equal(s.candidate.answers.eligibility.periods[0].start, '2026-06-01');
    assert.equal(s.candidate.answers.eligibility.phases.construction, false);
  } finally { await app.close(); }
});

test('left more than a year ago: recency is not met and the last day to apply is given', async () => {
  const app = await openWizard();
  try {
    await app.click('elig.period.add');
    await app.type('elig.period.0.start', '01/01/2024');
    await app.click('elig.period.0.ongoing');
    await app.type('elig.period.0.end', '27/11/2025');
    await app.click('elig.next');
    await app.click('elig.phase.investigation.yes');
    await app.click('elig.phase.construction.yes');
    await app.click('elig.see_verdict');
    const r = (await app.state()).candidate.eligibility.result;
    assert.equal(r.criteria.recency.met, false);
    assert.equal(r.criteria.recency.apply_before, '2026-11-26');
    assert.equal(r.eligible, false);
    // Counted in French with the singular below 2 ("0 jour"), in English for 1 only ("0 days").
    const mirror = () => app.page.evaluate(() => document.querySelector('#mirror').innerText);
    assert.match(await mirror(), /jours à temps plein et 0 jour à temps partiel/);
    await app.shot('elig-05-verdict-lapsed');
    await app.click('lang.switch');
    assert.match(await mirror(), /days full-time and 0 days part-time/);
    await app.click('lang.switch');
  } finally { await app.close(); }
});

test('field errors appear under their field and block going on', async () => {
  const app = await openWizard();
  try {
    await app.click('elig.next');   // no period yet: one is added and its missing date flagged
    let s = await app.state();
    assert.equal(s.candidate.eligibility_stage, 'periods');
    assert.equal(s.candidate.answers.eligibility.periods.length, 1);
    await app.type('elig.period.0.start', '15/03/2026');
    await app.click('elig.period.0.ongoing');
    await app.type('elig.period.0.end', '01/03/2026');
    await app.click('elig.next');
    s = await app.state();
    assert.equal(s.candidate.eligibility_stage, 'periods', 'an end before the start blocks the wizard');
    assert.ok(s.candidate.eligibility.issues.some((i) => i.path === '/periods/0/end' && i.code === 'eligibility.period_end_before_start'));
    await app.shot('elig-06-field-error');
    // A period that starts after today.
    await app.click('elig.period.add');
    await app.type('elig.period.1.start', '01/01/2027');
    s = await app.state();
    assert.ok(s.candidate.eligibility.issues.some((i) => i.path === '/periods/1/start' && i.code === 'eligibility.period_starts_after_reference'));
    // Removing the broken periods clears their errors.
    await app.click('elig.period.1.remove');
    await app.click('elig.period.0.remove');
    s = await app.state();
    assert.equal(s.candidate.answers.eligibility.periods.length, 0);
    assert.ok(!s.candidate.eligibility.issues.some((i) => i.path.startsWith('/periods/')));
  } finally { await app.close(); }
});
