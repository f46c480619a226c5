import type { CourseResult } from './tracker.js';

/**
 * The browser-side copy of a save the LMS has not confirmed yet (issue 4: faults).
 * Key "scorm-copy:<course id>:<learner id>"; nothing personal beyond the learner id:
 * the suspend data (answers and progress, which hold the course version and save counter),
 * the last course result (statuses and scores) and interactions not yet committed.
 * Written before every save reaches the LMS, removed once the LMS confirms a commit holding it.
 */
export interface LocalCopy {
  /** Course version that wrote it. */
  v: string;
  /** Save counter (also inside d). */
  n: number;
  /** Suspend data. */
  d: string;
  r: CourseResult | null;
  /** Interactions not yet committed: [element suffix, value] pairs each. */
  i: [string, string][][];
  /** When it was written (ms since epoch): a copy without a learner id is handed over only while recent. */
  t?: number;
}

export const localCopyKey = (courseId: string, learnerId: string | null) => `scorm-copy:${courseId}:${learnerId ?? ''}`;

// Storage can be missing or throw (private mode, quota, sandboxed iframe): the copy is best effort.
function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

export function readLocalCopy(key: string): LocalCopy | null {
  try {
    const raw = storage()?.getItem(key);
    if (!raw) return null;
    const c = JSON.parse(raw) as LocalCopy;
    return typeof c?.d === 'string' && typeof c.n === 'number' ? { ...c, i: Array.isArray(c.i) ? c.i : [], t: typeof c.t === 'number' ? c.t : undefined } : null;
  } catch {
    return null;
  }
}

export function writeLocalCopy(key: string, copy: LocalCopy): void {
  try {
    storage()?.setItem(key, JSON.stringify(copy));
  } catch {
    /* best effort */
  }
}

export function clearLocalCopy(key: string): void {
  try {
    storage()?.removeItem(key);
  } catch {
    /* best effort */
  }
}
