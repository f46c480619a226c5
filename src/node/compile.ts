import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { CourseData, ModuleData, PageData, QuestionData } from '../schema/courseData.js';
import type { Localized } from '../schema/localized.js';
import type { Question } from '../schema/question.js';
import { checkLocales, checkQuestion } from './crossFileRules.js';
import { assignIds, idKey, type IdAssignment } from './idRegistry.js';
import type { JsonSource } from './jsonSource.js';
import { loadCourse, rel, type LoadedCourse } from './load.js';
import { compileInline, compilePage, plainText, type MarkdownContext } from './markdown.js';
import { errorsIn, type Problem } from './problems.js';
import { courseChecks } from './courseChecks.js';
import { SUSPEND_LIMIT } from '../schema/limits.js';
import { worstCaseSuspendLength } from '../schema/suspendData.js';
import { interactionProblems } from '../tracking/interactionFormat.js';

/**
 * author files → load → validate → compile → CourseData per locale.
 * Every problem of every file is collected in one run; the data is returned
 * only when there is no error, so nothing half-valid reaches the player.
 */

export interface CompileOptions {
  /** Release build: open review notes and stale reviews become errors. */
  release?: boolean;
  /** "Today" for the review-age rule (tests fix it). */
  today?: Date;
}

export interface ReviewNote {
  module: string;
  id: string;
  text: string;
}

export interface CourseSummary {
  modules: number;
  pages: number;
  /** Per locale, as learners see them. */
  questions: { checks: number; quiz: number; final: number; byType: Record<string, number> };
  locales: string[];
  openNotes: ReviewNote[];
  reviews: { module: string; lastReviewed: string; reviewers: string[] }[];
  /** Characters of cmi.suspend_data in the worst case (every page, every answer at its longest…); null until compiled. */
  suspendWorstCase: number | null;
  /** The same with every module quiz also left half-done: the bound checked against SCORM 1.2's limit. */
  suspendAbsoluteWorst: number | null;
}

export interface CompileResult {
  problems: Problem[];
  byLocale: Record<string, CourseData> | null;
  ids: IdAssignment | null;
  /** Image files to ship: absolute path → URL path inside the package. */
  assets: Map<string, string>;
  summary: CourseSummary | null;
  /** Every author file read, for the dev server's watcher. */
  files: string[];
}

const URL_ROOT = 'content/';

interface QuestionEntry {
  q: Question;
  src: JsonSource;
  path: (string | number)[];
  module: string;
  use: 'check' | 'quiz' | 'final';
  assetRoot: string;
  dir: string;
}

export function compileCourse(courseRoot: string, options: CompileOptions = {}): CompileResult {
  const root = path.resolve(courseRoot);
  const loaded = loadCourse(root);
  const problems = [...loaded.problems];
  const empty: CompileResult = { problems, byLocale: null, ids: null, assets: new Map(), summary: null, files: [] };
  if (!loaded.course) return empty;
  const course = loaded.course.data;
  const locales = course.locales;
  const files: string[] = [];

  for (const f of [loaded.course, loaded.glossary, loaded.final, ...loaded.modules.flatMap((m) => [m.meta, m.quiz])])
    if (f) checkLocales(f.src, f.data, locales, problems);

  // Glossary (when the file exists but is broken, its own error is enough: terms are not checked)
  const glossaryExists = existsSync(path.join(root, 'course', 'glossary.json'));
  const termsByLocale = new Map(locales.map((l) => [l, new Map<string, string>()]));
  if (loaded.glossary) {
    const seen = new Set<string>();
    loaded.glossary.data.terms.forEach((t, i) => {
      if (seen.has(t.id)) problems.push(loaded.glossary!.src.problem(['terms', i, 'id'], `glossary term "${t.id}" is defined twice`));
      seen.add(t.id);
      for (const l of locales) if (t.term[l]) termsByLocale.get(l)!.set(t.id, t.term[l]);
    });
  }

  // Questions, course-wide
  const questions: QuestionEntry[] = [];
  for (const m of loaded.modules) {
    m.quiz?.data.questions.forEach((q, i) => {
      questions.push({ q, src: m.quiz!.src, path: ['questions', i], module: m.id, use: q.use, assetRoot: m.dir, dir: m.dir });
      if (q.module && q.module !== m.id) problems.push(m.quiz!.src.problem(['questions', i, 'module'], `"module" is only for final-assessment questions; this question already belongs to ${m.id}`, 'warning'));
    });
  }
  const moduleIds = new Set(loaded.modules.map((m) => m.id));
  if (loaded.final) {
    const f = loaded.final;
    f.data.questions.forEach((q, i) => {
      const at = ['questions', i];
      if (!q.module) problems.push(f.src.problem([...at], `final-assessment question "${q.id}" needs "module": the id of the module it tests`));
      else if (!moduleIds.has(q.module)) problems.push(f.src.problem([...at, 'module'], `"${q.module}" is not a module of this course (${[...moduleIds].join(', ')})`));
      if (q.use === 'check') problems.push(f.src.problem([...at, 'use'], `final-assessment questions are scored; remove "use": "check"`));
      questions.push({ q, src: f.src, path: at, module: q.module ?? '', use: 'final', assetRoot: path.join(root, 'course'), dir: path.join(root, 'course') });
    });
  }
  const firstSeen = new Map<string, QuestionEntry>();
  for (const e of questions) {
    const prev = firstSeen.get(e.q.id);
    if (prev) problems.push(e.src.problem([...e.path, 'id'], `question id "${e.q.id}" is already used in ${prev.src.file}; ids must be unique in the whole course`));
    else firstSeen.set(e.q.id, e);
    checkQuestion(e.q, e.src, e.path, locales, problems);
  }

  // Pages: which exist, so links can be checked before any page is compiled.
  const pageKeys = new Set<string>();
  for (const p of course.pages) pageKeys.add(`course/${p}`);
  for (const m of loaded.modules) for (const p of m.meta?.data.pages ?? []) pageKeys.add(`${m.id}/${p}`);
  const seenPageIds = new Set<string>();
  course.pages.forEach((p, i) => {
    if (seenPageIds.has(p)) problems.push(loaded.course!.src.problem(['pages', i], `page "${p}" is listed twice`));
    seenPageIds.add(p);
  });
  for (const m of loaded.modules) {
    const ids = new Set<string>();
    m.meta?.data.pages.forEach((p, i) => {
      if (ids.has(p)) problems.push(m.meta!.src.problem(['pages', i], `page "${p}" is listed twice`));
      ids.add(p);
    });
  }
  for (const [field, id] of [['jobAid', course.jobAid], ['accessibilityPage', course.accessibilityPage]] as const)
    if (id && !course.pages.includes(id)) problems.push(loaded.course.src.problem([field], `"${id}" is not one of the course pages listed in "pages"`));
  const seenModules = new Set<string>();
  course.modules.forEach((id, i) => {
    if (seenModules.has(id)) problems.push(loaded.course!.src.problem(['modules', i], `module "${id}" is listed twice`));
    seenModules.add(id);
  });

  // Compile every page in every locale.
  const usedChecks = new Set<string>();
  const assets = new Map<string, string>();
  const pagesByLocale = new Map<string, Map<string, Omit<PageData, 'num'>>>();
  const compileOne = (key: string, moduleId: string, pageId: string, baseDir: string, locale: string, checkIds: Set<string> | null | undefined, listedIn: { src: JsonSource; path: (string | number)[] }) => {
    const file = path.join(baseDir, locale, `${pageId}.md`);
    if (!existsSync(file)) {
      problems.push(listedIn.src.problem(listedIn.path, `page "${pageId}" has no ${locale} text: create ${rel(root, file)}`));
      return;
    }
    files.push(file);
    const ctx: MarkdownContext = {
      file: rel(root, file),
      dir: path.dirname(file),
      assetRoot: baseDir,
      assetUrl: `${URL_ROOT}${moduleId}/`,
      locale,
      terms: loaded.glossary || !glossaryExists ? termsByLocale.get(locale)! : null,
      pageKeys,
      checkIds,
    };
    const page = compilePage(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''), ctx);
    problems.push(...page.problems);
    page.checks.forEach((c) => usedChecks.add(c));
    for (const img of page.images) assets.set(img, `${URL_ROOT}${moduleId}/${path.relative(baseDir, img).split(path.sep).join('/')}`);
    pagesByLocale.get(locale)!.set(key, { key, id: pageId, module: moduleId, title: page.title, html: page.html, checks: page.checks });
  };
  for (const l of locales) pagesByLocale.set(l, new Map());
  for (const l of locales) {
    course.pages.forEach((p, i) => compileOne(`course/${p}`, 'course', p, path.join(root, 'course'), l, undefined, { src: loaded.course!.src, path: ['pages', i] }));
    for (const m of loaded.modules) {
      if (!m.meta) continue;
      const quizBroken = !m.quiz && existsSync(path.join(m.dir, 'quiz.json'));
      const checkIds = quizBroken ? null : new Set(questions.filter((e) => e.module === m.id && e.use === 'check').map((e) => e.q.id));
      m.meta.data.pages.forEach((p, i) => compileOne(`${m.id}/${p}`, m.id, p, m.dir, l, checkIds, { src: m.meta!.src, path: ['pages', i] }));
    }
  }
  // Page files nobody listed: probably forgotten in module.json.
  for (const m of loaded.modules) {
    if (!m.meta) continue;
    for (const l of locales) {
      const dir = path.join(m.dir, l);
      if (!existsSync(dir)) continue;
      for (const f of readdirSync(dir))
        if (f.endsWith('.md') && !m.meta.data.pages.includes(f.slice(0, -3)))
          problems.push({ file: rel(root, path.join(dir, f)), message: `this page is not listed in modules/${m.id}/module.json "pages", so learners will not see it`, severity: 'warning' });
    }
  }
  for (const e of questions)
    if (e.use === 'check' && !usedChecks.has(e.q.id))
      problems.push(e.src.problem([...e.path, 'id'], `knowledge check "${e.q.id}" is embedded in no page; add {{question ${e.q.id}}} to a page, or make it "use": "quiz"`, 'warning'));

  problems.push(...courseChecks(loaded, questions.filter((e) => e.use === 'final').map((e) => e.q), options));

  // Permanent numbers, in course order.
  const keys: string[] = [];
  for (const p of course.pages) keys.push(idKey('page', `course/${p}`));
  for (const m of loaded.modules) for (const p of m.meta?.data.pages ?? []) keys.push(idKey('page', `${m.id}/${p}`));
  for (const e of questions) {
    keys.push(idKey('question', e.q.id));
    if (e.q.type === 'scenario') for (const n of [...e.q.nodes, ...e.q.endings]) keys.push(idKey('node', `${e.q.id}/${n.id}`));
  }
  const ids = assignIds(keys, loaded.ids);
  problems.push(...ids.problems);

  const summary = summarise(loaded, questions, locales);
  if (errorsIn(problems).length) return { ...empty, problems, ids, summary, files };

  const byLocale: Record<string, CourseData> = {};
  for (const l of locales) byLocale[l] = buildCourseData(loaded, l, pagesByLocale.get(l)!, questions, ids, termsByLocale.get(l)!, pageKeys, problems, root);
  const worst = Object.fromEntries(Object.entries(byLocale).map(([l, c]) => [l, worstCaseSuspendLength(c, true)]));
  problems.push(...trackingLimits(byLocale, worst, questions));
  summary.suspendWorstCase = Math.max(...Object.values(byLocale).map((c) => worstCaseSuspendLength(c)));
  summary.suspendAbsoluteWorst = Math.max(...Object.values(worst));
  return { problems, byLocale: errorsIn(problems).length ? null : byLocale, ids, assets, summary, files };
}

function summarise(loaded: LoadedCourse, questions: QuestionEntry[], locales: string[]): CourseSummary {
  const byType: Record<string, number> = {};
  for (const e of questions) byType[e.q.type] = (byType[e.q.type] ?? 0) + 1;
  return {
    modules: loaded.modules.length,
    pages: (loaded.course?.data.pages.length ?? 0) + loaded.modules.reduce((n, m) => n + (m.meta?.data.pages.length ?? 0), 0),
    questions: {
      checks: questions.filter((e) => e.use === 'check').length,
      quiz: questions.filter((e) => e.use === 'quiz').length,
      final: questions.filter((e) => e.use === 'final').length,
      byType,
    },
    locales,
    suspendWorstCase: null,
    suspendAbsoluteWorst: null,
    reviews: reviewBlocks(loaded).map(({ module, review }) => ({ module, lastReviewed: review.lastReviewed, reviewers: review.reviewers })),
    openNotes: reviewBlocks(loaded).flatMap(({ module, review }) =>
      review.notes.filter((n) => n.status === 'open').map((n) => ({ module, id: n.id, text: n.text })),
    ),
  };
}

/**
 * What the LMS must be able to store: the learner's state in the worst case fits SCORM 1.2's
 * cmi.suspend_data, and every interaction fits both versions' data-model limits.
 */
function trackingLimits(byLocale: Record<string, CourseData>, worstByLocale: Record<string, number>, questions: QuestionEntry[]): Problem[] {
  const problems: Problem[] = [];
  for (const course of Object.values(byLocale)) {
    const worst = worstByLocale[course.locale];
    if (worst > SUSPEND_LIMIT['1.2'])
      problems.push({
        file: 'course/course.json',
        message: `in the worst case (every question answered at its longest, every quiz left half-done) the learner's saved state (${course.locale}) needs ${worst} characters, more than the ${SUSPEND_LIMIT['1.2']} SCORM 1.2 allows in cmi.suspend_data; shorten the course (fewer fill-in questions or pages) or split it`,
        severity: 'error',
      });
    for (const message of interactionProblems(course)) {
      const id = /^question "([^"]+)"/.exec(message)?.[1];
      const entry = questions.find((e) => e.q.id === id);
      problems.push(entry ? entry.src.problem([...entry.path, 'id'], `${message} (${course.locale})`) : { file: 'course/course.json', message, severity: 'error' });
    }
  }
  // The same limit problem appears once per locale when it does not depend on the language.
  return problems.filter((p, i) => problems.findIndex((q) => q.file === p.file && q.line === p.line && q.message.replace(/ \(\w+\)$/, '') === p.message.replace(/ \(\w+\)$/, '')) === i);
}

/** The course's own review (module "course") and each module's. */
function reviewBlocks(loaded: LoadedCourse) {
  const course = loaded.course?.data.review ? [{ module: 'course', review: loaded.course.data.review }] : [];
  return [...course, ...loaded.modules.flatMap((m) => (m.meta ? [{ module: m.id, review: m.meta.data.review }] : []))];
}

function buildCourseData(
  loaded: LoadedCourse,
  locale: string,
  pages: Map<string, Omit<PageData, 'num'>>,
  questions: QuestionEntry[],
  ids: IdAssignment,
  terms: Map<string, string>,
  pageKeys: Set<string>,
  problems: Problem[],
  root: string,
): CourseData {
  const c = loaded.course!.data;
  const num = (kind: 'page' | 'question' | 'node', id: string) => ids.numbers.get(idKey(kind, id)) ?? 0;
  const page = (key: string): PageData => ({ ...pages.get(key)!, num: num('page', key) });

  const inline = (e: QuestionEntry, value: Localized | undefined, sub: (string | number)[]): string => {
    if (!value) return '';
    const field = [...e.path, ...sub];
    const pos = e.src.locate([...field, locale]);
    const ctx: MarkdownContext = { file: e.src.file, dir: e.dir, assetRoot: e.assetRoot, assetUrl: '', locale, terms, pageKeys };
    const r = compileInline(value[locale], ctx, { ...pos, field: field.join('.') });
    problems.push(...r.problems);
    return r.html;
  };

  const qdata: Record<string, QuestionData> = {};
  for (const e of questions) {
    const q = e.q;
    const base = {
      id: q.id,
      num: num('question', q.id),
      use: e.use,
      module: e.module,
      points: q.points,
      scoring: q.scoring,
      shuffle: q.shuffle,
      prompt: inline(e, q.prompt, ['prompt']),
      text: plainText(q.prompt[locale], 250),
      feedback: {
        ...(q.feedback?.correct ? { correct: inline(e, q.feedback.correct, ['feedback', 'correct']) } : {}),
        ...(q.feedback?.incorrect ? { incorrect: inline(e, q.feedback.incorrect, ['feedback', 'incorrect']) } : {}),
      },
    };
    const opt = (v: Localized | undefined, sub: (string | number)[]) => (v ? { feedback: inline(e, v, sub) } : {});
    switch (q.type) {
      case 'single':
      case 'multiple':
        qdata[q.id] = { ...base, type: q.type, choices: q.choices.map((ch, i) => ({ id: ch.id, html: inline(e, ch.text, ['choices', i, 'text']), correct: ch.correct, ...opt(ch.feedback, ['choices', i, 'feedback']) })) };
        break;
      case 'truefalse':
        qdata[q.id] = { ...base, type: 'truefalse', answer: q.answer };
        break;
      case 'matching':
        qdata[q.id] = { ...base, type: 'matching', pairs: q.pairs.map((p, i) => ({ id: p.id, prompt: inline(e, p.prompt, ['pairs', i, 'prompt']), match: inline(e, p.match, ['pairs', i, 'match']) })) };
        break;
      case 'ordering':
        qdata[q.id] = { ...base, type: 'ordering', items: q.items.map((it, i) => ({ id: it.id, html: inline(e, it.text, ['items', i, 'text']) })) };
        break;
      case 'fillin':
        qdata[q.id] = {
          ...base,
          type: 'fillin',
          answer: q.answer.kind === 'text' ? { kind: 'text', accepted: q.answer.accepted[locale] ?? [], caseSensitive: q.answer.caseSensitive } : { ...q.answer },
        };
        break;
      case 'scenario':
        qdata[q.id] = {
          ...base,
          type: 'scenario',
          start: q.start,
          nodes: q.nodes.map((n, i) => ({
            id: n.id,
            num: num('node', `${q.id}/${n.id}`),
            html: inline(e, n.text, ['nodes', i, 'text']),
            choices: n.choices.map((ch, j) => ({ id: ch.id, html: inline(e, ch.text, ['nodes', i, 'choices', j, 'text']), next: ch.next, ...opt(ch.feedback, ['nodes', i, 'choices', j, 'feedback']) })),
          })),
          endings: q.endings.map((en, i) => ({ id: en.id, num: num('node', `${q.id}/${en.id}`), html: inline(e, en.text, ['endings', i, 'text']), score: en.score, ...opt(en.feedback, ['endings', i, 'feedback']) })),
        };
        break;
    }
  }

  const modules: ModuleData[] = loaded.modules.map((m) => {
    const meta = m.meta!.data;
    return {
      id: m.id,
      title: meta.title[locale],
      summary: meta.summary[locale],
      objectives: meta.objectives.map((o) => o[locale]),
      minutes: meta.minutes,
      pages: meta.pages.map((p) => page(`${m.id}/${p}`)),
      quiz: questions.filter((e) => e.module === m.id && e.use === 'quiz').map((e) => e.q.id),
      sources: meta.sources.map((s) => ({ id: s.id, title: s.title[locale], ...(s.url ? { url: s.url } : {}) })),
    };
  });

  const glossary = (loaded.glossary?.data.terms ?? []).map((t, i) => {
    const pos = loaded.glossary!.src.locate(['terms', i, 'definition', locale]);
    const ctx: MarkdownContext = { file: loaded.glossary!.src.file, dir: root, assetRoot: root, assetUrl: '', locale, terms, pageKeys };
    const r = compileInline(t.definition[locale], ctx, { ...pos, field: `terms[${i}].definition` });
    problems.push(...r.problems);
    return { id: t.id, term: t.term[locale], definition: r.html };
  }).sort((a, b) => a.term.localeCompare(b.term, locale));

  const final = loaded.final?.data;
  return {
    id: c.id,
    version: c.version,
    locale,
    locales: c.locales,
    localeNames: Object.fromEntries(c.locales.map((l) => [l, autonym(l)])),
    title: c.title[locale],
    description: c.description[locale],
    publisher: {
      name: c.publisher.name[locale],
      ...(c.publisher.url ? { url: c.publisher.url } : {}),
      ...(c.publisher.contact ? { contact: c.publisher.contact } : {}),
      ...(c.publisher.funding ? { funding: c.publisher.funding[locale] } : {}),
    },
    settings: {
      navigation: c.navigation,
      completion: c.completion,
      passingScore: c.scoring.passingScore,
      attempts: c.scoring.attempts,
      scoreKnowledgeChecks: c.scoring.scoreKnowledgeChecks,
      exitAfterCompletion: c.exitAfterCompletion,
    },
    coursePages: c.pages.map((p) => page(`course/${p}`)),
    ...(c.jobAid ? { jobAid: c.jobAid } : {}),
    ...(c.accessibilityPage ? { accessibilityPage: c.accessibilityPage } : {}),
    modules,
    questions: qdata,
    final: final ? { draw: final.draw, quotas: final.quotas, bank: final.questions.map((q) => q.id) } : null,
    glossary,
    minutes: modules.reduce((n, m) => n + m.minutes, 0),
  };
}

/** A language's name in that language, capitalised as a button label ("Polski", "English"). */
function autonym(locale: string): string {
  try {
    const name = new Intl.DisplayNames([locale], { type: 'language' }).of(locale);
    return name ? name.replace(/^./, (ch) => ch.toLocaleUpperCase(locale)) : locale;
  } catch {
    return locale;
  }
}
