import type { CourseData } from '../schema/courseData.js';
import { findApi } from './apiDiscovery.js';
import { scorm12Tracker } from './scorm12Driver.js';
import { scorm2004Tracker } from './scorm2004Driver.js';
import { standaloneTracker } from './standaloneDriver.js';
import type { Tracker } from './tracker.js';

/**
 * The player's one entry point: finds the LMS (see apiDiscovery.ts), picks the driver, and ties the
 * session to the page's life: save when the page is hidden, finish exactly once on pagehide.
 * `unload` is never used: browsers skip it (mobile, bfcache) and it blocks the back/forward cache.
 * The player calls tracker.finish() itself for its exit button; the second call is a no-op.
 */
export function createTracker(course: CourseData, win: Window = window): Tracker {
  const found = findApi(win);
  const t = !found ? standaloneTracker(course) : found.version === '2004' ? scorm2004Tracker(course, found.api) : scorm12Tracker(course, found.api);
  const onVisibility = () => {
    if (win.document.visibilityState === 'hidden') t.flush();
  };
  const onPageHide = () => t.finish();
  const detach = () => {
    win.document.removeEventListener('visibilitychange', onVisibility);
    win.removeEventListener('pagehide', onPageHide);
  };
  return {
    ...t,
    kind: t.kind,
    start() {
      const launch = t.start();
      win.document.addEventListener('visibilitychange', onVisibility);
      win.addEventListener('pagehide', onPageHide);
      return launch;
    },
    finish() {
      detach();
      t.finish();
    },
  };
}
