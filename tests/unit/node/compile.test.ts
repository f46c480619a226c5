import { describe, expect, it } from 'vitest';
import { compileCourse } from '../../../src/node/compile';
import { errorsIn, formatProblem } from '../../../src/node/problems';
import { reviewerCopy } from '../../../src/node/reviewerCopy';
import { copyFixture, fixturesDir, removeDir } from '../../support/courseCopy';
import path from 'node:path';
import { writeFileSync, readFileSync } from 'node:fs';

const mini = path.join(fixturesDir, 'mini');
const today = new Date('2026-11-28T12:00:00Z');

describe('compileCourse on the mini fixture', () => {
  const r = compileCourse(mini, { today });
  const pl = r.byLocale!.pl;
  const en = r.byLocale!.en;

  it('compiles without errors, one CourseData per locale', () => {
    expect(errorsIn(r.problems).map(formatProblem)).toEqual([]);
    expect(Object.keys(r.byLocale!)).toEqual(['pl', 'en']);
    expect([pl.title, en.title]).toEqual(['Kurs próbny', 'Sample course']);
  });

  it('gives both locales the same structure and the same permanent numbers', () => {
    const shape = (c: typeof pl) => c.modules.map((m) => [m.id, m.pages.map((p) => [p.key, p.num]), m.quiz]);
    expect(shape(pl)).toEqual(shape(en));
    expect(pl.questions['b-q-scenario'].num).toBe(en.questions['b-q-scenario'].num);
  });

  it('puts each question in its place: checks, module quiz, final bank', () => {
    expect(pl.modules[0].quiz).toEqual(['a-q-single', 'a-q-multiple', 'a-q-tf', 'a-q-fill', 'a-q-number']);
    expect(pl.questions['a-kc-single'].use).toBe('check');
    expect(pl.final).toEqual({ draw: 4, quotas: { 'm-alpha': 2, 'm-beta': 1 }, bank: ['f-a1', 'f-a2', 'f-a3', 'f-a4', 'f-b1', 'f-b2', 'f-b3', 'f-b4'] });
    expect(pl.questions['f-b1']).toMatchObject({ use: 'final', module: 'm-beta' });
  });

  it('keeps only the learner\'s language in fill-in answers and texts', () => {
    const q = pl.questions['a-q-fill'];
    expect(q.type === 'fillin' && q.answer).toEqual({ kind: 'text', accepted: ['KCIK'], caseSensitive: false });
    expect(JSON.stringify(pl)).not.toContain('Sample course');
  });

  it('applies course defaults the author left out', () => {
    expect(pl.settings).toEqual({
      navigation: { modules: 'free', pages: 'free' },
      completion: { allPagesSeen: true, allModuleQuizzesSubmitted: true, finalAssessmentPassed: true },
      passingScore: 80,
      attempts: 3,
      scoreKnowledgeChecks: false,
      exitAfterCompletion: 'suspend',
    });
  });

  it('sorts the glossary alphabetically in each language', () => {
    expect(pl.glossary.map((g) => g.term)).toEqual(['KCIK', 'praca przymusowa']);
  });

  it('summarises counts and open review notes', () => {
    expect(r.summary).toMatchObject({ modules: 2, pages: 5, questions: { checks: 3, quiz: 8, final: 8 }, openNotes: [{ module: 'm-alpha', id: 'phone' }] });
  });
});

describe('release control', () => {
  it('an ordinary build only warns about open notes; a release build refuses and says which', () => {
    expect(errorsIn(compileCourse(mini, { today }).problems)).toEqual([]);
    const release = errorsIn(compileCourse(mini, { today, release: true }).problems).map(formatProblem);
    expect(release).toEqual([expect.stringMatching(/^modules\/m-alpha\/module\.json:\d+:\d+ error: review\.notes\[0\]: open review note "phone"/)]);
  });

  it('a release build refuses a module reviewed more than 12 months ago', () => {
    const dir = copyFixture();
    const file = path.join(dir, 'modules', 'm-beta', 'module.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace('"2026-11-01"', '"2025-10-31"'));
    const errors = errorsIn(compileCourse(dir, { today, release: true }).problems).map(formatProblem);
    removeDir(dir);
    expect(errors.some((e) => e.startsWith('modules/m-beta/module.json') && e.includes('more than 12 months ago'))).toBe(true);
  });
});

describe("reviewer's copy", () => {
  it('holds every page, every question with its answer and feedback, sources and open notes', () => {
    const r = compileCourse(mini, { today });
    const html = reviewerCopy(r.byLocale!.pl, r.summary!, r.assets, '2026-11-28');
    expect(html).toContain('<html lang="pl">');
    for (const p of ['Pierwsza strona alfa', 'Druga strona alfa', 'Strona beta', 'Wprowadzenie']) expect(html).toContain(p);
    expect(html).toContain('<li class="ok">Trzy</li>');
    expect(html).toContain('Poprawna odpowiedź: Fałsz');
    expect(html).toContain('Informacja zwrotna (poprawnie): Tak, nie wymaga.');
    expect(html).toContain('<strong>phone</strong>: Confirm the phone number.');
    expect(html).toContain('Kodeks karny — <a href="https://isap.sejm.gov.pl/">');
    expect(html).toMatch(/src="data:image\/svg\+xml;base64,/);
    expect(html).not.toContain('src="content/');
  });
});
