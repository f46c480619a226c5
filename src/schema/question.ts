import { z } from 'zod';
import { localized, slug } from './localized.js';

/**
 * One question, in every language at once, so the answer key can never drift
 * between translations. The same shape serves module quizzes (quiz.json) and
 * the final assessment bank (course/final-assessment.json).
 */

import { FILL_IN_MAX } from './limits.js';

const feedback = z
  .object({
    correct: localized.optional(),
    incorrect: localized.optional(),
  })
  .strict();

const common = {
  id: slug,
  /** "check" = knowledge check inside a page (not scored); "quiz" = part of the scored module quiz. */
  use: z.enum(['check', 'quiz']).default('quiz'),
  prompt: localized,
  points: z.number().int().min(1).max(100).default(1),
  /** all-or-nothing (default) or partial credit, where the type allows it. */
  scoring: z.enum(['all-or-nothing', 'partial']).default('all-or-nothing'),
  shuffle: z.boolean().default(true),
  tags: z.array(slug).default([]),
  feedback: feedback.optional(),
  /** Final assessment only: the module whose quota this question counts towards. */
  module: slug.optional(),
};

const choice = z
  .object({
    id: slug,
    text: localized,
    correct: z.boolean().default(false),
    feedback: localized.optional(),
  })
  .strict();

export const singleChoice = z.object({ ...common, type: z.literal('single'), choices: z.array(choice).min(2).max(8) }).strict();
export const multipleChoice = z.object({ ...common, type: z.literal('multiple'), choices: z.array(choice).min(2).max(10) }).strict();
export const trueFalse = z.object({ ...common, type: z.literal('truefalse'), answer: z.boolean() }).strict();

/** Each pair is a left-hand prompt and its right-hand match; the player shuffles the matches. */
export const matching = z
  .object({
    ...common,
    type: z.literal('matching'),
    pairs: z.array(z.object({ id: slug, prompt: localized, match: localized }).strict()).min(2).max(8),
  })
  .strict();

/** Items are written in the correct order; the player shows them shuffled. */
export const ordering = z
  .object({
    ...common,
    type: z.literal('ordering'),
    items: z.array(z.object({ id: slug, text: localized }).strict()).min(2).max(8),
  })
  .strict();

const fillInText = z
  .object({
    kind: z.literal('text'),
    /** Accepted answers per locale; matching ignores case, surrounding spaces and repeated spaces. */
    accepted: z.record(z.string(), z.array(z.string().trim().min(1).max(FILL_IN_MAX)).min(1)),
    caseSensitive: z.boolean().default(false),
  })
  .strict();
const fillInNumber = z
  .object({
    kind: z.literal('number'),
    value: z.number(),
    tolerance: z.number().min(0).default(0),
  })
  .strict();

export const fillIn = z
  .object({
    ...common,
    type: z.literal('fillin'),
    answer: z.discriminatedUnion('kind', [fillInText, fillInNumber]),
  })
  .strict();

const scenarioChoice = z
  .object({
    id: slug,
    text: localized,
    feedback: localized.optional(),
    /** id of the next node or ending */
    next: slug,
  })
  .strict();

/**
 * A branching scenario: decision nodes lead to other nodes or to endings.
 * It scores by the ending reached (score in percent of the question's points).
 */
export const scenario = z
  .object({
    ...common,
    type: z.literal('scenario'),
    start: slug,
    nodes: z.array(z.object({ id: slug, text: localized, choices: z.array(scenarioChoice).min(1).max(6) }).strict()).min(1),
    endings: z
      .array(z.object({ id: slug, text: localized, score: z.number().min(0).max(100), feedback: localized.optional() }).strict())
      .min(1),
  })
  .strict();

export const question = z.discriminatedUnion('type', [
  singleChoice,
  multipleChoice,
  trueFalse,
  matching,
  ordering,
  fillIn,
  scenario,
]);

export type Question = z.infer<typeof question>;
export type QuestionType = Question['type'];
export const QUESTION_TYPES = ['single', 'multiple', 'truefalse', 'matching', 'ordering', 'fillin', 'scenario'] as const;
