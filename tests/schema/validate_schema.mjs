// The bundle's JSON Schema (assets/schema/dossier-v1.schema.json), checked by an independent validator
// (Ajv, draft 2020-12): every sample and bundles written by `certif pack` conform; bundles the schema can
// tell are broken are refused by both the schema and `certif validate`.
//   node tests/schema/validate_schema.mjs CERTIF ROOT
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';

const [certif, root] = process.argv.slice(2);
if (!certif || !root) {
  console.error('usage: node validate_schema.mjs CERTIF ROOT');
  process.exit(2);
}
const fail = (message) => { console.error(`FAIL: ${message}`); process.exit(1); };

const schema = JSON.parse(readFileSync(join(root, 'assets/schema/dossier-v1.schema.json'), 'utf8'));
const ajv = new Ajv2020({ strict: true, allErrors: true });
const validate = ajv.compile(schema);
const explain = () => ajv.errorsText(validate.errors, { separator: '\n  ' });

const check = (label, bundle) => {
  if (!validate(bundle)) fail(`${label} does not conform to the schema:\n  ${explain()}`);
};

// 1. Every committed sample.
const samples = join(root, 'assets/samples');
const names = readdirSync(samples).filter((f) => f.endsWith('.json'));
if (names.length < 3) fail(`expected the samples in ${samples}`);
for (const f of names) check(`assets/samples/${f}`, JSON.parse(readFileSync(join(samples, f), 'utf8')));

// 2. Bundles written by the command line: a sample extracted, changed, packed again.
const tmp = mkdtempSync(join(tmpdir(), 'certif-schema-'));
let refusedByBoth = 0;
try {
  const certifRun = (...args) => execFileSync(certif, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const packed = (name, edit) => {
    const dir = join(tmp, name);
    certifRun('extract', join(samples, 'complete.json'), dir);
    const answers = JSON.parse(readFileSync(join(dir, 'answers.json'), 'utf8'));
    const meta = JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8'));
    edit(answers, meta, dir);
    writeFileSync(join(dir, 'answers.json'), JSON.stringify(answers));
    writeFileSync(join(dir, 'meta.json'), JSON.stringify(meta));
    const out = join(tmp, `${name}.json`);
    certifRun('pack', dir, '-o', out);
    return JSON.parse(readFileSync(out, 'utf8'));
  };
  check('a re-packed sample', packed('same', () => {}));
  check('a bundle with unknown members', packed('unknown', (a, m) => {
    m.bundle['x-note'] = { any: ['thing', 1, null] };
    a.identity.pronouns = 'elle';
    a.pieces[3].files[0].caption = 'Accueil';
  }));
  check('a bundle with half days and no files', packed('half', (a, m) => {
    a.eligibility.periods = [{ start: '2024-01-01', end: '2024-06-29', time: 'part' }, { start: '2024-06-30', end: null, time: 'full' }];
    for (const p of a.pieces) p.files = [];
    delete m.bundle.eligibility_at_export;  // recomputed by pack: 90.5 + 258 equivalent days
    m.files = {};
  }));
  check('a bundle without a verdict', packed('noverdict', (a, m) => {
    a.eligibility.periods = [];
    a.eligibility.phases.construction = null;
    delete m.bundle.eligibility_at_export;
  }));
  const half = JSON.parse(readFileSync(join(tmp, 'half.json'), 'utf8'));
  if (half.eligibility_at_export.result.criteria.duration.equivalent_days % 1 === 0) fail('expected a half-day count in the test bundle');
  if (JSON.parse(readFileSync(join(tmp, 'noverdict.json'), 'utf8')).eligibility_at_export.result !== null) fail('expected no verdict');

  // 3. What the schema can tell is broken: refused by the schema and by certif validate alike.
  const base = JSON.parse(readFileSync(join(samples, 'complete.json'), 'utf8'));
  const broken = {
    'a name with a path': (b) => { b.answers.pieces[3].files[0].name = '../x.png'; },
    'a name with a control character': (b) => { b.answers.pieces[3].files[0].name = 'x\u0007.png'; },
    'the name ..': (b) => { b.answers.pieces[3].files[0].name = '..'; },
    'an executable': (b) => { b.answers.pieces[5].files[0].media_type = 'application/x-msdownload'; },
    'a file over 50 MiB': (b) => { b.answers.pieces[5].files[0].size = 52428801; },
    'an uppercase digest': (b) => { b.answers.pieces[5].files[0].sha256 = b.answers.pieces[5].files[0].sha256.toUpperCase(); },
    'base64 with a line break': (b) => { b.answers.pieces[5].files[0].data = b.answers.pieces[5].files[0].data.replace(/^(.{76})/, '$1\n'); },
    'format version 2': (b) => { b.format_version = 2; },
    'no integrity': (b) => { delete b.integrity; },
    'an unknown member in integrity': (b) => { b.integrity.note = 'x'; },
    'a local export time': (b) => { b.exported_at = '2025-03-14T11:12:00+01:00'; },
    'a missing answer member': (b) => { delete b.answers.startup.role; },
    'a wrong type': (b) => { b.answers.eligibility.phases.investigation = 'yes'; },
    'an evidence over 20,000 characters': (b) => { b.answers.competencies[0].evidence = 'é'.repeat(20001); },
    'a name over 2,000 characters': (b) => { b.answers.identity.last_name = 'x'.repeat(2001); },
    '101 periods': (b) => { b.answers.eligibility.periods = Array(101).fill(b.answers.eligibility.periods[0]); },
  };
  refusedByBoth = Object.keys(broken).length;
  for (const [label, change] of Object.entries(broken)) {
    const b = structuredClone(base);
    change(b);
    if (validate(b)) fail(`the schema accepts ${label}`);
    const file = join(tmp, 'broken.json');
    writeFileSync(file, JSON.stringify(b));
    let rc = 0;
    try { certifRun('validate', file); } catch (e) { rc = e.status; }
    if (rc !== 1) fail(`certif validate exits ${rc} for ${label}; expected 1`);
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
console.log(`ok: ${names.length} samples and 4 packed bundles conform; ${refusedByBoth} broken ones refused by both`);
