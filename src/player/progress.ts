import type { CourseData, ModuleData } from '../schema/courseData';
import type { LearnerState } from '../schema/learnerState';
import type { CourseResult, ModuleResult } from '../tracking/tracker';

/** Pure facts about a learner's progress; the tracker and every screen read them from here. */

export function passingScore(course: CourseData, masteryScore: number | null): number {
  return masteryScore ?? course.settings.passingScore;
}

export type ModuleStatus = 'not-started' | 'in-progress' | 'completed' | 'passed';

export interface ModuleProgress {
  module: ModuleData;
  seen: number;
  total: number;
  quizSubmitted: boolean;
  quizBest: number | null;
  status: ModuleStatus;
}

export function moduleProgress(course: CourseData, state: LearnerState, module: ModuleData, passing: number): ModuleProgress {
  const seen = module.pages.filter((p) => state.seen.includes(p.key)).length;
  const quiz = state.quizzes[module.id];
  const hasQuiz = module.quiz.length > 0;
  const quizSubmitted = !hasQuiz || (quiz?.tries ?? 0) > 0;
  const quizBest = hasQuiz ? quiz?.best ?? null : null;
  const done = seen === module.pages.length && quizSubmitted;
  const status: ModuleStatus = done
    ? quizBest !== null && quizBest >= passing
      ? 'passed'
      : 'completed'
    : seen || quiz?.tries || Object.keys(quiz?.answers ?? {}).length
      ? 'in-progress'
      : 'not-started';
  return { module, seen, total: module.pages.length, quizSubmitted, quizBest, status };
}

export interface FinalProgress {
  best: number | null;
  passed: boolean;
  attemptsUsed: number;
  attemptsLeft: number;
  /** Every attempt used without passing: the course is failed. */
  failed: boolean;
}

export function finalProgress(course: CourseData, state: LearnerState, passing: number): FinalProgress {
  const scores = state.final.attempts.map((a) => a.score ?? 0);
  const best = scores.length ? Math.max(...scores) : null;
  const passed = best !== null && best >= passing;
  const attemptsUsed = scores.length;
  const attemptsLeft = passed ? 0 : Math.max(0, course.settings.attempts - attemptsUsed);
  return { best, passed, attemptsUsed, attemptsLeft, failed: !!course.final && !passed && attemptsLeft === 0 };
}

/**
 * What the LMS is told. Progress is the mean of the completion requirements in use
 * (share of module pages seen, share of module quizzes submitted, final passed),
 * so one requirement cannot swamp the others however many pages there are.
 * A final assessment failed on its last attempt counts as finished (completed, failed).
 */
export function computeResult(course: CourseData, state: LearnerState, masteryScore: number | null): CourseResult {
  const passing = passingScore(course, masteryScore);
  const modules = course.modules.map((m) => moduleProgress(course, state, m, passing));
  const final = finalProgress(course, state, passing);
  const rules = course.settings.completion;

  const parts: number[] = [];
  const allPages = modules.reduce((n, m) => n + m.total, 0);
  if (rules.allPagesSeen && allPages) parts.push(modules.reduce((n, m) => n + m.seen, 0) / allPages);
  const withQuiz = modules.filter((m) => m.module.quiz.length);
  if (rules.allModuleQuizzesSubmitted && withQuiz.length) parts.push(withQuiz.filter((m) => m.quizSubmitted).length / withQuiz.length);
  const finalDone = final.passed || final.failed;
  if (rules.finalAssessmentPassed && course.final) parts.push(finalDone ? 1 : 0);
  const progress = parts.length ? parts.reduce((a, b) => a + b, 0) / parts.length : 1;

  const started =
    state.seen.length > 0 || Object.keys(state.quizzes).length > 0 || state.final.attempts.length > 0 || !!state.final.current;
  const completion = progress >= 1 - 1e-9 && (started || !parts.length) ? 'completed' : started ? 'incomplete' : 'not attempted';
  const success = final.passed ? 'passed' : final.failed ? 'failed' : 'unknown';

  const moduleResults: ModuleResult[] = modules.map((m) => ({
    id: m.module.id,
    completion: m.status === 'not-started' ? 'not attempted' : m.status === 'in-progress' ? 'incomplete' : 'completed',
    success: m.quizBest === null ? 'unknown' : m.quizBest >= passing ? 'passed' : 'failed',
    score: m.quizBest,
  }));
  return { completion, success, score: final.best, progress: Math.round(progress * 1000) / 1000, modules: moduleResults };
}

/** The course's linear path, as routes: introduction pages, each module's pages and quiz, the final assessment. */
export function courseFlow(course: CourseData): string[] {
  const routes = course.coursePages
    .filter((p) => p.id !== course.jobAid && p.id !== course.accessibilityPage)
    .map((p) => `page/${p.key}`);
  for (const m of course.modules) {
    routes.push(...m.pages.map((p) => `page/${p.key}`));
    if (m.quiz.length) routes.push(`quiz/${m.id}`);
  }
  if (course.final) routes.push('final');
  routes.push('complete');
  return routes;
}

/**
 * Whether linear navigation keeps the learner out of a route for now:
 * a module opens when the one before it is completed, a page when the pages before it were seen,
 * a module quiz when its pages were seen, the final assessment when every module is completed.
 */
export function isLocked(course: CourseData, state: LearnerState, route: string, passing: number): boolean {
  const nav = course.settings.navigation;
  const [kind, moduleId, pageId] = route.split('/');
  const done = (m: ModuleData) => moduleProgress(course, state, m, passing).status;
  const index = course.modules.findIndex((m) => m.id === moduleId);
  if (kind === 'final') return nav.modules === 'sequential' && course.modules.some((m) => ['not-started', 'in-progress'].includes(done(m)));
  if (index < 0 || (kind !== 'page' && kind !== 'quiz')) return false;
  if (nav.modules === 'sequential' && index > 0 && ['not-started', 'in-progress'].includes(done(course.modules[index - 1]))) return true;
  const pages = course.modules[index].pages;
  const upTo = kind === 'quiz' ? pages.length : pages.findIndex((p) => p.id === pageId);
  return nav.pages === 'sequential' && pages.slice(0, Math.max(0, upTo)).some((p) => !state.seen.includes(p.key));
}
