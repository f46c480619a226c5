// @vitest-environment happy-dom
import { Scorm2004API } from 'scorm-again';
import { beforeEach, describe, expect, test } from 'vitest';
import { emptyLearnerState } from '../../../src/schema/learnerState.js';
import { decodeSuspend } from '../../../src/schema/suspendData.js';
import { findApi, wantedVersions } from '../../../src/tracking/apiDiscovery.js';
import { createTracker } from '../../../src/tracking/createTracker.js';
import { interactionProblems } from '../../../src/tracking/interactionFormat.js';
import { iso8601Duration, iso8601Timestamp, scorm12Timespan } from '../../../src/tracking/sessionTime.js';
import { standaloneKey, standaloneTracker } from '../../../src/tracking/standaloneDriver.js';
import type { CourseResult, SaveStatus } from '../../../src/tracking/tracker.js';
import { miniCourse } from './fixture';
import { learner, Lms, NAMES } from './lmsHarness';
import { richState } from './states';

/** A window-like chain: frame → parent → top, plus an opener chain. */
function fakeWindow(meta: string, search: string, chain: Record<string, unknown>[], opener: Record<string, unknown>[] = []) {
  const link = (ws: Record<string, unknown>[]) => {
    ws.forEach((w, i) => (w.parent = ws[i + 1] ?? w));
    return ws[0] ?? null;
  };
  const top = link(chain);
  top.opener = link(opener);
  top.document = { querySelector: () => ({ getAttribute: () => meta }) };
  top.location = { search };
  return top as unknown as Window;
}

describe('API discovery', () => {
  const api = { Initialize: () => 'true' };
  test('walks up the parents, then the opener and its parents', () => {
    expect(findApi(fakeWindow('auto', '', [{}, {}, { API_1484_11: api }]))?.version).toBe('2004');
    expect(findApi(fakeWindow('auto', '', [{}, {}], [{}, { API: api }]))?.version).toBe('1.2');
    expect(findApi(fakeWindow('auto', '', [{}], []))).toBeNull();
  });
  test('the packaged version decides; "auto" honours ?scorm= and prefers 2004', () => {
    const both = () => [{}, { API: api, API_1484_11: api }];
    expect(findApi(fakeWindow('1.2', '', both()))?.version).toBe('1.2');
    expect(findApi(fakeWindow('2004', '', both()))?.version).toBe('2004');
    expect(findApi(fakeWindow('auto', '', both()))?.version).toBe('2004');
    expect(findApi(fakeWindow('auto', '?scorm=12', both()))?.version).toBe('1.2');
    expect(wantedVersions(fakeWindow('2004', '?scorm=12', [{}]))).toEqual(['2004']);
    expect(findApi(fakeWindow('1.2', '', [{}, { API_1484_11: api }]))).toBeNull();
  });
  test('a cross-origin frame that throws is skipped', () => {
    const hostile = {};
    Object.defineProperty(hostile, 'API_1484_11', { get: () => { throw new DOMException('cross-origin', 'SecurityError'); } });
    expect(findApi(fakeWindow('auto', '', [{}, hostile, { API_1484_11: api }]))?.version).toBe('2004');
  });
});

describe('standalone driver', () => {
  beforeEach(() => localStorage.clear());
  test('no LMS: progress in localStorage, status "not-reported"', () => {
    const course = miniCourse();
    const t = standaloneTracker(course);
    expect(t.start().state).toBeNull();
    const statuses: SaveStatus[] = [];
    t.onSaveStatus((s) => statuses.push(s));
    expect(statuses).toEqual(['not-reported']);
    const s = richState(course);
    t.update(s, { completion: 'incomplete', success: 'unknown', score: null, progress: 0.5, modules: [] });
    t.finish();
    expect(localStorage.getItem(standaloneKey(course.id))).toMatch(/^S2\|/);
    expect(standaloneTracker(course).start().state).toEqual(s);
    localStorage.setItem(standaloneKey(course.id), 'rubbish');
    expect(standaloneTracker(course).start()).toMatchObject({ state: null, warnings: ['tracking.resumeIgnored'] });
  });
});

describe('createTracker', () => {
  beforeEach(() => {
    localStorage.clear();
    delete (window as any).API_1484_11;
    delete (window as any).API;
  });
  test('without an API: standalone', () => {
    expect(createTracker(miniCourse(), window).kind).toBe('standalone');
  });
  test('hidden page saves, pagehide finishes exactly once, and the exit button after it is a no-op', () => {
    const lms = new Scorm2004API({ logLevel: 5 });
    const calls: string[] = [];
    (window as any).API_1484_11 = new Proxy(lms, { get: (o, k) => (typeof (o as any)[k] === 'function' ? (...a: unknown[]) => (calls.push(String(k)), (o as any)[k](...a)) : (o as any)[k]) });
    const t = createTracker(miniCourse(), window);
    expect(t.kind).toBe('scorm2004');
    t.start();
    t.update(emptyLearnerState(), { completion: 'incomplete', success: 'unknown', score: null, progress: 0.1, modules: [] });
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
    // The session's first commit (due within 500 ms of the start) goes with this one.
    expect(calls.filter((c) => c === 'Commit').length).toBe(1);
    window.dispatchEvent(new Event('pagehide'));
    t.finish();
    window.dispatchEvent(new Event('pagehide'));
    expect(calls.filter((c) => c === 'Terminate').length).toBe(1);
    expect(calls.at(-1)).toBe('Terminate');
    expect(lms.isTerminated()).toBe(true);
  });
  // The player needs no pagehide/visibilitychange listeners of its own: this layer's pagehide alone
  // commits the last update (no flush before it), and once finished nothing reaches the LMS, even
  // when a page kept in the back/forward cache comes back (pageshow) and the player carries on.
  for (const v of ['1.2', '2004'] as const)
    test(`SCORM ${v}: pagehide alone saves the last update; no LMS call after it, even after pageshow`, () => {
      const lms = new Lms(v, learner(v));
      (window as any)[v === '1.2' ? 'API' : 'API_1484_11'] = lms.api;
      const course = miniCourse();
      const t = createTracker(course, window);
      expect(t.kind).toBe(v === '1.2' ? 'scorm12' : 'scorm2004');
      t.start();
      const state = richState(course);
      const result = (): CourseResult => ({ completion: 'incomplete', success: 'unknown', score: null, progress: 0.5, modules: [] });
      t.update(state, result());
      window.dispatchEvent(Object.assign(new Event('pagehide'), { persisted: true }));
      const saved = decodeSuspend(lms.value('cmi.suspend_data'), course);
      expect(saved.ok && saved.state).toEqual(state);
      expect(lms.count('finish')).toBe(1);
      const calls = lms.calls.length;
      expect(lms.calls[calls - 1].fn).toBe(NAMES[v].finish);
      window.dispatchEvent(Object.assign(new Event('pageshow'), { persisted: true }));
      t.update(emptyLearnerState(), result());
      t.interaction({ question: course.questions['a-q-tf'], response: true, credit: 1, shownAt: 0, answeredAt: 1, context: { kind: 'quiz', module: 'm-alpha' } });
      Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
      document.dispatchEvent(new Event('visibilitychange'));
      t.flush();
      t.finish();
      window.dispatchEvent(new Event('pagehide'));
      expect(lms.calls.length).toBe(calls);
      t.finish();
    });
});

describe('time formats', () => {
  test('SCORM 1.2 timespan and 2004 duration/timestamp', () => {
    expect(scorm12Timespan(0)).toBe('00:00:00.00');
    expect(scorm12Timespan(3_723_456)).toBe('01:02:03.46');
    expect(scorm12Timespan(400 * 3600_000)).toBe('400:00:00.00');
    expect(iso8601Duration(0)).toBe('PT0S');
    expect(iso8601Duration(3_723_456)).toBe('PT1H2M3.46S');
    expect(iso8601Duration(60_000)).toBe('PT1M0S');
    expect(iso8601Timestamp(Date.UTC(2026, 10, 28, 9, 5, 7))).toBe('2026-11-28T09:05:07.0Z');
  });
});

describe('interactionProblems (build-time check)', () => {
  test('the fixture is fine', () => {
    expect(interactionProblems(miniCourse())).toEqual([]);
  });
  test('finds illegal identifiers, long descriptions, too many options, 1.2 responses over 255', () => {
    const c = miniCourse();
    const q = c.questions['a-q-multiple'];
    if (q.type !== 'multiple') throw new Error('fixture');
    q.choices = Array.from({ length: 40 }, (_, i) => ({ id: `choice ${i}`, html: 'x', correct: i === 0 }));
    q.text = 'x'.repeat(251);
    const s = c.questions['b-q-scenario'];
    if (s.type !== 'scenario') throw new Error('fixture');
    s.nodes[0].id = 'n'.repeat(140);
    s.start = s.nodes[0].id;
    s.nodes[1].choices[0].id = 'c'.repeat(140);
    const p = interactionProblems(c).join('\n');
    expect(p).toMatch(/"choice 0" is not a SCORM 2004 short_identifier_type/);
    expect(p).toMatch(/description is 251 characters/);
    expect(p).toMatch(/40 options/);
    expect(p).toMatch(/b-q-scenario.*SCORM 1\.2 response .* the limit is 255/);
  });
});
