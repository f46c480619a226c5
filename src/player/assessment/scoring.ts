import type { QuestionData, QuestionOfType } from '../../schema/courseData';
import type { Response } from '../../schema/learnerState';

/**
 * Credit per question type, 0–1. Pure: the same answer always earns the same credit.
 * Partial credit only where the question asks for it; a scenario earns its ending's score.
 */

export function normaliseText(text: string, caseSensitive: boolean): string {
  const s = text.normalize('NFC').trim().replace(/\s+/g, ' ');
  return caseSensitive ? s : s.toLowerCase();
}

/** "3,5", "3.5", " 1 000 " → number; anything else → null. */
export function parseNumber(text: string): number | null {
  const s = text.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  return /^[-+]?(\d+\.?\d*|\.\d+)$/.test(s) ? Number(s) : null;
}

export interface ScenarioWalk {
  steps: { node: QuestionOfType<'scenario'>['nodes'][number]; choice: QuestionOfType<'scenario'>['nodes'][number]['choices'][number] }[];
  /** The node waiting for a choice, when the walk has not ended. */
  current?: QuestionOfType<'scenario'>['nodes'][number];
  ending?: QuestionOfType<'scenario'>['endings'][number];
}

/** Follows the learner's choices from the start; stops at the first choice that does not fit. */
export function walkScenario(question: QuestionOfType<'scenario'>, path: readonly string[]): ScenarioWalk {
  const walk: ScenarioWalk = { steps: [] };
  let id = question.start;
  for (let i = 0; ; i++) {
    const node = question.nodes.find((n) => n.id === id);
    if (!node) {
      walk.ending = question.endings.find((e) => e.id === id);
      return walk;
    }
    const choice = node.choices.find((c) => c.id === path[i]);
    if (!choice || walk.steps.length > question.nodes.length * 4) {
      walk.current = node;
      return walk;
    }
    walk.steps.push({ node, choice });
    id = choice.next;
  }
}

const asArray = (r: Response | undefined): string[] => (Array.isArray(r) ? r : []);
const asRecord = (r: Response | undefined): Record<string, string> =>
  r && typeof r === 'object' && !Array.isArray(r) ? r : {};

/** Raw share of the question answered right (before the all-or-nothing rule). */
function share(question: QuestionData, response: Response | undefined): number {
  switch (question.type) {
    case 'single':
      return question.choices.some((c) => c.correct && c.id === response) ? 1 : 0;
    case 'truefalse':
      return response === question.answer ? 1 : 0;
    case 'multiple': {
      const chosen = new Set(asArray(response));
      const correct = question.choices.filter((c) => c.correct);
      const hits = correct.filter((c) => chosen.has(c.id)).length;
      const wrong = question.choices.filter((c) => !c.correct && chosen.has(c.id)).length;
      // A wrong pick cancels a right one, so ticking everything never pays.
      return correct.length ? Math.max(0, hits - wrong) / correct.length : 0;
    }
    case 'matching': {
      const chosen = asRecord(response);
      return question.pairs.filter((p) => chosen[p.id] === p.id).length / question.pairs.length;
    }
    case 'ordering': {
      const order = asArray(response);
      return question.items.filter((item, i) => order[i] === item.id).length / question.items.length;
    }
    case 'fillin': {
      if (typeof response !== 'string') return 0;
      const a = question.answer;
      if (a.kind === 'number') {
        const n = parseNumber(response);
        return n !== null && Math.abs(n - a.value) <= a.tolerance + 1e-9 ? 1 : 0;
      }
      const given = normaliseText(response, a.caseSensitive);
      return given && a.accepted.some((x) => normaliseText(x, a.caseSensitive) === given) ? 1 : 0;
    }
    case 'scenario': {
      const ending = walkScenario(question, asArray(response)).ending;
      return ending ? ending.score / 100 : 0;
    }
  }
}

export function credit(question: QuestionData, response: Response | undefined): number {
  const s = share(question, response);
  if (question.type === 'scenario' || question.scoring === 'partial') return s;
  return s >= 1 - 1e-9 ? 1 : 0;
}

export function isAnswered(question: QuestionData, response: Response | undefined): boolean {
  switch (question.type) {
    case 'truefalse':
      return typeof response === 'boolean';
    case 'single':
      return typeof response === 'string' && response !== '';
    case 'fillin':
      return typeof response === 'string' && response.trim() !== '';
    case 'multiple':
      return asArray(response).length > 0;
    case 'ordering':
      return asArray(response).length === question.items.length;
    case 'matching':
      return Object.values(asRecord(response)).some(Boolean);
    case 'scenario':
      return !!walkScenario(question, asArray(response)).ending;
  }
}

/**
 * Points-weighted percent, rounded down to a whole number so the reported score
 * and the pass/fail decision can never disagree (79.6 % does not show as 80 % and fail).
 */
export function percentScore(items: { question: QuestionData; response: Response | undefined }[]): number {
  let earned = 0;
  let total = 0;
  for (const { question, response } of items) {
    earned += credit(question, response) * question.points;
    total += question.points;
  }
  return total ? Math.floor((earned / total) * 100 + 1e-9) : 0;
}
