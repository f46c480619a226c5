import type { CourseData } from '../schema/courseData.js';
import { decodeSuspend, encodeSuspend } from '../schema/suspendData.js';
import type { LaunchData, SaveStatus, Tracker } from './tracker.js';
import { TRACKING_WARNINGS } from './tracker.js';

/** No LMS found: progress stays in this browser and the player says results are not reported. */
export const standaloneKey = (courseId: string) => `scorm-standalone:${courseId}`;

export function standaloneTracker(course: CourseData): Tracker {
  const key = standaloneKey(course.id);
  let counter = 0;
  let data = '';
  let ended = false;
  const write = () => {
    try {
      if (data) localStorage.setItem(key, data);
    } catch {
      /* storage disabled: progress lasts as long as the page */
    }
  };
  return {
    kind: 'standalone',
    start(): LaunchData {
      let saved: string | null = null;
      try {
        saved = localStorage.getItem(key);
      } catch {
        saved = null;
      }
      const r = decodeSuspend(saved, course);
      const warnings: string[] = [];
      if (r.ok) counter = r.counter;
      else if (r.reason !== 'empty') {
        console.warn(`[tracking] ignoring ${r.reason} saved progress: ${r.detail}`);
        warnings.push(TRACKING_WARNINGS.resumeIgnored);
      }
      return { state: r.ok ? r.state : null, learnerId: null, learnerName: null, masteryScore: null, mode: 'normal', warnings };
    },
    update(state) {
      if (ended) return;
      data = encodeSuspend(state, course, ++counter);
      write();
    },
    interaction() {},
    flush: write,
    finish() {
      if (!ended) write();
      ended = true;
    },
    onSaveStatus(listener: (s: SaveStatus) => void) {
      listener('not-reported');
      return () => {};
    },
  };
}
