/** What both manifest writers need; built once from CourseData of the primary locale. */
export interface ManifestInput {
  courseId: string;
  version: string;
  /** The course's first locale: LMS-facing titles use it. */
  locale: string;
  title: string;
  description: string;
  passingScore: number;
  modules: { id: string; title: string }[];
  /** Every file the SCO needs, paths relative to the zip root, sorted. */
  files: string[];
  /** Schema files shipped at the zip root. */
  schemaFiles: string[];
}
