import { z } from 'zod';
import { question } from './question.js';

/** modules/<id>/quiz.json: the module's knowledge checks (use "check") and its scored quiz (use "quiz"). */
export const quizFile = z
  .object({
    $schema: z.string().optional(),
    questions: z.array(question),
  })
  .strict();
export type QuizFile = z.infer<typeof quizFile>;
