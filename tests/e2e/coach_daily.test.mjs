// Daily use (issue 15), the coach's side: the received-files log (a valid bundle, its duplicate, a
// tampered one and a damaged one; after a reload the refused and the duplicate still leave their line),
// and the e-mail drafts to the candidate (invitation naming its .ics, decision) opened as mailto: links,
// at 1280×900 and on a 390×844 phone, nothing cut.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launch, openApp, siteDir, root, assertNothingClipped } from './harness.mjs';
import { serve } from './server.mjs';

const samples = path.join(root, 'assets/samples');

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });


// window.open recorded, not followed (run before the page's scripts, on every load).
function recordOpens() {
  window.__opened = [];
  window.open = (url) => { window.__opened.push(String(url)); return null; };
}
const opened = (app) => app.page.evaluate(() => window.__opened.slice());

// The parts of a mailto: link, percent-decoded.
function mailto(uri) {
  assert.ok(uri.startsWith('mailto:'), uri);
  const [to, query] = uri.slice(7).split('?');
  const q = new URLSearchParams(query);
  return { to: decodeURIComponent(to), subject: q.get('subject'), body: q.get('body') };
}

const verdicts = (s) => s.coach.received.lines.map((l) => [l.name, l.verdict, l.reason]);

test('received files logged across a reload; invitation and decision e-mail drafts, at 1280×900 and 390×844', async () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'certif-coach-daily-'));
  const complete = path.join(samples, 'complete.json');
  const text = fs.readFileSync(complete, 'utf8');
  const copy = path.join(tmp, 'dossier-martin-copie.json');
  fs.writeFileSync(copy, text);
  const tampered = path.join(tmp, 'dossier-retouché.json');
  fs.writeFileSync(tampered, text.replace('Mon Compost Facile', 'Mon Compost Génial'));
  const damaged = path.join(tmp, 'dossier-abîmé.json');
  fs.writeFileSync(damaged, text.slice(0, 4000));
  const expected = [
    ['complete.json', 'accepted', ''],
    ['dossier-martin-copie.json', 'duplicate', ''],
    ['dossier-retouché.json', 'refused', 'bundle.integrity_mismatch'],
    ['dossier-abîmé.json', 'refused', 'json.unexpected_end'],
  ];
  const server = await serve(siteDir);
  try {
    for (const [width, height, tag] of [[1280, 900, 'wide'], [390, 844, 'phone']]) {
      const app = await openApp(browser, { server, today: '2026-11-28', width, height, init: recordOpens });
      try {
        await app.click('welcome.coach');
        await app.type('coach.profile.name', 'Noémie Durand');
        await app.type('coach.profile.organisation', 'NUMA');
        await app.click('coach.profile.toggle');
        // One at a time, so that the log's order is the files' order.
        for (const [i, file] of [complete, copy, tampered, damaged].entries()) {
          await app.pick('coach.import', [file]);
          await app.waitFor((x) => x.coach.received.lines.length === i + 1 && x.storage.pending === 0, `the verdict on ${file}`, 60000);
        }
        let s = await app.state();
        assert.deepEqual(verdicts(s), expected);
        assert.equal(s.coach.received.lines[0].candidate, 'Camille Martin');
        assert.equal(s.coach.received.cap, 200);
        assert.ok(s.coach.received.lines.every((l) => /^2026-11-28T\d\d:\d\d:\d\dZ$/.test(l.at)), 'each line says when');

        // Reload: the refused files and the duplicate are not in the cohort, but the log has them.
        await app.page.reload();
        await app.page.waitForFunction(() => window.certif && window.certif.state().coach.entries.length >= 1);
        s = await app.state();
        assert.equal(s.coach.entries.length, 1, 'only the accepted bundle is kept in the workspace');
        assert.deepEqual(verdicts(s), expected, 'the log survived the reload');
        if (s.screen !== 'coach') await app.click('welcome.coach');
        await app.click('coach.log');
        await app.settle(200);
        const mirror = await app.page.evaluate(() => document.querySelector('#mirror').innerText);
        assert.match(mirror, /Fichiers reçus/);
        assert.match(mirror, /Doublon/);
        assert.match(mirror, /modifié après l'export/);
        await assertNothingClipped(app, `log ${tag}`);
        await app.reveal('coach.log');
        await app.shot(`coach-daily-01-log-${tag}`);

        // The invitation: planned, its .ics exported, the e-mail draft naming that very file.
        const entry = s.coach.entries[0];
        await app.click(`coach.open.${entry.id}`);
        await app.click('coach.tab.interview');
        assert.equal((await app.reveal('coach.mail.invitation')).enabled, false, 'nothing to invite to before a plan');
        await app.type('coach.plan.date', '05/12/2026');
        await app.type('coach.plan.time', '14:30');
        await app.type('coach.plan.location', 'https://visio.example.fr/salle?id=42&pin=7');
        const ics = path.basename(await app.download('coach.plan.ics', tmp));
        assert.equal(ics, 'entretien-martin-camille-2026-12-05.ics');
        await app.click('coach.mail.invitation');
        let links = await opened(app);
        assert.equal(links.length, 1, 'one draft opened');
        assert.ok(links[0].length <= 2000, `under 2,000 characters (${links[0].length})`);
        assert.doesNotMatch(links[0], /[ \n]/, 'percent-encoded');
        let mail = mailto(links[0]);
        assert.equal(mail.to, 'camille.martin@example.gouv.fr');
        assert.match(mail.subject, /5 décembre 2026/);
        assert.match(mail.body, /^Bonjour Camille,\r\n/);
        assert.ok(mail.body.includes(`«\u00a0${ics}\u00a0»`), `the body names the .ics to attach: ${mail.body}`);
        assert.ok(mail.body.includes('https://visio.example.fr/salle?id=42&pin=7'), 'the link\'s ? and & come through');
        assert.match(mail.body, /Noémie Durand\r\nNUMA$/);
        await app.reveal('coach.mail.invitation');
        await assertNothingClipped(app, `interview ${tag}`);
        await app.shot(`coach-daily-02-invitation-${tag}`);

        // The decision: recorded, then its draft.
        await app.click('coach.tab.decision');
        assert.equal((await app.reveal('coach.mail.decision')).enabled, false, 'no decision yet');
        await app.click('coach.decision.kind.ajourne');
        await app.type('coach.decision.reasons', 'Pièce « tableau d’investissement » à compléter & à signer ?');
        await app.click('coach.decision.save');
        await app.click('coach.mail.decision');
        links = await opened(app);
        assert.equal(links.length, 2);
        mail = mailto(links[1]);
        assert.equal(mail.to, 'camille.martin@example.gouv.fr');
        assert.match(mail.subject, /décision du 28 novembre 2026/);
        assert.match(mail.body, /ajournée/);
        assert.ok(mail.body.includes('à compléter & à signer ?'), 'the reasons, & and ? included');
        // The attestation's buttons wrap within the phone rather than pass its edge.
        const download = await app.reveal('coach.attestation.download');
        assert.ok(download.x + download.w <= width, `the attestation's download button within the window (${download.x + download.w})`);
        await app.reveal('coach.mail.decision');
        await assertNothingClipped(app, `decision ${tag}`);
        await app.shot(`coach-daily-03-decision-${tag}`);
        assert.deepEqual(app.problems.pageErrors, []);
        assert.deepEqual(app.problems.console, []);
        assert.deepEqual(app.problems.offOrigin, []);
      } finally {
        await app.close();
      }
    }
  } finally {
    await server.close();
  }
});
