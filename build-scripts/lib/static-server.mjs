// A small static file server for dist/: the right MIME types (application/wasm, text/javascript),
// no directory listing, no path escaping the root. Used by serve.sh and by the browser tests.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

/** Resolves to { server, url, close() }. `headers` are added to every response. */
export async function startStaticServer({ root, port = 0, host = '127.0.0.1', headers = {} }) {
  const base = path.resolve(root);
  const server = http.createServer(async (req, res) => {
    try {
      const { pathname } = new URL(req.url, 'http://localhost');
      let file = path.resolve(base, `.${decodeURIComponent(pathname)}`);
      if (file !== base && !file.startsWith(base + path.sep)) throw new Error('outside root');
      let info = await stat(file);
      if (info.isDirectory()) {
        file = path.join(file, 'index.html');
        info = await stat(file);
      }
      res.writeHead(200, {
        'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
        'Content-Length': info.size,
        'Cache-Control': 'no-cache',
        // As GitHub Pages does: a frame sandboxed without allow-same-origin has an opaque
        // origin, and loads the page's modules and wasm cross-origin.
        'Access-Control-Allow-Origin': '*',
        ...headers,
      });
      if (req.method === 'HEAD') res.end();
      else createReadStream(file).pipe(res);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', ...headers });
      res.end('No encontrado\n');
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const { port: actual } = server.address();
  return {
    server,
    url: `http://${host === '127.0.0.1' ? 'localhost' : host}:${actual}/`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
