// Transfer-size budget: every file at the top of the built site that the browser loads is compressed
// the way a static server would serve it (brotli, quality 11) and compared with bench/transfer-budget.json.
// Fails when a file or the total exceeds its budget, or when a new top-level file has no budget.
//   node tests/budget/check.mjs SITE_DIR [BUDGET_JSON]
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const site = process.argv[2];
const budgetFile = process.argv[3] || path.join(here, '..', '..', 'bench', 'transfer-budget.json');
if (!site) {
  console.error('usage: node tests/budget/check.mjs SITE_DIR [BUDGET_JSON]');
  process.exit(2);
}
const budget = JSON.parse(fs.readFileSync(budgetFile, 'utf8'));
const brotli = (bytes) => zlib.brotliCompressSync(bytes, {
  params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
}).length;
const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;

const problems = [];
let total = 0;
const rows = [];
for (const entry of fs.readdirSync(site, { withFileTypes: true })) {
  if (!entry.isFile() || entry.name.startsWith('.') || budget.not_loaded.includes(entry.name)) continue;
  const raw = fs.readFileSync(path.join(site, entry.name));
  const br = brotli(raw);
  total += br;
  const limit = budget.files[entry.name];
  rows.push(`${entry.name.padEnd(24)} ${String(raw.length).padStart(9)} raw ${String(br).padStart(8)} br` +
    (limit === undefined ? '   (no budget)' : ` / ${limit}`));
  if (limit === undefined) problems.push(`${entry.name}: a new file the browser may load has no budget in ${budgetFile}`);
  else if (br > limit) problems.push(`${entry.name}: ${br} bytes brotli, over its budget of ${limit} (+${br - limit})`);
}
rows.push(`${'total'.padEnd(24)} ${' '.repeat(13)} ${String(total).padStart(8)} br / ${budget.total} (${kib(total)} of ${kib(budget.total)})`);
console.log(rows.join('\n'));
if (total > budget.total) problems.push(`total: ${total} bytes brotli, over the budget of ${budget.total} (+${total - budget.total})`);
if (problems.length) {
  console.error(`\ntransfer budget exceeded:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
