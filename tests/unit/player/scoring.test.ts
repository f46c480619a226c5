import { describe, expect, it } from 'vitest';
import { credit, isAnswered, normaliseText, parseNumber, percentScore, walkScenario } from '../../../src/player/assessment/scoring';
import type { Response } from '../../../src/schema/learnerState';
import { q } from './helpers';

const choices = (correct: string[], all = ['a', 'b', 'c', 'd']) => all.map((id) => ({ id, html: id, correct: correct.includes(id) }));

const single = q('single', { choices: choices(['b']) });
const multiple = q('multiple', { choices: choices(['a', 'c']) });
const multiplePartial = q('multiple', { choices: choices(['a', 'c']) }, { scoring: 'partial' });
const tf = q('truefalse', { answer: false });
const pairs = ['p1', 'p2', 'p3', 'p4'].map((id) => ({ id, prompt: id, match: `m-${id}` }));
const matching = q('matching', { pairs });
const matchingPartial = q('matching', { pairs }, { scoring: 'partial' });
const items = ['s1', 's2', 's3', 's4'].map((id) => ({ id, html: id }));
const ordering = q('ordering', { items });
const orderingPartial = q('ordering', { items }, { scoring: 'partial' });
const fillText = q('fillin', { answer: { kind: 'text', accepted: ['KCIK', 'Krajowe Centrum Interwencyjno-Konsultacyjne'], caseSensitive: false } });
const fillCase = q('fillin', { answer: { kind: 'text', accepted: ['SG'], caseSensitive: true } });
const fillNumber = q('fillin', { answer: { kind: 'number', value: 11, tolerance: 0 } });
const fillTolerance = q('fillin', { answer: { kind: 'number', value: 3.5, tolerance: 0.25 } });
const scenario = q('scenario', {
  start: 'n1',
  nodes: [
    { id: 'n1', num: 1, html: '', choices: [{ id: 'sep', html: '', next: 'n2' }, { id: 'let', html: '', next: 'bad' }] },
    { id: 'n2', num: 2, html: '', choices: [{ id: 'interp', html: '', next: 'good' }, { id: 'escort', html: '', next: 'mid' }] },
  ],
  endings: [
    { id: 'good', num: 3, html: '', score: 100 },
    { id: 'mid', num: 4, html: '', score: 50 },
    { id: 'bad', num: 5, html: '', score: 0 },
  ],
});

const cases: [string, Parameters<typeof credit>[0], Response | undefined, number][] = [
  ['single: right', single, 'b', 1],
  ['single: wrong', single, 'a', 0],
  ['single: empty', single, undefined, 0],
  ['single: empty string', single, '', 0],
  ['single: unknown id', single, 'zz', 0],
  ['multiple: exact', multiple, ['a', 'c'], 1],
  ['multiple: one missing, all-or-nothing', multiple, ['a'], 0],
  ['multiple: one extra, all-or-nothing', multiple, ['a', 'b', 'c'], 0],
  ['multiple: empty', multiple, [], 0],
  ['multiple partial: exact', multiplePartial, ['a', 'c'], 1],
  ['multiple partial: half', multiplePartial, ['a'], 0.5],
  ['multiple partial: a wrong pick cancels a right one', multiplePartial, ['a', 'b'], 0],
  ['multiple partial: everything ticked earns nothing', multiplePartial, ['a', 'b', 'c', 'd'], 0],
  ['multiple partial: never below zero', multiplePartial, ['b', 'd'], 0],
  ['multiple partial: empty', multiplePartial, undefined, 0],
  ['truefalse: right', tf, false, 1],
  ['truefalse: wrong', tf, true, 0],
  ['truefalse: string is not a boolean', tf, 'false', 0],
  ['truefalse: empty', tf, undefined, 0],
  ['matching: all right', matching, { p1: 'p1', p2: 'p2', p3: 'p3', p4: 'p4' }, 1],
  ['matching: three of four, all-or-nothing', matching, { p1: 'p1', p2: 'p2', p3: 'p3', p4: 'p1' }, 0],
  ['matching partial: three of four', matchingPartial, { p1: 'p1', p2: 'p2', p3: 'p3', p4: 'p1' }, 0.75],
  ['matching partial: half answered', matchingPartial, { p1: 'p1', p2: 'p2' }, 0.5],
  ['matching partial: empty', matchingPartial, {}, 0],
  ['matching: wrong shape', matching, ['p1'], 0],
  ['ordering: right', ordering, ['s1', 's2', 's3', 's4'], 1],
  ['ordering: two swapped, all-or-nothing', ordering, ['s2', 's1', 's3', 's4'], 0],
  ['ordering partial: two swapped', orderingPartial, ['s2', 's1', 's3', 's4'], 0.5],
  ['ordering partial: reversed', orderingPartial, ['s4', 's3', 's2', 's1'], 0],
  ['ordering partial: empty', orderingPartial, undefined, 0],
  ['fillin: exact', fillText, 'KCIK', 1],
  ['fillin: case and spaces ignored', fillText, '  kcik ', 1],
  ['fillin: repeated spaces collapsed', fillText, 'krajowe   centrum interwencyjno-konsultacyjne', 1],
  ['fillin: wrong', fillText, 'KCK', 0],
  ['fillin: empty', fillText, '', 0],
  ['fillin: spaces only', fillText, '   ', 0],
  ['fillin: case-sensitive right', fillCase, 'SG', 1],
  ['fillin: case-sensitive wrong case', fillCase, 'sg', 0],
  ['number: exact', fillNumber, '11', 1],
  ['number: spaces', fillNumber, ' 11 ', 1],
  ['number: decimal zero', fillNumber, '11,0', 1],
  ['number: wrong', fillNumber, '12', 0],
  ['number: not a number', fillNumber, 'eleven', 0],
  ['number: trailing text', fillNumber, '11 osób', 0],
  ['number tolerance: comma decimal', fillTolerance, '3,6', 1],
  ['number tolerance: dot decimal', fillTolerance, '3.4', 1],
  ['number tolerance: at the edge', fillTolerance, '3.75', 1],
  ['number tolerance: beyond', fillTolerance, '3.8', 0],
  ['scenario: best ending', scenario, ['sep', 'interp'], 1],
  ['scenario: middle ending', scenario, ['sep', 'escort'], 0.5],
  ['scenario: worst ending', scenario, ['let'], 0],
  ['scenario: unfinished', scenario, ['sep'], 0],
  ['scenario: invalid path', scenario, ['interp'], 0],
  ['scenario: empty', scenario, undefined, 0],
];

describe('credit', () => {
  it.each(cases)('%s', (_name, question, response, expected) => {
    expect(credit(question, response)).toBeCloseTo(expected, 9);
  });

  it('scores a scenario by its ending even when the question says all-or-nothing', () => {
    expect(scenario.scoring).toBe('all-or-nothing');
    expect(credit(scenario, ['sep', 'escort'])).toBe(0.5);
  });
});

describe('isAnswered', () => {
  it.each([
    [single, 'a', true],
    [single, undefined, false],
    [multiple, [], false],
    [multiple, ['a'], true],
    [tf, false, true],
    [tf, undefined, false],
    [matching, {}, false],
    [matching, { p1: 'p2' }, true],
    [ordering, ['s1', 's2', 's3', 's4'], true],
    [ordering, ['s1'], false],
    [fillText, '  ', false],
    [fillText, 'x', true],
    [scenario, ['sep'], false],
    [scenario, ['sep', 'interp'], true],
  ] as const)('%#', (question, response, expected) => {
    expect(isAnswered(question, response as Response | undefined)).toBe(expected);
  });
});

describe('text and number normalisation', () => {
  it.each([
    ['  Straż   Graniczna ', false, 'straż graniczna'],
    ['ŁÓDŹ', false, 'łódź'],
    ['ŁÓDŹ', true, 'ŁÓDŹ'],
    ['tab\tand\nnewline', false, 'tab and newline'],
  ])('normaliseText(%j, %s)', (input, caseSensitive, expected) => {
    expect(normaliseText(input, caseSensitive)).toBe(expected);
  });

  it('treats composed and decomposed Polish letters alike', () => {
    expect(normaliseText('z\u0307', false)).toBe(normaliseText('ż', false));
  });

  it.each([
    ['3,5', 3.5],
    ['3.5', 3.5],
    ['-2', -2],
    ['1 000', 1000],
    ['1\u00a0000,5', 1000.5],
    ['.5', 0.5],
    ['', null],
    ['1,2,3', null],
    ['abc', null],
    ['1e3', null],
  ])('parseNumber(%j) = %s', (input, expected) => {
    expect(parseNumber(input)).toBe(expected);
  });
});

describe('walkScenario', () => {
  it('records the path taken and where it stopped', () => {
    const w = walkScenario(scenario, ['sep']);
    expect(w.steps.map((s) => [s.node.id, s.choice.id])).toEqual([['n1', 'sep']]);
    expect(w.current?.id).toBe('n2');
    expect(w.ending).toBeUndefined();
    expect(walkScenario(scenario, ['sep', 'escort']).ending?.id).toBe('mid');
  });
});

describe('percentScore', () => {
  it('weights by points and rounds down, so the shown score never passes by rounding', () => {
    const heavy = q('truefalse', { answer: true }, { points: 2 });
    expect(percentScore([{ question: heavy, response: true }, { question: tf, response: true }])).toBe(66);
    expect(percentScore([{ question: multiplePartial, response: ['a'] }, { question: tf, response: false }])).toBe(75);
  });
  it('is 0 for nothing answered and for no questions', () => {
    expect(percentScore([{ question: single, response: undefined }])).toBe(0);
    expect(percentScore([])).toBe(0);
  });
  it('keeps exact percentages exact despite floating point', () => {
    const items = Array.from({ length: 100 }, (_, i) => ({ question: tf, response: i < 29 ? false : true }));
    expect(percentScore(items)).toBe(29);
  });
});
