import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildCourse } from '../../../src/node/buildCourse';
import { compileCourse } from '../../../src/node/compile';
import { errorsIn, formatProblem } from '../../../src/node/problems';
import { copyFixture, fixturesDir, removeDir } from '../../support/courseCopy';

// Each folder in tests/fixtures/broken breaks one rule of the mini course: files/ overlays
// the course, expected.json says the file, line, column and words the trainer must see.
const brokenDir = path.join(fixturesDir, 'broken');
const cases = readdirSync(brokenDir).filter((n) => statSync(path.join(brokenDir, n)).isDirectory()).sort();
const today = new Date('2026-11-28T12:00:00Z');

interface Expected {
  file: string;
  line?: number;
  column?: number;
  message: string;
  delete?: string[];
}

function brokenCourse(name: string): { dir: string; expected: Expected } {
  const expected = JSON.parse(readFileSync(path.join(brokenDir, name, 'expected.json'), 'utf8')) as Expected;
  const dir = copyFixture('mini', path.join(brokenDir, name, 'files'));
  for (const f of expected.delete ?? []) rmSync(path.join(dir, f));
  return { dir, expected };
}

const made: string[] = [];
afterAll(() => made.forEach(removeDir));

describe('broken course input', () => {
  it('has at least twenty kinds of broken input', () => {
    expect(cases.length).toBeGreaterThanOrEqual(20);
  });

  it('the unbroken fixture itself is valid', () => {
    const dir = copyFixture('mini');
    made.push(dir);
    expect(errorsIn(compileCourse(dir, { today }).problems).map(formatProblem)).toEqual([]);
  });

  it.each(cases)('%s: names the file, line and problem', (name) => {
    const { dir, expected } = brokenCourse(name);
    made.push(dir);
    const result = compileCourse(dir, { today });
    const errors = errorsIn(result.problems);
    expect(result.byLocale).toBeNull();
    const hit = errors.find((p) => p.file === expected.file && p.message.includes(expected.message));
    expect(hit, `expected "${expected.message}" in ${expected.file}; got:\n${errors.map(formatProblem).join('\n')}`).toBeDefined();
    if (expected.line !== undefined) expect({ line: hit!.line, column: hit!.column }).toEqual({ line: expected.line, column: expected.column });
    // The trainer-facing line starts with file:line:column.
    expect(formatProblem(hit!)).toMatch(new RegExp(`^${expected.file.replace(/[.]/g, '\\.')}${expected.line ? `:${expected.line}:` : ' '}`));
  });

  it.each(cases)('%s: the build refuses and leaves dist-scorm/ exactly as it was', async (name) => {
    const { dir, expected } = brokenCourse(name);
    made.push(dir);
    const out = path.join(dir, 'dist-scorm');
    mkdirSync(out);
    writeFileSync(path.join(out, 'earlier-build.zip'), 'earlier bytes');
    const log: string[] = [];
    const ok = await buildCourse({ root: dir, outDir: out, log: (l) => log.push(l) });
    expect(ok).toBe(false);
    expect(readdirSync(out)).toEqual(['earlier-build.zip']);
    expect(readFileSync(path.join(out, 'earlier-build.zip'), 'utf8')).toBe('earlier bytes');
    expect(log.join('\n')).toContain(expected.file);
    expect(existsSync(path.join(dir, 'course', 'ids.json')) && !expected.file.endsWith('ids.json')).toBe(false);
  });
});
