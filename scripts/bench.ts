// npm run bench — benchmarks and budgets (issue 6): package weight, learner start-up, build
// scaling, LMS traffic, suspend data and memory, printed as a table with each budget beside its
// figure and written to bench/results.json. Budgets: bench/budgets.json.
//   npm run bench -- --check          exit 1 when a budget is missed or could not be measured
//   npm run bench -- --only=weight,build,startup,traffic,scaling   a subset (while working on one)
// Builds everything it measures in temporary folders; never writes into course/, modules/ or dist-scorm/.
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import type { Browser } from '@playwright/test';
import { measureScaling, scalingRows, type ScalingPoint } from '../bench/buildScaling.js';
import { launchChromium } from '../bench/browser.js';
import { runBothPackages, trafficRows, type Runs } from '../bench/lmsTraffic.js';
import { memoryRows } from '../bench/memory.js';
import { buildRealCourse, cleanUp, type BuiltCourse } from '../bench/realCourse.js';
import { atMost, readBudgets, resultsFile, round, skip, type Row } from '../bench/results.js';
import { measureStartup, startupRows, type StartupResult } from '../bench/startup.js';
import { loadCodec, suspendRows } from '../bench/suspendSize.js';
import { formatTable } from '../bench/table.js';
import { weighZip, weightRows } from '../bench/weight.js';

const PARTS = ['weight', 'build', 'startup', 'traffic', 'scaling'] as const;
const check = process.argv.includes('--check');
const onlyArg = process.argv.find((a) => a.startsWith('--only='))?.slice(7);
const only = new Set(onlyArg ? onlyArg.split(',') : PARTS);
const unknown = [...only].filter((p) => !(PARTS as readonly string[]).includes(p));
if (unknown.length) {
  console.error(`Unknown part(s) ${unknown.join(', ')}; parts: ${PARTS.join(', ')}`);
  process.exit(2);
}

const began = performance.now();
// Other work on the machine slows every time measured; the load average says how busy it was.
const loadAtStart = os.loadavg()[0].toFixed(1);
const log = (s: string) => console.log(`[${((performance.now() - began) / 1000).toFixed(0).padStart(3)} s] ${s}`);
const budgets = readBudgets();
// Rows by part, printed in the issue's order whatever order they are measured in.
const part: Record<'weight' | 'startup' | 'build' | 'scaling' | 'traffic' | 'suspend' | 'memory' | 'bench', Row[]> = { weight: [], startup: [], build: [], scaling: [], traffic: [], suspend: [], memory: [], bench: [] };
const raw: Record<string, unknown> = {};
let built: BuiltCourse | null = null;
let browser: Browser | null = null;
let browserVersion: string | null = null;

/** Runs one part; if it throws, the part is reported as not measurable and the bench goes on. */
async function guard(key: keyof typeof part, name: string, fn: () => Promise<void> | void) {
  try {
    await fn();
  } catch (e) {
    console.error(e);
    part[key].push(skip(key, name, `it stopped: ${(e as Error).message.split('\n')[0]}`));
  }
}

try {
  const b = (built = await buildRealCourse(log));
  const stand = b.fallbackReason ? `measured on the mini fixture: ${b.fallbackReason}` : undefined;

  // Build work first, while no browser is open: it is the most CPU-bound and the easiest to disturb.
  if (only.has('weight'))
    await guard('weight', 'package weight', () => {
      log('1. weight');
      part.weight = weightRows({ scorm2004: weighZip(readFileSync(b.zips.scorm2004)), scorm12: weighZip(readFileSync(b.zips.scorm12), () => false) }, budgets, stand);
    });
  if (only.has('build')) {
    raw.build = b.buildRuns;
    const name = 'real course: npm run build (validate + build + 2 zips)';
    const budget = `≤ ${budgets.realBuildSecondsMax} s`;
    const runs = b.buildRuns.map((r) => `${round(r.seconds, 2)} s wall, ${round(r.cpuSeconds, 2)} s CPU`).join('; ');
    part.build = [
      b.buildSeconds === null
        ? skip('build', name, b.fallbackReason ?? 'the real course did not build', budget)
        : atMost('build', name, round(b.buildSeconds, 2), 's', budgets.realBuildSecondsMax, budget, `fastest wall time of ${b.buildRuns.length} fresh processes on ${os.cpus().length} cores, node start-up included (${runs}); load average ${loadAtStart}`),
    ];
  }
  if (only.has('scaling'))
    await guard('scaling', 'build scaling', async () => {
      log('3. build scaling (synthetic courses of 10, 100 and 1,000 pages per locale)');
      const points: ScalingPoint[] = await measureScaling(log);
      raw.scaling = points;
      part.scaling = scalingRows(points, budgets);
    });

  let chromium: Browser | string = 'not run (--only)';
  if (only.has('startup') || only.has('traffic')) {
    chromium = await launchChromium();
    if (typeof chromium !== 'string') {
      browser = chromium;
      browserVersion = chromium.version();
    }
  }
  const br = chromium;
  if (only.has('startup'))
    await guard('startup', 'learner start-up', async () => {
      log('2. learner start-up');
      const r: StartupResult | string = typeof br === 'string' ? br : await measureStartup(br, b.dirs.scorm2004, log);
      raw.startup = r;
      part.startup = startupRows(r, budgets, stand);
    });
  let runs: Runs | string | null = null;
  if (only.has('traffic'))
    await guard('traffic', 'LMS traffic', async () => {
      log('4–6. LMS traffic, suspend data, memory: one scripted full run per package');
      runs = typeof br === 'string' ? br : await runBothPackages(br, b, log);
      const r = runs;
      raw.traffic = typeof r === 'string' ? r : Object.fromEntries(Object.entries(r).map(([k, x]) => [k, typeof x === 'string' ? x : { ...x, calls: x.calls.length }]));
      part.traffic = trafficRows(typeof r === 'string' ? { scorm12: r, scorm2004: r } : r, budgets, stand);
      part.memory = memoryRows(r, stand);
    });
  // The worst case is a size fixed by the build: reported with the weight too.
  if (only.has('traffic') || only.has('weight'))
    await guard('suspend', 'suspend data', async () => {
      part.suspend = suspendRows(await loadCodec(), b.byLocale, runs, budgets, b.fallbackReason);
    });
} catch (e) {
  console.error(e);
  part.bench.push(skip('bench', 'the bench itself', `it stopped: ${(e as Error).message.split('\n')[0]}`));
} finally {
  await browser?.close();
  cleanUp(built);
}

const rows = Object.values(part).flat();
const seconds = (performance.now() - began) / 1000;
console.log('\n' + formatTable(rows));
writeFileSync(
  resultsFile,
  JSON.stringify(
    {
      date: new Date().toISOString(),
      seconds: round(seconds, 1),
      machine: { cpus: os.cpus().length, cpu: os.cpus()[0]?.model, memoryGB: round(os.totalmem() / 2 ** 30, 1), node: process.version, chromium: browserVersion, loadAverageAtStart: Number(loadAtStart), loadAverageAtEnd: round(os.loadavg()[0], 1) },
      course: built?.name ?? null,
      fallbackReason: built?.fallbackReason ?? null,
      budgets,
      rows,
      raw,
    },
    null,
    2,
  ) + '\n',
);
const failed = rows.filter((r) => r.status === 'fail');
const unmeasured = rows.filter((r) => r.status === 'skip' && r.budget);
console.log(`\n${rows.filter((r) => r.status === 'pass').length} budgets met, ${failed.length} missed, ${unmeasured.length} not measured — ${round(seconds)} s on ${os.cpus().length} cores (load average ${loadAtStart} at the start, ${os.loadavg()[0].toFixed(1)} at the end); written to bench/results.json`);
if (check && (failed.length || unmeasured.length)) {
  for (const r of [...failed, ...unmeasured]) console.log(`  ${r.status === 'fail' ? '✗ missed' : '– not measured'}: ${r.part} · ${r.name}${r.value !== null ? ` = ${r.value}${r.unit}` : ''} (${r.budget})`);
  process.exit(1);
}
// Explicit: a closed Playwright browser can keep Node's event loop alive for tens of seconds.
process.exit(0);
