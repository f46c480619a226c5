import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compileCourse } from '../../../src/node/compile';
import { JSON_SCHEMAS, renderJsonSchema, schemasDir } from '../../../src/node/jsonSchemas';
import { errorsIn, formatProblem } from '../../../src/node/problems';
import { scaffoldModule } from '../../../src/node/scaffoldModule';
import { copyFixture, removeDir } from '../../support/courseCopy';

const made: string[] = [];
afterAll(() => made.forEach(removeDir));

describe('new-module', () => {
  it('scaffolds a module that validates at once and is listed in course.json', () => {
    const dir = copyFixture();
    made.push(dir);
    scaffoldModule(dir, 'm-gamma', new Date('2026-11-28'));
    const course = JSON.parse(readFileSync(path.join(dir, 'course', 'course.json'), 'utf8'));
    expect(course.modules).toEqual(['m-alpha', 'm-beta', 'm-gamma']);
    const r = compileCourse(dir, { today: new Date('2026-11-28') });
    expect(errorsIn(r.problems).map(formatProblem)).toEqual([]);
    expect(r.byLocale!.en.modules[2]).toMatchObject({ id: 'm-gamma', pages: [{ key: 'm-gamma/01-intro', title: 'Introduction' }] });
  });

  it('refuses a bad id and an existing folder', () => {
    const dir = copyFixture();
    made.push(dir);
    expect(() => scaffoldModule(dir, 'Bad Id')).toThrow(/lower-case letters/);
    expect(() => scaffoldModule(dir, 'm-alpha')).toThrow(/already exists/);
  });
});

describe('JSON Schema files for editors', () => {
  it.each(Object.keys(JSON_SCHEMAS))('schemas/%s matches the zod schema (run npm run schemas after changing one)', (name) => {
    const committed = readFileSync(path.join(schemasDir(), name), 'utf8');
    expect(committed).toBe(renderJsonSchema(JSON_SCHEMAS[name as keyof typeof JSON_SCHEMAS]));
  });
});
