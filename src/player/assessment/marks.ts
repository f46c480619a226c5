import type { CourseData, QuestionData } from '../../schema/courseData';
import type { LearnerState, Marks, Response } from '../../schema/learnerState';
import { hashString } from './random';
import { credit, isAnswered } from './scoring';
import { displayOrder } from './shuffle';

/** A try's questions with the learner's responses, in order: what percentScore and marksOf read. */
export function tryItems(course: CourseData, ids: string[], seed: number, answers: Record<string, Response>): TryItem[] {
  return ids.map((id) => ({ question: course.questions[id], response: answerOrStart(course, id, seed, answers) }));
}

export interface TryItem {
  question: QuestionData;
  response: Response | undefined;
}

/**
 * Per-question results of a submitted try. They outlive the answers: the suspend data may keep
 * only these when room is short (suspendData.ts), and the review shows them instead.
 */
export function marksOf(items: TryItem[]): Marks {
  const marks: Marks = {};
  for (const { question, response } of items) if (question && isAnswered(question, response)) marks[question.id] = credit(question, response);
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
    quizzes[id] = { ...q, marks: marksOf(tryItems(course, module.quiz, seed, q.answers)) };
  }
  const attempts = state.final.attempts.map((a, i, all) =>
    a.marks || i < all.length - 1 || !a.draw.length ? a : { ...a, marks: marksOf(tryItems(course, a.draw, a.seed, a.answers)) },
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
