/**
 * Limits shared by the schemas (build side) and the player and codec (browser side).
 * Kept free of zod so the browser bundle can import them.
 */

/** Longest fill-in text a learner can type, and an author can accept (characters). */
export const FILL_IN_MAX = 60;

/** Longest number a learner can type in a numeric fill-in ("-1234567,89" fits). */
export const NUMBER_INPUT_MAX = 12;

/** SCORM 1.2 allows 4,096 characters of cmi.suspend_data; SCORM 2004 4th Edition 64,000. */
export const SUSPEND_LIMIT = { '1.2': 4096, '2004': 64000 } as const;
