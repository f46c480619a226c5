// Types of the virtual modules made by src/node/vitePlugin.ts from the author files.
declare module 'virtual:course' {
  import type { CourseData } from './schema/courseData';
  /** Locales of the course, primary first. */
  export const locales: string[];
  /** One loader per locale; each locale's data is its own chunk. */
  export const loaders: Record<string, () => Promise<{ default: CourseData }>>;
  /** Per locale and module: that module's page HTML by page key (its own chunk). */
  export const pageLoaders: Record<string, Record<string, () => Promise<{ default: Record<string, string> }>>>;
}
