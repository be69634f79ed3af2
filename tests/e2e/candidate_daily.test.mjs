// Daily use (issue 15), the candidate's side, at 1280×900 (the export at 1200×900) and on a 390×844 phone,
// nothing cut on any screen visited (window.certif.clipped()): the overview names the next session and its
// dossier deadline; the evidence's length guidance and the review agree (one advised length, advice and
// not a gap); "Remplacer" does not stay pressed once the file chooser is closed; the export's result is
// in view once it is done; a reload reopens the step and the scroll the candidate was at.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { launch, openApp, siteDir, root, assertNothingClipped } from './harness.mjs';
import { serve } from './server.mjs';

const certif = process.env.CERTIF_CLI || path.join(root, 'build/native/certif');
const source = path.join(root, 'tests/data/bundles/complete');
// The seed's RS3536 (the sample dossier's), with the host's next session dated in config.js.
const config = {
  programme: 'rs3536',
  sessions: [{ id: 'fevrier-2027', label: { fr: 'Session de février 2027', en: 'February 2027 session' },
    dossier_deadline: '2027-01-15', interviews_from: '2027-02-01' }],
};

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });


const mirror = (app) => app.page.evaluate(() => document.querySelector('#mirror').innerText);

// Scrolls the page with the mouse wheel by `dy` CSS pixels and waits for the frame.
async function wheel(app, dy) {
  const { width, height } = app.page.viewportSize();
  await app.page.mouse.move(width / 2, height * 0.6);
  await app.page.mouse.wheel(0, dy);
  await app.settle(100);
}

test('a candidate\'s day: overview dates, advised length, replace, export in view, reload where it was', async () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'certif-candidate-daily-'));
  const bundle = path.join(tmp, 'dossier-complet.json');
  execFileSync(certif, ['pack', source, '-o', bundle]);
  const replacement = path.join(tmp, 'maquette-v2.pdf');
  fs.writeFileSync(replacement, '%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
  const server = await serve(siteDir);
  try {
    for (const [width, height, tag] of [[1280, 900, 'wide'], [390, 844, 'phone']]) {
      const app = await openApp(browser, { server, today: '2026-11-28', width, height, config });
      try {
        // The overview: the next session of the programme's calendar and its dossier deadline.
        await app.click('welcome.candidate');
        let text = await mirror(app);
        assert.match(text, /Prochaine session\u00a0: Session de février 2027/, `${tag}: the next session is named`);
        assert.match(text, /15 janvier 2027/, `${tag}: and the dossier's deadline`);
        await app.shot(`candidate-daily-01-overview-${tag}`);
        await assertNothingClipped(app, `${tag} overview`);

        // A dossier whose evidences are all under the advised 300 characters: complete, with advice.
        await app.pick('import.pick', [bundle]);
        let s = await app.waitFor((x) => x.candidate.answers.identity.first_name !== '' && x.storage.pending === 0, 'the imported dossier');
        assert.equal(s.candidate.step, 'review');
        assert.ok(s.candidate.answers.competencies.every((c) => [...c.evidence].length < 300), 'every evidence is short');
        assert.equal(s.candidate.readiness.length, 0, 'nothing is missing: the dossier is complete');
        await app.settle(300);
        text = await mirror(app);
        assert.match(text, /Dossier complet/);
        assert.match(text, /compétences sont décrites en moins de 300 caractères/, `${tag}: the review says the evidences are short`);
        assert.match(text, /Conseil\s*:/);
        await app.page.mouse.move(5, 5);
        await app.shot(`candidate-daily-02-review-advice-${tag}`);
        await assertNothingClipped(app, `${tag} review`);
        // Its advice leads to the box, whose guidance gives the same number, as advice.
        await app.click('review.advice/competencies/0/evidence');
        s = await app.state();
        assert.equal(s.candidate.step, 'questionnaire');
        await app.settle(300);
        text = await mirror(app);
        assert.match(text, /300 caractères conseillés/, `${tag}: the guidance under the box`);
        assert.doesNotMatch(text, /caractères au moins/, 'no minimum the review does not apply');
        await wheel(app, 260);  // the guidance under the box, in the picture
        await app.page.mouse.move(5, 5);
        await app.shot(`candidate-daily-03-guidance-${tag}`);
        await assertNothingClipped(app, `${tag} questionnaire`);

        // Replacing a piece: once the file chooser is closed, the button is not drawn hovered or pressed.
        await app.click('step.pieces');
        // (A button the pointer was left on is drawn hovered: what "hot" tells.)
        assert.equal((await app.widgets()).find((w) => w.id === 'step.pieces').hot, true, 'hot: drawn hovered');
        const file = s.candidate.answers.pieces.findIndex((p) => p.id === 'mockup');
        const replace = `/pieces/${file}/files/0/replace`;
        await app.pick(replace, [replacement]);
        s = await app.waitFor((x) => x.candidate.answers.pieces[file].files[0].name === 'maquette-v2.pdf' && x.storage.pending === 0, 'the replacement');
        await app.settle(200);
        const after = (await app.widgets()).find((w) => w.id === replace);
        assert.equal(after.hot, false, `${tag}: "Remplacer" is not left pressed`);
        await app.shot(`candidate-daily-04-replaced-${tag}`);
        await assertNothingClipped(app, `${tag} pieces`);

        // A reload reopens the same step, scrolled where it was.
        await wheel(app, 400);
        s = await app.waitFor((x) => x.candidate.scroll > 100, 'the scroll kept');
        const scrolled = s.candidate.scroll;
        const before = (await app.widgets()).find((w) => w.id === replace && w.visible !== false);
        await app.page.reload();
        await app.page.waitForFunction(() => window.certif && window.certif.state().storage.status === 'ready');
        s = await app.waitFor((x) => !x.candidate.restoring_scroll, 'the scroll reopened');
        assert.equal(s.screen, 'candidate', `${tag}: not the welcome page`);
        assert.equal(s.candidate.step, 'pieces');
        assert.ok(Math.abs(s.candidate.scroll - scrolled) <= 2, `${tag}: scroll ${scrolled} → ${s.candidate.scroll}`);
        await app.settle(600);
        if (before) {
          const back = (await app.widgets()).find((w) => w.id === replace);
          assert.ok(Math.abs(back.y - before.y) <= 3, `${tag}: the replace button at y ${before.y} → ${back.y}`);
        }
        await app.page.mouse.move(5, 5);
        await app.shot(`candidate-daily-05-reloaded-${tag}`);
        await assertNothingClipped(app, `${tag} pieces after reload`);

        // The export, pressed where its button meets the bottom edge: its result is in view once done.
        if (tag === 'wide') await app.page.setViewportSize({ width: 1200, height: 900 });
        const view = app.page.viewportSize();
        await app.click('step.review');
        await app.reveal('export.run');
        // Bring the button to the bottom edge, half cut, as the issue saw it.
        for (let i = 0; i < 20; ++i) {
          const w = (await app.widgets()).find((x) => x.id === 'export.run');
          const off = w.y + w.h * 0.6 - view.height;
          if (Math.abs(off) < 6) break;
          await wheel(app, off);
        }
        let button = (await app.widgets()).find((x) => x.id === 'export.run');
        assert.ok(button.y + button.h > view.height - 4, `${tag}: the button starts at the bottom edge (${button.y} + ${button.h})`);
        const pending = app.page.waitForEvent('download');
        const w = await app.widget('export.run');
        await app.page.mouse.move(w.x + w.w / 2, w.y + 2);
        await app.page.waitForTimeout(50);
        await app.page.mouse.down();
        await app.page.waitForTimeout(50);
        await app.page.mouse.up();
        const download = await pending;
        assert.match(download.suggestedFilename(), /^dossier-.*\.json$/);
        s = await app.waitFor((x) => x.export.last_file !== '' && !x.export.running, 'the export');
        await app.settle(400);
        button = (await app.widgets()).find((x) => x.id === 'export.run');
        // Under the button: "✓ Dernier export…" and the file's size, two lines at most three on a phone.
        const lines = tag === 'phone' ? 4 : 2;
        assert.ok(button.visible !== false && button.y >= 0, `${tag}: the button in view`);
        assert.ok(button.y + button.h + lines * 22 <= view.height, `${tag}: the confirmation in view (button ends at ${button.y + button.h} of ${view.height})`);
        text = await mirror(app);
        assert.match(text, /Dernier export/);
        await app.page.mouse.move(5, 5);
        await app.shot(`candidate-daily-06-exported-${tag}`);
        await assertNothingClipped(app, `${tag} review after export`);
        assert.deepEqual(app.problems.pageErrors, []);
      } finally { await app.close(); }
    }
  } finally { await server.close(); }
});
