import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { courseFile } from '../schema/course.js';
import { finalAssessmentFile } from '../schema/finalAssessment.js';
import { glossaryFile } from '../schema/glossary.js';
import { idRecord } from '../schema/idRecord.js';
import { moduleFile } from '../schema/module.js';
import { quizFile } from '../schema/quiz.js';

/** JSON Schema files generated from the zod schemas; `npm run schemas` rewrites them, a test keeps them current. */
export const JSON_SCHEMAS = {
  'course.schema.json': courseFile,
  'module.schema.json': moduleFile,
  'quiz.schema.json': quizFile,
  'final-assessment.schema.json': finalAssessmentFile,
  'glossary.schema.json': glossaryFile,
  'ids.schema.json': idRecord,
} as const;

export function renderJsonSchema(schema: z.ZodType): string {
  // "input": what an author writes, so fields with defaults are optional.
  return JSON.stringify(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }), null, 2) + '\n';
}

export const schemasDir = () => fileURLToPath(new URL('../../schemas/', import.meta.url));

export function writeJsonSchemas(dir = schemasDir()): string[] {
  mkdirSync(dir, { recursive: true });
  return Object.entries(JSON_SCHEMAS).map(([name, schema]) => {
    const file = path.join(dir, name);
    writeFileSync(file, renderJsonSchema(schema));
    return path.relative(process.cwd(), file);
  });
}
