import type { CourseData } from '../schema/courseData.js';
import type { Response } from '../schema/learnerState.js';
import { decodeSuspend, encodeSuspend } from '../schema/suspendData.js';
import type { CourseResult, InteractionEvent, LaunchData, SaveStatus, Tracker } from './tracker.js';
import { TRACKING_WARNINGS } from './tracker.js';

/** No LMS found: progress stays in this browser and the player says results are not reported. */
export const standaloneKey = (courseId: string) => `scorm-standalone:${courseId}`;

/**
 * What the LMS would have been told, kept next to the progress so that a later launch with an LMS
 * (the "no API" fault: a launch that lost its LMS) can report it: the last result and every scored
 * answer. Question ids and responses only; nothing personal.
 */
export const standaloneReportKey = (courseId: string) => `scorm-standalone:${courseId}:report`;

export interface StandaloneInteraction {
  /** Question id. */
  q: string;
  r: Response;
  /** Credit 0–1. */
  c: number;
  /** Shown at / answered at, ms since epoch. */
  s: number;
  a: number;
  x: InteractionEvent['context'];
}

export interface StandaloneReport {
  r: CourseResult | null;
  i: StandaloneInteraction[];
  /** When it was last written (ms since epoch): only recent progress may be handed to an LMS. */
  t?: number;
}

/**
 * Progress made without an LMS is handed to the next LMS launch only within this window.
 * Office PCs are shared: the browser cannot tell who made it, so an old record is more
 * likely another officer's than this one's. A shift is the natural bound.
 */
export const TAKEOVER_WINDOW_MS = 8 * 60 * 60 * 1000;

export interface StandaloneProgress {
  /** Suspend data. */
  data: string;
  report: StandaloneReport;
}

const get = (key: string): string | null => {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
};

function readReport(courseId: string): StandaloneReport {
  try {
    const r = JSON.parse(get(standaloneReportKey(courseId)) ?? 'null') as StandaloneReport | null;
    if (r && typeof r === 'object') return { r: r.r ?? null, i: Array.isArray(r.i) ? r.i : [], t: typeof r.t === 'number' ? r.t : undefined };
  } catch {
    /* unreadable: nothing to report */
  }
  return { r: null, i: [] };
}

/** Progress saved in this browser without an LMS within the takeover window, if any. */
export function readStandalone(courseId: string, now = Date.now()): StandaloneProgress | null {
  const data = get(standaloneKey(courseId));
  if (!data) return null;
  const report = readReport(courseId);
  return report.t !== undefined && now - report.t <= TAKEOVER_WINDOW_MS ? { data, report } : null;
}

export function clearStandalone(courseId: string): void {
  try {
    localStorage.removeItem(standaloneKey(courseId));
    localStorage.removeItem(standaloneReportKey(courseId));
  } catch {
    /* best effort */
  }
}

export function standaloneTracker(course: CourseData): Tracker {
  const key = standaloneKey(course.id);
  let counter = 0;
  let data = '';
  let report: StandaloneReport = { r: null, i: [] };
  let ended = false;
  const write = () => {
    try {
      if (data) localStorage.setItem(key, data);
      report.t = Date.now();
      localStorage.setItem(standaloneReportKey(course.id), JSON.stringify(report));
    } catch {
      /* storage disabled: progress lasts as long as the page */
    }
  };
  return {
    kind: 'standalone',
    start(): LaunchData {
      const r = decodeSuspend(get(key), course);
      const warnings: string[] = [];
      if (r.ok) {
        counter = r.counter;
        report = readReport(course.id);
      } else if (r.reason !== 'empty') {
        console.warn(`[tracking] ignoring ${r.reason} saved progress: ${r.detail}`);
        warnings.push(TRACKING_WARNINGS.resumeIgnored);
      }
      return { state: r.ok ? r.state : null, learnerId: null, learnerName: null, masteryScore: null, mode: 'normal', warnings };
    },
    update(state, result) {
      if (ended) return;
      data = encodeSuspend(state, course, ++counter);
      report.r = result;
      write();
    },
    interaction(e) {
      if (ended) return;
      report.i.push({ q: e.question.id, r: e.response, c: e.credit, s: e.shownAt, a: e.answeredAt, x: e.context });
      write();
    },
    flush: write,
    finish() {
      if (!ended) write();
      ended = true;
    },
    onSaveStatus(listener: (s: SaveStatus) => void) {
      listener('not-reported');
      return () => {};
    },
  };
}
