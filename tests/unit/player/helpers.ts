import path from 'node:path';
import type { QuestionData } from '../../../src/schema/courseData';
import { compileCourse } from '../../../src/node/compile';

const base = { num: 1, use: 'quiz' as const, module: 'm', points: 1, scoring: 'all-or-nothing' as QuestionData['scoring'], shuffle: true, prompt: 'P', text: 'P', feedback: {} };

/** Small questions in the compiled shape, for table-driven scoring tests. */
export function q<T extends QuestionData['type']>(type: T, rest: Record<string, unknown>, overrides: Partial<typeof base> = {}): Extract<QuestionData, { type: T }> {
  return { ...base, id: `${type}-q`, type, ...rest, ...overrides } as unknown as Extract<QuestionData, { type: T }>;
}

// __dirname, not import.meta.url: under happy-dom the global URL is not Node's.
export function miniCourse(locale = 'pl') {
  const r = compileCourse(path.resolve(__dirname, '../../fixtures/mini'), { today: new Date('2026-11-28T12:00:00Z') });
  return r.byLocale![locale];
}
