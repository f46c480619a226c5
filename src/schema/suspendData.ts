import type { CourseData, QuestionData } from './courseData.js';
import type { FinalAttempt, LearnerState, Marks, ModuleQuizState, Response } from './learnerState.js';
import { fillInMaxLength, SUSPEND_LIMIT, SUSPEND_TARGET } from './limits.js';

/**
 * Suspend-data codec: LearnerState <-> a compact ASCII string for cmi.suspend_data.
 * Pure (no DOM): the player's tracking layer and the compiler (worst-case size) both use it.
 *
 * FORMAT "S2" — eleven sections separated by "|":
 *
 *   S2|<cid>|<version>|<counter>|<locale>|<where>|<seen>|<checks>|<quizzes>|<final>|<done>
 *
 *   cid      3 base-36 chars: hash of the course id. Another course's data (a "foreign"
 *            suspend_data, e.g. an LMS that reuses a registration) is ignored, never decoded.
 *   version  the course version that wrote it (informational: decoding never depends on it,
 *            because everything below is keyed by permanent numbers).
 *   counter  save counter, base 36; the copy with the higher counter wins on reconciliation.
 *   locale   language code, or empty (not chosen yet).
 *   where    player route: p<num> page, q<mod> module quiz, f final, m menu, empty = none,
 *            r<text> any other route.
 *   seen     pages seen as a bit set over permanent numbers (bit num-1), 6 bits per char,
 *            alphabet 0-9a-zA-Z-_ , trailing zeros trimmed.
 *   checks   knowledge-check answers: entries joined by ",".
 *   quizzes  module quizzes joined by ";": <mod><t>.<best>.<score>:<body>
 *            t = tries*2 + submitted (base 36); best, score = best and last submitted try's
 *            percent*100 (base 36) or empty. body = <entries> (the answers), or for a submitted
 *            try kept as results only: "!" <qsig> <credits>, qsig = one capital letter hashing the
 *            quiz's questions (nums and SIGs; another quiz drops the results), credits = one
 *            <credit> per quiz question in author order.
 *   final    <scores>:<last>:<current>
 *            scores = every submitted attempt's percent*100 (base 36) joined by ".";
 *            last / current = <seed>.<entries> of the last submitted / in-progress attempt
 *            (the draw, in order, with the answers), or empty; the last one kept as results only
 *            is <seed>!<marked>…: <num><SIG><credit> per drawn question, no separator. Older
 *            attempts keep their score only (LearnerState: only the last one's answers are needed).
 *   credit   share of the points earned: one char of 0-9a-zA-Z = round(share*60) (0..60),
 *            "_" = not answered.
 *   done     completion date as days since 2000-01-01 (base 36), or empty.
 *
 *   entry    <num><SIG><payload>: num = the question's permanent number (base 36),
 *            SIG = one capital letter hashing the question's structure (type and choice/pair/item/
 *            node ids). A question that is gone, or whose SIG differs (a re-imported course
 *            changed its options, so indices would point at the wrong ones), is dropped.
 *            Payload, by type (indices in author order, base 36, one char each):
 *              single  index                          "1"
 *              multiple bit mask of chosen indices    "3"  (= first two)
 *              truefalse 1 | 0
 *              matching chosen pair index per prompt, "_" for none   "201"
 *              ordering item indices in learner order "120"
 *              scenario choice index taken at each step from the start   "01"
 *              fillin  "=" + escaped text (see below)
 *            empty payload = not answered (final draw); "." = answered with an empty list.
 *   mod      3 base-36 chars hashing the module id, or "~" + escaped id + "=" when two modules
 *            of the course collide. Modules have no permanent numbers; their ids never change.
 *   text     ASCII only, so LMSs that mangle non-ASCII or HTML-escape "<&\"" cannot break it:
 *            [ -~] except the reserved , ; : | = ~ ^ < > & " ' \ % stand for themselves;
 *            "~" + one char of 0-9a-zA-Z indexes ESCAPES (Polish letters, the reserved chars, …);
 *            "^" + 4 base-36 digits encodes any other UTF-16 code unit. Control chars become spaces.
 *
 * SIZE: answers are worth keeping for review, but not at any price. Within SUSPEND_TARGET
 *   everything is kept; above it, submitted tries keep their per-question results (LearnerState
 *   marks) instead of their answers — module quizzes first, then the last final attempt — and
 *   only above the LMS's hard limit are knowledge-check answers dropped. Answers of an attempt
 *   in progress are never dropped.
 *
 * WORKED EXAMPLE (tests/fixtures/mini in English; asserted in tests/unit/tracking/suspendData.test.ts):
 *   S2|2q0|0.1.0|7|en|p5|t|6I1|8a93.668.668:8R1,9N3,aO1,bK=KCIK,cK=11;k910..:fY021|::16.mO1,oO,rV,tK|
 *   2q0     hash of "mini-course";  0.1.0 course version;  7 seventh saved change;  en locale
 *   p5      on page num 5 (m-beta/b1)
 *   t       = 29 = bits 0,2,3,4: pages 1, 3, 4, 5 seen
 *   6I1     knowledge check num 6 (signature I): choice index 1 ("b")
 *   8a9…    m-alpha's quiz (module hash 8a9): t=3 (1 try, submitted), best and last 668 = 80.00 %;
 *           8R1 single → choice 1 ("three"); 9N3 multiple, mask 3 → choices 0 and 1;
 *           aO1 true; bK=KCIK fill-in; cK=11 numeric fill-in
 *   k91…    m-beta's quiz: t=0 (not submitted), no best; fY021 ordering: items 0, 2, 1
 *   ::16.…  no attempt submitted, no last attempt; current attempt seed 42 (16), draw
 *           nums 22 (answered true), 24, 27, 29 in that order (m, o, r, t), the last three unanswered
 *   (empty) not completed
 */

export const SUSPEND_FORMAT = 'S2';
const B36 = 36;
const BITS = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_';
const IDX = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
// Order is part of the format (S1, S2): append only.
const ESCAPES = 'ąćęłńóśźżĄĆĘŁŃÓŚŹŻ,;:|=~^<>&"\'\\%äöüßÄÖÜéÉáÁíÍúÚčČšŠžŽřŘěĚ€„”–';
const RESERVED = ',;:|=~^<>&"\'\\%';
const STOP = ',;:|';
const DAY = 86400000;
const EPOCH = Date.UTC(2000, 0, 1);

export interface DecodedSuspend {
  state: LearnerState;
  counter: number;
  version: string;
  /** Items of the saved state the current course no longer has (dropped). */
  dropped: number;
}

export type DecodeResult = ({ ok: true } & DecodedSuspend) | { ok: false; reason: 'empty' | 'foreign' | 'corrupt'; detail: string };

export function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
const hash3 = (s: string) => (hash(s) % 46656).toString(B36).padStart(3, '0');

/** Structure signature of a question: indices in its answers stay meaningful only while this holds. */
export function questionSig(q: QuestionData): string {
  let s: string = q.type;
  if (q.type === 'single' || q.type === 'multiple') s += q.choices.map((c) => c.id).join();
  else if (q.type === 'matching') s += q.pairs.map((p) => p.id).join();
  else if (q.type === 'ordering') s += q.items.map((i) => i.id).join();
  else if (q.type === 'fillin') s += q.answer.kind;
  else if (q.type === 'scenario') s += q.start + q.nodes.map((n) => n.id + ':' + n.choices.map((c) => c.id + '>' + c.next).join()).join(';');
  return String.fromCharCode(65 + (hash(s) % 26));
}

export function encodeText(t: string): string {
  let out = '';
  for (const ch of t) {
    for (let i = 0; i < ch.length; i++) {
      const u = ch.charCodeAt(i);
      const c = ch.length > 1 ? '' : ch;
      const e = c ? ESCAPES.indexOf(c) : -1;
      if (e >= 0) out += '~' + IDX[e];
      else if (u < 32 || u === 127) out += ' ';
      else if (u < 127 && !RESERVED.includes(c)) out += c;
      else out += '^' + u.toString(B36).padStart(4, '0');
    }
  }
  return out;
}

// ---------------------------------------------------------------- encode

interface Ctx {
  course: CourseData;
  pageByKey: Map<string, number>;
  modRef: Map<string, string>;
}

// Every save encodes the state more than once (change detection, the draft check, the LMS value):
// the lookups are made once per compiled CourseData, which is never changed after compilation.
const contexts = new WeakMap<CourseData, Ctx>();

function context(course: CourseData): Ctx {
  let ctx = contexts.get(course);
  if (!ctx) contexts.set(course, (ctx = makeContext(course)));
  return ctx;
}

function makeContext(course: CourseData): Ctx {
  const pages = [...course.coursePages, ...course.modules.flatMap((m) => m.pages)];
  const refs = course.modules.map((m) => hash3(m.id));
  const modRef = new Map(course.modules.map((m, i) => [m.id, refs.indexOf(refs[i]) === refs.lastIndexOf(refs[i]) ? refs[i] : '~' + encodeText(m.id) + '=']));
  return { course, pageByKey: new Map(pages.map((p) => [p.key, p.num])), modRef };
}

const modRefOf = (ctx: Ctx, id: string) => ctx.modRef.get(id) ?? '~' + encodeText(id) + '=';

function payload(q: QuestionData, r: Response): string | null {
  const idx = (i: number) => (i >= 0 && i < B36 ? i.toString(B36) : null);
  const join = (xs: (string | null)[]) => (xs.length ? (xs.includes(null) ? null : xs.join('')) : '.');
  switch (q.type) {
    case 'single':
      return typeof r === 'string' ? idx(q.choices.findIndex((c) => c.id === r)) : null;
    case 'multiple': {
      if (!Array.isArray(r)) return null;
      let mask = 0;
      for (const id of r) {
        const i = q.choices.findIndex((c) => c.id === id);
        if (i < 0) return null;
        mask += 2 ** i;
      }
      return mask.toString(B36);
    }
    case 'truefalse':
      return typeof r === 'boolean' ? (r ? '1' : '0') : null;
    case 'matching': {
      if (!r || typeof r !== 'object' || Array.isArray(r)) return null;
      const m = r as Record<string, string>;
      return join(q.pairs.map((p) => (m[p.id] === undefined ? '_' : idx(q.pairs.findIndex((x) => x.id === m[p.id])))));
    }
    case 'ordering':
      return Array.isArray(r) ? join(r.map((id) => idx(q.items.findIndex((i) => i.id === id)))) : null;
    case 'fillin':
      return typeof r === 'string' ? '=' + encodeText(r.slice(0, fillInMaxLength(q.answer))) : null;
    case 'scenario': {
      if (!Array.isArray(r)) return null;
      let node: string = q.start;
      const out: (string | null)[] = [];
      for (const id of r) {
        const n = q.nodes.find((x) => x.id === node);
        const i = n ? n.choices.findIndex((c) => c.id === id) : -1;
        if (i < 0) return null;
        out.push(idx(i));
        node = n!.choices[i].next;
      }
      return join(out);
    }
  }
}

function entries(ctx: Ctx, ids: string[], answers: Record<string, Response>, withUnanswered: boolean): string {
  const out: string[] = [];
  for (const id of ids) {
    const q = ctx.course.questions[id];
    if (!q) continue;
    const r = answers[id];
    const p = r === undefined ? '' : payload(q, r);
    if (p === null || (p === '' && !withUnanswered)) continue;
    out.push(q.num.toString(B36) + questionSig(q) + p);
  }
  return out.join(',');
}

function bitset(nums: number[]): string {
  const bits: number[] = [];
  for (const n of nums) if (n > 0) bits[(n - 1) / 6 | 0] = (bits[(n - 1) / 6 | 0] ?? 0) | (1 << ((n - 1) % 6));
  let s = '';
  for (let i = 0; i < bits.length; i++) s += BITS[bits[i] ?? 0];
  return s.replace(/0+$/, '');
}

const pct = (p: number | null) => (p === null || !Number.isFinite(p) ? '' : Math.round(Math.max(0, Math.min(100, p)) * 100).toString(B36));
const seedOf = (s: number) => (Number.isFinite(s) ? Math.trunc(s).toString(B36) : '0');

function location(ctx: Ctx, loc: string | null): string {
  if (!loc) return '';
  if (loc === 'final') return 'f';
  if (loc === 'menu') return 'm';
  const page = loc.startsWith('page/') ? ctx.pageByKey.get(loc.slice(5)) : undefined;
  if (page !== undefined) return 'p' + page.toString(B36);
  if (loc.startsWith('quiz/') && ctx.modRef.has(loc.slice(5))) return 'q' + modRefOf(ctx, loc.slice(5));
  return 'r' + encodeText(loc);
}

export interface EncodeOptions {
  /** Hard limit of the LMS (SCORM 1.2: 4096). Above it, knowledge-check answers are dropped too. */
  limit?: number;
  /** Size to stay within by keeping submitted tries as results only (default SUSPEND_TARGET). */
  target?: number;
}

/** Encodings from the fullest to the leanest; see SIZE above. */
const LEVELS = 4;

/**
 * Encodes the state at the fullest level within `target`; failing that, with every submitted try
 * as results only, and only if that still exceeds `limit`, without knowledge-check answers.
 * Scores, attempts, pages and the answers of attempts in progress are always kept.
 */
export function encodeSuspend(state: LearnerState, course: CourseData, counter: number, options: EncodeOptions = {}): string {
  const ctx = context(course);
  const target = options.target ?? SUSPEND_TARGET;
  let s = '';
  for (let level = 0; level < LEVELS - 1; level++) {
    s = encodeAt(ctx, state, counter, level);
    if (s.length <= target) return s;
  }
  return s.length <= (options.limit ?? Infinity) ? s : encodeAt(ctx, state, counter, LEVELS - 1);
}

const CREDIT_STEPS = 60;
const creditChar = (c: number | undefined) => (c === undefined || !Number.isFinite(c) ? '_' : IDX[Math.round(Math.max(0, Math.min(1, c)) * CREDIT_STEPS)]);

/** One capital letter naming a list of questions as they are now (another list drops its results). */
function listSig(ctx: Ctx, ids: string[]): string {
  return String.fromCharCode(65 + (hash(ids.map((id) => { const q = ctx.course.questions[id]; return q ? q.num + questionSig(q) : '?'; }).join()) % 26));
}

function quizBody(ctx: Ctx, ids: string[], q: ModuleQuizState, asMarks: boolean): string {
  if (!asMarks) return entries(ctx, ids, q.answers, false);
  if (!q.marks) return '!';
  return '!' + listSig(ctx, ids) + ids.map((id) => creditChar(q.marks![id])).join('');
}

function attemptCode(ctx: Ctx, a: FinalAttempt | null | undefined, asMarks: boolean): string {
  if (!a) return '';
  if (!asMarks || !a.marks) return seedOf(a.seed) + '.' + entries(ctx, a.draw, a.answers, true);
  let out = seedOf(a.seed) + '!';
  for (const id of a.draw) {
    const q = ctx.course.questions[id];
    if (q) out += q.num.toString(B36) + questionSig(q) + creditChar(a.marks[id]);
  }
  return out;
}

function encodeAt(ctx: Ctx, state: LearnerState, counter: number, level: number): string {
  const { course } = ctx;
  const seen = bitset(state.seen.map((k) => ctx.pageByKey.get(k) ?? 0));
  const checks = level >= 3 ? '' : entries(ctx, Object.keys(state.checks), state.checks, false);
  const quizzes = Object.entries(state.quizzes)
    .filter(([m]) => course.modules.some((x) => x.id === m))
    .map(([m, q]: [string, ModuleQuizState]) => {
      const ids = course.modules.find((x) => x.id === m)!.quiz;
      const head = modRefOf(ctx, m) + (Math.max(0, q.tries | 0) * 2 + (q.submitted ? 1 : 0)).toString(B36) + '.' + pct(q.best) + '.' + pct(q.submitted ? (q.score ?? null) : null);
      return head + ':' + quizBody(ctx, ids, q, level >= 1 && q.submitted);
    })
    .join(';');
  const f = state.final;
  const last = f.attempts[f.attempts.length - 1];
  const final = f.attempts.map((a) => pct(a.score) || '0').join('.') + ':' + attemptCode(ctx, last, level >= 2) + ':' + attemptCode(ctx, f.current, false);
  const done = state.completedOn && /^\d{4}-\d\d-\d\d$/.test(state.completedOn) ? Math.round((Date.parse(state.completedOn) - EPOCH) / DAY).toString(B36) : '';
  const locale = state.locale && /^[A-Za-z0-9-]{1,35}$/.test(state.locale) ? state.locale : '';
  return [SUSPEND_FORMAT, hash3(course.id), course.version.replace(/[^0-9A-Za-z.+-]/g, ''), Math.max(0, counter | 0).toString(B36), locale, location(ctx, state.location), seen, checks, quizzes, final, done].join('|');
}

// ---------------------------------------------------------------- decode

class Corrupt extends Error {}

class Reader {
  i = 0;
  constructor(readonly s: string) {}
  peek() {
    return this.s[this.i] ?? '';
  }
  eat(ch: string) {
    if (this.s[this.i] !== ch) throw new Corrupt(`expected "${ch}" at ${this.i}`);
    this.i++;
  }
  /** Characters up to (not including) the next of `stops`. */
  until(stops: string) {
    const start = this.i;
    while (this.i < this.s.length && !stops.includes(this.s[this.i])) this.i++;
    return this.s.slice(start, this.i);
  }
  num(stops: string): number {
    const t = this.until(stops);
    if (!/^-?[0-9a-z]{1,8}$/.test(t)) throw new Corrupt(`bad number "${t}" at ${this.i}`);
    return parseInt(t, B36);
  }
  text(stops = STOP) {
    let out = '';
    while (this.i < this.s.length && !stops.includes(this.s[this.i])) {
      const c = this.s[this.i++];
      if (c === '~') {
        const e = ESCAPES[IDX.indexOf(this.s[this.i++])];
        if (e === undefined) throw new Corrupt('bad escape');
        out += e;
      } else if (c === '^') {
        const code = this.s.slice(this.i, this.i + 4);
        if (!/^[0-9a-z]{4}$/.test(code)) throw new Corrupt('bad escape');
        out += String.fromCharCode(parseInt(code, B36));
        this.i += 4;
      } else out += c;
    }
    return out;
  }
}

function response(q: QuestionData, p: string): Response | null {
  const at = (i: number) => parseInt(p[i], B36);
  const ix = (p === '.' ? '' : p).split('').map((c) => parseInt(c, B36));
  switch (q.type) {
    case 'single':
      return q.choices[at(0)]?.id ?? null;
    case 'multiple': {
      const mask = parseInt(p, B36);
      if (!Number.isFinite(mask) || mask >= 2 ** q.choices.length) return null;
      return q.choices.filter((_, i) => Math.floor(mask / 2 ** i) % 2 === 1).map((c) => c.id);
    }
    case 'truefalse':
      return p === '1' ? true : p === '0' ? false : null;
    case 'matching': {
      if (p !== '.' && p.length !== q.pairs.length) return null;
      const m: Record<string, string> = {};
      for (let i = 0; i < p.length && p !== '.'; i++) {
        if (p[i] === '_') continue;
        const target = q.pairs[at(i)];
        if (!target) return null;
        m[q.pairs[i].id] = target.id;
      }
      return m;
    }
    case 'ordering':
      return ix.every((i) => q.items[i]) ? ix.map((i) => q.items[i].id) : null;
    case 'scenario': {
      let node: string = q.start;
      const out: string[] = [];
      for (const i of ix) {
        const c = q.nodes.find((n) => n.id === node)?.choices[i];
        if (!c) return null;
        out.push(c.id);
        node = c.next;
      }
      return out;
    }
    case 'fillin':
      return null;
  }
}

interface Entry {
  id: string | null;
  r: Response | undefined;
}

function readEntries(rd: Reader, byNum: Map<number, QuestionData>, counter: { dropped: number }, ends: string): Entry[] {
  const out: Entry[] = [];
  if (ends.includes(rd.peek()) || rd.i >= rd.s.length) return out;
  for (;;) {
    const num = rd.num('ABCDEFGHIJKLMNOPQRSTUVWXYZ' + STOP);
    const sig = rd.peek();
    if (!/[A-Z]/.test(sig)) throw new Corrupt('missing signature');
    rd.i++;
    let r: Response | undefined;
    let bad = false;
    const q = byNum.get(num);
    if (rd.peek() === '=') {
      rd.i++;
      const t = rd.text();
      r = t;
      if (q && q.type !== 'fillin') bad = true;
    } else {
      const p = rd.until(STOP);
      if (p && !/^[0-9a-z_.]+$/.test(p)) throw new Corrupt('bad answer');
      if (p && q) {
        const v = q.type === 'fillin' ? null : response(q, p);
        if (v === null) bad = true;
        else r = v;
      }
    }
    if (!q || questionSig(q) !== sig || bad) {
      counter.dropped++;
      out.push({ id: null, r: undefined });
    } else out.push({ id: q.id, r });
    if (rd.peek() !== ',') return out;
    rd.i++;
  }
}

function marksOf(ids: string[], credits: string): Marks {
  const marks: Marks = {};
  ids.forEach((id, i) => {
    const v = IDX.indexOf(credits[i]);
    if (credits[i] === '_') return;
    if (v < 0 || v > CREDIT_STEPS) throw new Corrupt('bad result');
    marks[id] = v / CREDIT_STEPS;
  });
  return marks;
}

const answersOf = (es: Entry[]) => Object.fromEntries(es.filter((e) => e.id && e.r !== undefined).map((e) => [e.id!, e.r!]));

export function decodeSuspend(data: string | null | undefined, course: CourseData): DecodeResult {
  if (!data) return { ok: false, reason: 'empty', detail: 'no suspend data' };
  if (!data.startsWith(SUSPEND_FORMAT + '|')) return { ok: false, reason: 'foreign', detail: `not format ${SUSPEND_FORMAT}: "${data.slice(0, 20)}"` };
  const ctx = context(course);
  try {
    const rd = new Reader(data);
    rd.i = SUSPEND_FORMAT.length + 1;
    const cid = rd.until('|');
    if (cid !== hash3(course.id)) return { ok: false, reason: 'foreign', detail: `saved by another course (${cid})` };
    rd.eat('|');
    const version = rd.until('|');
    rd.eat('|');
    const counter = rd.num('|');
    rd.eat('|');
    const c = { dropped: 0 };
    const state: LearnerState = { locale: rd.until('|') || null, location: null, seen: [], checks: {}, quizzes: {}, final: { attempts: [], current: null }, completedOn: null };
    rd.eat('|');
    const pages = [...course.coursePages, ...course.modules.flatMap((m) => m.pages)];
    const pageByNum = new Map(pages.map((p) => [p.num, p.key]));
    const byNum = new Map(Object.values(course.questions).map((q) => [q.num, q]));
    const modByRef = new Map<string, string | null>();
    for (const [id, ref] of ctx.modRef) modByRef.set(ref, modByRef.has(ref) ? null : id);
    const readMod = (): string | null => {
      if (rd.peek() === '~') {
        rd.i++;
        const id = rd.text(STOP + '=');
        rd.eat('=');
        return ctx.modRef.has(id) ? id : null;
      }
      const ref = rd.s.slice(rd.i, rd.i + 3);
      rd.i += 3;
      return modByRef.get(ref) ?? null;
    };
    // where
    const w = rd.peek();
    if (w === 'p') {
      rd.i++;
      const key = pageByNum.get(rd.num('|'));
      state.location = key ? 'page/' + key : null;
    } else if (w === 'q') {
      rd.i++;
      const m = readMod();
      state.location = m ? 'quiz/' + m : null;
    } else if (w === 'f' || w === 'm') {
      rd.i++;
      state.location = w === 'f' ? 'final' : 'menu';
    } else if (w === 'r') {
      rd.i++;
      state.location = rd.text('|');
    }
    rd.eat('|');
    // seen
    const bits = rd.until('|');
    for (let i = 0; i < bits.length; i++) {
      const v = BITS.indexOf(bits[i]);
      if (v < 0) throw new Corrupt('bad page set');
      for (let b = 0; b < 6; b++)
        if (v & (1 << b)) {
          const key = pageByNum.get(i * 6 + b + 1);
          if (key) state.seen.push(key);
          else c.dropped++;
        }
    }
    rd.eat('|');
    state.checks = answersOf(readEntries(rd, byNum, c, '|'));
    rd.eat('|');
    // quizzes
    const percent = (stops: string) => {
      const x = rd.until(stops);
      if (x && !/^[0-9a-z]{1,4}$/.test(x)) throw new Corrupt('bad score');
      return x ? parseInt(x, B36) / 100 : null;
    };
    while (rd.peek() !== '|') {
      const m = readMod();
      const t = rd.num('.');
      rd.eat('.');
      const best = percent('.');
      rd.eat('.');
      const score = percent(':');
      rd.eat(':');
      const quiz: ModuleQuizState = { answers: {}, submitted: t % 2 === 1, best, tries: t >> 1 };
      if (quiz.submitted && score !== null) quiz.score = score;
      if (rd.peek() === '!') {
        rd.i++;
        const body = rd.until(';|');
        const ids = m ? course.modules.find((x) => x.id === m)!.quiz : [];
        // Results of another set of questions (a changed quiz) would be pinned on the wrong ones.
        if (body && m && body[0] === listSig(ctx, ids) && body.length === ids.length + 1) quiz.marks = marksOf(ids, body.slice(1));
        else if (body) c.dropped++;
      } else quiz.answers = answersOf(readEntries(rd, byNum, c, ';|'));
      if (m) state.quizzes[m] = quiz;
      else c.dropped++;
      if (rd.peek() === ';') rd.i++;
    }
    rd.eat('|');
    // final
    const scores = rd.until(':');
    rd.eat(':');
    const attempt = (): FinalAttempt | null => {
      if (rd.peek() === ':' || rd.peek() === '|') return null;
      const seed = rd.num('.!');
      if (rd.peek() === '!') {
        rd.i++;
        const a: FinalAttempt = { seed, draw: [], answers: {}, score: null, marks: {} };
        while (rd.peek() !== ':' && rd.peek() !== '|' && rd.i < rd.s.length) {
          const num = rd.num('ABCDEFGHIJKLMNOPQRSTUVWXYZ' + STOP);
          const sig = rd.s[rd.i++];
          const credit = rd.s[rd.i++];
          if (!/[A-Z]/.test(sig ?? '') || credit === undefined || (credit !== '_' && IDX.indexOf(credit) < 0)) throw new Corrupt('bad result');
          const q = byNum.get(num);
          if (!q || questionSig(q) !== sig) {
            c.dropped++;
            continue;
          }
          a.draw.push(q.id);
          Object.assign(a.marks!, marksOf([q.id], credit));
        }
        return a;
      }
      rd.eat('.');
      const es = readEntries(rd, byNum, c, ':|');
      return { seed, draw: es.filter((e) => e.id).map((e) => e.id!), answers: answersOf(es), score: null };
    };
    const last = attempt();
    rd.eat(':');
    state.final.current = attempt();
    state.final.attempts = scores
      ? scores.split('.').map((x) => {
          if (!/^[0-9a-z]{1,4}$/.test(x)) throw new Corrupt('bad score');
          return { seed: 0, draw: [], answers: {}, score: parseInt(x, B36) / 100 };
        })
      : [];
    const n = state.final.attempts.length;
    if (last && n) state.final.attempts[n - 1] = { ...last, score: state.final.attempts[n - 1].score };
    rd.eat('|');
    const done = rd.until('|');
    if (done) state.completedOn = new Date(EPOCH + parseInt(done, B36) * DAY).toISOString().slice(0, 10);
    if (rd.i !== data.length) throw new Corrupt('trailing data');
    return { ok: true, state, counter, version, dropped: c.dropped };
  } catch (e) {
    if (e instanceof Corrupt) return { ok: false, reason: 'corrupt', detail: e.message };
    return { ok: false, reason: 'corrupt', detail: String(e) };
  }
}

/** Reads only the save counter, without the course (-1 when unreadable). */
export function suspendCounter(data: string | null | undefined): number {
  const parts = (data ?? '').split('|', 4);
  return parts[0] === SUSPEND_FORMAT && /^[0-9a-z]{1,8}$/.test(parts[3] ?? '') ? parseInt(parts[3], B36) : -1;
}

// ---------------------------------------------------------------- worst case

/** Longest path (in steps) through a scenario, and one such path as choice ids. */
export function longestScenarioPath(q: Extract<QuestionData, { type: 'scenario' }>): string[] {
  const nodes = new Map(q.nodes.map((n) => [n.id, n]));
  const memo = new Map<string, string[]>();
  const walk = (id: string, seen: Set<string>): string[] => {
    const n = nodes.get(id);
    if (!n || seen.has(id)) return [];
    if (memo.has(id)) return memo.get(id)!;
    seen.add(id);
    let best: string[] = [];
    for (const c of n.choices) {
      const p = [c.id, ...walk(c.next, seen)];
      if (p.length > best.length) best = p;
    }
    seen.delete(id);
    memo.set(id, best);
    return best;
  };
  return walk(q.start, new Set());
}

/**
 * The longest answer of a question for the worst case: every choice chosen, every prompt matched,
 * the longest scenario path, a fill-in as long as the player lets a learner type, every character
 * of it needing a two-character escape (Polish letters, reserved punctuation). Characters outside the escape table (5 chars each)
 * are not assumed: the encoder's size guard covers them.
 */
export function longestResponse(q: QuestionData): Response {
  switch (q.type) {
    case 'single':
      return q.choices[q.choices.length - 1].id;
    case 'multiple':
      return q.choices.map((c) => c.id);
    case 'truefalse':
      return true;
    case 'matching':
      return Object.fromEntries(q.pairs.map((p, i) => [p.id, q.pairs[(i + 1) % q.pairs.length].id]));
    case 'ordering':
      return q.items.map((i) => i.id);
    case 'fillin':
      // The player limits what can be typed (fillInMaxLength); every character here needs an escape.
      return q.answer.kind === 'number' ? '-'.padEnd(fillInMaxLength(q.answer), '9') : 'ż'.repeat(fillInMaxLength(q.answer));
    case 'scenario':
      return longestScenarioPath(q);
  }
}

/**
 * The worst case of issue 6: every page seen, every question answered with its longest response
 * (fill-ins as long as the player allows), every module quiz submitted (999 tries), the final's attempts used but
 * one, plus one in progress. With `everythingInProgress`, every module quiz is also left mid-try
 * with all its answers: the absolute bound, which must fit SCORM 1.2's limit.
 */
export function worstCaseState(course: CourseData, everythingInProgress = false): LearnerState {
  const answerAll = (ids: string[]) => Object.fromEntries(ids.filter((id) => course.questions[id]).map((id) => [id, longestResponse(course.questions[id])]));
  // Results cost the same whatever they are, except that "not answered" is never longer.
  const markAll = (ids: string[]): Marks => Object.fromEntries(ids.map((id) => [id, 0.5]));
  const pages = [...course.coursePages, ...course.modules.flatMap((m) => m.pages)];
  const checks = Object.values(course.questions).filter((q) => q.use === 'check').map((q) => q.id);
  const len = (id: string) => {
    const q = course.questions[id];
    return q.num.toString(B36).length + 1 + (payload(q, longestResponse(q)) ?? '').length + 1;
  };
  // The draw that writes the most: per module quota, that module's longest questions; then the rest.
  const draw: string[] = [];
  const f = course.final;
  if (f) {
    const bank = f.bank.filter((id) => course.questions[id]).sort((a, b) => len(b) - len(a));
    for (const [m, n] of Object.entries(f.quotas)) draw.push(...bank.filter((id) => course.questions[id].module === m).slice(0, n));
    draw.push(...bank.filter((id) => !draw.includes(id)).slice(0, Math.max(0, f.draw - draw.length)));
  }
  const attempts = Math.max(1, course.settings.attempts);
  const attempt = (): FinalAttempt => ({ seed: 0x7fffffff, draw, answers: answerAll(draw), score: 99.99, marks: markAll(draw) });
  const ctx = context(course);
  let longestRoute = 'menu';
  for (const p of pages) if (location(ctx, 'page/' + p.key).length > location(ctx, longestRoute).length) longestRoute = 'page/' + p.key;
  const quiz = (ids: string[]): ModuleQuizState =>
    everythingInProgress ? { answers: answerAll(ids), submitted: false, best: 99.99, tries: 999 } : { answers: answerAll(ids), submitted: true, best: 99.99, tries: 999, score: 99.99, marks: markAll(ids) };
  return {
    locale: course.locales.reduce((a, b) => (b.length > a.length ? b : a), ''),
    location: longestRoute,
    seen: pages.map((p) => p.key),
    checks: answerAll(checks),
    quizzes: Object.fromEntries(course.modules.filter((m) => m.quiz.length).map((m) => [m.id, quiz(m.quiz)])),
    final: f ? { attempts: Array.from({ length: attempts - 1 }, attempt), current: { ...attempt(), score: null, marks: undefined } } : { attempts: [], current: null },
    completedOn: '2099-12-31',
  };
}

/** Length of the suspend data in the worst case of worstCaseState (with a counter of 60 million saves). */
export function worstCaseSuspendLength(course: CourseData, everythingInProgress = false): number {
  return encodeSuspend(worstCaseState(course, everythingInProgress), course, 36 ** 5 - 1, { limit: SUSPEND_LIMIT['1.2'] }).length;
}
