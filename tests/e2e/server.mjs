// A minimal static file server for tests and benchmarks: serves a folder on 127.0.0.1, optionally under
// a sub-path (to prove every URL is relative), and records every request it receives.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';

const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm', '.json': 'application/json', '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png', '.svg': 'image/svg+xml', '.webmanifest': 'application/manifest+json', '.otf': 'font/otf',
};

export async function serve(root, { prefix = '/', port = 0 } = {}) {
  const requests = [];
  const server = http.createServer((req, res) => {
    requests.push(req.url);
    let url = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (!url.startsWith(prefix)) { res.writeHead(404); res.end('not found'); return; }
    url = url.slice(prefix.length);
    if (url === '' || url.endsWith('/')) url += 'index.html';
    const file = path.join(root, path.normalize('/' + url));
    if (!file.startsWith(path.resolve(root))) { res.writeHead(403); res.end(); return; }
    fs.readFile(file, (err, data) => {
      if (err) { res.writeHead(404); res.end('not found'); return; }
      res.writeHead(200, { 'Content-Type': types[path.extname(file)] || 'application/octet-stream',
                           'Cache-Control': 'no-store' });
      res.end(data);
    });
  });
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.address();
  return {
    origin: `http://127.0.0.1:${address.port}`,
    url: `http://127.0.0.1:${address.port}${prefix}`,
    requests,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
