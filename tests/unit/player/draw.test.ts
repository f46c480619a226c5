import { describe, expect, it } from 'vitest';
import { drawQuestions } from '../../../src/player/assessment/draw';
import { hashString, seededRandom } from '../../../src/player/assessment/random';
import { displayOrder } from '../../../src/player/assessment/shuffle';
import type { FinalAssessmentData } from '../../../src/schema/courseData';
import { q } from './helpers';

// A bank of 6 + 6 + 4 questions: modules a, b, c.
const moduleOf = (id: string) => id.split('-')[0];
const bank = [...['a', 'b'].flatMap((m) => Array.from({ length: 6 }, (_, i) => `${m}-${i}`)), ...Array.from({ length: 4 }, (_, i) => `c-${i}`)];
const final: FinalAssessmentData = { draw: 8, quotas: { a: 3, b: 2 }, bank };
const count = (ids: string[], m: string) => ids.filter((id) => moduleOf(id) === m).length;

describe('drawQuestions', () => {
  it('draws the same questions in the same order for the same seed', () => {
    expect(drawQuestions(final, moduleOf, 1234)).toEqual(drawQuestions(final, moduleOf, 1234));
  });

  it('draws differently for different seeds', () => {
    const draws = new Set(Array.from({ length: 20 }, (_, s) => drawQuestions(final, moduleOf, s).join()));
    expect(draws.size).toBeGreaterThan(15);
  });

  it.each(Array.from({ length: 200 }, (_, s) => s * 7919))('seed %i: right size, no repeats, quotas met', (seed) => {
    const ids = drawQuestions(final, moduleOf, seed);
    expect(ids).toHaveLength(8);
    expect(new Set(ids).size).toBe(8);
    expect(ids.every((id) => bank.includes(id))).toBe(true);
    expect(count(ids, 'a')).toBeGreaterThanOrEqual(3);
    expect(count(ids, 'b')).toBeGreaterThanOrEqual(2);
  });

  it('prefers questions the previous attempt did not show', () => {
    const small: FinalAssessmentData = { draw: 4, quotas: { a: 2, b: 2 }, bank: bank.filter((id) => moduleOf(id) !== 'c') };
    for (let seed = 1; seed < 50; seed++) {
      const first = drawQuestions(small, moduleOf, seed);
      const second = drawQuestions(small, moduleOf, seed + 1000, first);
      expect(second.filter((id) => first.includes(id))).toEqual([]);
    }
  });

  it('reuses earlier questions only as far as the bank forces it', () => {
    // Module a has 6 questions; a quota of 4 after an attempt that showed 4 of them leaves 2 new ones.
    const tight: FinalAssessmentData = { draw: 4, quotas: { a: 4 }, bank: bank.filter((id) => moduleOf(id) === 'a') };
    const first = drawQuestions(tight, moduleOf, 5);
    const second = drawQuestions(tight, moduleOf, 6, first);
    expect(second.filter((id) => !first.includes(id))).toHaveLength(2);
    expect(new Set(second).size).toBe(4);
  });

  it('takes the whole bank when the draw asks for more than it holds', () => {
    const ids = drawQuestions({ draw: 50, quotas: { a: 10 }, bank }, moduleOf, 9);
    expect([...ids].sort()).toEqual([...bank].sort());
  });

  it('fills the rest of the draw from every module when quotas are empty', () => {
    const ids = drawQuestions({ draw: 5, quotas: {}, bank }, moduleOf, 3);
    expect(new Set(ids).size).toBe(5);
  });
});

describe('seeded random', () => {
  it('is deterministic and in [0, 1)', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(xs).toEqual(Array.from({ length: 1000 }, () => b()));
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
  });
  it('hashes strings stably', () => {
    expect(hashString('m-alpha')).toBe(hashString('m-alpha'));
    expect(hashString('m-alpha')).not.toBe(hashString('m-beta'));
  });
});

describe('displayOrder', () => {
  const choices = ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id, html: id, correct: id === 'a' }));
  const single = q('single', { choices });
  const fixed = q('single', { choices }, { shuffle: false });
  const ordering = q('ordering', { items: ['s1', 's2'].map((id) => ({ id, html: id })) });
  const matching = q('matching', { pairs: ['p1', 'p2', 'p3'].map((id) => ({ id, prompt: id, match: id })) }, { shuffle: false });

  it('is the same for the same seed and question (so resume shows the same order)', () => {
    expect(displayOrder(single, 77)).toEqual(displayOrder(single, 77));
  });
  it('is a permutation of the choices', () => {
    expect([...displayOrder(single, 77)].sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
  });
  it('varies with the seed', () => {
    const orders = new Set(Array.from({ length: 30 }, (_, s) => displayOrder(single, s).join()));
    expect(orders.size).toBeGreaterThan(10);
  });
  it('keeps author order when the question forbids shuffling', () => {
    expect(displayOrder(fixed, 77)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });
  it('never starts an ordering question in the right order', () => {
    for (let s = 0; s < 100; s++) expect(displayOrder(ordering, s)).toEqual(['s2', 's1']);
  });
  it('always shuffles matching options (author order would pair them up)', () => {
    const orders = new Set(Array.from({ length: 30 }, (_, s) => displayOrder(matching, s).join()));
    expect(orders.size).toBeGreaterThan(1);
  });
});
