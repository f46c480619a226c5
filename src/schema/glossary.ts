import { z } from 'zod';
import { localized, slug } from './localized.js';

/** course/glossary.json; pages mark a term's use as [[term-id]] or [[term-id|inflected form]]. */
export const glossaryFile = z
  .object({
    $schema: z.string().optional(),
    terms: z.array(z.object({ id: slug, term: localized, definition: localized }).strict()),
  })
  .strict();
export type GlossaryFile = z.infer<typeof glossaryFile>;
