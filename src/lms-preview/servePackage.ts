import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { serveStatic, type StaticServer } from '../node/staticServer.js';

/**
 * Serves an unpacked SCORM package at "/" with the local LMS page at "/lms-preview/", as an LMS
 * would (plain files): `npm run preview` and the tracking browser tests use it.
 */

let built: Promise<string> | null = null;

/** Builds the LMS page once per process into a temporary folder. */
export function buildLmsPage(): Promise<string> {
  built ??= (async () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'lms-preview-'));
    await build({
      configFile: false,
      root: path.dirname(fileURLToPath(import.meta.url)),
      base: '/lms-preview/',
      publicDir: false,
      logLevel: 'warn',
      build: { outDir: out, emptyOutDir: true },
    });
    return out;
  })();
  return built;
}

export interface PackageServer extends StaticServer {
  /** The LMS page hosting the package, with the package's SCORM version preselected. */
  lmsUrl(version: '1.2' | '2004'): string;
}

export async function servePackage(packageDir: string, port = 0): Promise<PackageServer> {
  const lms = await buildLmsPage();
  const server = await serveStatic({ '/lms-preview/': lms, '/': packageDir }, port);
  return { ...server, lmsUrl: (v) => `${server.url}/lms-preview/?launch=/index.html&scorm=${v === '1.2' ? '12' : '2004'}` };
}
