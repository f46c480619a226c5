import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateCourse } from './generateCourse.js';
import { timedPipeline, type PipelineTimes } from './pipeline.js';
import { atMost, info, round, type Budgets, type Row } from './results.js';

/**
 * Build scaling (issue 6, part 3): synthetic courses of ~10, 100 and 1,000 pages per locale × 2
 * locales, each validated, built and packaged in this process. Each size keeps its fastest run
 * (the least disturbed by the machine); a 10-page warm-up first loads Vite and the compiler, so
 * no size pays for module loading. Time per page should stay flat: the figure checked is
 * ms/page at 1,000 ÷ ms/page at 100, in CPU time of the process — the work done, which other
 * processes on a shared machine barely change, unlike wall time (shown beside it).
 */
export const SIZES = [
  { pages: 10, runs: 3 },
  { pages: 100, runs: 3 },
  { pages: 1000, runs: 2 },
];

export interface ScalingPoint {
  pages: number;
  modules: number;
  questions: number;
  validateMs: number;
  buildMs: number;
  packageMs: number;
  totalMs: number;
  msPerPage: number;
  cpuMsPerPage: number;
  suspendWorstCase: number | null;
  zipKB: number[];
}

export async function measureScaling(log: (s: string) => void = () => {}): Promise<ScalingPoint[]> {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'bench-scaling-'));
  try {
    const points: ScalingPoint[] = [];
    const warm = generateCourse(path.join(tmp, 'warm-up'), 10, 1);
    await timedPipeline(warm.root, path.join(tmp, 'warm-up-out'));
    for (const { pages, runs } of SIZES) {
      log(`  ${pages} pages per locale: generating, then ${runs} builds…`);
      const g = generateCourse(path.join(tmp, `c${pages}`), pages);
      let best: PipelineTimes | null = null;
      for (let i = 0; i < runs; i++) {
        const t = await timedPipeline(g.root, path.join(tmp, `c${pages}-out`));
        if (!best || t.totalMs < best.totalMs) best = t;
      }
      points.push({
        pages,
        modules: g.modules,
        questions: g.questions,
        validateMs: best!.validateMs,
        buildMs: best!.buildMs,
        packageMs: best!.packageMs,
        totalMs: best!.totalMs,
        msPerPage: best!.totalMs / pages,
        cpuMsPerPage: best!.cpuMs / pages,
        suspendWorstCase: (best!.result.summary as { suspendWorstCase?: number | null } | null)?.suspendWorstCase ?? null,
        zipKB: best!.zips.map((z) => round(statSync(z).size / 1024)),
      });
      rmSync(g.root, { recursive: true, force: true });
    }
    return points;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

export function scalingRows(points: ScalingPoint[], budgets: Budgets): Row[] {
  const P = 'build scaling';
  const rows = points.map((p) =>
    info(P, `${p.pages} pages/locale × 2`, round(p.totalMs / 1000, 2), 's', `${round(p.msPerPage, 1)} ms/page wall, ${round(p.cpuMsPerPage, 1)} ms/page CPU — validate ${round(p.validateMs)} ms, build ${round(p.buildMs)} ms, package ${round(p.packageMs)} ms; ${p.modules} modules, ${p.questions} questions, zips ${p.zipKB.join(' / ')} KB`),
  );
  const mid = points.find((p) => p.pages === 100);
  const big = points.find((p) => p.pages === 1000);
  if (mid && big) {
    const growth = big.cpuMsPerPage / mid.cpuMsPerPage;
    rows.push(
      atMost(P, 'CPU ms/page at 1,000 ÷ at 100', round(growth, 2), '×', budgets.scalingPerPageGrowthMax, `≤ ${budgets.scalingPerPageGrowthMax}×`, `wall time: ${round(big.msPerPage / mid.msPerPage, 2)}×; validate alone (wall): ${round(big.validateMs / big.pages / (mid.validateMs / mid.pages), 2)}×`),
    );
  }
  return rows;
}
