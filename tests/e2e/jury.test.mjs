// A jury of two (RS6247, the shipped programme) in the browser: a candidate's dossier evaluated by two
// jurors on two machines (two browser contexts), each exporting their record; one imports the other's,
// sees where their grids differ, retains a level, records the jury's decision and issues the attestation.
// The clock is fixed to 2026-12-01.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launch, openApp, siteDir } from './harness.mjs';
import { serve } from './server.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'certif-jury-'));
const rs6247 = { programme: 'rs6247' };
const competencies = ['pitch', 'problem_investigation', 'design_prioritisation', 'prototyping', 'testing', 'deployment',
  'funding', 'team_cohesion'];


// A juror's workspace: their name, the dossier imported, their grid (every competency autonomous but
// `third`'s level for design_prioritisation) and their proposal, on the decision tab.
async function juror(opts, name, dossier, third) {
  const app = await openApp(browser, opts);
  const entry = await app.importToCoach([dossier]);
  await app.type('coach.profile.name', name);
  await app.click(`coach.open.${entry.id}`);
  await app.click('coach.tab.interview');
  for (const c of competencies) await app.click(`coach.grid.${c}.level.${c === 'design_prioritisation' ? third : 'autonomous'}`);
  await app.click('coach.tab.decision');
  await app.click('coach.decision.save');
  return { app, entry };
}

test('two jurors: records exchanged, grids compared, a difference settled, the jury decides and attests', async () => {
  const server = await serve(siteDir);
  const opts = { server, today: '2026-12-01', width: 1280, height: 900, config: rs6247 };
  let dossier;
  // The candidate's dossier, exported plain.
  const candidate = await openApp(browser, opts);
  try {
    await candidate.click('welcome.candidate');
    await candidate.click('candidate.start');
    await candidate.click('elig.period.add');
    await candidate.type('elig.period.0.start', '01/09/2024');
    await candidate.click('elig.next');
    await candidate.click('elig.phase.investigation.yes');
    await candidate.click('elig.phase.construction.yes');
    await candidate.click('step.questionnaire');
    await candidate.type('/identity/first_name', 'Anaïs');
    await candidate.type('/identity/last_name', 'Bérubé');
    await candidate.click('step.review');
    dossier = await candidate.download('export.run', work);
    assert.match(path.basename(dossier), /^dossier-berube-anais-2026-12-01\.json$/);
  } finally { await candidate.close(); }

  const sam = await juror(opts, 'Sam Bernard', dossier, 'guided');
  let samRecord;
  try {
    const s = await sam.app.state();
    const e = s.coach.entries[0];
    assert.equal(e.programme, 'rs6247');
    assert.equal(e.status, 'evalue', "a juror's proposal is not the jury's decision");
    assert.deepEqual(e.jury.issues, []);
    await sam.app.click('coach.tab.dossier');
    const dossierText = await sam.app.page.evaluate(() => document.querySelector('#mirror').innerText);
    assert.match(dossierText, /Session de .* 20\d\d \(dossiers jusqu'au .*\) : (pas )?éligible\./, dossierText.slice(0, 600));
    await sam.app.page.mouse.wheel(0, -3000);
    await sam.app.settle(300);
    await sam.app.shot('jury-00-eligibility-next-session-fr');
    await sam.app.click('coach.tab.decision');
    assert.match((await sam.app.reveal('coach.export.evaluation')).label, /pour l'autre juré/);
    await sam.app.shot('jury-01-juror-before-merge-fr');
    // Each juror's machine has its own downloads: the two records carry the same file name.
    samRecord = await sam.app.download('coach.export.evaluation', fs.mkdtempSync(path.join(work, 'sam-')));
  } finally { await sam.app.close(); }

  const alex = await juror(opts, 'Alex Martin', dossier, 'team');
  try {
    const { app } = alex;
    assert.equal((await app.widget('coach.attestation.issue', { timeout: 1000 }).catch(() => null)), null,
      'no attestation before the jury has both records');
    // Importing the coach's own record is refused, and says why.
    const own = await app.download('coach.export.evaluation', work);
    await app.pick('coach.jury.import', [own]);
    let s = await app.waitFor((x) => x.coach.entries[0].jury.issues.length > 0, 'the refusal');
    assert.equal(s.coach.entries[0].jury.issues[0].code, 'jury.same_juror');
    assert.match(await app.page.evaluate(() => document.querySelector('#mirror').textContent),
      /Les deux évaluations sont du même membre du jury/);

    await app.pick('coach.jury.import', [samRecord]);
    s = await app.waitFor((x) => x.coach.entries[0].jury.jurors, 'the merge');
    let jury = s.coach.entries[0].jury;
    assert.deepEqual(jury.jurors.map((j) => j.name), ['Alex Martin', 'Sam Bernard']);
    assert.deepEqual(jury.open, ['design_prioritisation']);
    const row = jury.competencies.find((c) => c.competency === 'design_prioritisation');
    assert.equal(row.a, 'team');
    assert.equal(row.b, 'guided');
    assert.equal((await app.reveal('coach.jury.decision.save')).enabled, false, 'not while the jurors differ');
    await app.reveal('coach.jury.grid.design_prioritisation.retain.team');
    await app.shot('jury-02-differences-fr');

    await app.click('coach.jury.grid.design_prioritisation.retain.team');
    s = await app.state();
    jury = s.coach.entries[0].jury;
    assert.deepEqual(jury.open, []);
    await app.click('coach.jury.decision.save');
    s = await app.state();
    assert.equal(s.coach.entries[0].status, 'admis');
    assert.equal(s.coach.entries[0].jury.decision.decision, 'admis');

    await app.type('coach.attestation.place', 'Paris');
    await app.type('coach.attestation.signatory_name', 'Alex Martin');
    await app.type('coach.attestation.signatory_role', 'Jury RS6247');
    await app.click('coach.attestation.issue');
    s = await app.state();
    assert.equal(s.coach.entries[0].jury.attestation_issued, true);
    assert.match(await app.page.evaluate(() => document.querySelector('#mirror').innerText),
      /Attestation délivrée le 1er décembre 2026 à \d\d:\d\d/, 'when, in local time and in words');
    await app.shot('jury-03-decided-fr');

    const record = JSON.parse(fs.readFileSync(await app.download('coach.jury.export', work), 'utf8'));
    assert.equal(record.status, 'admis');
    assert.deepEqual(record.jury.jurors.map((j) => j.name), ['Alex Martin', 'Sam Bernard']);
    assert.equal(record.jury.resolutions[0].retained_level, 'team');
    assert.equal(record.grid.find((g) => g.competency === 'design_prioritisation').observed_level, 'team');
    assert.equal(record.attestation.issued, true);
    assert.equal(record.attestation.date, '2026-12-01', 'dated by default the day of the jury decision');

    // After a reload, the jury's work is all there.
    await app.page.reload();
    await app.page.waitForFunction(() => window.certif && window.certif.stats().frames_rendered > 0);
    await app.click('welcome.coach');
    s = await app.waitFor((x) => x.coach.entries.length === 1 && x.coach.entries[0].jury, 'the restored workspace');
    assert.equal(s.coach.entries[0].status, 'admis');
    assert.equal(s.coach.entries[0].jury.attestation_issued, true);
    await app.click(`coach.open.${s.coach.entries[0].id}`);
    await app.click('coach.tab.decision');
    await app.click('lang.switch');
    await app.reveal('coach.jury.export');
    await app.shot('jury-04-decided-en');
    assert.deepEqual(app.problems.console, []);
    assert.deepEqual(app.problems.pageErrors, []);
  } finally {
    await alex.app.close();
    await server.close();
  }
});
