import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { courseFile, type CourseFile } from '../schema/course.js';
import { finalAssessmentFile, type FinalAssessmentFile } from '../schema/finalAssessment.js';
import { glossaryFile, type GlossaryFile } from '../schema/glossary.js';
import { idRecord, type IdRecord } from '../schema/idRecord.js';
import { moduleFile, type ModuleFile } from '../schema/module.js';
import { quizFile, type QuizFile } from '../schema/quiz.js';
import { JsonSource } from './jsonSource.js';
import type { Problem } from './problems.js';

/**
 * Reads the author files from disk and checks each against its schema.
 * Cross-file rules come later (crossFileRules.ts); here each file stands alone.
 */

export interface Loaded<T> {
  src: JsonSource;
  data: T;
}

export interface LoadedModule {
  id: string;
  dir: string;
  meta?: Loaded<ModuleFile>;
  quiz?: Loaded<QuizFile>;
}

export interface LoadedCourse {
  root: string;
  course?: Loaded<CourseFile>;
  glossary?: Loaded<GlossaryFile>;
  final?: Loaded<FinalAssessmentFile>;
  ids?: Loaded<IdRecord>;
  modules: LoadedModule[];
  problems: Problem[];
}

export const rel = (root: string, file: string) => path.relative(root, file).split(path.sep).join('/');

function readJson<T>(root: string, file: string, schema: import('zod').ZodType<T>, problems: Problem[], required: boolean): Loaded<T> | undefined {
  if (!existsSync(file)) {
    if (required) problems.push({ file: rel(root, file), message: 'this file is missing', severity: 'error' });
    return undefined;
  }
  const src = new JsonSource(rel(root, file), readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
  const data = src.check(schema);
  problems.push(...src.problems);
  return data === undefined ? undefined : { src, data };
}

export function loadCourse(root: string): LoadedCourse {
  const problems: Problem[] = [];
  const courseDir = path.join(root, 'course');
  const course = readJson(root, path.join(courseDir, 'course.json'), courseFile, problems, true);
  const glossary = readJson(root, path.join(courseDir, 'glossary.json'), glossaryFile, problems, false);
  const final = readJson(root, path.join(courseDir, 'final-assessment.json'), finalAssessmentFile, problems, false);
  const ids = readJson(root, path.join(courseDir, 'ids.json'), idRecord, problems, false);

  const modules: LoadedModule[] = [];
  for (const [i, id] of (course?.data.modules ?? []).entries()) {
    const dir = path.join(root, 'modules', id);
    if (!existsSync(dir)) {
      problems.push(course!.src.problem(['modules', i], `module folder modules/${id}/ does not exist (create it with: npm run new-module -- ${id})`));
      continue;
    }
    const meta = readJson(root, path.join(dir, 'module.json'), moduleFile, problems, true);
    const quiz = readJson(root, path.join(dir, 'quiz.json'), quizFile, problems, false);
    if (meta && meta.data.id !== id)
      problems.push(meta.src.problem(['id'], `the id "${meta.data.id}" must equal the folder name "${id}"`));
    modules.push({ id, dir, meta, quiz });
  }
  // A module folder course.json does not list is probably forgotten work: say so, softly.
  const modulesDir = path.join(root, 'modules');
  if (course && existsSync(modulesDir)) {
    for (const name of readdirSync(modulesDir)) {
      if (!course.data.modules.includes(name) && existsSync(path.join(modulesDir, name, 'module.json')))
        problems.push(course.src.problem(['modules'], `modules/${name}/ exists but is not listed in "modules", so learners will not see it`, 'warning'));
    }
  }
  return { root, course, glossary, final, ids, modules, problems };
}
