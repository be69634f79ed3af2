// The evaluation record's JSON Schema (assets/schema/evaluation-v1.schema.json), checked by an independent
// validator (Ajv, draft 2020-12): the golden record the C++ writer produces and variants of it conform;
// records the schema can tell are broken are refused by both the schema and `certif cohort`.
//   node tests/schema/validate_evaluation_schema.mjs CERTIF ROOT
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';

const [certif, root] = process.argv.slice(2);
if (!certif || !root) {
  console.error('usage: node validate_evaluation_schema.mjs CERTIF ROOT');
  process.exit(2);
}
const fail = (message) => { console.error(`FAIL: ${message}`); process.exit(1); };

const schema = JSON.parse(readFileSync(join(root, 'assets/schema/evaluation-v1.schema.json'), 'utf8'));
const ajv = new Ajv2020({ strict: true, allErrors: true });
const validate = ajv.compile(schema);
const explain = () => ajv.errorsText(validate.errors, { separator: '\n  ' });

// What certif cohort makes of a record on its own: 0 read, 1 refused.
const tmp = mkdtempSync(join(tmpdir(), 'certif-evaluation-schema-'));
const cohortExit = (record) => {
  const file = join(tmp, 'evaluation.json');
  writeFileSync(file, JSON.stringify(record));
  try {
    execFileSync(certif, ['cohort', file, '-o', '-'], { stdio: ['ignore', 'pipe', 'pipe'] });
    return 0;
  } catch (e) {
    return e.status;
  }
};

try {
  // 1. The golden record (tests/data/coach/evaluation-full.json is what core::write_evaluation writes) and
  //    variants of it: the schema and the reader both accept them.
  const golden = JSON.parse(readFileSync(join(root, 'tests/data/coach/evaluation-full.json'), 'utf8'));
  const variants = {
    'the golden record': () => {},
    'a fresh record': (e) => {
      e.interview = { planned: null, held: null };
      for (const g of e.grid) { g.observed_level = null; g.evidence = { pieces: [], said: '' }; g.comment = ''; }
      e.decisions = [];
      e.attestation = null;
      e.status = 'a_examiner';
      e.coach = { name: '', organisation: '', email: '' };
    },
    'an interview planned by telephone': (e) => {
      e.interview.held = null;
      e.interview.planned.mode = 'telephone';
      for (const g of e.grid) g.observed_level = null;
      e.decisions = [];
      e.attestation = { issued: false, date: null, place: '', signatory: { name: '', role: '' }, issued_at: null };
      e.status = 'entretien_planifie';
    },
    'evaluated, no decision yet': (e) => { e.decisions = []; e.attestation = null; e.status = 'evalue'; },
    'adjourned': (e) => { e.decisions.pop(); e.attestation = null; e.status = 'ajourne'; },
    'unknown members': (e) => {
      e['x-workflow'] = { cohort: '2025-printemps', tags: [1, 'deux', null] };
      e.coach.phone = '+33 1 00 00 00 00';
      e.grid[2]['x-score'] = 3.5;
      e.decisions[0]['x-by'] = 'comité';
      e.attestation['x-seal'] = 'none';
    },
  };
  for (const [label, change] of Object.entries(variants)) {
    const e = structuredClone(golden);
    change(e);
    if (!validate(e)) fail(`${label} does not conform to the schema:\n  ${explain()}`);
    const rc = cohortExit(e);
    if (rc !== 0) fail(`certif cohort exits ${rc} for ${label}; expected 0`);
  }

  // 2. What the schema can tell is broken: refused by the schema and by the reader alike.
  const broken = {
    'format version 2': (e) => { e.format_version = 2; },
    'no coach': (e) => { delete e.coach; },
    'an uppercase digest': (e) => { e.bundle.digest = e.bundle.digest.toUpperCase(); },
    'a local export time': (e) => { e.bundle.exported_at = '2025-03-14T10:26:53+01:00'; },
    'a French date': (e) => { e.decisions[0].date = '02/04/2025'; },
    '25 o\'clock': (e) => { e.interview.planned.time = '25:00'; },
    'a zoom interview': (e) => { e.interview.held.mode = 'zoom'; },
    'a zero-minute interview': (e) => { e.interview.planned.duration_minutes = 0; },
    'a negative timer': (e) => { e.interview.held.elapsed_seconds = -1; },
    'a fractional timer': (e) => { e.interview.held.elapsed_seconds = 1.5; },
    'a level as a number': (e) => { e.grid[0].observed_level = 3; },
    'an adjournment without reasons': (e) => { e.decisions[0].reasons = ' \n'; },
    'an English decision': (e) => { e.decisions[1].decision = 'passed'; },
    'a decision but no decided status': (e) => { e.status = 'evalue'; },
    'a decided status without decision': (e) => { e.decisions = []; e.attestation = null; },
    'an unknown status': (e) => { e.status = 'refuse'; },
    'issued nowhere': (e) => { e.attestation.place = ''; },
    'issued undated': (e) => { e.attestation.date = null; },
    'issued unsigned': (e) => { e.attestation.signatory.role = ' '; },
    'an issue time on a draft': (e) => { e.attestation.issued = false; },
    'no status': (e) => { delete e.status; },
    'a referential version 0': (e) => { e.referential.version = 0; },
    'notes over 100,000 characters': (e) => { e.interview.held.notes = 'n'.repeat(100001); },
    'a coach name over 2,000 characters': (e) => { e.coach.name = 'c'.repeat(2001); },
  };
  for (const [label, change] of Object.entries(broken)) {
    const e = structuredClone(golden);
    change(e);
    if (validate(e)) fail(`the schema accepts ${label}`);
    const rc = cohortExit(e);
    if (rc !== 1) fail(`certif cohort exits ${rc} for ${label}; expected 1`);
  }
  console.log(`ok: ${Object.keys(variants).length} records conform; ${Object.keys(broken).length} broken ones refused by both`);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
