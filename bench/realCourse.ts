import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { CourseData } from '../src/schema/courseData.js';
import { buildCourse } from '../src/node/buildCourse.js';
import { compileCourse } from '../src/node/compile.js';
import { unpackZip } from '../src/node/unpack.js';

/**
 * The course the learner-facing parts measure: the real one (course/ + modules/), built from a
 * throw-away copy exactly as a trainer builds it — `npm run build` in a fresh process, timed
 * wall-clock — so the bench never writes into the repository (the build updates course/ids.json).
 * While the real course does not validate, the mini fixture (tests/fixtures/mini) stands in, so the
 * player can still be measured; every figure taken from it says so.
 */
export const projectRoot = fileURLToPath(new URL('../', import.meta.url));
export const miniFixture = path.join(projectRoot, 'tests', 'fixtures', 'mini');

export type Kind = 'scorm12' | 'scorm2004';

export interface BuiltCourse {
  /** "real", or "mini" when the real course could not be built. */
  name: 'real' | 'mini';
  /** Why the real course could not be used (first errors of its build). */
  fallbackReason: string | null;
  /** Wall time of `npm run build` for the real course (null when it failed). */
  buildSeconds: number | null;
  /** Every timed build: wall and CPU seconds. */
  buildRuns: { seconds: number; cpuSeconds: number }[];
  zips: Record<Kind, string>;
  dirs: Record<Kind, string>;
  byLocale: Record<string, CourseData>;
  tmp: string;
}

const tsxCli = () => createRequire(import.meta.url).resolve('tsx/cli');

function copyCourse(from: string, to: string) {
  for (const part of ['course', 'modules']) cpSync(path.join(from, part), path.join(to, part), { recursive: true });
}

const BUILD_RUNS = 2;

/**
 * `npm run build` (tsx scripts/build.ts) on a fresh copy of the course, timed wall-clock, with the
 * CPU time of its processes (tsx runs the script in a child process) reported through NODE_OPTIONS.
 */
function timedBuild(tmp: string, n: number) {
  const root = path.join(tmp, n ? `real-${n}` : 'real');
  const out = path.join(tmp, n ? `real-out-${n}` : 'real-out');
  copyCourse(projectRoot, root);
  const reporter = path.join(tmp, 'cpu-report.mjs');
  writeFileSync(reporter, `process.on('exit', () => { const u = process.cpuUsage(); process.stderr.write('\\n__BENCH_CPU__ ' + (u.user + u.system) + '\\n'); });\n`);
  const t0 = performance.now();
  const run = spawnSync(process.execPath, [tsxCli(), path.join(projectRoot, 'scripts', 'build.ts')], {
    cwd: projectRoot,
    env: { ...process.env, COURSE_ROOT: root, OUT_DIR: out, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import ${pathToFileURL(reporter).href}`.trim() },
    encoding: 'utf8',
  });
  const seconds = (performance.now() - t0) / 1000;
  const cpuSeconds = [...run.stderr.matchAll(/__BENCH_CPU__ (\d+)/g)].reduce((n, m) => n + Number(m[1]), 0) / 1e6;
  return { root, out, run, seconds, cpuSeconds };
}

export async function buildRealCourse(log: (s: string) => void = () => {}): Promise<BuiltCourse> {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'bench-course-'));
  log(`building the real course ${BUILD_RUNS}× (npm run build, each time from a fresh copy)…`);
  // The fastest of the runs: the one least disturbed by whatever else the machine is doing.
  const builds = [timedBuild(tmp, 0)];
  while (builds[0].run.status === 0 && builds.length < BUILD_RUNS) builds.push(timedBuild(tmp, builds.length));
  const best = builds.reduce((a, b) => (b.seconds < a.seconds ? b : a));
  const { root, out, run } = builds[0];
  let name: BuiltCourse['name'] = 'real';
  let fallbackReason: string | null = null;
  let courseRoot = root;
  let zipDir = out;
  if (run.status !== 0) {
    const lines = `${run.stdout}\n${run.stderr}`.split('\n');
    const errors = lines.filter((l) => / error: /.test(l));
    const summary = lines.find((l) => /^✗/.test(l.trim()))?.trim() ?? `exit code ${run.status}`;
    fallbackReason = `the real course does not build (${summary.replace(/^✗\s*/, '')}; first: ${errors[0]?.trim() ?? lines.filter(Boolean).at(-1)})`;
    log(`  ${fallbackReason}\n  measuring the player with tests/fixtures/mini instead`);
    name = 'mini';
    courseRoot = path.join(tmp, 'mini');
    zipDir = path.join(tmp, 'mini-out');
    copyCourse(miniFixture, courseRoot);
    const lines2: string[] = [];
    if (!(await buildCourse({ root: courseRoot, outDir: zipDir, log: (l) => lines2.push(l) }))) throw new Error(`even the mini fixture does not build:\n${lines2.join('\n')}`);
  }
  const compiled = compileCourse(courseRoot);
  if (!compiled.byLocale) throw new Error(`${courseRoot} built but does not compile again`);
  const zips = {} as Record<Kind, string>;
  const dirs = {} as Record<Kind, string>;
  for (const kind of ['scorm12', 'scorm2004'] as Kind[]) {
    const zip = readdirSync(zipDir).find((f) => f.endsWith(`-${kind}.zip`));
    if (!zip) throw new Error(`no ${kind} zip in ${zipDir}`);
    zips[kind] = path.join(zipDir, zip);
    dirs[kind] = path.join(tmp, `${name}-${kind}`);
    mkdirSync(dirs[kind], { recursive: true });
    unpackZip(zips[kind], dirs[kind]);
  }
  return {
    name,
    fallbackReason,
    buildSeconds: name === 'real' ? best.seconds : null,
    buildRuns: builds.map((b) => ({ seconds: b.seconds, cpuSeconds: b.cpuSeconds })),
    zips,
    dirs,
    byLocale: compiled.byLocale,
    tmp,
  };
}

export function cleanUp(c: BuiltCourse | null) {
  if (c && existsSync(c.tmp)) rmSync(c.tmp, { recursive: true, force: true });
}
