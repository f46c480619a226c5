// @vitest-environment happy-dom
import { beforeEach, describe, expect, test } from 'vitest';
import { readStandalone, standaloneTracker, TAKEOVER_WINDOW_MS } from '../../../src/tracking/standaloneDriver.js';
import { miniCourse } from './fixture';
import { richState } from './states';

// Progress made without an LMS is offered to the next LMS launch only while it is recent:
// on a shared office PC an older record is more likely another officer's.
describe('progress kept without an LMS', () => {
  beforeEach(() => localStorage.clear());

  const saveWithoutLms = () => {
    const course = miniCourse('pl');
    const t = standaloneTracker(course);
    t.start();
    t.update(richState(course), { completion: 'incomplete', success: 'unknown', score: null, progress: 0.5, modules: [] });
    t.finish();
    return course;
  };

  test('is available for takeover right after it was saved', () => {
    const course = saveWithoutLms();
    expect(readStandalone(course.id)?.report.r?.progress).toBe(0.5);
  });

  test('is not handed to an LMS once the takeover window has passed', () => {
    const course = saveWithoutLms();
    expect(readStandalone(course.id, Date.now() + TAKEOVER_WINDOW_MS + 1000)).toBeNull();
  });
});
