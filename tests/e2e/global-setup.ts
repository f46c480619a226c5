import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildCourse } from '../../src/node/buildCourse';
import { unpackZip } from '../../src/node/unpack';
import { fixturesDir, projectRoot } from '../support/courseCopy';
import { PACKAGES_DIR, packageDir, type PackageKind } from './support/packages';

/**
 * Builds the packages the browser tests open, once per run, from copies of the
 * courses (so a run never writes into the repository), and unpacks each zip as an
 * LMS would: test-results/packages/<course>/<scorm12|scorm2004>/.
 */
export default async function globalSetup() {
  rmSync(PACKAGES_DIR, { recursive: true, force: true });
  const sources: [string, string][] = [['mini', path.join(fixturesDir, 'mini')]];
  if (existsSync(path.join(projectRoot, 'modules'))) sources.push(['real', projectRoot]);
  for (const [name, from] of sources) {
    const root = mkdtempSync(path.join(os.tmpdir(), `e2e-${name}-`));
    for (const part of ['course', 'modules']) cpSync(path.join(from, part), path.join(root, part), { recursive: true });
    const out = path.join(PACKAGES_DIR, name, 'zips');
    mkdirSync(out, { recursive: true });
    const log: string[] = [];
    const ok = await buildCourse({ root, outDir: out, log: (l) => log.push(l) });
    rmSync(root, { recursive: true, force: true });
    if (!ok) throw new Error(`building the ${name} course failed:\n${log.join('\n')}`);
    for (const kind of ['scorm12', 'scorm2004'] as PackageKind[]) {
      const zip = readdirSync(out).find((f) => f.endsWith(`-${kind}.zip`))!;
      unpackZip(path.join(out, zip), packageDir(name, kind));
    }
  }
}
