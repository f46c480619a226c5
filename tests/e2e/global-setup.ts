import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
  const release = lock();
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
  return release;
}

/**
 * Two runs in one working tree would rebuild each other's packages under the tests' feet: the second
 * stops at once with a clear message instead. The lock goes with the run (teardown) or its process.
 */
function lock(): () => void {
  const file = path.join(PACKAGES_DIR, '..', 'e2e-run.lock');
  mkdirSync(path.dirname(file), { recursive: true });
  const holder = existsSync(file) ? Number(readFileSync(file, 'utf8')) : 0;
  if (holder && holder !== process.pid && alive(holder))
    throw new Error(`another browser-test run (process ${holder}) is using test-results/ in this folder; wait for it to finish or stop it, then run again`);
  writeFileSync(file, String(process.pid));
  return () => rmSync(file, { force: true });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
