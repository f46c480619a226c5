import type { CourseData } from '../../schema/courseData';
import type { LearnerState, Marks, Response } from '../../schema/learnerState';
import { hashString } from './random';
import { credit, isAnswered } from './scoring';
import { displayOrder } from './shuffle';

/**
 * Per-question results of a submitted try. They outlive the answers: the suspend data may keep
 * only these when room is short (suspendData.ts), and the review shows them instead.
 */
export function marksOf(course: CourseData, ids: string[], responseOf: (id: string) => Response | undefined): Marks {
  const marks: Marks = {};
  for (const id of ids) {
    const q = course.questions[id];
    const r = responseOf(id);
    if (q && isAnswered(q, r)) marks[id] = credit(q, r);
  }
  return marks;
}

/**
 * A resumed state whose submitted tries came back with their answers but without marks (the
 * suspend data had room for the answers): derive the marks, so a later, leaner save can keep them.
 */
export function withMarks(course: CourseData, state: LearnerState): LearnerState {
  const quizzes = { ...state.quizzes };
  for (const [id, q] of Object.entries(quizzes)) {
    const module = course.modules.find((m) => m.id === id);
    if (!q.submitted || q.marks || !module) continue;
    const seed = quizSeed(id, q.tries, true);
    quizzes[id] = { ...q, marks: marksOf(course, module.quiz, (qid) => answerOrStart(course, qid, seed, q.answers)) };
  }
  const attempts = state.final.attempts.map((a, i, all) =>
    a.marks || i < all.length - 1 || !a.draw.length ? a : { ...a, marks: marksOf(course, a.draw, (qid) => answerOrStart(course, qid, a.seed, a.answers)) },
  );
  return { ...state, quizzes, final: { ...state.final, attempts } };
}

/** The ordering question's starting order is an answer too: the learner may agree with it. */
export function answerOrStart(course: CourseData, id: string, seed: number, answers: Record<string, Response>): Response | undefined {
  const q = course.questions[id];
  return answers[id] ?? (q?.type === 'ordering' ? displayOrder(q, seed) : undefined);
}

/** Shuffle seed of a module quiz try: a new one per try, the same on resume and on that try's results. */
export function quizSeed(moduleId: string, tries: number, submitted: boolean): number {
  return hashString(moduleId) + tries - (submitted ? 1 : 0);
}
