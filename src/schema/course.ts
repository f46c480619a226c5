import { z } from 'zod';
import { localeCode, localized, slug } from './localized.js';
import { reviewBlock } from './module.js';

/** course/course.json: everything that applies to the whole course. */
export const courseFile = z
  .object({
    $schema: z.string().optional(),
    id: slug,
    version: z.string().regex(/^\d+\.\d+\.\d+$/, 'a semantic version such as "1.2.0"'),
    /** The first locale is the primary one: LMS-facing titles in the manifest use it. */
    locales: z.array(localeCode).min(1),
    title: localized,
    description: localized,
    /** Module folder names, in course order. */
    modules: z.array(slug).min(1),
    /** Course-level pages in course/<locale>/<page>.md, shown before the modules. */
    pages: z.array(slug).default([]),
    /** Which course-level page is the printable job aid offered on the completion screen. */
    jobAid: slug.optional(),
    /** Which course-level page is the accessibility statement. */
    accessibilityPage: slug.optional(),
    navigation: z
      .object({
        modules: z.enum(['free', 'sequential']).default('free'),
        pages: z.enum(['free', 'sequential']).default('free'),
      })
      .strict()
      .default({ modules: 'free', pages: 'free' }),
    completion: z
      .object({
        allPagesSeen: z.boolean().default(true),
        allModuleQuizzesSubmitted: z.boolean().default(true),
        finalAssessmentPassed: z.boolean().default(true),
      })
      .strict()
      .default({ allPagesSeen: true, allModuleQuizzesSubmitted: true, finalAssessmentPassed: true }),
    scoring: z
      .object({
        /** Percent needed to pass the final assessment; an LMS mastery score overrides it. */
        passingScore: z.number().min(0).max(100).default(80),
        /** Attempts at the final assessment within one LMS attempt. */
        attempts: z.number().int().min(1).max(10).default(3),
        /** Whether knowledge checks inside pages count towards anything (they never do by default). */
        scoreKnowledgeChecks: z.boolean().default(false),
      })
      .strict()
      .default({ passingScore: 80, attempts: 3, scoreKnowledgeChecks: false }),
    /**
     * cmi.exit once the course is complete: "suspend" keeps the learner's answers for review
     * on the next launch; "normal" lets LMSs that start a new attempt on each launch do so.
     */
    exitAfterCompletion: z.enum(['suspend', 'normal']).default('suspend'),
    /** Review of the course-level pages (introduction, job aid, …), like a module's. */
    review: reviewBlock.optional(),
    publisher: z
      .object({
        name: localized,
        url: z.string().url().optional(),
        contact: z.string().optional(),
        funding: localized.optional(),
      })
      .strict(),
  })
  .strict();
export type CourseFile = z.infer<typeof courseFile>;
