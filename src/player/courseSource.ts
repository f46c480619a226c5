import { locales, loaders, pageLoaders } from 'virtual:course';
import type { CourseData } from '../schema/courseData';

/**
 * The player's only door to course content: compiled CourseData, one chunk per locale, and each
 * module's page HTML in a chunk of its own, fetched when the learner gets there (the start screen
 * waits for the outline only). In `npm run dev` the Vite plugin pushes fresh data, HTML included,
 * on every edit of an author file.
 */
export const courseLocales: string[] = locales;

export async function loadCourseData(locale: string): Promise<CourseData> {
  const load = loaders[locale] ?? loaders[locales[0]];
  return (await load()).default;
}

const pageChunks = new Map<string, Promise<Record<string, string>>>();

/** A module's page HTML by page key; one request per module and locale, retried after a failure. */
export function loadModulePages(locale: string, moduleId: string): Promise<Record<string, string>> {
  const key = `${locale}/${moduleId}`;
  let p = pageChunks.get(key);
  if (!p) {
    const load = pageLoaders[locale]?.[moduleId];
    p = load ? load().then((m) => m.default) : Promise.resolve({});
    // A failed fetch (a flaky LMS server) must not stick: the next attempt asks again.
    p.catch(() => pageChunks.delete(key));
    pageChunks.set(key, p);
  }
  return p;
}

/** Event the dev server sends with every locale's new CourseData after an author file changes. */
export const COURSE_UPDATE_EVENT = 'course:update';

export function onCourseUpdate(listener: (byLocale: Record<string, CourseData>) => void): void {
  if (import.meta.hot) import.meta.hot.on(COURSE_UPDATE_EVENT, listener);
}
