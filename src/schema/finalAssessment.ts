import { z } from 'zod';
import { question } from './question.js';

/** course/final-assessment.json: the bank the final assessment draws from. */
export const finalAssessmentFile = z
  .object({
    $schema: z.string().optional(),
    /** How many questions each attempt draws. */
    draw: z.number().int().min(1),
    /** How many of the drawn questions come from each module; the rest are drawn from the whole bank. */
    quotas: z.record(z.string(), z.number().int().min(0)).default({}),
    questions: z.array(question).min(1),
  })
  .strict();
export type FinalAssessmentFile = z.infer<typeof finalAssessmentFile>;
