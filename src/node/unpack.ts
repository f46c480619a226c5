import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';

/** Unpacks a SCORM zip into a folder, refusing entries that would escape it. */
export function unpackZip(zipFile: string, into: string): string[] {
  const entries = unzipSync(readFileSync(zipFile));
  const root = path.resolve(into);
  for (const [name, bytes] of Object.entries(entries)) {
    if (name.endsWith('/')) continue;
    const target = path.resolve(root, name);
    if (!target.startsWith(root + path.sep)) throw new Error(`${zipFile}: entry "${name}" would be written outside ${into}`);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, bytes);
  }
  return Object.keys(entries).sort();
}
