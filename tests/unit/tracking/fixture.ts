import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileCourse } from '../../../src/node/compile.js';
import type { CourseData } from '../../../src/schema/courseData.js';

// (happy-dom replaces the global URL, so no `new URL(…, import.meta.url)` here)
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/mini');
let cache: Record<string, CourseData> | null = null;

/** The mini fixture compiled by the real compiler (every question type). */
export function miniCourse(locale = 'en'): CourseData {
  if (!cache) {
    const r = compileCourse(root, { today: new Date('2026-11-20') });
    if (!r.byLocale) throw new Error('fixture does not compile: ' + JSON.stringify(r.problems));
    cache = r.byLocale;
  }
  return structuredClone(cache[locale]);
}
