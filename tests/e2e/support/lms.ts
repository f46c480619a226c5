import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { expect, type Frame, type FrameLocator, type Page } from '@playwright/test';
import type { Faults, LogEntry, Registration } from '../../../src/lms-preview/lmsHost';
import { servePackage } from '../../../src/lms-preview/servePackage';
import { projectRoot } from '../../support/courseCopy';
import { packageDir, type PackageKind } from './packages';

/**
 * Helpers for the local LMS page (src/lms-preview, scorm-again) in browser tests: where the course
 * runs (a built package or the dev server), launching and relaunching it, injecting faults, and
 * reading the data model the LMS holds, live or as stored at the end of a session.
 */

export type Version = '1.2' | '2004';
export type { Faults };

export const versionOf = (kind: PackageKind): Version => (kind === 'scorm12' ? '1.2' : '2004');

/** Where the LMS page and the course are served from. */
export interface Target {
  name: string;
  /** The LMS page with this SCORM version selected. */
  lmsUrl(version: Version): string;
  close(): Promise<void>;
}

/** An unpacked package built by global-setup.ts, served as plain files with the LMS page next to it. */
export async function packageTarget(course: 'mini' | 'real', kind: PackageKind): Promise<Target> {
  const server = await servePackage(packageDir(course, kind), 0);
  return { name: `${course} ${kind} package`, lmsUrl: (v) => server.lmsUrl(v), close: () => server.close() };
}

export const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });

/** `npm run dev` (scripts/dev.ts) on a free port with COURSE_ROOT=courseRoot; the LMS page is /lms-preview/. */
export async function devTarget(courseRoot: string): Promise<Target> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(process.execPath, [path.join(projectRoot, 'node_modules/tsx/dist/cli.mjs'), 'scripts/dev.ts'], {
    cwd: projectRoot,
    env: { ...process.env, COURSE_ROOT: courseRoot, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`dev server did not start:\n${output}`)), 60_000);
    const onData = (d: Buffer) => {
      output += d.toString();
      if (output.includes('Course in the local LMS')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
    child.on('exit', (code) => reject(new Error(`dev server exited with ${code}:\n${output}`)));
  });
  return {
    name: 'dev server',
    lmsUrl: (v) => `${base}/lms-preview/?scorm=${v === '1.2' ? '12' : '2004'}`,
    close: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    },
  };
}

/** Data-model element names that differ between the versions. */
export function elements(v: Version) {
  return v === '1.2'
    ? {
        suspend: 'cmi.suspend_data',
        location: 'cmi.core.lesson_location',
        exit: 'cmi.core.exit',
        entry: 'cmi.core.entry',
        sessionTime: 'cmi.core.session_time',
        status: 'cmi.core.lesson_status',
        raw: 'cmi.core.score.raw',
        min: 'cmi.core.score.min',
        max: 'cmi.core.score.max',
        response: 'student_response',
      }
    : {
        suspend: 'cmi.suspend_data',
        location: 'cmi.location',
        exit: 'cmi.exit',
        entry: 'cmi.entry',
        sessionTime: 'cmi.session_time',
        status: 'cmi.completion_status',
        raw: 'cmi.score.raw',
        min: 'cmi.score.min',
        max: 'cmi.score.max',
        response: 'learner_response',
      };
}

/** SCORM 1.2 CMITimespan (RTE 3.4.2): HHHH:MM:SS.SS, hours 2–4 digits, seconds with optional 1–2 decimals. */
export const SCORM12_TIMESPAN = /^\d{2,4}:[0-5]\d:[0-5]\d(\.\d{1,2})?$/;
/** The strict form the course sends (scorm-again stores 1.2 times normalised, e.g. "00:00:01" for "00:00:01.00"). */
export const SCORM12_TIMESPAN_STRICT = /^\d{2,4}:[0-5]\d:[0-5]\d\.\d{2}$/;
/** SCORM 2004 timeinterval (RTE 4.2.4): ISO 8601 duration, here always time-only with seconds to hundredths. */
export const ISO8601_DURATION = /^P(?:\d+Y)?(?:\d+M)?(?:\d+D)?(?:T(?=\d)(?:\d+H)?(?:\d+M)?(?:\d+(?:\.\d{1,2})?S)?)?$/;

/** Nested scorm-again JSON → flat "cmi.a.b" → value, as the LMS would list its data model. */
export function flatten(obj: unknown, prefix = 'cmi'): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (o: unknown, p: string) => {
    if (o === null || o === undefined) return;
    if (typeof o === 'object') {
      for (const [k, v] of Object.entries(o as Record<string, unknown>)) walk(v, `${p}.${k}`);
    } else out[p] = String(o);
  };
  walk(obj, prefix);
  return out;
}

export interface Interaction {
  index: number;
  fields: Record<string, string>;
}

/** cmi.interactions.n.* of a flat model, by n. */
export function interactionsOf(flat: Record<string, string>): Interaction[] {
  const by = new Map<number, Record<string, string>>();
  for (const [k, v] of Object.entries(flat)) {
    const m = /^cmi\.interactions\.(\d+)\.(.+)$/.exec(k);
    if (!m) continue;
    const n = Number(m[1]);
    if (!by.has(n)) by.set(n, {});
    by.get(n)![m[2]] = v;
  }
  return [...by.entries()].sort((a, b) => a[0] - b[0]).map(([index, fields]) => ({ index, fields }));
}

/** cmi.objectives.n.* of a flat model, in index order. */
export function objectivesOf(flat: Record<string, string>): Record<string, string>[] {
  const by = new Map<number, Record<string, string>>();
  for (const [k, v] of Object.entries(flat)) {
    const m = /^cmi\.objectives\.(\d+)\.(.+)$/.exec(k);
    if (!m) continue;
    if (!by.has(Number(m[1]))) by.set(Number(m[1]), {});
    by.get(Number(m[1]))![m[2]] = v;
  }
  return [...by.entries()].sort((a, b) => a[0] - b[0]).map(([, f]) => f);
}

/** One browser page holding the local LMS page, with the course in its iframe. */
export class LmsPage {
  readonly el: ReturnType<typeof elements>;
  constructor(
    readonly page: Page,
    readonly target: Target,
    readonly version: Version,
  ) {
    this.el = elements(version);
  }

  /** The course, for locators. */
  get course(): FrameLocator {
    return this.page.frameLocator('#course');
  }

  /** The course's frame, to evaluate in it. */
  courseFrame(): Frame {
    const f = this.page.frames().find((fr) => fr !== this.page.mainFrame() && new URL(fr.url()).pathname.endsWith('/index.html'));
    if (!f) throw new Error('the course frame is not loaded');
    return f;
  }

  /** The course's route, e.g. "page/m-alpha/a1" or "final". */
  async route(): Promise<string> {
    return decodeURIComponent((await this.courseFrame().evaluate(() => location.hash)).replace(/^#\/?/, ''));
  }

  /**
   * A fresh learner (each test has its own browser context, so no registration and no browser
   * copies yet): the LMS page launches the course. `faults` hold from this first launch on
   * ("no API" only takes effect at a launch).
   */
  async open(faults: Partial<Faults> = {}) {
    if (Object.keys(faults).length)
      await this.page.addInitScript((f) => {
        if (window.top !== window || sessionStorage.getItem('lms-test-faults')) return;
        sessionStorage.setItem('lms-test-faults', '1');
        localStorage.setItem('lms-preview:prefs', JSON.stringify({ version: '2004', faults: f }));
      }, faults);
    await this.page.goto(this.target.lmsUrl(this.version));
    await this.waitForCourse();
  }

  /** Waits until the course shows its first screen (start screen or resume). */
  async waitForCourse() {
    await expect(this.course.locator('main h1')).toBeVisible({ timeout: 30_000 });
  }

  async setFaults(f: Partial<Faults>) {
    await this.page.evaluate((x) => (window as any).lmsPreview.setFaults(x), f);
  }

  /** The live data model (scorm-again's flattened CMI); null when the launch had no API. */
  async model(): Promise<Record<string, string> | null> {
    return this.page.evaluate(() => (window as any).lmsPreview.model());
  }

  /** The registration as the LMS stored it at the last successful commit or finish. */
  async stored(): Promise<Registration> {
    return this.page.evaluate(() => (window as any).lmsPreview.stored());
  }

  /** The stored data model, flat ("cmi.core.lesson_status" → "passed"). */
  async storedModel(): Promise<Record<string, string>> {
    return flatten((await this.stored()).cmi ?? {});
  }

  /** The LMS API call log of this launch. */
  async log(): Promise<LogEntry[]> {
    return this.page.evaluate(() => (window as any).lmsPreview.log());
  }

  /** Values the course set successfully for an element during this launch, in order. */
  async sent(element: string): Promise<string[]> {
    const set = this.version === '1.2' ? 'LMSSetValue' : 'SetValue';
    return (await this.log()).filter((e) => e.fn === set && e.args[0] === element && e.result === 'true').map((e) => e.args[1]);
  }

  /**
   * The session time of this launch, sent exactly once (some LMSs add every value they get to the total)
   * and in the version's format: HHHH:MM:SS.SS (1.2) or an ISO 8601 duration (2004).
   */
  async expectSessionTimeSent() {
    const sent = await this.sent(this.el.sessionTime);
    expect(sent, `${this.el.sessionTime} set once this session`).toHaveLength(1);
    expect(sent[0]).toMatch(this.version === '1.2' ? SCORM12_TIMESPAN_STRICT : ISO8601_DURATION);
  }

  /** Unloads the course: its pagehide finishes the LMS session (as closing the LMS window does). */
  async close() {
    await this.page.evaluate(() => (window as any).lmsPreview.close());
  }

  /** Launches the course again from the stored registration (entry "resume" after a suspend). */
  async launch() {
    await this.page.evaluate(() => (window as any).lmsPreview.launch());
    await this.waitForCourse();
  }

  /** Closes and launches again. */
  async relaunch() {
    await this.close();
    await this.launch();
  }

  /** localStorage keys of this origin starting with the prefix ("scorm-copy:", "scorm-standalone:"). */
  async storageKeys(prefix: string): Promise<string[]> {
    return this.page.evaluate((p) => Object.keys(localStorage).filter((k) => k.startsWith(p)), prefix);
  }

  /** The course's "saving is delayed" / "not reported" notices. */
  notice(kind: 'delayed' | 'notReported' | 'lmsUnavailable') {
    const text = { delayed: 'Zapisywanie postępów się opóźnia', notReported: 'Wyniki nie są przekazywane do platformy szkoleniowej', lmsUnavailable: 'Brak połączenia z platformą szkoleniową' }[kind];
    return this.course.getByText(text);
  }

  /**
   * Waits until the LMS holds everything the course has staged: no "delayed" notice and the stored
   * suspend data equal to the live one (the last commit went through).
   */
  async waitUntilSaved(timeout = 20_000) {
    await expect(this.notice('delayed')).toBeHidden({ timeout });
    await expect
      .poll(async () => {
        const live = await this.model();
        const stored = await this.storedModel();
        return !!live && live[this.el.suspend] === stored[this.el.suspend];
      }, { timeout })
      .toBe(true);
  }
}

export interface ExpectedInteraction {
  id: string;
  type: string;
  /** "wrong" stands for 1.2 "wrong" / 2004 "incorrect"; a number for partial credit. */
  result: 'correct' | 'wrong' | number;
}

export interface ExpectedObjective {
  id: string;
  completed: boolean;
  /** null: no quiz result yet. */
  passed: boolean | null;
  score: number | null;
}

export interface ExpectedRun {
  /** The course's outcome: the final assessment passed, or failed on every attempt. */
  status: 'passed' | 'failed';
  /** Best final-assessment score, percent. */
  score: number;
  /** Every scored question answered and every scenario, in the order answered. */
  interactions: ExpectedInteraction[];
  objectives: ExpectedObjective[];
  exit?: 'suspend' | 'normal';
}

const num = (s: string | undefined) => (s === undefined || s === '' ? NaN : Number(s));

/**
 * The data model an LMS ends with after a full run, in detail: statuses, score, session time in the
 * version's format, cmi.exit, one well-formed interaction per scored question answered (and per
 * scenario), one objective per module with its status and score.
 */
export function expectFinalModel(m: Record<string, string>, v: Version, exp: ExpectedRun) {
  const el = elements(v);
  const e = (what: string) => `${what} (SCORM ${v})`;
  // Status and score.
  if (v === '1.2') {
    expect(m['cmi.core.lesson_status'], e('lesson_status')).toBe(exp.status);
  } else {
    expect(m['cmi.completion_status'], e('completion_status')).toBe('completed');
    expect(m['cmi.success_status'], e('success_status')).toBe(exp.status);
    expect(num(m['cmi.progress_measure']), e('progress_measure')).toBe(1);
    expect(num(m['cmi.score.scaled']), e('score.scaled')).toBeCloseTo(exp.score / 100, 4);
  }
  expect(num(m[el.raw]), e('score.raw')).toBe(exp.score);
  expect(m[el.min], e('score.min')).toBe('0');
  expect(m[el.max], e('score.max')).toBe('100');
  expect(m[el.sessionTime], e('session_time')).toMatch(v === '1.2' ? SCORM12_TIMESPAN : ISO8601_DURATION);
  if (v === '2004') expect(m[el.sessionTime], e('session_time')).not.toBe('PT0H0M0S'); // scorm-again's default: never set
  expect(m[el.exit] ?? '', e('exit')).toBe(exp.exit === 'normal' ? (v === '1.2' ? '' : 'normal') : 'suspend');
  expect(m[el.suspend], e('suspend_data')).toMatch(/^S2\|/);

  // Interactions: one per answered scored question and scenario, in order, well formed.
  const got = interactionsOf(m);
  expect(got.map((i) => i.index), e('interaction indices')).toEqual(got.map((_, n) => n));
  expect(got.map((i) => i.fields.id), e('interaction ids')).toEqual(exp.interactions.map((i) => i.id));
  const time = v === '1.2' ? /^([01]\d|2[0-3]):[0-5]\d:[0-5]\d$/ : /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
  got.forEach(({ fields: f }, n) => {
    const x = exp.interactions[n];
    const where = e(`interaction ${n} ${f.id}`);
    expect(f.id, where).toMatch(v === '1.2' ? /^[\x21-\x7e]{1,255}$/ : /^\S{1,4000}$/);
    expect(f.type, where).toBe(x.type);
    const result = typeof x.result === 'number' ? x.result : x.result === 'wrong' ? (v === '1.2' ? 'wrong' : 'incorrect') : 'correct';
    if (typeof result === 'number') expect(num(f.result), where).toBeCloseTo(result, 4);
    else expect(f.result, where).toBe(result);
    expect(f[v === '1.2' ? 'time' : 'timestamp'], where).toMatch(time);
    expect(f.latency, where).toMatch(v === '1.2' ? SCORM12_TIMESPAN : ISO8601_DURATION);
    expect(num(f.weighting), where).toBeGreaterThan(0);
    expect(f[el.response] ?? '', where).not.toBe('');
    expect(f['correct_responses.0.pattern'] ?? '', where).not.toBe('');
    if (v === '2004') expect(f.description, where).toMatch(/^\{lang=pl\}./);
  });

  // Objectives: one per module, with status and quiz score.
  const objectives = objectivesOf(m);
  expect(objectives.map((o) => o.id), e('objective ids')).toEqual(exp.objectives.map((o) => o.id));
  objectives.forEach((o, n) => {
    const x = exp.objectives[n];
    const where = e(`objective ${o.id}`);
    if (v === '1.2') {
      const status = x.passed === true ? 'passed' : x.completed ? (x.passed === false ? 'failed' : 'completed') : 'incomplete';
      expect(o.status, where).toBe(status);
      expect(num(o['score.raw']), where).toBe(x.score ?? NaN);
    } else {
      expect(o.completion_status, where).toBe(x.completed ? 'completed' : 'incomplete');
      expect(o.success_status, where).toBe(x.passed === null ? 'unknown' : x.passed ? 'passed' : 'failed');
      expect(num(o['score.raw']), where).toBe(x.score ?? NaN);
      if (x.score !== null) expect(num(o['score.scaled']), where).toBeCloseTo(x.score / 100, 4);
      expect(o.description, where).toMatch(/^\{lang=pl\}./);
    }
    if (x.score !== null) {
      expect(o['score.min'], where).toBe('0');
      expect(o['score.max'], where).toBe('100');
    }
  });
}
