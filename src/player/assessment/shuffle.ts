import type { QuestionData } from '../../schema/courseData';
import { hashString, seededRandom } from './random';

export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/**
 * The order in which a question shows its parts: choice ids (single, multiple),
 * match ids offered in every select (matching), or the starting order (ordering).
 * Derived from the attempt seed and the question id alone, so a resumed attempt
 * shows exactly what the learner saw before.
 */
export function displayOrder(question: QuestionData, seed: number): string[] {
  const random = seededRandom(seed ^ hashString(question.id));
  switch (question.type) {
    case 'single':
    case 'multiple': {
      const ids = question.choices.map((c) => c.id);
      return question.shuffle ? shuffled(ids, random) : ids;
    }
    case 'matching':
      // Author order would pair prompt n with option n: always shuffled.
      return shuffled(question.pairs.map((p) => p.id), random);
    case 'ordering': {
      const ids = question.items.map((i) => i.id);
      const order = shuffled(ids, random);
      // Never start in the right order: the learner would get it for free.
      if (order.every((id, i) => id === ids[i])) order.push(order.shift()!);
      return order;
    }
    default:
      return [];
  }
}
