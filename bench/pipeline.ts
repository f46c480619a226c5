import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { build } from 'vite';
import { compileCourse, type CompileResult } from '../src/node/compile.js';
import { packageCourse } from '../src/node/package/packageCourse.js';
import { errorsIn, formatProblem } from '../src/node/problems.js';
import { viteConfig } from '../src/node/viteConfig.js';

/**
 * The build pipeline with each phase timed: validate (load + check + compile to CourseData),
 * build (Vite: player + course-data chunks), package (both zips, written to disk).
 * It makes the same calls, in the same order, as src/node/buildCourse.ts, which times nothing
 * and prints a summary; only the phase split needs this copy. It never writes course/ids.json.
 */
export interface PipelineTimes {
  validateMs: number;
  buildMs: number;
  packageMs: number;
  totalMs: number;
  /** CPU time of this process over the three phases (all its threads): the work, whatever else the machine runs. */
  cpuMs: number;
  result: CompileResult;
  zips: string[];
}

export async function timedPipeline(root: string, outDir: string): Promise<PipelineTimes> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const result = compileCourse(root);
  const t1 = performance.now();
  const errors = errorsIn(result.problems);
  if (!result.byLocale) throw new Error(`${root} does not validate (${errors.length} errors):\n${errors.slice(0, 10).map(formatProblem).join('\n')}`);

  const staging = mkdtempSync(path.join(os.tmpdir(), 'bench-build-'));
  try {
    const config = viteConfig(root, undefined, result);
    // "error": a 1,000-page course's data chunk is far above Vite's 500 kB warning, on purpose.
    await build({ ...config, logLevel: 'error', build: { ...config.build, outDir: staging } });
    const t2 = performance.now();
    const primary = result.byLocale[result.summary!.locales[0]];
    mkdirSync(outDir, { recursive: true });
    const zips: string[] = [];
    for (const v of ['1.2', '2004'] as const) {
      const pkg = packageCourse(staging, primary, v);
      const file = path.join(outDir, pkg.fileName);
      writeFileSync(file, pkg.bytes);
      zips.push(file);
    }
    const t3 = performance.now();
    const c = process.cpuUsage(c0);
    return { validateMs: t1 - t0, buildMs: t2 - t1, packageMs: t3 - t2, totalMs: t3 - t0, cpuMs: (c.user + c.system) / 1000, result, zips };
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}
