import { describe, expect, it } from 'vitest';
import { computeResult, courseFlow, finalProgress, isLocked, moduleProgress, passingScore } from '../../../src/player/progress';
import type { CourseData } from '../../../src/schema/courseData';
import { emptyLearnerState, type LearnerState } from '../../../src/schema/learnerState';
import { miniCourse } from './helpers';

const course = miniCourse();
const allPages = course.modules.flatMap((m) => m.pages.map((p) => p.key));
const attempt = (score: number) => ({ seed: 1, draw: ['f-a1'], answers: {}, score });
const quiz = (best: number) => ({ answers: {}, submitted: true, best, tries: 1 });

function state(patch: Partial<LearnerState> = {}): LearnerState {
  return { ...emptyLearnerState(), ...patch };
}
const withSettings = (patch: Partial<CourseData['settings']>): CourseData => ({ ...course, settings: { ...course.settings, ...patch } });

describe('computeResult', () => {
  const everything = { seen: allPages, quizzes: { 'm-alpha': quiz(100), 'm-beta': quiz(60) } };
  const cases: [string, LearnerState, number | null, Partial<ReturnType<typeof computeResult>>][] = [
    ['fresh start', state(), null, { completion: 'not attempted', success: 'unknown', score: null, progress: 0 }],
    ['one page seen', state({ seen: [allPages[0]] }), null, { completion: 'incomplete', success: 'unknown', score: null }],
    ['all done, final passed', state({ ...everything, final: { attempts: [attempt(90)], current: null } }), null, { completion: 'completed', success: 'passed', score: 90, progress: 1 }],
    ['best attempt is reported', state({ ...everything, final: { attempts: [attempt(50), attempt(85), attempt(70)], current: null } }), null, { success: 'passed', score: 85 }],
    ['one failed attempt, attempts remain', state({ ...everything, final: { attempts: [attempt(50)], current: null } }), null, { completion: 'incomplete', success: 'unknown', score: 50 }],
    ['every attempt failed', state({ ...everything, final: { attempts: [attempt(50), attempt(60), attempt(79)], current: null } }), null, { completion: 'completed', success: 'failed', score: 79 }],
    ['final passed, pages unseen', state({ seen: [allPages[0]], final: { attempts: [attempt(100)], current: null } }), null, { completion: 'incomplete', success: 'passed', score: 100 }],
    ['LMS mastery score lower than the course pass mark', state({ ...everything, final: { attempts: [attempt(70)], current: null } }), 60, { completion: 'completed', success: 'passed', score: 70 }],
    ['LMS mastery score higher than the course pass mark', state({ ...everything, final: { attempts: [attempt(85)], current: null } }), 90, { success: 'unknown', score: 85 }],
  ];
  it.each(cases)('%s', (_name, s, mastery, expected) => {
    expect(computeResult(course, s, mastery)).toMatchObject(expected);
  });

  it('reports each module: completion, success against the pass mark, best quiz score', () => {
    const r = computeResult(course, state({ seen: allPages, quizzes: { 'm-alpha': quiz(100), 'm-beta': quiz(60) } }), null);
    expect(r.modules).toEqual([
      { id: 'm-alpha', completion: 'completed', success: 'passed', score: 100 },
      { id: 'm-beta', completion: 'completed', success: 'failed', score: 60 },
    ]);
  });

  it('averages the requirements in use for progress', () => {
    // 3 module pages: 1 seen → 1/3; quizzes 0/2; final 0 → (1/3 + 0 + 0) / 3
    expect(computeResult(course, state({ seen: [allPages[0]] }), null).progress).toBeCloseTo(1 / 9, 3);
    const pagesOnly = withSettings({ completion: { allPagesSeen: true, allModuleQuizzesSubmitted: false, finalAssessmentPassed: false } });
    expect(computeResult(pagesOnly, state({ seen: allPages }), null)).toMatchObject({ completion: 'completed', progress: 1, success: 'unknown' });
  });

  it('ignores course-level pages for "all pages seen"', () => {
    const r = computeResult(course, state({ seen: allPages, quizzes: { 'm-alpha': quiz(100), 'm-beta': quiz(100) }, final: { attempts: [attempt(100)], current: null } }), null);
    expect(r.completion).toBe('completed');
  });
});

describe('final and module progress', () => {
  it('counts attempts left, none once passed', () => {
    expect(finalProgress(course, state({ final: { attempts: [attempt(10)], current: null } }), 80)).toMatchObject({ attemptsLeft: 2, failed: false, best: 10 });
    expect(finalProgress(course, state({ final: { attempts: [attempt(90)], current: null } }), 80)).toMatchObject({ attemptsLeft: 0, passed: true, failed: false });
  });
  it('uses the LMS mastery score when given', () => {
    expect(passingScore(course, null)).toBe(80);
    expect(passingScore(course, 65)).toBe(65);
  });
  it.each([
    [state(), 'not-started'],
    [state({ seen: ['m-alpha/a1'] }), 'in-progress'],
    [state({ seen: ['m-alpha/a1', 'm-alpha/a2'] }), 'in-progress'],
    [state({ seen: ['m-alpha/a1', 'm-alpha/a2'], quizzes: { 'm-alpha': quiz(50) } }), 'completed'],
    [state({ seen: ['m-alpha/a1', 'm-alpha/a2'], quizzes: { 'm-alpha': quiz(80) } }), 'passed'],
  ])('module status %#', (s, status) => {
    expect(moduleProgress(course, s, course.modules[0], 80).status).toBe(status);
  });
});

describe('courseFlow and locks', () => {
  it('runs through intro, module pages, quizzes, final, completion (job aid and accessibility page aside)', () => {
    expect(courseFlow(course)).toEqual(['page/course/introduction', 'page/m-alpha/a1', 'page/m-alpha/a2', 'quiz/m-alpha', 'page/m-beta/b1', 'quiz/m-beta', 'final', 'complete']);
  });
  it('locks nothing with free navigation', () => {
    for (const r of courseFlow(course)) expect(isLocked(course, state(), r, 80)).toBe(false);
  });
  it('locks later modules and pages with sequential navigation', () => {
    const linear = withSettings({ navigation: { modules: 'sequential', pages: 'sequential' } });
    expect(isLocked(linear, state(), 'page/m-alpha/a1', 80)).toBe(false);
    expect(isLocked(linear, state(), 'page/m-alpha/a2', 80)).toBe(true);
    expect(isLocked(linear, state({ seen: ['m-alpha/a1'] }), 'page/m-alpha/a2', 80)).toBe(false);
    expect(isLocked(linear, state({ seen: ['m-alpha/a1'] }), 'quiz/m-alpha', 80)).toBe(true);
    expect(isLocked(linear, state({ seen: ['m-alpha/a1', 'm-alpha/a2'] }), 'page/m-beta/b1', 80)).toBe(true);
    expect(isLocked(linear, state({ seen: ['m-alpha/a1', 'm-alpha/a2'], quizzes: { 'm-alpha': quiz(0) } }), 'page/m-beta/b1', 80)).toBe(false);
    expect(isLocked(linear, state(), 'final', 80)).toBe(true);
    expect(isLocked(linear, state(), 'page/course/introduction', 80)).toBe(false);
  });
});
