import type { CourseData } from '../../../src/schema/courseData.js';
import { emptyLearnerState, type LearnerState } from '../../../src/schema/learnerState.js';

/** A mid-course state of the mini fixture touching every question type and every section. */
export function richState(course: CourseData): LearnerState {
  const s = emptyLearnerState();
  s.locale = course.locale;
  s.location = 'page/m-beta/b1';
  s.seen = ['course/introduction', 'm-alpha/a1', 'm-alpha/a2', 'm-beta/b1'];
  s.checks = { 'a-kc-single': 'b', 'a-kc-tf': false, 'b-kc-match': { pip: 'sg' } };
  s.quizzes = {
    'm-alpha': {
      answers: { 'a-q-single': 'three', 'a-q-multiple': ['docs', 'holiday'], 'a-q-tf': true, 'a-q-fill': 'Zażółć|~<b>&"\'50%', 'a-q-number': '11' },
      submitted: true,
      best: 66.67,
      tries: 2,
    },
    'm-beta': {
      answers: { 'b-q-match': { p1: 'p2', p2: 'p1', p3: 'p3' }, 'b-q-order': ['kcik', 'safety', 'separate'], 'b-q-scenario': scenarioPath(course) },
      submitted: false,
      best: null,
      tries: 0,
    },
  };
  s.final = {
    attempts: [
      { seed: 12345, draw: ['f-a1', 'f-a2', 'f-b1', 'f-b4'], answers: { 'f-a1': true, 'f-a2': false, 'f-b1': 'no', 'f-b4': 'kcik' }, score: 50 },
    ],
    current: { seed: 4294967295, draw: ['f-a3', 'f-b3', 'f-a4', 'f-b2'], answers: { 'f-a3': true, 'f-b3': ['y', 'x'] }, score: null },
  };
  s.completedOn = null;
  return s;
}

/** A full path through the fixture's scenario (first choice at each node). */
export function scenarioPath(course: CourseData): string[] {
  const q = course.questions['b-q-scenario'];
  if (q.type !== 'scenario') throw new Error('fixture changed');
  const path: string[] = [];
  let node: string = q.start;
  for (;;) {
    const n = q.nodes.find((x) => x.id === node);
    if (!n) return path;
    path.push(n.choices[0].id);
    node = n.choices[0].next;
  }
}
