// npm run preview -- dist-scorm/<zip>: the built package in the local LMS page, as an LMS would
// serve it (unpacked, plain files). PORT=<n> picks the port (default 4173).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unpackZip } from '../src/node/unpack.js';
import { servePackage } from '../src/lms-preview/servePackage.js';

const zip = process.argv[2];
if (!zip || !zip.endsWith('.zip')) {
  console.error('Usage: npm run preview -- dist-scorm/<package>.zip');
  process.exit(1);
}
const dir = mkdtempSync(path.join(os.tmpdir(), 'scorm-preview-'));
unpackZip(path.resolve(zip), dir);
const meta = /<meta name="scorm-version" content="([^"]*)">/.exec(readFileSync(path.join(dir, 'index.html'), 'utf8'))?.[1];
const version = meta === '1.2' ? '1.2' : '2004';
const server = await servePackage(dir, process.env.PORT ? Number(process.env.PORT) : 4173);
console.log(`\n  ${path.basename(zip)} (SCORM ${version}) in the local LMS:  ${server.lmsUrl(version)}\n  Ctrl+C stops.\n`);
const stop = async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
