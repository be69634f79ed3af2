// Writes the attachments of the sample bundles: real (if plain) PDF, PNG and CSV files, byte for byte
// the same on every run and every machine — so the samples can be rebuilt and compared.
//   node make_files.mjs small DIR   the few KB that tests/data/bundles/{complete,incomplete} commit
//   node make_files.mjs large DIR   ~1.9 MB for tests/data/bundles/large, made at test time (not committed)
// PNGs in "large" use stored (uncompressed) deflate blocks: zlib's output may change between versions,
// stored blocks never do. PDFs use uncompressed content streams for the same reason.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { deflateSync } from 'node:zlib';

// ---- PNG -------------------------------------------------------------------------------------------
const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}
function storedZlib(raw) {
  const parts = [Buffer.from([0x78, 0x01])];
  for (let i = 0; i < raw.length || i === 0; i += 65535) {
    const block = raw.subarray(i, Math.min(raw.length, i + 65535));
    const head = Buffer.alloc(5);
    head[0] = i + 65535 >= raw.length ? 1 : 0;
    head.writeUInt16LE(block.length, 1);
    head.writeUInt16LE(~block.length & 0xffff, 3);
    parts.push(head, block);
    if (raw.length === 0) break;
  }
  let a = 1, b = 0;
  for (const x of raw) { a = (a + x) % 65521; b = (b + a) % 65521; }
  const adler = Buffer.alloc(4);
  adler.writeUInt32BE(((b << 16) | a) >>> 0);
  parts.push(adler);
  return Buffer.concat(parts);
}
// A mockup screen: a header bar, a title, cards and a button, in the DSFR's blues and greys.
function mockup(width, height, variant, stored) {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  const px = (x, y) => {
    if (y < height * 0.12) return [0, 0, 145];                                   // header
    if (y > height * 0.18 && y < height * 0.24 && x > width * 0.08 && x < width * (0.5 + 0.1 * variant)) return [22, 22, 22];  // title
    const cardTop = height * 0.32, cardBottom = height * 0.78;
    for (let c = 0; c < 3; c++) {
      const left = width * (0.08 + c * 0.29), right = left + width * 0.26;
      if (y > cardTop && y < cardBottom && x > left && x < right) {
        if (y < cardTop + height * 0.12) return [227, 227, 253];                 // card image
        if ((Math.floor(y) % 14) < 3 && x < right - width * 0.05) return [58, 58, 58]; // text lines
        return [246, 246, 246];
      }
    }
    if (y > height * 0.84 && y < height * 0.92 && x > width * 0.08 && x < width * 0.3) return [0, 0, 145];  // button
    return [255, 255, 255];
  };
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1);
    raw[row] = 0;
    for (let x = 0; x < width; x++) raw.set(px(x, y), row + 1 + x * 3);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; ihdr[9] = 2; ihdr[10] = 0; ihdr[11] = 0; ihdr[12] = 0;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', stored ? storedZlib(raw) : deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// ---- PDF -------------------------------------------------------------------------------------------
// Text in WinAnsiEncoding: Latin-1 letters as octal escapes, so French accents show.
function pdfString(s) {
  let out = '(';
  for (const ch of s) {
    const c = ch.codePointAt(0);
    if (ch === '(' || ch === ')' || ch === '\\') out += '\\' + ch;
    else if (c >= 0x20 && c < 0x7f) out += ch;
    else if (c >= 0xa0 && c <= 0xff) out += '\\' + c.toString(8).padStart(3, '0');
    else if (ch === '’') out += "'";
    else if (ch === '—' || ch === '–') out += '-';
    else if (ch === '€') out += '\\200';
    else out += '?';
  }
  return out + ')';
}
function pdf(pages) {
  // pages: arrays of {size, text} lines, drawn top-down on A4 landscape.
  const objects = [];
  const add = (body) => { objects.push(body); return objects.length; };
  const catalog = add(null), tree = add(null);
  const font = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  const kids = [];
  for (const lines of pages) {
    let y = 540;
    let content = '0 0 0.57 rg 0 570 842 25 re f 0 0 0 rg\n';
    for (const { size, text } of lines) {
      y -= size * 1.5;
      content += `BT /F1 ${size} Tf 50 ${y.toFixed(1)} Td ${pdfString(text)} Tj ET\n`;
    }
    const stream = add(`<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}endstream`);
    kids.push(add(`<< /Type /Page /Parent ${tree} 0 R /MediaBox [0 0 842 595] /Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${stream} 0 R >>`));
  }
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${tree} 0 R >>`;
  objects[tree - 1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  let out = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

const questions = [
  'Pouvez-vous me raconter la dernière fois que vous avez composté vos déchets ?',
  'Qu’est-ce qui vous a le plus gêné ?',
  'Comment avez-vous trouvé l’information ?',
  'Qui d’autre intervient dans votre immeuble ?',
  'Si vous aviez une baguette magique, que changeriez-vous ?',
];
function interviewReport(interviews) {
  const pages = [];
  for (let n = 1; n <= interviews; n++) {
    const lines = [{ size: 20, text: `Compte rendu d'entretien n° ${n}` },
      { size: 11, text: `Objectif : comprendre comment les habitants trient leurs biodéchets (entretien ${n}, 45 min).` },
      { size: 14, text: 'Questions posées' }];
    for (const q of questions) lines.push({ size: 11, text: `- ${q}` });
    lines.push({ size: 14, text: 'Ce que nous avons appris' });
    for (let k = 1; k <= 8; k++) lines.push({ size: 11, text: `${k}. Observation ${k} de l'entretien ${n} : le point de collecte est trop loin ou mal indiqué.` });
    pages.push(lines);
  }
  return pdf(pages);
}
function deck(slides) {
  const pages = [];
  const titles = ['Le problème', 'Nos utilisateurs', 'Ce que nous avons testé', 'Impact', 'Modèle économique', 'Acquisition', 'La suite'];
  for (let n = 0; n < slides; n++) {
    const lines = [{ size: 28, text: `${titles[n % titles.length]} (${n + 1}/${slides})` }];
    for (let k = 1; k <= 12; k++) lines.push({ size: 16, text: `Point ${k} : ce que l'équipe a appris et décidé, chiffres à l'appui.` });
    pages.push(lines);
  }
  return pdf(pages);
}
function investmentTable(rows) {
  let csv = 'Rôle;Consommé à date (€);Prévisionnel (€);Total (€);Coût par impact (€ par foyer)\r\n';
  const roles = ['Intrapreneur·e', 'Coach', 'Développeur·se', 'Designer', 'Chargé·e de déploiement'];
  for (let i = 0; i < rows; i++) {
    const consumed = 12000 + ((i * 7919) % 50000), forecast = 8000 + ((i * 104729) % 40000);
    csv += `${roles[i % roles.length]}${rows > roles.length ? ` ${Math.floor(i / roles.length) + 1}` : ''};${consumed};${forecast};${consumed + forecast};${((consumed + forecast) / 2500).toFixed(2)}\r\n`;
  }
  return Buffer.from(csv, 'utf8');
}

const sets = {
  small: {
    'complete/files/interview_report/Compte rendu entretiens.pdf': () => interviewReport(1),
    'complete/files/mockup/Écran accueil.png': () => mockup(96, 60, 0, false),
    'complete/files/mockup/Écran carte.png': () => mockup(96, 60, 2, false),
    'complete/files/investment_table/Tableau investissement.csv': () => investmentTable(5),
    'complete/files/deck/Comité investissement.pdf': () => deck(3),
    'incomplete/files/mockup/Premier jet.png': () => mockup(96, 60, 1, false),
  },
  large: {
    'files/interview_report/Comptes rendus des 24 entretiens.pdf': () => interviewReport(24),
    'files/mockup/Écran accueil.png': () => mockup(640, 400, 0, true),
    'files/mockup/Écran carte.png': () => mockup(640, 400, 2, true),
    'files/investment_table/Tableau investissement.csv': () => investmentTable(400),
    'files/deck/Comité investissement.pdf': () => deck(150),
  },
};

const [kind, dir] = process.argv.slice(2);
if (!sets[kind] || !dir) {
  console.error('usage: node make_files.mjs small|large DIR');
  process.exit(2);
}
for (const [path, make] of Object.entries(sets[kind])) {
  const target = join(dir, path);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, make());
}
