// Shared helpers of the browser benchmarks (bench/browser_import.mjs, bench/startup.mjs).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { root } from '../tests/e2e/harness.mjs';

export { root };

// `--name value` from argv, or `fallback`.
export function option(args, name, fallback) {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
}

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

// A bundle whose pieces are `count` files of `size` bytes: PDF headers over random bytes (what content
// sniffing checks), packed by the native CLI (`certif pack`) so its digests are real. Written in `tmp`.
export function makeBundle({ tmp, certif = path.join(root, 'build/native/certif') }, name, count, size, who) {
  const dir = path.join(tmp, name);
  const answers = JSON.parse(fs.readFileSync(path.join(root, 'tests/data/bundles/complete/answers.json'), 'utf8'));
  answers.identity.email = `${who}@example.gouv.fr`;
  answers.identity.last_name = who;
  for (const p of answers.pieces) p.files = [];
  const mockup = answers.pieces.find((p) => p.id === 'mockup');
  for (let i = 0; i < count; ++i) {
    const bytes = crypto.randomBytes(size);
    Buffer.from('%PDF-1.7\n').copy(bytes, 0);
    Buffer.from('\n%%EOF\n').copy(bytes, size - 7);  // a whole PDF ends so (a cut one is refused)
    fs.mkdirSync(path.join(dir, 'files', 'mockup'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'files', 'mockup', `f${i}.pdf`), bytes);
    mockup.files.push({ id: `f${i}`, name: `f${i}.pdf`, media_type: 'application/pdf' });
  }
  fs.writeFileSync(path.join(dir, 'answers.json'), JSON.stringify(answers));
  fs.writeFileSync(path.join(dir, 'meta.json'), JSON.stringify({ bundle: { exported_at: '2026-11-28T09:00:00Z' } }));
  const out = path.join(tmp, `${name}.json`);
  execFileSync(certif, ['pack', dir, '-o', out]);
  fs.rmSync(dir, { recursive: true });
  return out;
}

// Size of `bytes` raw, gzip -9 and brotli quality 11 (what a static host would precompress).
export function compressedSizes(bytes) {
  return {
    raw: bytes.length,
    gzip: zlib.gzipSync(bytes, { level: 9 }).length,
    brotli: zlib.brotliCompressSync(bytes, {
      params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
    }).length,
  };
}
