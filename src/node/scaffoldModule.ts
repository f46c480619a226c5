import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { applyEdits, modify } from 'jsonc-parser';
import { slug } from '../schema/localized.js';

/**
 * `npm run new-module -- <id>`: a module folder ready to edit, in every course
 * language, and its id appended to course.json (edited in place, keeping the
 * trainer's formatting).
 */
export function scaffoldModule(root: string, id: string, today = new Date()): string[] {
  const idCheck = slug.safeParse(id);
  if (!idCheck.success) throw new Error(`"${id}" cannot be a module id: ${idCheck.error.issues[0].message}`);
  const coursePath = path.join(root, 'course', 'course.json');
  if (!existsSync(coursePath)) throw new Error(`${coursePath} does not exist; run this from the project folder`);
  const courseText = readFileSync(coursePath, 'utf8');
  const course = JSON.parse(courseText) as { locales: string[]; modules: string[] };
  const dir = path.join(root, 'modules', id);
  if (existsSync(dir)) throw new Error(`modules/${id}/ already exists; choose another id`);

  const text = (pl: string, en: string) => Object.fromEntries(course.locales.map((l) => [l, l === 'pl' ? pl : en]));
  const written: string[] = [];
  const write = (rel: string, content: string) => {
    const file = path.join(dir, rel);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
    written.push(path.relative(root, file).split(path.sep).join('/'));
  };
  const json = (v: unknown) => JSON.stringify(v, null, 2) + '\n';

  write('module.json', json({
    $schema: '../../schemas/module.schema.json',
    id,
    title: text('Tytuł modułu', 'Module title'),
    summary: text('Jedno lub dwa zdania o tym, czego uczy moduł.', 'One or two sentences on what the module teaches.'),
    objectives: [text('Rozpoznaje …', 'Recognises …')],
    minutes: 15,
    pages: ['01-intro'],
    sources: [],
    review: { lastReviewed: today.toISOString().slice(0, 10), reviewers: [], notes: [] },
  }));
  write('quiz.json', json({ $schema: '../../schemas/quiz.schema.json', questions: [] }));
  for (const l of course.locales) {
    const pl = l === 'pl';
    write(`${l}/01-intro.md`, `---\ntitle: ${pl ? 'Wprowadzenie' : 'Introduction'}\n---\n\n${pl ? 'Tu zaczyna się treść strony. Zapisz plik, a podgląd (npm run dev) od razu się odświeży.' : 'The page text starts here. Save the file and the preview (npm run dev) updates at once.'}\n`);
  }
  mkdirSync(path.join(dir, 'assets'), { recursive: true });

  const edits = modify(courseText, ['modules', course.modules.length], id, { isArrayInsertion: true, formattingOptions: { insertSpaces: true, tabSize: 2 } });
  writeFileSync(coursePath, applyEdits(courseText, edits));
  written.push('course/course.json (module added to "modules")');
  return written;
}
