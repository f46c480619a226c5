import { Scorm12API, Scorm2004API } from 'scorm-again';
import type { CourseData } from '../../../src/schema/courseData.js';
import { scorm12Tracker } from '../../../src/tracking/scorm12Driver.js';
import { scorm2004Tracker } from '../../../src/tracking/scorm2004Driver.js';
import type { Tracker } from '../../../src/tracking/tracker.js';

/**
 * The real scorm-again library as the LMS, behind a thin wrapper that records every call and can
 * make chosen calls fail (the way the local LMS page injects faults). Never a mock of the LMS logic.
 */
export type V = '1.2' | '2004';
export type Cmi = Record<string, unknown>;

export const NAMES = {
  '1.2': { init: 'LMSInitialize', get: 'LMSGetValue', set: 'LMSSetValue', commit: 'LMSCommit', finish: 'LMSFinish', err: 'LMSGetLastError', errStr: 'LMSGetErrorString', diag: 'LMSGetDiagnostic' },
  '2004': { init: 'Initialize', get: 'GetValue', set: 'SetValue', commit: 'Commit', finish: 'Terminate', err: 'GetLastError', errStr: 'GetErrorString', diag: 'GetDiagnostic' },
} as const;

export interface Faults {
  /** SetValue of matching elements returns "false" (the wrapper sets the error code the LMS would). */
  failSet?: (el: string) => boolean;
  failCommit?: boolean;
  /** The LMS ended the session on its side: every call fails. */
  ended?: boolean;
}

export interface Call {
  fn: string;
  args: unknown[];
  result: string;
}

export class Lms {
  readonly real: Scorm12API | Scorm2004API;
  readonly calls: Call[] = [];
  faults: Faults = {};
  private fakeError = '';
  readonly api: Record<string, (...a: string[]) => string>;

  constructor(
    readonly v: V,
    cmi?: Cmi,
  ) {
    this.real = v === '1.2' ? new Scorm12API({ logLevel: 5 }) : new Scorm2004API({ logLevel: 5 });
    if (cmi) this.real.loadFromJSON(cmi, 'cmi');
    const n = NAMES[v];
    const real = this.real as unknown as Record<string, (...a: string[]) => string>;
    const wrap = (fn: string) => (...args: string[]) => {
      let result: string;
      const isErrorCall = fn === n.err || fn === n.errStr || fn === n.diag;
      if (this.faults.ended && !isErrorCall) {
        this.fakeError = v === '1.2' ? '101' : '143';
        result = fn === n.get ? '' : 'false';
      } else if (fn === n.set && this.faults.failSet?.(args[0])) {
        this.fakeError = v === '1.2' ? '101' : '351';
        result = 'false';
      } else if (fn === n.commit && this.faults.failCommit) {
        this.fakeError = v === '1.2' ? '101' : '391';
        result = 'false';
      } else if (fn === n.err && this.fakeError) {
        result = this.fakeError;
      } else {
        if (!isErrorCall) this.fakeError = '';
        result = String(real[fn].apply(this.real, args));
      }
      if (!isErrorCall) this.calls.push({ fn, args, result });
      return result;
    };
    this.api = Object.fromEntries(Object.values(n).map((fn) => [fn, wrap(fn)]));
  }

  tracker(course: CourseData, options = {}): Tracker {
    return this.v === '1.2' ? scorm12Tracker(course, this.api, { warn: () => {}, ...options }) : scorm2004Tracker(course, this.api, { warn: () => {}, ...options });
  }

  /** The data model as the LMS holds it. */
  cmi(): Record<string, any> {
    return (this.real.renderCMIToJSONObject() as any).cmi;
  }

  flat(): Record<string, string> {
    return this.real.getFlattenedCMI() as Record<string, string>;
  }

  value(el: string): string {
    return this.flat()[el] ?? '';
  }

  sets(): Call[] {
    return this.calls.filter((c) => c.fn === NAMES[this.v].set);
  }

  count(fn: keyof (typeof NAMES)['2004']): number {
    return this.calls.filter((c) => c.fn === NAMES[this.v][fn]).length;
  }

  /**
   * What an LMS does between sessions: keep the data model and launch again with entry "resume"
   * when the SCO suspended (scorm-again's loadFromJSON, as the local LMS page does).
   */
  relaunch(): Lms {
    const cmi = structuredClone(this.cmi());
    const suspended = this.v === '1.2' ? cmi.core.exit === 'suspend' : cmi.exit === 'suspend';
    if (this.v === '1.2') {
      cmi.core.entry = suspended ? 'resume' : '';
      delete cmi.core.exit;
      delete cmi.core.session_time;
      delete cmi.interactions; // write-only in SCORM 1.2; LMSs keep them for reports only
    } else {
      cmi.entry = suspended ? 'resume' : '';
      delete cmi.exit;
      delete cmi.session_time;
    }
    return new Lms(this.v, cmi);
  }
}

export const learner = (v: V): Cmi =>
  v === '1.2' ? { core: { student_id: 'sg-1234', student_name: 'Kowalska, Anna' } } : { learner_id: 'sg-1234', learner_name: 'Anna Kowalska' };
