// Draws web/favicon.svg as square PNG icons for the web app manifest (run by the build with node, which
// Emscripten already needs: no image library). Understands what the icon uses — <rect> with rx and
// fill, <path> of straight segments (M/L/H/V/Z, relative too) with a round-capped, round-joined stroke —
// and fails loudly on anything else, so a new icon design cannot silently render wrong.
//   node cmake/icon.mjs web/favicon.svg OUT_DIR 192 512   → OUT_DIR/icon-192.png, OUT_DIR/icon-512.png
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

function fail(message) { console.error(`icon.mjs: ${message}`); process.exit(1); }

function colour(value) {
  if (value === undefined || value === 'none') return null;
  if (value === 'white') value = '#fff';
  if (value === 'black') value = '#000';
  let m = /^#([0-9a-f]{3})$/i.exec(value);
  if (m) return [...m[1]].map((c) => parseInt(c + c, 16));
  m = /^#([0-9a-f]{6})$/i.exec(value);
  if (m) return [0, 2, 4].map((i) => parseInt(m[1].slice(i, i + 2), 16));
  fail(`unsupported colour ${value}`);
}

function attributes(tag) {
  const out = {};
  for (const m of tag.matchAll(/([a-zA-Z:-]+)="([^"]*)"/g)) out[m[1]] = m[2];
  return out;
}

// The SVG as a list of shapes, each a signed distance function (negative inside) and a colour.
function parse(text) {
  const svg = /<svg\b([^>]*)>/.exec(text);
  if (!svg) fail('no <svg> element');
  const viewBox = (attributes(svg[1]).viewBox || '').split(/[\s,]+/).map(Number);
  if (viewBox.length !== 4 || viewBox.some(Number.isNaN)) fail('the <svg> needs a viewBox');
  const shapes = [];
  for (const m of text.matchAll(/<(\w+)\b([^>]*?)\/?>/g)) {
    const [, name, rest] = m;
    const a = attributes(rest);
    if (name === 'svg') continue;
    if (name === 'rect') {
      const x = +(a.x || 0), y = +(a.y || 0), w = +a.width, h = +a.height, r = +(a.rx || a.ry || 0);
      const fill = colour(a.fill || '#000');
      if (a.stroke && a.stroke !== 'none') fail('stroked <rect> not supported');
      const cx = x + w / 2, cy = y + h / 2, hx = w / 2 - r, hy = h / 2 - r;
      shapes.push({ colour: fill, distance: (px, py) => {
        const qx = Math.abs(px - cx) - hx, qy = Math.abs(py - cy) - hy;
        return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
      } });
    } else if (name === 'path') {
      if (a.fill !== 'none') fail('filled <path> not supported (only strokes)');
      if ((a['stroke-linecap'] || 'butt') !== 'round' || (a['stroke-linejoin'] || 'miter') !== 'round') {
        fail('only round line caps and joins are supported');
      }
      const segments = [];
      let x = 0, y = 0, sx = 0, sy = 0;
      const tokens = a.d.match(/[a-zA-Z]|-?\d*\.?\d+(?:e-?\d+)?/g) || [];
      let cmd = '';
      for (let i = 0; i < tokens.length;) {
        if (/[a-zA-Z]/.test(tokens[i])) cmd = tokens[i++];
        const rel = cmd === cmd.toLowerCase();
        const num = () => { const v = Number(tokens[i++]); if (Number.isNaN(v)) fail(`bad path data ${a.d}`); return v; };
        let nx = x, ny = y;
        switch (cmd.toUpperCase()) {
          case 'M': nx = num() + (rel ? x : 0); ny = num() + (rel ? y : 0); sx = nx; sy = ny;
            cmd = rel ? 'l' : 'L'; x = nx; y = ny; continue;
          case 'L': nx = num() + (rel ? x : 0); ny = num() + (rel ? y : 0); break;
          case 'H': nx = num() + (rel ? x : 0); break;
          case 'V': ny = num() + (rel ? y : 0); break;
          case 'Z': nx = sx; ny = sy; break;
          default: fail(`path command ${cmd} not supported`);
        }
        segments.push([x, y, nx, ny]);
        x = nx; y = ny;
      }
      const half = +(a['stroke-width'] || 1) / 2;
      shapes.push({ colour: colour(a.stroke), distance: (px, py) => {
        let best = Infinity;
        for (const [x0, y0, x1, y1] of segments) {
          const dx = x1 - x0, dy = y1 - y0, len2 = dx * dx + dy * dy;
          const t = len2 ? Math.max(0, Math.min(1, ((px - x0) * dx + (py - y0) * dy) / len2)) : 0;
          best = Math.min(best, Math.hypot(px - x0 - t * dx, py - y0 - t * dy));
        }
        return best - half;
      } });
    } else {
      fail(`<${name}> not supported`);
    }
  }
  return { viewBox, shapes };
}

// RGBA pixels, 4×4 samples per pixel, shapes painted in order over a transparent background.
function render({ viewBox: [vx, vy, vw, vh], shapes }, size) {
  const px = Buffer.alloc(size * size * 4);
  const n = 4, scale = Math.max(vw, vh) / size;
  for (let j = 0; j < size; ++j) {
    for (let i = 0; i < size; ++i) {
      let r = 0, g = 0, b = 0, alpha = 0;
      for (let sj = 0; sj < n; ++sj) {
        for (let si = 0; si < n; ++si) {
          const x = vx + (i + (si + 0.5) / n) * scale, y = vy + (j + (sj + 0.5) / n) * scale;
          let c = null;
          for (const s of shapes) if (s.distance(x, y) <= 0) c = s.colour;
          if (c) { r += c[0]; g += c[1]; b += c[2]; alpha += 1; }
        }
      }
      const o = (j * size + i) * 4;
      if (alpha) { px[o] = Math.round(r / alpha); px[o + 1] = Math.round(g / alpha); px[o + 2] = Math.round(b / alpha); }
      px[o + 3] = Math.round(255 * alpha / (n * n));
    }
  }
  return px;
}

const crcTable = Array.from({ length: 256 }, (_, k) => {
  let c = k;
  for (let i = 0; i < 8; ++i) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}
function png(pixels, size) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);   // 8 bits, RGBA, deflate, no filter method, no interlace
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let j = 0; j < size; ++j) pixels.copy(rows, j * (size * 4 + 1) + 1, j * size * 4, (j + 1) * size * 4);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(rows, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

const [source, outDir, ...sizes] = process.argv.slice(2);
if (!source || !outDir || sizes.length === 0) fail('usage: node icon.mjs ICON.svg OUT_DIR SIZE...');
const icon = parse(fs.readFileSync(source, 'utf8'));
fs.mkdirSync(outDir, { recursive: true });
for (const s of sizes.map(Number)) fs.writeFileSync(path.join(outDir, `icon-${s}.png`), png(render(icon, s), s));
