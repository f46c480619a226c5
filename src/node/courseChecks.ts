import type { ModuleFile } from '../schema/module.js';
import type { Question } from '../schema/question.js';
import type { JsonSource } from './jsonSource.js';
import type { CompileOptions } from './compile.js';
import type { LoadedCourse } from './load.js';
import type { Problem } from './problems.js';

type ReviewBlock = ModuleFile['review'];

/** A module's review holds for this long; after it a release build refuses the module. */
export const REVIEW_VALID_MONTHS = 12;

/** Course-level rules: the final draw can be met, and the review state allows the build. */
export function courseChecks(loaded: LoadedCourse, bank: Question[], options: CompileOptions): Problem[] {
  const problems: Problem[] = [];
  const final = loaded.final;
  const moduleIds = new Set(loaded.modules.map((m) => m.id));
  if (final) {
    const { draw, quotas } = final.data;
    if (bank.length < draw)
      problems.push(final.src.problem(['draw'], `each attempt draws ${draw} questions but the bank has only ${bank.length}; add questions or lower "draw"`));
    let sum = 0;
    for (const [module, n] of Object.entries(quotas)) {
      sum += n;
      if (!moduleIds.has(module)) {
        problems.push(final.src.problem(['quotas', module], `"${module}" is not a module of this course`));
        continue;
      }
      const have = bank.filter((q) => q.module === module).length;
      if (have < n) problems.push(final.src.problem(['quotas', module], `the quota asks for ${n} questions from ${module} but the bank has ${have} for it`));
    }
    if (sum > draw) problems.push(final.src.problem(['quotas'], `the module quotas add up to ${sum}, more than the ${draw} questions drawn`));
  } else if (loaded.course?.data.completion.finalAssessmentPassed) {
    problems.push({ file: 'course/final-assessment.json', message: 'completion requires passing the final assessment, but course/final-assessment.json is missing (or set "finalAssessmentPassed": false in course.json)', severity: 'error' });
  }

  const today = options.today ?? new Date();
  const staleBefore = new Date(today);
  staleBefore.setMonth(staleBefore.getMonth() - REVIEW_VALID_MONTHS);
  const reviewed: { src: JsonSource; review: ReviewBlock | undefined }[] = [
    ...(loaded.course ? [{ src: loaded.course.src, review: loaded.course.data.review }] : []),
    ...loaded.modules.flatMap((m) => (m.meta ? [{ src: m.meta.src, review: m.meta.data.review }] : [])),
  ];
  const severity = options.release ? 'error' : 'warning';
  for (const { src, review } of reviewed) {
    if (!review) continue;
    const on = new Date(`${review.lastReviewed}T00:00:00Z`);
    if (Number.isNaN(on.getTime())) problems.push(src.problem(['review', 'lastReviewed'], `"${review.lastReviewed}" is not a real date`));
    else if (on < staleBefore)
      problems.push(src.problem(['review', 'lastReviewed'], `last reviewed on ${review.lastReviewed}, more than ${REVIEW_VALID_MONTHS} months ago; have it reviewed and update the date`, severity));
    review.notes.forEach((n, i) => {
      if (n.status === 'open') problems.push(src.problem(['review', 'notes', i], `open review note "${n.id}": ${n.text}`, severity));
    });
  }
  return problems;
}
