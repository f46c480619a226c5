import type { CourseData } from '../schema/courseData.js';
import { SUSPEND_LIMIT } from '../schema/limits.js';
import { createScormTracker, lmsCalls, type Dialect, type DriverOptions } from './scormDriver.js';
import { scorm12Timespan } from './sessionTime.js';
import type { ModuleResult, Tracker } from './tracker.js';

const num = (s: string) => (s.trim() !== '' && Number.isFinite(Number(s)) ? Number(s) : null);
const r2 = (x: number) => String(Math.round(x * 100) / 100);

/**
 * SCORM 1.2 cmi.core.student_name is "Surname, Given" (RTE 3.4.4). "Kowalska, Anna" → "Anna Kowalska";
 * anything else (no comma, several commas, an empty side) is kept as the LMS gave it.
 */
export function displayName(studentName: string): string {
  const parts = studentName.split(',');
  if (parts.length !== 2) return studentName;
  const [surname, given] = parts.map((x) => x.trim());
  return surname && given ? `${given} ${surname}` : studentName;
}

/** SCORM 1.2 has one status for completion and success (RTE 3.4.4 cmi.core.lesson_status). */
function lessonStatus(m: Pick<ModuleResult, 'completion' | 'success'>, finalOver: boolean): string {
  if (m.success === 'passed') return 'passed';
  if (m.completion === 'completed') return m.success === 'failed' ? 'failed' : 'completed';
  // "failed" while attempts remain would make LMSs that "force a new attempt when failed"
  // start over; it is reported once the learner has no attempt left.
  if (m.success === 'failed' && finalOver) return 'failed';
  return m.completion === 'not attempted' ? 'not attempted' : 'incomplete';
}

export function scorm12Tracker(course: CourseData, api: Record<string, unknown>, options?: DriverOptions): Tracker {
  const d: Dialect = {
    kind: 'scorm12',
    version: '1.2',
    calls: lmsCalls(api, ['LMSInitialize', 'LMSGetValue', 'LMSSetValue', 'LMSCommit', 'LMSFinish', 'LMSGetLastError', 'LMSGetErrorString', 'LMSGetDiagnostic']),
    suspendElement: 'cmi.suspend_data',
    suspendLimit: SUSPEND_LIMIT['1.2'],
    sessionTimeElement: 'cmi.core.session_time',
    sessionTime: scorm12Timespan,
    exitElement: 'cmi.core.exit',
    // 1.2 has no "normal": "" is the normal exit.
    exitValue: (normal) => (normal ? '' : 'suspend'),
    alreadyInitialised: (code, text) => code === '101' && /already/i.test(text),
    launch(get) {
      const mode = get('cmi.core.lesson_mode');
      const status = get('cmi.core.lesson_status');
      return {
        suspend: get('cmi.suspend_data'),
        location: get('cmi.core.lesson_location'),
        learnerId: get('cmi.core.student_id') || null,
        learnerName: displayName(get('cmi.core.student_name')) || null,
        masteryScore: num(get('cmi.student_data.mastery_score')),
        completionThreshold: null,
        mode: mode === 'review' || mode === 'browse' ? mode : 'normal',
        initial: (status === '' || status === 'not attempted' ? { 'cmi.core.lesson_status': 'incomplete' } : {}) as Record<string, string>,
      };
    },
    course(r, { course: c, state }) {
      const over = !state.final.current && state.final.attempts.length >= c.settings.attempts;
      const status = lessonStatus(r, over);
      const v: Record<string, string> = {
        'cmi.core.lesson_status': status === 'not attempted' ? 'incomplete' : status,
      };
      if (state.location) v['cmi.core.lesson_location'] = state.location.slice(0, 255);
      if (r.score !== null) Object.assign(v, { 'cmi.core.score.raw': r2(r.score), 'cmi.core.score.min': '0', 'cmi.core.score.max': '100' });
      return v;
    },
    objective(p, m) {
      const v: Record<string, string> = { [p + 'id']: m.id, [p + 'status']: lessonStatus(m, true) };
      if (m.score !== null) Object.assign(v, { [p + 'score.raw']: r2(m.score), [p + 'score.min']: '0', [p + 'score.max']: '100' });
      return v;
    },
  };
  return createScormTracker(course, d, options);
}
