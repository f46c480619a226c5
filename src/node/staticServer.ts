import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import path from 'node:path';

/**
 * A small static file server on 127.0.0.1 for unpacked packages: `npm run preview`
 * and the browser tests serve built zips with it, as an LMS would (plain files,
 * nothing rewritten). `mounts` maps URL prefixes to folders, longest prefix first.
 */
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.xml': 'application/xml',
  '.xsd': 'application/xml',
  '.dtd': 'application/xml-dtd',
  '.woff2': 'font/woff2',
};

export interface StaticServer {
  url: string;
  server: Server;
  close(): Promise<void>;
}

export function serveStatic(mounts: Record<string, string>, port = 0): Promise<StaticServer> {
  const entries = Object.entries(mounts).sort((a, b) => b[0].length - a[0].length);
  const server = createServer((req, res) => {
    const url = decodeURIComponent((req.url ?? '/').split('?')[0]);
    const mount = entries.find(([prefix]) => url.startsWith(prefix));
    if (!mount) return void res.writeHead(404).end('not found');
    const dir = path.resolve(mount[1]);
    let file = path.resolve(dir, '.' + url.slice(mount[0].length - 1));
    if (!file.startsWith(dir)) return void res.writeHead(403).end('forbidden');
    if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!existsSync(file)) return void res.writeHead(404).end('not found');
    res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-store' });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => {
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      const actual = typeof address === 'object' && address ? address.port : port;
      resolve({ url: `http://127.0.0.1:${actual}`, server, close: () => new Promise((r) => server.close(() => r())) });
    });
  });
}
