// npm run validate — checks every course file and lists every problem with file:line:column.
// Exit code 1 when there is an error. Options: --release (review notes and review age become errors).
import path from 'node:path';
import { compileCourse } from '../src/node/compile.js';
import { errorsIn, formatProblem, sortProblems } from '../src/node/problems.js';

const release = process.argv.includes('--release');
const root = path.resolve(process.env.COURSE_ROOT ?? '.');
const result = compileCourse(root, { release });
const errors = errorsIn(result.problems);
for (const p of sortProblems(result.problems)) console.log(formatProblem(p));
const warnings = result.problems.length - errors.length;
if (errors.length) {
  console.log(`\n✗ ${errors.length} error(s), ${warnings} warning(s). Fix the errors above; nothing was built.`);
  process.exit(1);
}
const s = result.summary!;
console.log(`\n✓ The course is valid: ${s.modules} modules, ${s.pages} pages and ${s.questions.checks + s.questions.quiz + s.questions.final} questions per language (${s.locales.join(', ')}), ${warnings} warning(s).`);
