import type { Runs } from './lmsTraffic.js';
import { info, round, skip, type Row } from './results.js';

/**
 * Memory (issue 6, part 6): JS heap in use after completing the course, after a forced garbage
 * collection (Chrome DevTools Protocol: HeapProfiler.collectGarbage, Runtime.getHeapUsage). The
 * course frame shares its heap with the local LMS page that hosts it (same origin, one process),
 * so the heap at the start screen is shown too: the difference is what the run added.
 */
export function memoryRows(runs: Runs | string, note?: string): Row[] {
  const P = 'memory';
  const rows: Row[] = [];
  const entries = typeof runs === 'string' ? [['scorm12', runs], ['scorm2004', runs]] : Object.entries(runs);
  for (const [kind, r] of entries) {
    if (typeof r === 'string') rows.push(skip(P, `${kind}: JS heap after completing the course`, r));
    else if (r.heapAfterCompletionKB === null) rows.push(skip(P, `${kind}: JS heap after completing the course`, r.missing.join('; ') || 'the run did not finish'));
    else
      rows.push(
        info(P, `${kind}: JS heap after completing the course`, round(r.heapAfterCompletionKB / 1024, 1), 'MB', [`at the start screen ${round((r.heapAtStartKB ?? 0) / 1024, 1)} MB (LMS page + course, after GC)`, r.completed ? '' : 'run incomplete', note].filter(Boolean).join('; ')),
      );
  }
  return rows;
}
