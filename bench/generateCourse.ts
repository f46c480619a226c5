import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { compileCourse } from '../src/node/compile.js';
import { errorsIn, formatProblem } from '../src/node/problems.js';
import { between, paragraph, pick, rng, sentence, title, words, type Locale, type Rng } from './syntheticText.js';

/**
 * Writes a synthetic course in the authoring format (docs/authoring.md) for the build-scaling bench:
 * `pagesPerLocale` pages in Polish and English (2 course pages + modules of about 10 pages), with
 * headings, lists, tables, the four callouts, figures (language-neutral and per-language images),
 * glossary terms, page links, knowledge checks, module quizzes (every question type in the first)
 * and a final-assessment bank. Pages average ~3 KB of Markdown, as the real course's do.
 *
 *   npx tsx bench/generateCourse.ts <folder> <pages-per-locale>   writes one and validates it
 */

const LOCALES: Locale[] = ['pl', 'en'];
const TYPES = ['single', 'multiple', 'truefalse', 'matching', 'ordering', 'fillin', 'scenario'] as const;
type QType = (typeof TYPES)[number];
const NO_FILLIN = TYPES.filter((t) => t !== 'fillin');
const CALLOUTS = ['note', 'tip', 'warning', 'legal'] as const;
const TERMS = 24;

type Json = Record<string, unknown>;
const loc = (f: (l: Locale) => string) => ({ pl: f('pl'), en: f('en') });

export interface GeneratedCourse {
  root: string;
  pagesPerLocale: number;
  modules: number;
  questions: number;
}

export function generateCourse(root: string, pagesPerLocale: number, seed = pagesPerLocale): GeneratedCourse {
  if (pagesPerLocale < 3) throw new Error('a synthetic course needs at least 3 pages per locale');
  const r = rng(seed);
  const modulePages = pagesPerLocale - 2; // + introduction and job aid
  const moduleCount = Math.max(1, Math.round(modulePages / 10));
  const moduleIds = Array.from({ length: moduleCount }, (_, i) => `m${String(i + 1).padStart(3, '0')}-${words(r, 'en', 2).replace(/ /g, '-')}`.slice(0, 40));
  const sizes = moduleIds.map((_, i) => Math.floor(modulePages / moduleCount) + (i < modulePages % moduleCount ? 1 : 0));
  const pageIds = sizes.map((n) => Array.from({ length: n }, (_, j) => `${String(j + 1).padStart(2, '0')}-${words(r, 'en', 2).replace(/ /g, '-')}`));
  const allPages = moduleIds.flatMap((m, i) => pageIds[i].map((p) => `${m}/${p}`));
  const terms = Array.from({ length: TERMS }, (_, i) => `term-${i + 1}`);

  const write = (rel: string, content: string | Json) => {
    const file = path.join(root, rel);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2) + '\n');
  };

  // course/
  const quotaModules = moduleIds.slice(0, Math.min(moduleCount, 5));
  write('course/course.json', {
    $schema: '../schemas/course.schema.json',
    id: 'bench-synthetic',
    version: '1.0.0',
    locales: LOCALES,
    title: loc((l) => title(r, l)),
    description: loc((l) => paragraph(r, l, 2)),
    modules: moduleIds,
    pages: ['introduction', 'job-aid'],
    jobAid: 'job-aid',
    scoring: { passingScore: 80, attempts: 3 },
    publisher: { name: loc((l) => title(r, l)) },
  });
  write('course/glossary.json', {
    terms: terms.map((id) => ({ id, term: loc((l) => words(r, l, between(r, 1, 3))), definition: loc((l) => sentence(r, l)) })),
  });
  for (const l of LOCALES) {
    write(`course/${l}/introduction.md`, page(r, l, { terms, links: allPages, checks: [], figures: null }));
    write(`course/${l}/job-aid.md`, page(r, l, { terms, links: allPages, checks: [], figures: null }));
  }

  // modules/
  let questions = 0;
  const bank: Json[] = [];
  moduleIds.forEach((m, i) => {
    const dir = `modules/${m}`;
    // Module 1 has a knowledge check every third page and a quiz of every type; the others one check
    // and two quiz questions, no fill-in: the build refuses a course whose worst-case saved state
    // exceeds SCORM 1.2's 4,096 characters, and a 60-character fill-in alone may take ~120 of them.
    const checkPages = i === 0 ? pageIds[i].map((_, j) => j).filter((j) => j % 3 === 1 || pageIds[i].length === 1) : [Math.min(1, pageIds[i].length - 1)];
    const checks = checkPages.map((_, k) => `${m.slice(0, 4)}-kc-${k + 1}`);
    const quizTypes: readonly QType[] = i === 0 ? TYPES : [NO_FILLIN[(2 * i) % NO_FILLIN.length], NO_FILLIN[(2 * i + 1) % NO_FILLIN.length]];
    const quiz = quizTypes.map((t, k) => question(r, t, `${m.slice(0, 4)}-q-${k + 1}`, 'quiz'));
    const kcs = checks.map((id, k) => question(r, NO_FILLIN[(i + k) % NO_FILLIN.length], id, 'check'));
    questions += quiz.length + kcs.length;
    write(`${dir}/quiz.json`, { $schema: '../../schemas/quiz.schema.json', questions: [...kcs, ...quiz] });
    for (const t of ['truefalse', 'single'] as const) bank.push({ ...question(r, t, `${m.slice(0, 4)}-f-${t}`, 'quiz'), use: undefined, module: m });
    write(`${dir}/module.json`, {
      $schema: '../../schemas/module.schema.json',
      id: m,
      title: loc((l) => title(r, l)),
      summary: loc((l) => paragraph(r, l, 2)),
      objectives: Array.from({ length: 3 }, () => loc((l) => sentence(r, l))),
      minutes: 20,
      pages: pageIds[i],
      sources: [{ id: 'kk', title: loc((l) => title(r, l)), url: 'https://isap.sejm.gov.pl/' }],
      review: { lastReviewed: new Date().toISOString().slice(0, 10), reviewers: ['Bench'], notes: [] },
    });
    write(`${dir}/assets/diagram.svg`, svg(''));
    for (const l of LOCALES) write(`${dir}/assets/${l}/flow.svg`, svg(l === 'pl' ? 'Schemat postępowania' : 'Procedure flow'));
    pageIds[i].forEach((p, j) => {
      const embed = checkPages.includes(j) ? [checks[checkPages.indexOf(j)]] : [];
      const figures = j % 3 === 0 ? (j % 2 ? 'flow' : 'diagram') : null;
      for (const l of LOCALES) write(`${dir}/${l}/${p}.md`, page(r, l, { terms, links: allPages, checks: embed, figures }));
    });
  });
  questions += bank.length;
  write('course/final-assessment.json', {
    $schema: '../schemas/final-assessment.schema.json',
    draw: Math.min(10, bank.length),
    quotas: Object.fromEntries(quotaModules.map((m) => [m, 1])),
    questions: bank.map((q) => JSON.parse(JSON.stringify(q))),
  });
  return { root, pagesPerLocale, modules: moduleCount, questions };
}

/** Validates a generated course with the real compiler; a synthetic course must be a valid one. */
export function assertValid(root: string): void {
  const result = compileCourse(root);
  const errors = errorsIn(result.problems);
  if (errors.length) throw new Error(`the synthetic course in ${root} is invalid (${errors.length} errors):\n${errors.slice(0, 10).map(formatProblem).join('\n')}`);
}

interface PageOptions {
  terms: string[];
  links: string[];
  checks: string[];
  figures: 'diagram' | 'flow' | null;
}

function page(r: Rng, l: Locale, o: PageOptions): string {
  const term = () => {
    const id = pick(r, o.terms);
    return r() < 0.5 ? `[[${id}]]` : `[[${id}|${words(r, l, 2)}]]`;
  };
  const rich = () => `${sentence(r, l)} ${words(r, l, 4)} **${words(r, l, 2)}** ${term()} *${words(r, l, 3)}*. ${sentence(r, l)}`;
  const out: string[] = ['---', `title: ${title(r, l)}`, '---', '', `${paragraph(r, l, 3)} ${rich()}`, ''];
  out.push(`## ${title(r, l)}`, '', paragraph(r, l), '');
  for (let i = 0; i < between(r, 3, 5); i++) out.push(`- **${words(r, l, 2)}** – ${sentence(r, l)}`);
  out.push('', `${sentence(r, l)} [${words(r, l, 3)}](page:${pick(r, o.links)}).`, '');
  const callout = pick(r, CALLOUTS);
  out.push(`::: ${callout}${callout === 'legal' ? ' Art. 115 § 22 kk' : r() < 0.5 ? ` ${title(r, l)}` : ''}`, paragraph(r, l, 2), ':::', '');
  if (o.figures === 'diagram') out.push(`![${sentence(r, l, 5, 9)}](../assets/diagram.svg "${title(r, l)}")`, '');
  if (o.figures === 'flow') out.push(`![${sentence(r, l, 5, 9)}](../assets/${l}/flow.svg "${title(r, l)}")`, '');
  out.push(`### ${title(r, l)}`, '');
  for (let i = 0; i < between(r, 3, 4); i++) out.push(`${i + 1}. ${sentence(r, l)}`);
  out.push('', rich(), '');
  if (r() < 0.4) {
    out.push(`| ${words(r, l, 2)} | ${words(r, l, 2)} |`, '|---|---|');
    for (let i = 0; i < 3; i++) out.push(`| ${words(r, l, 3)} | ${sentence(r, l, 6, 12)} |`);
    out.push('');
  }
  out.push(paragraph(r, l), '');
  for (const id of o.checks) out.push(`{{question ${id}}}`, '');
  return out.join('\n');
}

function question(r: Rng, type: QType, id: string, use: 'check' | 'quiz'): Json {
  const text = () => loc((l) => sentence(r, l, 4, 10).replace(/[.?]$/, ''));
  const q: Json = { id, type, use, prompt: loc((l) => sentence(r, l, 10, 20)), feedback: { correct: loc((l) => sentence(r, l)), incorrect: loc((l) => sentence(r, l)) } };
  switch (type) {
    case 'single':
      return { ...q, choices: ['a', 'b', 'c', 'd'].map((c, i) => ({ id: c, text: text(), correct: i === 1, ...(i === 0 ? { feedback: loc((l) => sentence(r, l)) } : {}) })) };
    case 'multiple':
      return { ...q, scoring: 'partial', choices: ['a', 'b', 'c', 'd', 'e'].map((c, i) => ({ id: c, text: text(), correct: i % 2 === 0 })) };
    case 'truefalse':
      return { ...q, answer: r() < 0.5 };
    case 'matching':
      // Numbered matches: two random ones must never read the same (the compiler refuses that).
      return { ...q, pairs: [1, 2, 3, 4].map((n) => ({ id: `p${n}`, prompt: text(), match: loc((l) => `${n}. ${words(r, l, 3)}`) })) };
    case 'ordering':
      return { ...q, items: [1, 2, 3, 4, 5].map((n) => ({ id: `s${n}`, text: text() })) };
    case 'fillin':
      return r() < 0.5
        ? { ...q, answer: { kind: 'text', accepted: { pl: ['KCIK', 'Krajowe Centrum Interwencyjno-Konsultacyjne'], en: ['KCIK', 'National Intervention and Consultation Centre'] } } }
        : { ...q, answer: { kind: 'number', value: 3, tolerance: 0 } };
    case 'scenario':
      return {
        ...q,
        start: 'n1',
        nodes: [
          { id: 'n1', text: loc((l) => paragraph(r, l, 2)), choices: [{ id: 'c1', text: text(), feedback: loc((l) => sentence(r, l)), next: 'n2' }, { id: 'c2', text: text(), next: 'end-bad' }] },
          { id: 'n2', text: loc((l) => paragraph(r, l, 2)), choices: [{ id: 'c1', text: text(), next: 'end-good' }, { id: 'c2', text: text(), next: 'end-mid' }] },
        ],
        endings: [
          { id: 'end-good', text: loc((l) => sentence(r, l)), score: 100 },
          { id: 'end-mid', text: loc((l) => sentence(r, l)), score: 50, feedback: loc((l) => sentence(r, l)) },
          { id: 'end-bad', text: loc((l) => sentence(r, l)), score: 0 },
        ],
      };
  }
}

function svg(label: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 320 120" role="img"><rect x="10" y="10" width="90" height="60" fill="#dde"/><rect x="115" y="10" width="90" height="60" fill="#ded"/><rect x="220" y="10" width="90" height="60" fill="#edd"/>${label ? `<text x="160" y="100" text-anchor="middle" font-size="14">${label}</text>` : ''}</svg>\n`;
}

// CLI: write one course and validate it.
if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  const [dir, n] = process.argv.slice(2);
  if (!dir || !Number(n)) {
    console.error('Usage: npx tsx bench/generateCourse.ts <folder> <pages-per-locale>');
    process.exit(1);
  }
  const g = generateCourse(path.resolve(dir), Number(n));
  assertValid(g.root);
  console.log(`✓ ${g.pagesPerLocale} pages per locale in ${g.modules} modules, ${g.questions} questions: ${g.root}`);
}
