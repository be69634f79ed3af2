// Writes the browser-made samples (PDF, PNG, JPEG, WebP, MP4, WebM) with headless Chromium; run by generate.sh.
import { chromium } from 'playwright-core';
import { writeFileSync } from 'node:fs';

const out = process.argv[2] ?? '.';
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
const page = await browser.newPage();
await page.setContent('<!DOCTYPE html><html><body style="margin:0"><div style="width:40mm;height:20mm;background:#000091"></div></body></html>');
// No text on the page: no embedded font, so the PDF stays small.
writeFileSync(`${out}/chromium.pdf`, await page.pdf({ width: '60mm', height: '40mm', printBackground: true }));

// Canvas encodings: the browser's own PNG, JPEG and WebP encoders (Chromium's WebP is VP8X: it embeds a colour profile).
const images = await page.evaluate(async () => {
  const draw = (alpha) => {
    const c = document.createElement('canvas');
    c.width = 16; c.height = 16;
    const g = c.getContext('2d');
    if (!alpha) { g.fillStyle = '#ffffff'; g.fillRect(0, 0, 16, 16); }
    g.fillStyle = '#000091'; g.fillRect(2, 2, 8, 8);
    g.fillStyle = '#e1000f'; g.fillRect(8, 8, 6, 6);
    return c;
  };
  const blob = (c, type, q) => new Promise((resolve) => c.toBlob(async (b) => {
    resolve(Array.from(new Uint8Array(await b.arrayBuffer())));
  }, type, q));
  return {
    png: await blob(draw(false), 'image/png'),
    jpeg: await blob(draw(false), 'image/jpeg', 0.8),
    webp: await blob(draw(true), 'image/webp', 0.8),
  };
});
writeFileSync(`${out}/canvas.png`, Buffer.from(images.png));
writeFileSync(`${out}/canvas.jpg`, Buffer.from(images.jpeg));
writeFileSync(`${out}/canvas.webp`, Buffer.from(images.webp));

// A few frames of a 16×16 canvas through MediaRecorder, in MP4 and in WebM.
for (const [type, name] of [['video/mp4', 'recorder.mp4'], ['video/webm', 'recorder.webm']]) {
  const bytes = await page.evaluate(async (mime) => {
    const c = document.createElement('canvas');
    c.width = 16; c.height = 16;
    const g = c.getContext('2d');
    const stream = c.captureStream(10);
    const rec = new MediaRecorder(stream, { mimeType: mime, videoBitsPerSecond: 20000 });
    const chunks = [];
    rec.ondataavailable = (e) => chunks.push(e.data);
    const done = new Promise((resolve) => { rec.onstop = resolve; });
    rec.start();
    for (let i = 0; i < 3; ++i) {
      g.fillStyle = ['#000091', '#e1000f', '#ffffff'][i]; g.fillRect(0, 0, 16, 16);
      await new Promise((r) => setTimeout(r, 100));
    }
    rec.stop();
    await done;
    return Array.from(new Uint8Array(await new Blob(chunks).arrayBuffer()));
  }, type);
  writeFileSync(`${out}/${name}`, Buffer.from(bytes));
}
await browser.close();
