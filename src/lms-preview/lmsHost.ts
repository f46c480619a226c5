import { Scorm12API, Scorm2004API } from 'scorm-again';

/**
 * The local LMS: scorm-again's API objects, persisted between launches the way an LMS keeps a
 * registration, and a thin wrapper that injects faults around the real object (the LMS logic
 * stays scorm-again's). Used by the LMS page (main.ts) in `npm run dev` and `npm run preview`.
 */

export type Version = '1.2' | '2004';

export interface Faults {
  noApi: boolean;
  setFails: boolean;
  commitFails: boolean;
  /** Milliseconds every Commit blocks (an LMS with a slow server; SCORM calls are synchronous). */
  slowCommit: number;
  /** The LMS ended the session on its side: every call fails from now on. */
  sessionEnded: boolean;
}

export const NO_FAULTS: Faults = { noApi: false, setFails: false, commitFails: false, slowCommit: 0, sessionEnded: false };

export interface Registration {
  version: Version;
  attempt: number;
  learnerId: string;
  learnerName: string;
  /** Passing score in percent the LMS imposes, or null. */
  passing: number | null;
  /** The committed data model (scorm-again JSON, the "cmi" object); null before the first launch. */
  cmi: Record<string, any> | null;
}

export interface LogEntry {
  at: number;
  fn: string;
  args: string[];
  result: string;
  error: string;
  injected: boolean;
}

const NAMES = {
  '1.2': { init: 'LMSInitialize', get: 'LMSGetValue', set: 'LMSSetValue', commit: 'LMSCommit', finish: 'LMSFinish', err: 'LMSGetLastError', errStr: 'LMSGetErrorString', diag: 'LMSGetDiagnostic' },
  '2004': { init: 'Initialize', get: 'GetValue', set: 'SetValue', commit: 'Commit', finish: 'Terminate', err: 'GetLastError', errStr: 'GetErrorString', diag: 'GetDiagnostic' },
} as const;

// The codes a real LMS gives for these faults: 1.2 has only "general exception" (101);
// 2004 has general set / commit failure (351 / 391) and "after termination" (143 / 133).
const FAULT_CODES = {
  '1.2': { set: '101', commit: '101', ended: '101' },
  '2004': { set: '351', commit: '391', ended: '143' },
};

const KEY = 'lms-preview:registration:';

export function loadRegistration(version: Version): Registration {
  try {
    const r = JSON.parse(localStorage.getItem(KEY + version) ?? 'null') as Registration | null;
    if (r && r.version === version) return r;
  } catch {
    /* fresh */
  }
  return { version, attempt: 1, learnerId: 'trainer-001', learnerName: version === '1.2' ? 'Kowalska, Anna' : 'Anna Kowalska', passing: null, cmi: null };
}

export function saveRegistration(r: Registration): void {
  localStorage.setItem(KEY + r.version, JSON.stringify(r));
}

/** A new attempt: the LMS forgets the data model; the learner stays. */
export function newAttempt(r: Registration): Registration {
  return { ...r, attempt: r.attempt + 1, cmi: null };
}

/** Whether the last session left the attempt suspended (then the next launch resumes it). */
export function suspended(r: Registration): boolean {
  if (!r.cmi) return false;
  return r.version === '1.2' ? r.cmi.core?.exit === 'suspend' : r.cmi.exit === 'suspend';
}

/** Whether the last session ended the attempt (exit normal), so the LMS starts a new one on launch. */
export function attemptEnded(r: Registration): boolean {
  if (!r.cmi) return false;
  if (r.version === '2004') return r.cmi.exit === 'normal' || r.cmi.exit === 'logout';
  const status = r.cmi.core?.lesson_status;
  // SCORM 1.2 leaves it to the LMS; like Moodle's "new attempt when completed", a finished
  // attempt left without "suspend" starts over.
  return r.cmi.core?.exit !== 'suspend' && ['completed', 'passed', 'failed'].includes(status) && r.cmi.core?.exit !== undefined;
}

export interface Host {
  api: Scorm12API | Scorm2004API;
  /** The object the course finds (window.API / window.API_1484_11). */
  facade: Record<string, (...a: string[]) => string>;
  log: LogEntry[];
}

/** Creates the API for one launch from the stored registration (scorm-again loadFromJSON). */
export function createHost(reg: Registration, faults: () => Faults, onChange: (event: 'call' | 'commit' | 'finish') => void): Host {
  const v = reg.version;
  const settings = { logLevel: 5 as const, autocommit: false };
  const api = v === '1.2' ? new Scorm12API(settings) : new Scorm2004API(settings);
  const cmi = structuredClone(reg.cmi ?? {});
  const entry = suspended(reg) ? 'resume' : reg.cmi ? '' : 'ab-initio';
  if (v === '1.2') {
    cmi.core = { ...cmi.core, student_id: reg.learnerId, student_name: reg.learnerName, entry, lesson_mode: 'normal', credit: 'credit' };
    delete cmi.core.exit;
    delete cmi.core.session_time;
    if (reg.passing !== null) cmi.student_data = { ...cmi.student_data, mastery_score: String(reg.passing) };
  } else {
    Object.assign(cmi, { learner_id: reg.learnerId, learner_name: reg.learnerName, entry, mode: 'normal', credit: 'credit' });
    delete cmi.exit;
    delete cmi.session_time;
    if (reg.passing !== null) cmi.scaled_passing_score = String(reg.passing / 100);
  }
  api.loadFromJSON(cmi, 'cmi');

  const n = NAMES[v];
  const real = api as unknown as Record<string, (...a: string[]) => string>;
  const log: LogEntry[] = [];
  let fakeError = '';
  const persist = () => {
    const model = (api.renderCMIToJSONObject() as any).cmi;
    saveRegistration({ ...reg, cmi: model });
  };
  const wrap = (fn: string) => (...args: string[]) => {
    const f = faults();
    const quiet = fn === n.err || fn === n.errStr || fn === n.diag;
    let result: string;
    let injected = true;
    if (quiet && fakeError) result = fn === n.err ? fakeError : fn === n.errStr ? 'Injected fault (local LMS page)' : `fault injected by the local LMS page`;
    else if (!quiet && f.sessionEnded) {
      fakeError = FAULT_CODES[v].ended;
      result = fn === n.get ? '' : 'false';
    } else if (fn === n.set && f.setFails) {
      fakeError = FAULT_CODES[v].set;
      result = 'false';
    } else if (fn === n.commit && f.commitFails) {
      fakeError = FAULT_CODES[v].commit;
      result = 'false';
    } else {
      injected = false;
      if (!quiet) fakeError = '';
      if (fn === n.commit && f.slowCommit > 0) {
        const until = Date.now() + f.slowCommit;
        while (Date.now() < until) {
          /* a synchronous LMS call that takes its time */
        }
      }
      result = String(real[fn].apply(api, args));
      // An LMS persists what it has on a successful commit and at the end of the session.
      if ((fn === n.commit || fn === n.finish) && result === 'true') {
        persist();
        onChange(fn === n.commit ? 'commit' : 'finish');
      }
    }
    if (!quiet) {
      log.push({ at: Date.now(), fn, args, result, error: fn === n.init || result === 'false' || (fn === n.get && result === '') ? String(real[n.err].call(api)) || fakeError : '', injected });
      if (injected) log[log.length - 1].error = fakeError;
      onChange('call');
    }
    return result;
  };
  const facade = Object.fromEntries(Object.values(n).map((fn) => [fn, wrap(fn)]));
  return { api, facade, log };
}

/** The live data model, flattened ("cmi.core.lesson_status" → "incomplete"). */
export function flatModel(api: Scorm12API | Scorm2004API): Record<string, string> {
  return api.getFlattenedCMI() as Record<string, string>;
}
