import type { CourseData } from '../src/schema/courseData.js';
import type { Runs } from './lmsTraffic.js';
import { atMost, info, skip, type Budgets, type Row } from './results.js';

/**
 * Suspend data (issue 6, part 5): its length after the typical run (what the LMS holds once the
 * scripted run completed the course) and in the worst case, computed by the codec itself
 * (worstCaseSuspendLength: every page seen, every question answered with its longest answer,
 * 60-character fill-ins of escaped letters, an assessment attempt in progress). The same codec
 * serves both packages; the worst case is per locale, the larger is kept.
 */
type Codec = { worstCaseSuspendLength(c: CourseData): number; limits?: Record<string, number> };

/** The codec and the limit the build enforces, or why they are missing. */
export async function loadCodec(): Promise<Codec | string> {
  try {
    const codec = (await import('../src/schema/suspendData.js')) as Partial<Codec>;
    if (typeof codec.worstCaseSuspendLength !== 'function') return 'src/schema/suspendData.ts exports no worstCaseSuspendLength';
    let limits: Record<string, number> | undefined;
    try {
      limits = ((await import('../src/schema/limits.js')) as { SUSPEND_LIMIT?: Record<string, number> }).SUSPEND_LIMIT;
    } catch {
      /* no shared limits module: the build enforces nothing we can name */
    }
    return { worstCaseSuspendLength: codec.worstCaseSuspendLength, limits };
  } catch (e) {
    return `the suspend-data codec (src/schema/suspendData.ts) is missing: ${(e as Error).message.split('\n')[0]}`;
  }
}

export function worstCase(codec: Codec, byLocale: Record<string, CourseData>): { length: number; locale: string } {
  return Object.values(byLocale)
    .map((c) => ({ length: codec.worstCaseSuspendLength(c), locale: c.locale }))
    .reduce((a, b) => (b.length > a.length ? b : a));
}

/** `runs` null: no scripted run this time (npm run bench -- --only=weight), so no typical figure. */
export function suspendRows(codec: Codec | string, byLocale: Record<string, CourseData>, runs: Runs | string | null, budgets: Budgets, realCourse: string | null): Row[] {
  const P = 'suspend data';
  const budget = `≤ ${budgets.worstCaseSuspendChars} chars`;
  const rows: Row[] = [];
  const packages = runs && typeof runs !== 'string' ? Object.keys(runs) : ['scorm12', 'scorm2004'];
  for (const kind of runs === null ? [] : packages) {
    const run = typeof runs === 'string' ? runs : runs![kind as keyof Runs];
    if (typeof run === 'string') rows.push(skip(P, `${kind}: after the typical run`, run));
    else if (run.suspendData === null) rows.push(skip(P, `${kind}: after the typical run`, 'the local LMS page exposes no data model (window.lmsPreview.model)'));
    else rows.push(info(P, `${kind}: after the typical run`, run.suspendData.length, 'chars', run.completed ? 'course completed' : 'run incomplete'));
  }
  if (typeof codec === 'string') {
    rows.push(skip(P, 'worst case', codec, budget));
    return rows;
  }
  const w = worstCase(codec, byLocale);
  if (realCourse) {
    rows.push(skip(P, 'worst case, real course', realCourse, budget));
    rows.push(info(P, 'worst case, mini fixture (stand-in)', w.length, 'chars', w.locale));
    return rows;
  }
  for (const kind of packages) {
    const limit = codec.limits?.[kind === 'scorm12' ? '1.2' : '2004'];
    rows.push(
      atMost(P, `${kind}: worst case`, w.length, 'chars', budgets.worstCaseSuspendChars, budget, `${w.locale}; the build refuses a course above ${codec.limits?.['1.2'] ?? '?'} (SCORM 1.2 cmi.suspend_data)${limit ? `, this package's LMS limit ${limit}` : ''}`),
    );
  }
  return rows;
}
