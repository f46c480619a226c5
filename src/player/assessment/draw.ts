import type { FinalAssessmentData } from '../../schema/courseData';
import { seededRandom } from './random';
import { shuffled } from './shuffle';

/**
 * The questions of one final-assessment attempt, in the order shown.
 * Quotas per module first, then the rest from the whole bank; within each pick,
 * questions the previous attempt did not show come first, so a retry sees new
 * questions wherever the bank is large enough. No question is drawn twice.
 */
export function drawQuestions(
  final: FinalAssessmentData,
  moduleOf: (questionId: string) => string,
  seed: number,
  previous: readonly string[] = [],
): string[] {
  const random = seededRandom(seed);
  const seenBefore = new Set(previous);
  const taken = new Set<string>();
  const pick = (pool: string[], count: number) => {
    const available = pool.filter((id) => !taken.has(id));
    const ordered = [
      ...shuffled(available.filter((id) => !seenBefore.has(id)), random),
      ...shuffled(available.filter((id) => seenBefore.has(id)), random),
    ];
    for (const id of ordered.slice(0, Math.max(0, count))) taken.add(id);
  };
  for (const [module, quota] of Object.entries(final.quotas))
    pick(final.bank.filter((id) => moduleOf(id) === module), Math.min(quota, final.draw - taken.size));
  pick(final.bank, final.draw - taken.size);
  return shuffled([...taken], random);
}
