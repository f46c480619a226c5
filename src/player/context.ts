import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { CourseData } from '../schema/courseData';
import type { LearnerState } from '../schema/learnerState';
import type { CourseResult, InteractionEvent, LaunchData } from '../tracking/tracker';

export interface Player {
  course: CourseData;
  state: LearnerState;
  launch: LaunchData;
  result: CourseResult;
  passing: number;
  /** Review: the recorded result is final (LMS review launch, course completed, or failed); answers are read-only. */
  reviewing: boolean;
  /** Applies a change to a copy of the state, then reports it. Ignored while reviewing. */
  change(mutate: (draft: LearnerState) => void): void;
  record(event: InteractionEvent): void;
  /** Says something through the live region (feedback, results, moves). */
  announce(message: string): void;
  go(route: string): void;
  setLocale(locale: string): void;
}

export const PlayerContext = createContext<Player>(null as unknown as Player);
export const usePlayer = () => useContext(PlayerContext);

/** Text of trusted course HTML, for option labels and announcements. */
export function plain(html: string): string {
  // A parsed document loads nothing (no images, no scripts), unlike a live element.
  return (new DOMParser().parseFromString(html, 'text/html').body.textContent ?? '').trim();
}
