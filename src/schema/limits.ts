/**
 * Limits shared by the schemas (build side) and the player and codec (browser side).
 * Kept free of zod so the browser bundle can import them.
 */

/** Longest fill-in text a learner can type, and an author can accept (characters). */
export const FILL_IN_MAX = 60;

/** Longest number a learner can type in a numeric fill-in ("-1234567,89" fits). */
export const NUMBER_INPUT_MAX = 12;

/** Fill-in boxes take at least this many characters, whatever the accepted answers. */
export const FILL_IN_MIN_ROOM = 20;

/**
 * How many characters a learner can type into a fill-in: half as much again as its longest
 * accepted answer (room for spaces, a longer spelling, a wrong guess), at least FILL_IN_MIN_ROOM,
 * at most FILL_IN_MAX. Longer text could never be marked right; the bound keeps saved answers small.
 */
export function fillInMaxLength(answer: { kind: 'text'; accepted: string[] } | { kind: 'number' }): number {
  if (answer.kind === 'number') return NUMBER_INPUT_MAX;
  const longest = Math.max(0, ...answer.accepted.map((a) => a.length));
  return Math.min(FILL_IN_MAX, Math.max(FILL_IN_MIN_ROOM, Math.ceil(longest * 1.5)));
}

/** SCORM 1.2 allows 4,096 characters of cmi.suspend_data; SCORM 2004 4th Edition 64,000. */
export const SUSPEND_LIMIT = { '1.2': 4096, '2004': 64000 } as const;

/**
 * Size the suspend data aims to stay within (characters): a quarter of SCORM 1.2's limit, so a
 * larger course still fits and every commit stays small. Above it the encoder keeps each submitted
 * try's per-question results instead of the answers themselves (see suspendData.ts).
 */
export const SUSPEND_TARGET = 1000;
