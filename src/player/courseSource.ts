import { locales, loaders } from 'virtual:course';
import type { CourseData } from '../schema/courseData';

/**
 * The player's only door to course content: compiled CourseData, one chunk per locale.
 * In `npm run dev` the Vite plugin pushes fresh data on every edit of an author file.
 */
export const courseLocales: string[] = locales;

export async function loadCourseData(locale: string): Promise<CourseData> {
  const load = loaders[locale] ?? loaders[locales[0]];
  return (await load()).default;
}

/** Event the dev server sends with every locale's new CourseData after an author file changes. */
export const COURSE_UPDATE_EVENT = 'course:update';

export function onCourseUpdate(listener: (byLocale: Record<string, CourseData>) => void): void {
  if (import.meta.hot) import.meta.hot.on(COURSE_UPDATE_EVENT, listener);
}
