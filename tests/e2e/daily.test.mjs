// Daily use (issue 15), the coach's side: a session's cohort of twenty files with long names, read at
// 1280×900 and on a 390×844 phone with nothing cut (window.certif.clipped()), an incomplete dossier
// read in the third person with its gaps in the interface's language.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { launch, openApp, siteDir, root } from './harness.mjs';
import { serve } from './server.mjs';

const certif = process.env.CERTIF_CLI || path.join(root, 'build/native/certif');
const source = path.join(root, 'tests/data/bundles/complete');

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

const people = [
  ['Anaïs', 'Bérubé-Ó Súilleabháin'], ['Jean-Baptiste', 'de La Rochefoucauld-Montmorency'], ['Zoé', 'Ng'],
  ['Marie-Éléonore', 'Vanden Bossche-Abdelkader'], ['Łukasz', 'Wiśniewski'], ['Thi Minh Khai', 'Nguyễn'],
  ['Ségolène', 'Aït-Bouziane'], ['Hugo', 'Lemoine'], ['Nour', 'El Mansouri-Delacroix'], ['Yannick', 'Le Goff'],
  ['Clémentine', 'Dupont-Aignan de Saint-Exupéry'], ['Ève', 'Öztürk'], ['Kofi', 'Mensah'], ['Inès', 'Ferreira da Silva'],
  ['Maëlys', 'Kervella'], ['Bastien', 'Wojciechowski-Garnier'], ['Aurélie', 'Quintana'], ['Oumar', 'Diallo'],
  ['Gwenaëlle', 'Le Bihan-Kerhervé'], ['Théo', 'Martin'],
];

// Twenty bundles packed by the CLI from one dossier, each with its own name, e-mail and export day; the
// last one lacks its e-mail and a piece.
function cohort(dir) {
  const answers = JSON.parse(fs.readFileSync(path.join(source, 'answers.json'), 'utf8'));
  return people.map(([first, last], i) => {
    const d = path.join(dir, `b${i}`);
    fs.mkdirSync(d, { recursive: true });
    fs.symlinkSync(path.join(source, 'files'), path.join(d, 'files'));
    const a = structuredClone(answers);
    a.identity.first_name = first;
    a.identity.last_name = last;
    a.identity.email = i === people.length - 1 ? '' : `${first}.${last}`.normalize('NFD').replace(/[^A-Za-z.]/g, '').toLowerCase() + '@administration-exemple.gouv.fr';
    a.startup.name = i % 3 === 0 ? 'Plateforme des aides à la rénovation énergétique des logements' : a.startup.name;
    if (i === people.length - 1) a.pieces.find((p) => p.id === 'deck').files = [];
    fs.writeFileSync(path.join(d, 'answers.json'), JSON.stringify(a));
    const meta = JSON.parse(fs.readFileSync(path.join(source, 'meta.json'), 'utf8'));
    meta.bundle.exported_at = `2026-11-${String(1 + i).padStart(2, '0')}T09:00:00Z`;
    fs.writeFileSync(path.join(d, 'meta.json'), JSON.stringify(meta));
    const out = path.join(dir, `dossier-${i}.json`);
    execFileSync(certif, ['pack', d, '-o', out]);
    return out;
  });
}

async function importAll(app, files) {
  await app.click('welcome.coach');
  await app.pick('coach.import', files);
  return app.waitFor((s) => s.coach.entries.length === files.length &&
                            s.coach.entries.every((e) => e.check === 'valid' || e.check === 'refused') && s.storage.pending === 0,
  'the cohort imported', 120000);
}

async function noneClipped(app, where) {
  await app.settle(200);
  const cut = await app.clipped();
  assert.deepEqual(cut.map((c) => c.text), [], `${where}: texts cut at an edge: ${JSON.stringify(cut.slice(0, 5))}`);
}

const mirror = (app) => app.page.evaluate(() => document.querySelector('#mirror').innerText);

test('a session of twenty files with long names, nothing cut at 1280×900 and 390×844', async () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'certif-daily-'));
  const files = cohort(tmp);
  const refused = path.join(tmp, 'dossier-Anaïs-Bérubé-Ó-Súilleabháin-version-définitive-corrigée-2026-11-27.json');
  fs.writeFileSync(refused, fs.readFileSync(files[0], 'utf8').replace('Ministère', 'Ministere'));
  const server = await serve(siteDir);
  try {
    for (const [width, height, tag] of [[1280, 900, 'wide'], [390, 844, 'phone']]) {
      const app = await openApp(browser, { server, today: '2026-11-28', width, height });
      try {
        const s = await importAll(app, [...files, refused]);
        assert.equal(s.coach.entries.filter((e) => e.check === 'valid').length, 20);
        assert.equal(s.coach.entries.filter((e) => e.check === 'refused').length, 1);
        await app.click('coach.profile.toggle');  // out of the way: the cohort is the page
        await noneClipped(app, `cohort ${tag}`);
        await app.shot(`daily-01-cohort-${tag}`);
        const ids = (await app.widgets()).map((w) => w.id);
        if (tag === 'wide') {
          // The table uses the window's width (up to 1280 CSS px), not the 880 px reading column.
          const open = (await app.widgets()).find((w) => w.id.startsWith('coach.open.'));
          assert.ok(open.x + open.w > 1100, `the table reaches across the window (open button at ${open.x})`);
        } else {
          assert.ok(ids.includes('coach.sort'), 'on a phone the cohort is cards, sorted from a list');
          const open = (await app.widgets()).find((w) => w.id.startsWith('coach.open.'));
          assert.ok(open.x + open.w <= 390, 'each card holds its open button within the phone');
        }
        // Sorted by name still, in either layout; the filter still filters.
        await app.type('coach.filter', 'Bérubé');
        await app.settle();
        const opens = (await app.widgets()).filter((w) => w.id.startsWith('coach.open.'));
        assert.equal(opens.length, 2, 'the valid file and the refused one match the name');
        await app.click('coach.filter');
        await app.chord('Control', 'a');
        await app.chord('Backspace');

        // The incomplete dossier, read by the coach: in the third person, its gaps in French.
        const last = s.coach.entries.find((e) => e.check === 'valid' && e.email === '');
        assert.ok(last, 'the dossier without e-mail');
        await app.reveal(`coach.open.${last.id}`);
        const before = (await app.widgets()).find((w) => w.id === `coach.open.${last.id}`);
        await app.click(`coach.open.${last.id}`);
        await app.settle(200);
        // A dossier opened from far down the cohort starts at its top; back, the cohort is where it was.
        const back = (await app.widgets()).find((w) => w.id === 'coach.back');
        assert.ok(back && back.visible !== false && back.y < height / 2, 'the dossier opens at its top');
        const text = await mirror(app);
        assert.match(text, /Le ou la candidat·e/);
        assert.match(text, /Ses compétences, décrites par le ou la candidat·e/);
        assert.doesNotMatch(text, /Vos compétences|Avez-vous mené|\bVous\b/, 'no second person on the coach\'s side');
        assert.match(text, /Non renseigné \(Adresse e-mail\)/, 'the gaps in French');
        assert.doesNotMatch(text, /is missing/, 'never the checker\'s English');
        await noneClipped(app, `dossier ${tag}`);
        await app.shot(`daily-02-dossier-${tag}`);
        await app.click('coach.back');
        await app.settle(200);
        const again = (await app.widgets()).find((w) => w.id === `coach.open.${last.id}`);
        assert.ok(again && again.visible !== false && Math.abs(again.y - before.y) < 40,
          `back at the same place in the cohort (${before.y} then ${again && again.y})`);
      } finally {
        await app.close();
      }
    }
  } finally {
    await server.close();
  }
});
