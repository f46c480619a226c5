import type { Question } from '../schema/question.js';
import type { JsonSource } from './jsonSource.js';
import type { Problem } from './problems.js';

/**
 * Rules that a single schema cannot express: translations complete, answer keys
 * well formed, scenarios that always end. Each returns positioned problems.
 */

type Path = (string | number)[];

/** Every localized object ({pl, en}) must have exactly the course's locales. */
export function checkLocales(src: JsonSource, value: unknown, locales: string[], problems: Problem[], path: Path = []) {
  if (Array.isArray(value)) {
    value.forEach((v, i) => checkLocales(src, v, locales, problems, [...path, i]));
    return;
  }
  if (!value || typeof value !== 'object') return;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj);
  const looksLocalized = keys.length > 0 && keys.every((k) => /^[a-z]{2}(-[A-Z]{2})?$/.test(k)) && keys.some((k) => locales.includes(k));
  const isAccepted = path.at(-1) === 'accepted';
  if (looksLocalized) {
    for (const l of locales) if (!(l in obj)) problems.push(src.problem(path, `the "${l}" text is missing; every text needs all the course's languages (${locales.join(', ')})`));
    for (const k of keys) if (!locales.includes(k)) problems.push(src.problem([...path, k], `"${k}" is not a language of this course (course.json "locales": ${locales.join(', ')})`));
    if (!isAccepted) return;
  }
  for (const [k, v] of Object.entries(obj)) checkLocales(src, v, locales, problems, [...path, k]);
}

/** Answer-key rules for one question; `at` is the question's path in its file. */
export function checkQuestion(q: Question, src: JsonSource, at: Path, locales: string[], problems: Problem[]) {
  const p = (sub: Path, msg: string, severity: Problem['severity'] = 'error') => problems.push(src.problem([...at, ...sub], msg, severity));
  const dupes = (ids: string[], what: string, field: string) => {
    const seen = new Set<string>();
    ids.forEach((id, i) => {
      if (seen.has(id)) p([field, i, 'id'], `${what} id "${id}" is used twice in question "${q.id}"`);
      seen.add(id);
    });
  };
  const partialTypes = ['multiple', 'matching', 'ordering'];
  if (q.scoring === 'partial' && !partialTypes.includes(q.type))
    p(['scoring'], `partial credit applies to multiple, matching and ordering questions; a ${q.type} question is scored all-or-nothing`);

  switch (q.type) {
    case 'single': {
      dupes(q.choices.map((c) => c.id), 'choice', 'choices');
      const n = q.choices.filter((c) => c.correct).length;
      if (n !== 1) p(['choices'], `question "${q.id}": a single-choice question needs exactly one correct choice ("correct": true), found ${n}`);
      break;
    }
    case 'multiple': {
      dupes(q.choices.map((c) => c.id), 'choice', 'choices');
      if (!q.choices.some((c) => c.correct)) p(['choices'], `question "${q.id}": a multiple-choice question needs at least one correct choice ("correct": true)`);
      break;
    }
    case 'matching': {
      dupes(q.pairs.map((x) => x.id), 'pair', 'pairs');
      for (const l of locales) {
        const seen = new Map<string, number>();
        q.pairs.forEach((pair, i) => {
          const t = pair.match[l]?.trim().toLowerCase();
          if (t && seen.has(t)) p(['pairs', i, 'match', l], `question "${q.id}": two pairs have the same match text "${pair.match[l]}" in ${l}, so the learner cannot tell them apart`);
          if (t) seen.set(t, i);
        });
      }
      break;
    }
    case 'ordering':
      dupes(q.items.map((x) => x.id), 'item', 'items');
      break;
    case 'fillin':
      if (q.answer.kind === 'text') {
        for (const l of locales)
          if (!q.answer.accepted[l]) p(['answer', 'accepted'], `question "${q.id}": accepted answers in "${l}" are missing`);
        for (const k of Object.keys(q.answer.accepted))
          if (!locales.includes(k)) p(['answer', 'accepted', k], `"${k}" is not a language of this course`);
      }
      break;
    case 'scenario':
      checkScenario(q, p);
      break;
  }
}

function checkScenario(q: Extract<Question, { type: 'scenario' }>, p: (sub: Path, msg: string, s?: Problem['severity']) => void) {
  const nodes = new Map(q.nodes.map((n, i) => [n.id, i]));
  const endings = new Map(q.endings.map((e, i) => [e.id, i]));
  const all = [...q.nodes.map((n) => n.id), ...q.endings.map((e) => e.id)];
  const seen = new Set<string>();
  for (const id of all) {
    if (seen.has(id)) p([], `scenario "${q.id}": node or ending id "${id}" is used twice`);
    seen.add(id);
  }
  if (!nodes.has(q.start)) p(['start'], `scenario "${q.id}": start "${q.start}" is not one of its nodes (${q.nodes.map((n) => n.id).join(', ')})`);
  q.nodes.forEach((n, i) => {
    const choiceIds = new Set<string>();
    n.choices.forEach((c, j) => {
      if (choiceIds.has(c.id)) p(['nodes', i, 'choices', j, 'id'], `scenario "${q.id}": choice id "${c.id}" is used twice in node "${n.id}"`);
      choiceIds.add(c.id);
      if (!nodes.has(c.next) && !endings.has(c.next))
        p(['nodes', i, 'choices', j, 'next'], `scenario "${q.id}": "next": "${c.next}" is neither a node nor an ending of this scenario`);
    });
  });
  if (!nodes.has(q.start)) return;
  // Reachability, and no path that can loop forever: every path must reach an ending.
  const reached = new Set<string>();
  const state = new Map<string, 'active' | 'done'>();
  const visit = (id: string, trail: string[]): void => {
    reached.add(id);
    if (!nodes.has(id)) return;
    if (state.get(id) === 'active') {
      p(['nodes', nodes.get(id)!], `scenario "${q.id}": the path ${[...trail, id].join(' → ')} goes round in a circle; every path must reach an ending`);
      return;
    }
    if (state.get(id) === 'done') return;
    state.set(id, 'active');
    for (const c of q.nodes[nodes.get(id)!].choices) if (nodes.has(c.next) || endings.has(c.next)) visit(c.next, [...trail, id]);
    state.set(id, 'done');
  };
  visit(q.start, []);
  q.nodes.forEach((n, i) => {
    if (!reached.has(n.id)) p(['nodes', i, 'id'], `scenario "${q.id}": node "${n.id}" can never be reached from "${q.start}"`);
  });
  q.endings.forEach((e, i) => {
    if (!reached.has(e.id)) p(['endings', i, 'id'], `scenario "${q.id}": ending "${e.id}" can never be reached`, 'warning');
  });
}
