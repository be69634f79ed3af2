// The programme's JSON Schema (assets/schema/programme-v1.schema.json), checked by an independent
// validator (Ajv, draft 2020-12): every shipped programme conforms to it AND is read by certif-intra's own
// reader (through `certif eligibility --programme ID`, which loads the embedded copy with its referential
// and ruleset); programmes the schema can tell are broken are refused.
//   node tests/schema/validate_programme_schema.mjs CERTIF ROOT
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';

const [certif, root] = process.argv.slice(2);
if (!certif || !root) {
  console.error('usage: node validate_programme_schema.mjs CERTIF ROOT');
  process.exit(2);
}
const fail = (message) => { console.error(`FAIL: ${message}`); process.exit(1); };

const schema = JSON.parse(readFileSync(join(root, 'assets/schema/programme-v1.schema.json'), 'utf8'));
const ajv = new Ajv2020({ strict: true, allErrors: true, allowUnionTypes: true });
const validate = ajv.compile(schema);
const explain = () => ajv.errorsText(validate.errors, { separator: '\n  ' });

const dir = join(root, 'assets/programmes');
const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
if (files.length < 2) fail(`expected the shipped programmes in ${dir}`);
const input = JSON.stringify({ reference_date: '2026-12-02', periods: [],
  phases: { investigation: true, construction: true } });
for (const f of files) {
  const programme = JSON.parse(readFileSync(join(dir, f), 'utf8'));
  if (!validate(programme)) fail(`${f} does not conform to the schema:\n  ${explain()}`);
  if (`${programme.id}.json` !== f) fail(`${f} holds programme ${programme.id}: expected the file to be named after it`);
  let out;
  try {
    out = execFileSync(certif, ['eligibility', '--programme', programme.id, '-'], { input, encoding: 'utf8' });
  } catch (e) {
    fail(`certif-intra's reader refuses ${f} (or it is not embedded): ${e.stderr}`);
  }
  const verdict = JSON.parse(out);
  if (verdict.programme?.id !== programme.id) fail(`${f}: the CLI used programme ${verdict.programme?.id}`);
}

// Broken programmes the schema can tell.
const base = JSON.parse(readFileSync(join(dir, 'rs6247.json'), 'utf8'));
const broken = {
  'another format': (p) => { p.format = 'certif-intra/dossier'; },
  'no certifier': (p) => { delete p.certifier; },
  'an unknown interview mode': (p) => { p.assessment.modes.push('pigeon'); },
  'month 13': (p) => { p.calendar.months = [5, 13]; },
  'an http source': (p) => { p.sources[0].url = 'http://example.org/'; },
  'no assessor': (p) => { p.assessment.assessors.count = 0; },
};
for (const [label, damage] of Object.entries(broken)) {
  const p = structuredClone(base);
  damage(p);
  if (validate(p)) fail(`the schema accepts a programme with ${label}`);
}
console.log(`ok: ${files.length} programmes conform and load; ${Object.keys(broken).length} broken ones refused`);
