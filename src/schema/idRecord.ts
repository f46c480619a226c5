import { z } from 'zod';

/**
 * course/ids.json: the permanent number of every published page, question and
 * scenario node. Saved learner progress refers to these numbers, so a later
 * course version keeps them. Written by the build; commit it with the course.
 *
 *   { "next": 7,
 *     "ids": { "page:01-definition/intro": 1, "question:m1-q1": 2, "node:m6-airport/n1": 3 },
 *     "retired": { "page:01-definition/old": 4 } }
 *
 * Keys are "<kind>:<id>" so an id that changes kind is a different key; the
 * validator refuses it when the same id exists under another kind or was retired.
 */
export const idRecord = z
  .object({
    $schema: z.string().optional(),
    next: z.number().int().min(1),
    ids: z.record(z.string(), z.number().int().min(1)),
    retired: z.record(z.string(), z.number().int().min(1)).default({}),
  })
  .strict();
export type IdRecord = z.infer<typeof idRecord>;
export type IdKind = 'page' | 'question' | 'node';
