// The coach's workspace in the browser: import three bundles (one tampered), review one (answers,
// pieces: an image shown in the app, a CSV as a table), plan and run the interview, fill the grid,
// decide, export the evaluation and the attestation, reload and find the workspace intact.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { launch, openApp, siteDir, root } from './harness.mjs';
import { serve } from './server.mjs';

const certif = process.env.CERTIF_CLI || path.join(root, 'build/native/certif');
const samples = path.join(root, 'assets/samples');

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

async function waitFor(app, predicate, what, timeout = 30000) {
  const end = Date.now() + timeout;
  for (;;) {
    const s = await app.state();
    if (predicate(s)) return s;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(s.coach.entries.map((e) => [e.file, e.check]))}`);
    await app.page.waitForTimeout(100);
  }
}


test('a cohort: import, triage, review, interview, decision, exports, reload', async () => {
  const server = await serve(siteDir);
  const app = await openApp(browser, { server, today: '2026-11-28', width: 1200, height: 950 });
  try {
    await app.click('welcome.coach');
    // The coach's profile first: it goes into records, invitations and attestations.
    await app.type('coach.profile.name', 'Noémie Durand');
    await app.type('coach.profile.organisation', 'NUMA');
    await app.type('coach.profile.place', 'Paris');
    await app.type('coach.profile.signatory_name', 'Noémie Durand');
    await app.type('coach.profile.signatory_role', 'Coach certificatrice');

    const tampered = path.join(os.tmpdir(), 'dossier-retouche.json');
    fs.writeFileSync(tampered, fs.readFileSync(path.join(samples, 'complete.json'), 'utf8').replace('Mon Compost Facile', 'Mon Compost Génial'));
    const chooser = app.page.waitForEvent('filechooser');
    await app.click('coach.import');
    await (await chooser).setFiles([path.join(samples, 'complete.json'), path.join(samples, 'large.json'), tampered]);
    // Attachments leave the heap once local storage confirms their writes (storage.pending back to 0).
    let s = await waitFor(app, (x) => x.coach.entries.length === 3 && x.coach.entries.every((e) => e.check === 'valid' || e.check === 'refused') && x.storage.pending === 0, 'the import');
    const [complete, large, bad] = s.coach.entries;
    assert.equal(complete.check, 'valid');
    assert.equal(large.check, 'valid');
    assert.equal(bad.check, 'refused');
    assert.equal(bad.refusal[0].code, 'bundle.integrity_mismatch', 'the tampered bundle is refused as modified after export');
    assert.equal(complete.eligibility, 'eligible');
    assert.equal(complete.status, 'a_examiner');
    assert.equal(complete.bytes_in_heap, false, 'verified attachments leave the wasm heap');
    await app.shot('coach-01-cohort');

    // Review: answers, then the pieces (an image decoded in the app, a CSV as a table).
    await app.click(`coach.open.${complete.id}`);
    await app.shot('coach-02-dossier');
    await app.click('coach.tab.pieces');
    const widgets = await app.widgets();
    const imageView = widgets.find((w) => /^coach\.piece\.\d+\.file\.\d+\.view$/.test(w.id) && w.label === 'Voir');
    assert.ok(imageView, 'an image or table can be viewed in the app');
    s = await app.state();
    await app.click(imageView.id);
    s = await waitFor(app, (x) => x.coach.viewed && !x.coach.viewed.loading, 'the viewed piece');
    assert.ok(s.coach.viewed.bytes > 0, 'fetched back from local storage');
    await app.settle(400);
    await app.shot('coach-03-piece-viewer');

    // Interview: plan it, export the invitation, run the timer, fill the grid.
    await app.click('coach.tab.interview');
    await app.type('coach.plan.date', '05/12/2026');
    await app.type('coach.plan.time', '14:30');
    s = await app.state();
    let entry = s.coach.entries.find((e) => e.id === complete.id);
    assert.equal(entry.status, 'entretien_planifie');
    assert.equal(entry.evaluation.interview.planned.date, '2026-12-05');
    const ics = fs.readFileSync(await app.download('coach.plan.ics', os.tmpdir()), 'utf8');
    assert.match(ics, /^BEGIN:VCALENDAR\r\n/);
    assert.match(ics, /DTSTART;TZID=Europe\/Paris:20261205T143000/);
    await app.click('coach.timer.start');
    await app.page.waitForTimeout(1500);
    await app.click('coach.timer.pause');
    s = await app.state();
    entry = s.coach.entries.find((e) => e.id === complete.id);
    assert.ok(entry.evaluation.interview.held.elapsed_seconds >= 1, 'the timer counted');
    for (const c of ['user_research', 'ideation', 'prototyping', 'testing', 'business_model', 'acquisition', 'pitch']) {
      await app.click(`coach.grid.${c}.level.autonomous`);
    }
    await app.type('coach.grid.user_research.said', 'A décrit sa grille d’entretien et ses 12 entretiens « terrain ».');
    s = await app.state();
    entry = s.coach.entries.find((e) => e.id === complete.id);
    assert.equal(entry.evaluation.grid.find((g) => g.competency === 'user_research').observed_level, 'autonomous');
    assert.equal(entry.status, 'evalue');
    await app.shot('coach-04-interview');

    // Decision: an ajournement without reasons cannot be recorded; then admis; history kept.
    await app.click('coach.tab.decision');
    await app.click('coach.decision.kind.ajourne');
    assert.equal((await app.widget('coach.decision.save')).enabled, false, 'ajourné needs reasons');
    await app.type('coach.decision.reasons', 'Pièce « tableau d’investissement » à compléter.');
    await app.click('coach.decision.save');
    await app.click('coach.decision.kind.admis');
    await app.click('coach.decision.save');
    s = await app.state();
    entry = s.coach.entries.find((e) => e.id === complete.id);
    assert.equal(entry.status, 'admis');
    assert.deepEqual(entry.evaluation.decisions.map((d) => d.decision), ['ajourne', 'admis']);
    // The date of issue is filled in with the decision's day (#15); the coach may change it.
    await app.click('coach.attestation.issue');
    s = await app.state();
    entry = s.coach.entries.find((e) => e.id === complete.id);
    assert.equal(entry.evaluation.attestation.issued, true);
    assert.equal(entry.evaluation.attestation.date, '2026-11-28');
    await app.shot('coach-05-decision');

    // Exports: the evaluation record (valid for the CLI, tied to the bundle), the attestation.
    const evaluation = await app.download('coach.export.evaluation', os.tmpdir());
    const record = JSON.parse(fs.readFileSync(evaluation, 'utf8'));
    assert.equal(record.format, 'certif-intra/evaluation');
    assert.equal(record.bundle.digest, complete.digest);
    const csv = execFileSync(certif, ['cohort', path.join(samples, 'complete.json'), evaluation], { encoding: 'utf8' });
    assert.match(csv, /,admis,admis,2026-11-28,/);
    const attestation = fs.readFileSync(await app.download('coach.attestation.download', os.tmpdir()), 'utf8');
    assert.match(attestation, /Méthodologies d(&#39;|')entrepreneuriat appliquées aux projets d(&#39;|')innovation/);
    assert.match(attestation, /RS3536/);
    assert.match(attestation, /Camille/);
    assert.match(attestation, /Paris/);
    assert.doesNotMatch(attestation, /aperçu/i, 'the issued attestation is never marked provisional');

    // The cohort table, from the list.
    await app.click('coach.back');
    const table = fs.readFileSync(await app.download('coach.export_csv', os.tmpdir()), 'utf8');
    assert.ok(table.startsWith('\uFEFF'), 'UTF-8 with a BOM');
    assert.match(table, /Martin/);
    assert.match(table, /Benali/);

    // Reload: the workspace is intact, and the pieces are still there.
    await waitFor(app, (x) => x.storage.pending === 0, 'the saves');
    await app.page.reload();
    await app.page.waitForFunction(() => window.certif && window.certif.state().coach.entries.length >= 2);
    s = await app.state();
    const back = s.coach.entries.find((e) => e.digest === complete.digest);
    assert.equal(back.status, 'admis');
    assert.equal(back.evaluation.attestation.issued, true);
    assert.equal(s.coach.profile.name, 'Noémie Durand');
    assert.equal(s.coach.entries.filter((e) => e.check === 'valid').length, 2);
    assert.deepEqual(app.problems.pageErrors, []);
    assert.deepEqual(app.problems.console, []);
    assert.deepEqual(app.problems.offOrigin, []);
  } finally { await app.close(); await server.close(); }
});
