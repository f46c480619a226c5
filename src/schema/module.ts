import { z } from 'zod';
import { localized, slug } from './localized.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date written YYYY-MM-DD');

export const source = z
  .object({
    id: slug,
    /** What the learner sees in the list of sources, per locale. */
    title: localized,
    /** Official address, shown as a link (not fetched by the course). */
    url: z.string().url().optional(),
  })
  .strict();

export const reviewNote = z
  .object({
    id: slug,
    status: z.enum(['open', 'resolved']),
    /** What an expert must confirm before release, written for that expert. */
    text: z.string().min(1),
  })
  .strict();

/** Who reviewed the content, when, and what an expert must still confirm before release. */
export const reviewBlock = z
  .object({
    lastReviewed: isoDate,
    reviewers: z.array(z.string().min(1)).default([]),
    notes: z.array(reviewNote).default([]),
  })
  .strict();

/** modules/<id>/module.json */
export const moduleFile = z
  .object({
    $schema: z.string().optional(),
    id: slug,
    title: localized,
    summary: localized,
    objectives: z.array(localized).min(1).max(8),
    minutes: z.number().int().min(1).max(600),
    /** Page file names without ".md", in the order learners read them. */
    pages: z.array(slug).min(1),
    sources: z.array(source).default([]),
    review: reviewBlock,
  })
  .strict();
export type ModuleFile = z.infer<typeof moduleFile>;
