// npm run reviewer-copy — writes dist-review/<course>-<version>-review-<locale>.html: the whole course,
// with answers, feedback, sources and open review notes, for legal and subject-matter review.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { compileCourse } from '../src/node/compile.js';
import { errorsIn, formatProblem, sortProblems } from '../src/node/problems.js';
import { reviewerCopy } from '../src/node/reviewerCopy.js';

const root = path.resolve(process.env.COURSE_ROOT ?? '.');
const out = path.resolve(process.env.OUT_DIR ?? 'dist-review');
const result = compileCourse(root);
if (!result.byLocale) {
  for (const p of sortProblems(errorsIn(result.problems))) console.log(formatProblem(p));
  console.log('\n✗ Fix the errors above first; no reviewer copy was written.');
  process.exit(1);
}
mkdirSync(out, { recursive: true });
const today = new Date().toISOString().slice(0, 10);
for (const [locale, course] of Object.entries(result.byLocale)) {
  const file = path.join(out, `${course.id}-${course.version}-review-${locale}.html`);
  writeFileSync(file, reviewerCopy(course, result.summary!, result.assets, today));
  console.log(`wrote ${path.relative(process.cwd(), file)}`);
}
