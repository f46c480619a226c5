import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compileCourse } from '../../../src/node/compile';
import { errorsIn, formatProblem } from '../../../src/node/problems';
import { projectRoot, removeDir } from '../../support/courseCopy';

// The README's "tiny example" must work on the real course exactly as written:
// a trainer who reads only the README adds a page and a question.
const readme = readFileSync(path.join(projectRoot, 'README.md'), 'utf8');
const example = readme.slice(readme.indexOf('### A tiny example'), readme.indexOf('The full format'));
const blocks = [...example.matchAll(/```(markdown|json)\n([\s\S]*?)```/g)].map((m) => ({ lang: m[1], text: m[2].replace(/^ {3}/gm, '') }));

const dir = mkdtempSync(path.join(os.tmpdir(), 'readme-example-'));
afterAll(() => removeDir(dir));

describe('README tiny example', () => {
  it('has a page and a question to copy', () => {
    expect(blocks.map((b) => b.lang)).toEqual(['markdown', 'json']);
  });

  it('validates and shows the new page with its question in both languages', () => {
    for (const part of ['course', 'modules']) cpSync(path.join(projectRoot, part), path.join(dir, part), { recursive: true });
    const mod = path.join(dir, 'modules', '01-thb-law');
    writeFileSync(path.join(mod, 'pl', '99-example.md'), blocks[0].text);
    writeFileSync(path.join(mod, 'en', '99-example.md'), blocks[0].text.replace('Przykładowa strona', 'Example page'));
    const meta = JSON.parse(readFileSync(path.join(mod, 'module.json'), 'utf8'));
    meta.pages.push('99-example');
    writeFileSync(path.join(mod, 'module.json'), JSON.stringify(meta, null, 2));
    const quiz = JSON.parse(readFileSync(path.join(mod, 'quiz.json'), 'utf8'));
    quiz.questions.push(JSON.parse(blocks[1].text));
    writeFileSync(path.join(mod, 'quiz.json'), JSON.stringify(quiz, null, 2));

    const r = compileCourse(dir);
    expect(errorsIn(r.problems).map(formatProblem)).toEqual([]);
    const page = r.byLocale!.pl.modules[0].pages.find((p) => p.id === '99-example')!;
    expect(page.title).toBe('Przykładowa strona');
    expect(page.checks).toEqual(['m1-example']);
    expect(page.html).toContain('class="callout callout-tip"');
    expect(r.byLocale!.en.questions['m1-example'].text).toBe("The victim's consent excludes the offender's liability.");
  });
});
