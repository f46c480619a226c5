import type { CourseData, QuestionData, QuestionOfType } from '../schema/courseData.js';
import type { Response } from '../schema/learnerState.js';
import { longestResponse } from '../schema/suspendData.js';
import { iso8601Duration, iso8601Timestamp, scorm12Time, scorm12Timespan } from './sessionTime.js';
import type { InteractionEvent } from './tracker.js';

/**
 * cmi.interactions.n.* for both versions. The vocabularies differ:
 *  - SCORM 1.2 (RTE 3.4.4): responses are single characters 0-9a-z per choice ("a,c"), matching
 *    "a.b", sequencing "b,a,c", true-false "t"/"f"; no description; CMIIdentifier ids.
 *  - SCORM 2004 (RTE 4.2.9): the question's own short identifiers joined with "[,]" and "[.]",
 *    true-false "true"/"false", fill-in as localized strings, numeric ranges "min[:]max".
 * A branching scenario is a "performance" interaction in both: RTE 4.2.9.1 defines it as a
 * sequence of steps, each a step name and the learner's answer to it, which is exactly a path of
 * decisions (node id → choice id), with the ending reached as the last step's name. "sequencing"
 * would claim the learner ordered a fixed set of items (and choice ids are only unique per node);
 * "other" is legal but opaque to LMS reports.
 */

export type Version = '1.2' | '2004';

const LETTERS = 'abcdefghijklmnopqrstuvwxyz0123456789';
const SHORT_ID = /^(?=.*\w)[\w\-()+.:=@;$!*'%/#]{1,250}$/;
const MAX_PATTERNS = 5; // RTE 4.2.9: LMSs need keep no more than 5 correct patterns for most types
const MAX_LIST = 36;

interface Formatted {
  type: string;
  response: string | null;
  correct: string[];
}

const round = (x: number, d = 4) => String(Math.round(x * 10 ** d) / 10 ** d);

/** A localized_string_type may not start with "{" after its language tag, and "[,]" separates list items. */
const langString = (locale: string, s: string) => `{lang=${locale}}` + s.replace(/\[,\]/g, '[ ,]').replace(/^\{/, '(');

function scenarioPath(q: QuestionOfType<'scenario'>, choices: string[]): { steps: [string, string][]; ending: string | null } {
  let node: string = q.start;
  const steps: [string, string][] = [];
  for (const id of choices) {
    const n = q.nodes.find((x) => x.id === node);
    const c = n?.choices.find((x) => x.id === id);
    if (!n || !c) break;
    steps.push([n.id, c.id]);
    node = c.next;
  }
  return { steps, ending: q.endings.some((e) => e.id === node) ? node : null };
}

/** Choice paths ending at the best-scoring ending (at most MAX_PATTERNS). */
function bestPaths(q: QuestionOfType<'scenario'>): string[][] {
  const top = Math.max(...q.endings.map((e) => e.score));
  const out: string[][] = [];
  const walk = (id: string, path: string[], seen: Set<string>) => {
    if (out.length >= MAX_PATTERNS) return;
    const ending = q.endings.find((e) => e.id === id);
    if (ending) {
      if (ending.score === top) out.push(path);
      return;
    }
    const n = q.nodes.find((x) => x.id === id);
    if (!n || seen.has(id)) return;
    for (const c of n.choices) walk(c.next, [...path, c.id], new Set(seen).add(id));
  };
  walk(q.start, [], new Set());
  return out;
}

export function formatResponse(q: QuestionData, r: Response, v: Version, locale: string): Formatted {
  const v12 = v === '1.2';
  const list = v12 ? ',' : '[,]';
  const pair = v12 ? '.' : '[.]';
  const arr = (x: Response) => (Array.isArray(x) ? x : []);
  switch (q.type) {
    case 'single':
    case 'multiple': {
      const ref = (id: string) => (v12 ? LETTERS[q.choices.findIndex((c) => c.id === id)] ?? '' : id);
      const chosen = typeof r === 'string' ? [r] : arr(r);
      return { type: 'choice', response: chosen.length ? chosen.map(ref).join(list) : null, correct: [q.choices.filter((c) => c.correct).map((c) => ref(c.id)).join(list)] };
    }
    case 'truefalse':
      return { type: 'true-false', response: typeof r === 'boolean' ? (v12 ? (r ? 't' : 'f') : String(r)) : null, correct: [v12 ? (q.answer ? 't' : 'f') : String(q.answer)] };
    case 'matching': {
      const ref = (id: string) => (v12 ? LETTERS[q.pairs.findIndex((p) => p.id === id)] ?? '' : id);
      const m = r && typeof r === 'object' && !Array.isArray(r) ? (r as Record<string, string>) : {};
      const resp = q.pairs.filter((p) => m[p.id]).map((p) => ref(p.id) + pair + ref(m[p.id]));
      return { type: 'matching', response: resp.length ? resp.join(list) : null, correct: [q.pairs.map((p) => ref(p.id) + pair + ref(p.id)).join(list)] };
    }
    case 'ordering': {
      const ref = (id: string) => (v12 ? LETTERS[q.items.findIndex((i) => i.id === id)] ?? '' : id);
      const order = arr(r);
      return { type: 'sequencing', response: order.length ? order.map(ref).join(list) : null, correct: [q.items.map((i) => ref(i.id)).join(list)] };
    }
    case 'fillin': {
      const text = typeof r === 'string' ? r : '';
      if (q.answer.kind === 'number') {
        const n = Number(text.trim().replace(',', '.'));
        const { value, tolerance } = q.answer;
        // A typed answer that is not a number cannot be a legal numeric response: record it as fill-in.
        if (text.trim() && Number.isFinite(n)) return { type: 'numeric', response: String(n), correct: [v12 ? String(value) : `${value - tolerance}[:]${value + tolerance}`] };
        return { type: 'fill-in', response: text ? (v12 ? text : langString(locale, text)) : null, correct: [String(value)] };
      }
      const cs = q.answer.caseSensitive;
      return {
        type: 'fill-in',
        response: text ? (v12 ? text : langString(locale, text)) : null,
        correct: q.answer.accepted.slice(0, MAX_PATTERNS).map((a) => (v12 ? a : `{case_matters=${cs}}` + langString(locale, a))),
      };
    }
    case 'scenario': {
      const path = scenarioPath(q, arr(r));
      const fmt = (p: { steps: [string, string][]; ending: string | null }) =>
        [...p.steps.map(([n, c]) => n + pair + c), ...(p.ending ? [p.ending + (v12 ? '' : pair)] : [])].join(list);
      return { type: 'performance', response: path.steps.length ? fmt(path) : null, correct: bestPaths(q).map((p) => fmt(scenarioPath(q, p))) };
    }
  }
}

export const interactionId = (ev: Pick<InteractionEvent, 'question' | 'context'>) =>
  (ev.context.kind === 'quiz' ? 'quiz' : 'final' + ev.context.attempt) + '_' + ev.question.id;

/** [element suffix, value] pairs in the order the LMS needs them (id, then type, then the rest). */
export function interactionFields(ev: InteractionEvent, v: Version, locale: string): [string, string][] {
  const f = formatResponse(ev.question, ev.response, v, locale);
  const credit = ev.credit >= 0.9999 ? 'correct' : ev.credit <= 0 ? (v === '1.2' ? 'wrong' : 'incorrect') : round(ev.credit);
  const out: [string, string][] = [
    ['id', interactionId(ev)],
    ['type', f.type],
  ];
  if (v === '2004') out.push(['description', langString(locale, ev.question.text.slice(0, 250))]);
  out.push(v === '1.2' ? ['time', scorm12Time(ev.answeredAt)] : ['timestamp', iso8601Timestamp(ev.answeredAt)]);
  out.push(['weighting', round(ev.question.points)]);
  if (f.response !== null) out.push([v === '1.2' ? 'student_response' : 'learner_response', f.response]);
  f.correct.forEach((p, i) => out.push([`correct_responses.${i}.pattern`, p]));
  out.push(['result', credit]);
  const latency = Math.max(0, ev.answeredAt - ev.shownAt);
  out.push(['latency', v === '1.2' ? scorm12Timespan(latency) : iso8601Duration(latency)]);
  return out;
}

/**
 * Build-time check that every scored question can be reported in both versions within the
 * data-model limits. Empty when fine.
 */
export function interactionProblems(course: CourseData): string[] {
  const problems: string[] = [];
  const attempts = Math.max(1, course.settings.attempts);
  for (const q of Object.values(course.questions)) {
    if (q.use === 'check') continue;
    const say = (m: string) => problems.push(`question "${q.id}": ${m}`);
    const id = interactionId({ question: q, context: q.use === 'final' ? { kind: 'final', attempt: attempts } : { kind: 'quiz', module: q.module } });
    if (id.length > 255 || !/^[\x21-\x7e]+$/.test(id)) say(`interaction id "${id}" is not a SCORM 1.2 CMIIdentifier (printable ASCII, no spaces, ≤ 255)`);
    if (q.text.length > 250) say(`description is ${q.text.length} characters; SCORM 2004 allows 250`);
    const ids: string[] =
      q.type === 'single' || q.type === 'multiple' ? q.choices.map((c) => c.id)
      : q.type === 'matching' ? q.pairs.map((p) => p.id)
      : q.type === 'ordering' ? q.items.map((i) => i.id)
      : q.type === 'scenario' ? [...q.nodes.flatMap((n) => [n.id, ...n.choices.map((c) => c.id)]), ...q.endings.map((e) => e.id)]
      : [];
    for (const x of ids) if (!SHORT_ID.test(x)) say(`"${x}" is not a SCORM 2004 short_identifier_type`);
    if (q.type !== 'scenario' && ids.length > MAX_LIST) say(`${ids.length} options; SCORM 1.2 responses have single characters for at most ${MAX_LIST}`);
    if (q.type === 'fillin' && q.answer.kind === 'text') {
      for (const a of q.answer.accepted) if (a.length > 250) say(`accepted answer "${a.slice(0, 20)}…" is longer than 250 characters`);
    }
    for (const v of ['1.2', '2004'] as const) {
      const f = formatResponse(q, longestResponse(q), v, course.locale);
      const limit = v === '1.2' ? 255 : 4000;
      for (const s of [f.response ?? '', ...f.correct]) if (s.length > limit) say(`SCORM ${v} response "${s.slice(0, 30)}…" is ${s.length} characters; the limit is ${limit}`);
      if (q.type === 'scenario' && v === '2004' && (f.response ?? '').split('[,]').length > 250) say('scenario path longer than 250 steps');
    }
  }
  return problems;
}
