/**
 * LearnerState: everything the course remembers about one learner's LMS attempt.
 * The player owns it and changes it; the tracking layer saves it (suspend data,
 * encoded by suspendData.ts with the permanent numbers) and gives it back on resume.
 * Plain JSON-compatible data: no classes, no Dates.
 */

/**
 * A learner's answer, by question type:
 *   single     choice id                      "b"
 *   multiple   choice ids, in author order    ["a", "c"]
 *   truefalse  boolean                        true
 *   matching   prompt pair id → chosen pair id (whose `match` text was chosen)   { "p1": "p3", "p2": "p2" }
 *   ordering   item ids in the learner's order ["s2", "s1", "s3"]
 *   fillin     the text typed (≤ 60 characters) "KCIK"
 *   scenario   choice ids taken, start to end  ["c1", "c4"]
 */
export type Response = string | string[] | boolean | Record<string, string>;

export interface LearnerState {
  /** The language the learner chose; null until they choose (the course's first locale is used). */
  locale: string | null;
  /** Where the learner is: a player route such as "page/01-thb-law/02-elements", "quiz/01-thb-law", "final", "menu". */
  location: string | null;
  /** Page keys ("<module>/<page>") the learner has seen. */
  seen: string[];
  /** Knowledge checks: last answer given. */
  checks: Record<string, Response>;
  /** Module quizzes, by module id. */
  quizzes: Record<string, ModuleQuizState>;
  final: FinalState;
  /** ISO date (YYYY-MM-DD) the course was completed, for the certificate. */
  completedOn: string | null;
}

/**
 * Result of each question of a submitted try, by question id: the share of its points earned (0–1);
 * a question left unanswered has no entry. Kept because a resumed session may no longer have the
 * answers themselves (the suspend data keeps them only while room allows, see suspendData.ts).
 */
export type Marks = Record<string, number>;

export interface ModuleQuizState {
  /**
   * Answers of the current (or last submitted) try, by question id. After a resume, a submitted
   * try may have none: then `marks` tells how each question went.
   */
  answers: Record<string, Response>;
  /** Whether the current answers have been submitted (then the result is shown). */
  submitted: boolean;
  /** Best score so far, percent 0–100; null before the first submission. */
  best: number | null;
  /** Submissions made. */
  tries: number;
  /** Percent of the last submitted try (set on submission). */
  score?: number | null;
  /** Per-question results of the last submitted try (set on submission). */
  marks?: Marks;
}

export interface FinalAttempt {
  /** Seed of this attempt's random draw and choice shuffling; resume redraws identically from it. */
  seed: number;
  /** Question ids drawn, in the order shown. */
  draw: string[];
  answers: Record<string, Response>;
  /** Percent 0–100 once submitted; null while in progress. */
  score: number | null;
  /** Per-question results, once submitted (answers may be gone after a resume, marks stay). */
  marks?: Marks;
}

export interface FinalState {
  /** Submitted attempts, oldest first (only the last one's answers are needed for review). */
  attempts: FinalAttempt[];
  /** The attempt in progress, if any. */
  current: FinalAttempt | null;
}

export function emptyLearnerState(): LearnerState {
  return { locale: null, location: null, seen: [], checks: {}, quizzes: {}, final: { attempts: [], current: null }, completedOn: null };
}

/**
 * The state with the answers of assessments not yet submitted left out (a module quiz being
 * filled in, the final attempt in progress): what changes only while a learner edits a draft.
 */
export function withoutDrafts(state: LearnerState): LearnerState {
  const quizzes: Record<string, ModuleQuizState> = {};
  for (const [id, q] of Object.entries(state.quizzes)) {
    // A quiz record appears with its first answer: that is still a draft.
    if (q.submitted) quizzes[id] = q;
    else if (q.tries || q.best !== null) quizzes[id] = { ...q, answers: {} };
  }
  const current = state.final.current && { ...state.final.current, answers: {} };
  return { ...state, quizzes, final: { ...state.final, current } };
}
