import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'vite';
import { compileCourse, type CompileResult } from './compile.js';
import { sorted } from './idRegistry.js';
import { packageCourse, type ScormPackage } from './package/packageCourse.js';
import { errorsIn, formatProblem, sortProblems, type Problem } from './problems.js';
import { viteConfig } from './viteConfig.js';
import { SUSPEND_LIMIT, SUSPEND_TARGET } from '../schema/limits.js';

/**
 * validate → build the player into a temporary folder → package both versions in
 * memory → only then write. A failure anywhere leaves dist-scorm/ exactly as it was.
 */
export interface BuildOptions {
  root: string;
  outDir: string;
  release?: boolean;
  log?: (line: string) => void;
}

export async function buildCourse(opts: BuildOptions): Promise<boolean> {
  const log = opts.log ?? (() => {});
  const result = compileCourse(opts.root, { release: opts.release });
  // Open review notes are listed once, in the summary; every other problem is printed here.
  const isOpenNote = (p: Problem) => p.severity === 'warning' && p.message.startsWith('open review note');
  for (const p of sortProblems(result.problems)) if (!isOpenNote(p) || opts.release) log(formatProblem(p));
  if (!result.byLocale) {
    log(`\n✗ ${errorsIn(result.problems).length} error(s): nothing was built; ${path.relative(process.cwd(), opts.outDir) || opts.outDir}/ is unchanged.`);
    return false;
  }

  const staging = mkdtempSync(path.join(os.tmpdir(), 'scorm-build-'));
  try {
    const config = viteConfig(opts.root, undefined, result);
    // Always the production bundle, also when called from a test runner that sets NODE_ENV=test
    // (Vite then keeps development branches): the budget test must weigh what ships.
    const nodeEnv = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      await build({ ...config, mode: 'production', logLevel: 'warn', build: { ...config.build, outDir: staging } });
    } finally {
      if (nodeEnv === undefined) delete process.env.NODE_ENV;
      else process.env.NODE_ENV = nodeEnv;
    }
    const primary = result.byLocale[result.summary!.locales[0]];
    const packages: ScormPackage[] = [packageCourse(staging, primary, '1.2'), packageCourse(staging, primary, '2004')];

    mkdirSync(opts.outDir, { recursive: true });
    for (const pkg of packages) {
      const target = path.join(opts.outDir, pkg.fileName);
      writeFileSync(target + '.partial', pkg.bytes);
      renameSync(target + '.partial', target);
    }
    if (result.ids?.changed) writeFileSync(path.join(opts.root, 'course', 'ids.json'), JSON.stringify({ $schema: '../schemas/ids.schema.json', ...sorted(result.ids.record) }, null, 2) + '\n');
    printSummary(result, packages, log);
    return true;
  } catch (e) {
    log(`\n✗ The build failed: ${(e as Error).message}\nNothing was written to ${opts.outDir}.`);
    return false;
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

function printSummary(r: CompileResult, packages: ScormPackage[], log: (s: string) => void) {
  const s = r.summary!;
  const q = s.questions;
  log('');
  log(`✓ Built ${r.byLocale![s.locales[0]].title}`);
  log(`  ${s.modules} modules, ${s.pages} pages per language (${s.locales.join(', ')})`);
  log(`  questions per language: ${q.checks} knowledge checks, ${q.quiz} module-quiz, ${q.final} in the final bank — ${Object.entries(q.byType).map(([t, n]) => `${t} ${n}`).join(', ')}`);
  for (const p of packages) log(`  ${p.fileName}: ${kb(p.bytes.length)}, ${p.entries.length} files`);
  log(`  learner state (cmi.suspend_data) in the worst case: ${s.suspendWorstCase} characters (aim ≤ ${SUSPEND_TARGET}); with every quiz also left half-done ${s.suspendAbsoluteWorst} (SCORM 1.2 allows ${SUSPEND_LIMIT['1.2']})`);
  if (s.openNotes.length) {
    log(`  open review notes (${s.openNotes.length}) — a release build refuses them:`);
    for (const n of s.openNotes) log(`    ${n.module} · ${n.id}: ${n.text}`);
  }
}
