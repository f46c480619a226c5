import type { CourseData } from '../schema/courseData.js';
import { emptyLearnerState, withoutDrafts, type LearnerState } from '../schema/learnerState.js';
import { decodeSuspend, encodeSuspend, suspendCounter } from '../schema/suspendData.js';
import { commitScheduler } from './commitScheduler.js';
import { interactionFields, type Version } from './interactionFormat.js';
import { clearLocalCopy, localCopyKey, readLocalCopy, writeLocalCopy, type LocalCopy } from './localCopy.js';
import { clearStandalone, readStandalone, TAKEOVER_WINDOW_MS } from './standaloneDriver.js';
import type { CourseResult, InteractionEvent, LaunchData, ModuleResult, SaveStatus, Tracker } from './tracker.js';
import { TRACKING_WARNINGS } from './tracker.js';

/**
 * What the SCORM 1.2 and 2004 drivers share: the session (initialise once, finish once, never a call
 * after), change detection (only changed elements are sent), coalesced commits with retry, the
 * local copy and its reconciliation, and fault handling. A Dialect holds all that differs.
 */

/** The LMS API with both versions' calls under one set of names; every result as the LMS gave it. */
export interface LmsCalls {
  init(): string;
  get(el: string): string;
  set(el: string, v: string): string;
  commit(): string;
  finish(): string;
  lastError(): string;
  errorString(code: string): string;
  diagnostic(code: string): string;
}

export interface LaunchInfo {
  suspend: string;
  location: string;
  learnerId: string | null;
  learnerName: string | null;
  masteryScore: number | null;
  completionThreshold: number | null;
  mode: LaunchData['mode'];
  /** Elements to set at once (status "incomplete" on a first launch). */
  initial: Record<string, string>;
}

export interface CourseContext {
  course: CourseData;
  state: LearnerState;
  threshold: number | null;
  exitNormal: boolean;
}

export interface Dialect {
  kind: 'scorm12' | 'scorm2004';
  version: Version;
  calls: LmsCalls;
  suspendElement: string;
  /** SCORM 1.2 CMIString4096; 2004 allows 64000. */
  suspendLimit: number;
  sessionTimeElement: string;
  sessionTime(ms: number): string;
  exitElement: string;
  exitValue(normal: boolean): string;
  launch(get: (el: string) => string): LaunchInfo;
  course(r: CourseResult, ctx: CourseContext): Record<string, string>;
  objective(prefix: string, m: ModuleResult, title: string, locale: string): Record<string, string>;
  /** Whether a failed Initialize means "already initialised" (the LMS kept the session of a reloaded page). */
  alreadyInitialised(code: string, text: string): boolean;
}

export interface DriverOptions {
  /** Delay that coalesces a burst of updates into one commit (ms). */
  commitDelay?: number;
  /**
   * Delay for a change that only edits answers not yet submitted (ms). Such edits ride along with
   * the next prompt commit (navigation, a submission, the page being hidden) or go after this long;
   * the local copy holds them meanwhile, so a crash loses nothing.
   */
  draftDelay?: number;
  retryDelays?: number[];
  now?: () => number;
  warn?: (message: string) => void;
}

const MAX_VALUE_FAILURES = 3;
/** See DriverOptions.draftDelay. */
export const DRAFT_DELAY = 10_000;
const ok = (r: unknown) => r === 'true' || r === true;

export function createScormTracker(course: CourseData, d: Dialect, options: DriverOptions = {}): Tracker {
  const now = options.now ?? Date.now;
  const warn = options.warn ?? ((m: string) => console.warn('[tracking] ' + m));
  const lms = d.calls;
  const listeners = new Set<(s: SaveStatus) => void>();
  const sent = new Map<string, string>();
  const dirty = new Map<string, string>();
  const failures = new Map<string, number>();
  const objectiveIndex = new Map<string, number>();
  let pending: { els: string[]; fields: [string, string][] }[] = [];
  let status: SaveStatus = 'saved';
  let initialised = false;
  let started = false;
  let ended = false;
  let review = false;
  let needCommit = false;
  let startedAt = now();
  let counter = 0;
  let lastBody = '';
  let lastMilestone = '';
  let interactionCount = 0;
  let threshold: number | null = null;
  let key = localCopyKey(course.id, null);
  let last: { state: LearnerState; result: CourseResult | null } = { state: emptyLearnerState(), result: null };
  let copy: LocalCopy | null = null;

  const setStatus = (s: SaveStatus) => {
    if (s === status) return;
    status = s;
    for (const l of listeners) l(s);
  };

  const error = (call: string, el = '') => {
    const code = String(lms.lastError());
    const text = `${lms.errorString(code)} ${lms.diagnostic(code)}`.trim();
    warn(`${call}${el ? ' ' + el : ''} failed: error ${code} ${text}`);
    return { code, text };
  };

  /** Reading an element never set gives 403 in some LMSs and "" in others: both mean "no value". */
  const get = (el: string) => {
    const v = lms.get(el);
    return String(lms.lastError()) === '0' && typeof v === 'string' ? v : '';
  };

  const init = () => {
    if (initialised) return true;
    if (ok(lms.init())) return (initialised = true);
    const e = error('Initialize');
    return (initialised = d.alreadyInitialised(e.code, e.text));
  };

  const stage = (values: Record<string, string>) => {
    for (const [el, v] of Object.entries(values)) {
      if (sent.get(el) === v) dirty.delete(el);
      else dirty.set(el, v);
    }
  };

  const saveCopy = () => {
    copy = { v: course.version, n: counter, d: dirty.get(d.suspendElement) ?? sent.get(d.suspendElement) ?? '', r: last.result, i: pending.map((p) => p.fields), t: now() };
    if (copy.d) writeLocalCopy(key, copy);
  };

  /** Sends staged values and commits. Returns true when the LMS confirmed everything staged. */
  const commit = (): boolean => {
    if (ended || review) return true;
    if (!init()) {
      setStatus('delayed');
      return false;
    }
    let failed = 0;
    let streak = 0;
    for (const [el, v] of [...dirty]) {
      if (ok(lms.set(el, v))) {
        sent.set(el, v);
        dirty.delete(el);
        failures.delete(el);
        needCommit = true;
        streak = 0;
        continue;
      }
      error('SetValue', el);
      failed++;
      const n = (failures.get(el) ?? 0) + 1;
      failures.set(el, n);
      // A value the LMS keeps refusing (a format it does not accept) must not be retried for ever;
      // the suspend data is never given up (the local copy keeps it meanwhile).
      if (n >= MAX_VALUE_FAILURES && el !== d.suspendElement) {
        warn(`giving up on ${el}`);
        dirty.delete(el);
        failed--;
      }
      // Two refusals in a row: the LMS is probably down; do not hammer it value by value.
      if (++streak >= 2) break;
    }
    if (needCommit) {
      if (!ok(lms.commit())) {
        error('Commit');
        setStatus('delayed');
        return false;
      }
      needCommit = false;
    }
    if (failed) {
      setStatus('delayed');
      return false;
    }
    pending = pending.filter((p) => p.els.some((el) => dirty.has(el)));
    if (copy && !pending.length && suspendCounter(sent.get(d.suspendElement)) >= copy.n) {
      clearLocalCopy(key);
      copy = null;
    }
    setStatus('saved');
    return true;
  };

  const scheduler = commitScheduler(commit, options.commitDelay, options.retryDelays, now);
  const draftDelay = options.draftDelay ?? DRAFT_DELAY;
  /** The state without unsubmitted answers: when only those change, the save can wait. */
  const milestone = (state: LearnerState) => encodeSuspend(withoutDrafts(state), course, 0);

  const courseValues = (state: LearnerState, result: CourseResult | null): Record<string, string> => {
    const values: Record<string, string> = {
      [d.suspendElement]: encodeSuspend(state, course, counter, { limit: d.suspendLimit }),
    };
    if (!result) return values;
    const exitNormal = result.completion === 'completed' && course.settings.exitAfterCompletion === 'normal';
    Object.assign(values, d.course(result, { course, state, threshold, exitNormal }), { [d.exitElement]: d.exitValue(exitNormal) });
    for (const m of result.modules) {
      if (!objectiveIndex.has(m.id)) objectiveIndex.set(m.id, objectiveIndex.size);
      const title = course.modules.find((x) => x.id === m.id)?.title ?? m.id;
      Object.assign(values, d.objective(`cmi.objectives.${objectiveIndex.get(m.id)}.`, m, title, course.locale));
    }
    return values;
  };

  // Once reported, completion and a pass stay: a later update must not take them back.
  const sticky = (r: CourseResult): CourseResult => {
    const p = last.result;
    if (!p) return r;
    return {
      ...r,
      completion: p.completion === 'completed' ? 'completed' : r.completion,
      success: p.success === 'passed' ? 'passed' : r.success,
      score: r.score === null ? p.score : p.score === null ? r.score : Math.max(p.score, r.score),
    };
  };

  const addInteraction = (fields: [string, string][]) => {
    const prefix = `cmi.interactions.${interactionCount++}.`;
    const values = Object.fromEntries(fields.map(([k, v]) => [prefix + k, v]));
    pending.push({ els: Object.keys(values), fields });
    stage(values);
  };

  const tracker: Tracker = {
    kind: d.kind,

    start(): LaunchData {
      if (started) throw new Error('Tracker.start() called twice');
      started = true;
      startedAt = now();
      const warnings: string[] = [];
      let info: LaunchInfo | null = null;
      if (init()) info = d.launch(get);
      else {
        warnings.push(TRACKING_WARNINGS.lmsUnavailable);
        setStatus('delayed');
      }
      review = info?.mode === 'review' || info?.mode === 'browse';
      threshold = info?.completionThreshold ?? null;
      key = localCopyKey(course.id, info?.learnerId ?? null);
      if (initialised) {
        const n = Number(get('cmi.objectives._count')) || 0;
        for (let i = 0; i < n; i++) {
          const id = get(`cmi.objectives.${i}.id`);
          if (id && !objectiveIndex.has(id)) objectiveIndex.set(id, i);
        }
        // Indices may have gaps when an LMS lost some; new objectives go after the highest known.
        for (let i = objectiveIndex.size; i < n; i++) objectiveIndex.set(`\0${i}`, i);
        interactionCount = Number(get('cmi.interactions._count')) || 0;
      }

      // Reconciliation: the LMS's suspend data or the local copy, whichever has the higher counter.
      // A session whose Initialize failed never learnt the learner id: its copy has none (issue 4).
      // Like progress made without an LMS, such a copy may be another officer's on a shared PC: it
      // is handed over only while recent and only into an attempt with no saved progress, so it can
      // never overwrite what the LMS holds for this learner.
      const anonymous = localCopyKey(course.id, null);
      const lmsData = info?.suspend ?? '';
      let localKey = key;
      let local = readLocalCopy(key);
      if (!local && key !== anonymous && (local = readLocalCopy(anonymous))) {
        localKey = anonymous;
        const recent = local.t !== undefined && now() - local.t <= TAKEOVER_WINDOW_MS;
        if (!recent || lmsData) {
          warn(`not resuming from a browser copy without a learner id (${recent ? 'the LMS already holds progress for this attempt' : 'older than 8 hours'})`);
          if (!recent) clearLocalCopy(anonymous);
          local = null;
          localKey = key;
        }
      }
      const useLocal = !!local && suspendCounter(local.d) > suspendCounter(lmsData);
      let state: LearnerState | null = null;
      for (const [source, data] of useLocal ? [['local copy', local!.d], ['LMS', lmsData]] : [['LMS', lmsData]]) {
        const r = decodeSuspend(data, course);
        if (r.ok) {
          state = r.state;
          counter = r.counter;
          if (r.dropped) warn(`${r.dropped} saved items no longer exist in course version ${course.version} (saved by ${r.version}); dropped`);
          if (source === 'local copy') {
            warn('resuming from the browser copy of a save the LMS never confirmed');
            copy = local;
            last = { state, result: local!.r };
            stage(courseValues(state, local!.r));
            for (const f of local!.i) addInteraction(f);
            if (localKey !== key) {
              writeLocalCopy(key, local!);
              clearLocalCopy(localKey);
            }
          }
          break;
        }
        if (r.reason !== 'empty') {
          warn(`ignoring ${r.reason} suspend data from the ${source}: ${r.detail}`);
          if (source === 'LMS' || !lmsData) warnings.push(TRACKING_WARNINGS.resumeIgnored);
        }
      }
      if (local && !useLocal) clearLocalCopy(localKey);

      // Progress made in this browser while no LMS was found (the "no API" fault: a launch that lost
      // its LMS) is this learner's: a fresh attempt (no suspend data yet) takes it over, once, with the
      // result and the answers the LMS was never told. The local copy guards it until the LMS confirms.
      if (!state && initialised && !review && !lmsData) {
        const saved = readStandalone(course.id);
        const r = saved ? decodeSuspend(saved.data, course) : null;
        if (saved && r?.ok) {
          warn('taking over the progress saved in this browser while no LMS was found');
          state = r.state;
          counter = r.counter;
          last = { state, result: saved.report.r };
          stage(courseValues(state, saved.report.r));
          for (const x of saved.report.i) {
            const question = course.questions[x.q];
            if (question) addInteraction(interactionFields({ question, response: x.r, credit: x.c, shownAt: x.s, answeredAt: x.a, context: x.x }, d.version, course.locale));
          }
          saveCopy();
          clearStandalone(course.id);
        }
      }
      if (state) {
        last.state = state;
        lastBody = encodeSuspend(state, course, 0);
      }
      lastMilestone = milestone(last.state);

      if (!review && initialised) {
        // Suspend from the first second, so a crash or closed tab still resumes (issue 4).
        // Statuses restored above (local copy, progress without an LMS) win over the first-launch ones.
        const initial = Object.entries(info!.initial).filter(([el]) => !dirty.has(el));
        stage({ ...Object.fromEntries(initial), [d.exitElement]: d.exitValue(false) });
        // Within the first half second, not before the start screen shows: an LMS's first commit can
        // take long (some send it to the server synchronously), and pagehide sends it in any case.
        scheduler.request();
      }
      return {
        state,
        learnerId: info?.learnerId ?? null,
        learnerName: info?.learnerName ?? null,
        masteryScore: info?.masteryScore ?? null,
        mode: info?.mode ?? 'normal',
        warnings,
      };
    },

    update(state, result) {
      if (ended || review) return;
      // The counter counts changes of the learner's state, not calls.
      const body = encodeSuspend(state, course, 0);
      if (body !== lastBody) counter++;
      lastBody = body;
      const r = sticky(result);
      const m = milestone(state);
      const draftOnly = m === lastMilestone && JSON.stringify(r) === JSON.stringify(last.result);
      lastMilestone = m;
      last = { state, result: r };
      stage(courseValues(state, r));
      saveCopy();
      if (dirty.size) {
        if (status !== 'delayed') setStatus('saving');
        scheduler.request(draftOnly ? draftDelay : undefined);
      }
    },

    interaction(event: InteractionEvent) {
      if (ended || review) return;
      addInteraction(interactionFields(event, d.version, course.locale));
      saveCopy();
      scheduler.request();
    },

    flush() {
      if (ended || review || (!dirty.size && !needCommit && initialised)) return;
      scheduler.now();
    },

    finish() {
      if (ended) return;
      scheduler.cancel();
      if (initialised || init()) {
        if (!review) {
          const exitNormal = last.result?.completion === 'completed' && course.settings.exitAfterCompletion === 'normal';
          // session_time only once, at the end: some LMSs add every value they receive to total_time.
          stage({ [d.exitElement]: d.exitValue(exitNormal), [d.sessionTimeElement]: d.sessionTime(now() - startedAt) });
          if (!commit()) saveCopy();
        }
        if (!ok(lms.finish())) error('Terminate');
      }
      ended = true;
    },

    onSaveStatus(listener) {
      listeners.add(listener);
      listener(status);
      return () => listeners.delete(listener);
    },
  };
  return tracker;
}

/** Adapts an API object whose functions have the given names (LMSInitialize… or Initialize…). */
export function lmsCalls(api: Record<string, unknown>, names: [string, string, string, string, string, string, string, string]): LmsCalls {
  const call = (name: string, ...args: string[]) => {
    try {
      return String((api[name] as (...a: string[]) => unknown).apply(api, args));
    } catch (e) {
      // An LMS API that throws (a closed LMS window, a broken wrapper) is a failed call, not a crash.
      console.warn(`[tracking] ${name} threw`, e);
      return 'false';
    }
  };
  const [i, g, s, c, f, e, es, dg] = names;
  return {
    init: () => call(i, ''),
    get: (el) => call(g, el),
    set: (el, v) => call(s, el, v),
    commit: () => call(c, ''),
    finish: () => call(f, ''),
    lastError: () => call(e),
    errorString: (code) => call(es, code),
    diagnostic: (code) => call(dg, code),
  };
}
