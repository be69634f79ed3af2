// The holders' declaration to the SI CPF in the browser (#17): a candidate fills the questionnaire's
// optional identity section (each problem named at its field, as the flux will be checked) and exports;
// the coach admits that candidate and another whose dossier has no such section; the cohort screen says who is
// ready and what the other lacks, field by field, in French; the profile's idClient and idContrat are
// checked as the XSD restricts them; the XML flux downloaded holds the ready holder only, is valid against
// our XSD (tests/data/cpf/flux.xsd.in, from the CDC XSD 1.1.2's facts) with xmllint, and is the file
// `certif cpf` writes for the same record. Screenshots at 1280×900 and 390×844, no text clipped.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { launch, openApp, siteDir, root, assertClean, assertNothingClipped } from './harness.mjs';
import { serve } from './server.mjs';

const certif = process.env.CERTIF_CLI || path.join(root, 'build/native/certif');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'certif-cpf-'));
const at = (name) => path.join(work, name);
const samples = path.join(root, 'assets/samples');
const competencies = ['user_research', 'ideation', 'prototyping', 'testing', 'business_model', 'acquisition', 'pitch'];

let browser, server;
before(async () => {
  browser = await launch();
  server = await serve(siteDir);
  const xsd = fs.readFileSync(path.join(root, 'tests/data/cpf/flux.xsd.in'), 'utf8').replaceAll('@ACTION@', '').replaceAll('@NIR@', '');
  fs.writeFileSync(at('flux.xsd'), xsd);
});
after(async () => { await browser.close(); await server.close(); });

async function admit(app, id) {
  await app.click(`coach.open.${id}`);
  await app.click('coach.tab.interview');
  for (const c of competencies) await app.click(`coach.grid.${c}.level.autonomous`);
  await app.click('coach.tab.decision');
  await app.click('coach.decision.kind.admis');
  await app.click('coach.decision.save');
  await app.waitFor((x) => x.coach.entries.find((e) => e.id === id).status === 'admis', 'admitted');
  await app.click('coach.back');
}

// Replaces a field's text as a user does: select all, type.
async function retype(app, id, text) {
  await app.click(id);
  await app.page.keyboard.press('Control+A');
  await app.page.keyboard.type(text, { delay: 15 });
}

async function pick(app, id, files) {
  const chooser = app.page.waitForEvent('filechooser');
  await app.click(id);
  await (await chooser).setFiles(files);
}

test('the candidate gives the identity the CPF declaration needs; each problem is named at its field', async () => {
  const app = await openApp(browser, { server, today: '2026-11-28', width: 1280, height: 900 });
  await app.click('welcome.candidate');
  await pick(app, 'import.pick', [path.join(samples, 'complete.json')]);
  await app.waitFor((x) => x.candidate.answers.identity.first_name !== '', 'the sample dossier imported');
  await app.click('step.questionnaire');
  await app.type('/cpf_identity/birth_name', ' Lefèvre');  // a space at the start: named
  await app.type('/cpf_identity/usage_name', "L'Hôte-Lefèvre");
  await app.type('/cpf_identity/first_names/0', 'Hélène');
  await app.type('/cpf_identity/first_names/1', 'Marie');
  await app.click('/cpf_identity/sex/F');
  await app.type('/cpf_identity/birth_date', '14/03/1985');
  await app.type('/cpf_identity/birth_place_name', 'Paris');
  await app.type('/cpf_identity/birth_insee_code', '7505');  // four characters: named
  let s = await app.waitFor((x) => (x.candidate.answers.cpf_identity || {}).birth_insee_code === '7505', 'the section typed');
  assert.equal(s.candidate.answers.cpf_identity.birth_date, '1985-03-14', 'the date read as a date');
  await app.reveal('/cpf_identity/birth_insee_code');
  await app.shot('cpf-00-candidate-errors');
  await app.page.waitForFunction(() => document.querySelector('#mirror').innerText.includes('Longueur non acceptée'), null, { timeout: 10000 });
  const text = await app.page.evaluate(() => document.querySelector('#mirror').innerText);
  assert.match(text, /Retirez l'espace au début ou à la fin/);
  assert.match(text, /Longueur non acceptée/);
  await assertNothingClipped(app, 'the identity section');
  // Corrected: the same fields, the flux's rules satisfied.
  await retype(app, '/cpf_identity/birth_name', 'Lefèvre');
  await retype(app, '/cpf_identity/birth_insee_code', '75056');
  s = await app.waitFor((x) => x.candidate.answers.cpf_identity.birth_insee_code === '75056' &&
    x.candidate.answers.cpf_identity.birth_name === 'Lefèvre', 'the section corrected');
  await app.reveal('/cpf_identity/birth_country_name');
  // The text version follows the canvas a frame or two later.
  await app.page.waitForFunction(() => document.querySelector('#mirror').innerText.includes('Ces données suffisent à la déclaration'),
    null, { timeout: 10000 });
  await app.shot('cpf-00b-candidate-ready');
  await app.page.setViewportSize({ width: 390, height: 844 });
  await app.settle(300);
  await app.reveal('/cpf_identity/birth_insee_code');
  await app.shot('cpf-00c-candidate-phone');
  await assertNothingClipped(app, 'the identity section on a phone');
  await app.page.setViewportSize({ width: 1280, height: 900 });
  await app.settle(300);  // the widgets' rectangles of the wide layout
  await app.click('step.review');
  await app.waitFor((x) => x.candidate.step === 'review', 'the review');
  fs.copyFileSync(await app.download('export.run', work), at('avec-identite.json'));
  const bundle = JSON.parse(fs.readFileSync(at('avec-identite.json'), 'utf8'));
  assert.deepEqual(bundle.answers.cpf_identity.first_names, ['Hélène', 'Marie']);
  assert.equal(bundle.answers.cpf_identity.usage_name, "L'Hôte-Lefèvre");
  assert.equal(bundle.lang, 'fr', 'the language the coach writes to the candidate in');
  const report = JSON.parse(execFileSync(certif, ['validate', '--json', at('avec-identite.json')], { encoding: 'utf8' }));
  assert.equal(report.files[0].valid, true, JSON.stringify(report));
  assertClean(app);
  await app.close();
});

test('the coach declares the ready holder to the CPF; the other is named with what is missing', async () => {
  const app = await openApp(browser, { server, today: '2026-11-28', width: 1280, height: 900 });
  await app.click('welcome.coach');
  await app.type('coach.profile.name', 'Noémie Durand');
  await app.type('coach.profile.organisation', 'NUMA');

  const chooser = app.page.waitForEvent('filechooser');
  await app.click('coach.import');
  await (await chooser).setFiles([at('avec-identite.json'), path.join(samples, 'incomplete.json')]);
  let s = await app.waitFor((x) => x.coach.entries.length === 2 && x.coach.entries.every((e) => e.check === 'valid'), 'both imported');
  const withIdentity = s.coach.entries.find((e) => e.file === 'avec-identite.json');
  const without = s.coach.entries.find((e) => e.file === 'incomplete.json');
  await app.click('coach.profile.toggle');
  assert.equal((await app.state()).cpf.declarations.length, 0, 'nothing to declare before an admission');
  for (const e of [withIdentity, without]) await admit(app, e.id);

  s = await app.state();
  assert.equal(s.cpf.declarations.length, 1);
  const d = s.cpf.declarations[0];
  assert.equal(d.certification, 'RS3536');
  assert.equal(d.ready, 1);
  assert.equal(d.can_export, false, 'the profile has no CPF identifiers yet');
  assert.ok(d.settings_issues.some((i) => i.path === 'settings/emetteur_id_client'));
  const missing = d.holders.find((h) => h.entry === without.id);
  assert.equal(missing.ready, false);
  assert.equal(missing.issues[0].code, 'cpf.identity_missing');
  assert.equal(d.holders.find((h) => h.entry === withIdentity.id).ready, true);
  const exportId = 'coach.cpf.export.RS3536';
  await app.reveal(exportId);
  assert.equal((await app.widget(exportId)).enabled, false, 'the export waits for the profile');
  await app.shot('cpf-01-profile-missing');

  // The profile's identifiers: a wrong length is named, then the right values allow the export.
  await app.click('coach.profile.toggle');
  await app.type('coach.profile.cpf_id_client', '03DINUM');
  await app.type('coach.profile.cpf_id_contrat', 'MCFCER000209');
  s = await app.waitFor((x) => x.cpf.declarations[0].settings_issues.length > 0 &&
    x.cpf.declarations[0].settings_issues.every((i) => i.path !== 'settings/id_contrat'), 'the contract taken');
  assert.ok(s.cpf.declarations[0].settings_issues.some((i) => i.code === 'cpf.length'), 'seven characters refused');
  await app.type('coach.profile.cpf_id_client', '1');
  s = await app.waitFor((x) => x.cpf.declarations[0].can_export, 'the profile complete');
  await app.click('coach.profile.toggle');
  await app.reveal(exportId);
  await app.shot('cpf-02-ready');
  await assertNothingClipped(app, 'the declaration');
  await app.page.waitForFunction(() => document.querySelector('#mirror').innerText.includes('Passeport de compétences (CPF)'), null, { timeout: 10000 });
  const text = await app.page.evaluate(() => document.querySelector('#mirror').innerText);  // the text version
  assert.match(text, /Déclaration des titulaires au Passeport de compétences/);
  assert.match(text, /le dossier ne contient pas les données d'identité demandées pour le CPF/, 'the missing data said in French');

  const file = await app.download(exportId, work);
  assert.match(path.basename(file), /^declaration-cpf-RS3536-\d{4}-\d{2}-\d{2}\.xml$/);
  const xml = fs.readFileSync(file, 'utf8');
  execFileSync('xmllint', ['--noout', '--schema', at('flux.xsd'), file], { stdio: 'pipe' });
  assert.equal(xml.split('<cpf:passageCertification>').length - 1, 1, 'the ready holder only');
  assert.match(xml, /<cpf:nomNaissance>Lefèvre<\/cpf:nomNaissance>/);
  assert.match(xml, /<cpf:nomUsage>L'Hôte-Lefèvre<\/cpf:nomUsage>/);
  assert.match(xml, /<cpf:prenom2>Marie<\/cpf:prenom2>/);
  assert.match(xml, /<cpf:idClient>03DINUM1<\/cpf:idClient>/);
  assert.match(xml, /<cpf:idContrat>MCFCER000209<\/cpf:idContrat>/);
  assert.match(xml, /<cpf:obtentionCertification>PAR_ADMISSION<\/cpf:obtentionCertification>/);

  // The same file as `certif cpf` writes from the coach's record and the bundle, at the same time stamp.
  await app.click(`coach.open.${withIdentity.id}`);
  await app.click('coach.tab.decision');
  const record = await app.download('coach.export.evaluation', work);
  await app.click('coach.back');
  const stamp = xml.match(/<cpf:horodatage>([^<]+)<\/cpf:horodatage>/)[1].replace('+00:00', 'Z');
  fs.writeFileSync(at('settings.json'), JSON.stringify({ emetteur_id_client: '03DINUM1', certificateur_id_client: '03DINUM1',
    id_contrat: 'MCFCER000209', certification_code: 'RS3536' }));
  execFileSync(certif, ['cpf', record, at('avec-identite.json'), '--settings', at('settings.json'), '--timestamp', stamp,
    '-o', at('cli.xml')], { stdio: 'pipe' });
  assert.equal(fs.readFileSync(at('cli.xml'), 'utf8'), xml, 'the app and the CLI write the same flux');

  // On a phone: the same section, nothing cut.
  await app.page.setViewportSize({ width: 390, height: 844 });
  await app.settle(300);
  await app.reveal(exportId);
  await app.shot('cpf-03-phone');
  await assertNothingClipped(app, 'the declaration on a phone');
  assertClean(app);
  await app.close();
});
