import type { CourseData, QuestionData } from '../schema/courseData.js';
import type { LearnerState, Response } from '../schema/learnerState.js';

/**
 * The one interface the player talks to. Behind it: the SCORM 1.2 driver,
 * the SCORM 2004 driver, or the standalone driver (no LMS). The SCORM version
 * is visible only inside the drivers.
 */
export interface Tracker {
  readonly kind: 'scorm12' | 'scorm2004' | 'standalone';
  /** Called once at start-up: initialises the LMS session and returns what it knows. */
  start(): LaunchData;
  /**
   * Report the learner's new state and what it means (status, score, modules).
   * Saving is coalesced: a burst of updates makes one commit, sending only changed values.
   */
  update(state: LearnerState, result: CourseResult): void;
  /** Record one answered scored question or finished scenario as an LMS interaction. */
  interaction(event: InteractionEvent): void;
  /** Save now (the page is being hidden). */
  flush(): void;
  /** End the LMS session, exactly once (pagehide or the exit button). No call reaches the LMS after it. */
  finish(): void;
  /** Save health for the learner-facing notice. */
  onSaveStatus(listener: (status: SaveStatus) => void): () => void;
}

export interface LaunchData {
  /** State to resume from; null for a fresh start. */
  state: LearnerState | null;
  learnerId: string | null;
  /**
   * For display, "Given Surname": SCORM 1.2's "Surname, Given" is turned round by its driver
   * (only with exactly one comma and text on both sides; otherwise as the LMS gives it).
   */
  learnerName: string | null;
  /** The LMS's passing score in percent, when it sets one; it wins over the course's. */
  masteryScore: number | null;
  /** 'review' when the LMS launches a completed attempt in review mode. */
  mode: 'normal' | 'review' | 'browse';
  /** Problems found while starting (ignored corrupt suspend data, …), as i18n keys for the learner. */
  warnings: string[];
}

export interface ModuleResult {
  id: string;
  completion: 'not attempted' | 'incomplete' | 'completed';
  success: 'unknown' | 'passed' | 'failed';
  /** Module quiz best score, percent; null when the module has no quiz or it was not submitted. */
  score: number | null;
}

export interface CourseResult {
  completion: 'not attempted' | 'incomplete' | 'completed';
  success: 'unknown' | 'passed' | 'failed';
  /** Final assessment best attempt, percent 0–100; null before the first submission. */
  score: number | null;
  /** 0–1 share of the completion requirements met. */
  progress: number;
  modules: ModuleResult[];
}

export interface InteractionEvent {
  question: QuestionData;
  response: Response;
  /** Share of the points earned, 0–1. */
  credit: number;
  /** When the question was first shown and when it was answered (ms since epoch). */
  shownAt: number;
  answeredAt: number;
  /** Where it was asked: a module quiz (module id) or the final assessment ("final", with attempt number). */
  context: { kind: 'quiz'; module: string } | { kind: 'final'; attempt: number };
}

export type SaveStatus = 'saved' | 'saving' | 'delayed' | 'not-reported';

export type TrackerFactory = (course: CourseData) => Tracker;

/**
 * i18n keys LaunchData.warnings may hold (added for issue 4; additive).
 *   resumeIgnored   saved progress could not be read (corrupt or from another course); starting afresh
 *   lmsUnavailable  an LMS was found but refused to start the session; progress is kept in this browser
 */
export const TRACKING_WARNINGS = {
  resumeIgnored: 'tracking.resumeIgnored',
  lmsUnavailable: 'tracking.lmsUnavailable',
} as const;
