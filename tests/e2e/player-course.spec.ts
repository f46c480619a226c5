import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { compileCourse } from '../../src/node/compile';
import { servePackage, type PackageServer } from '../../src/lms-preview/servePackage';
import type { CourseData, FinalAssessmentData } from '../../src/schema/courseData';
import { projectRoot } from '../support/courseCopy';
import { chooseLanguage, courseFrame, followLink, openCertificate, openNav, readAllPages, route, startCourse, takeFinal, type Screen } from './support/learner';
import { packageDir, type PackageKind } from './support/packages';

/**
 * The real course, from its built packages, in the local LMS page (scorm-again), by keyboard alone
 * (tests/e2e/support/learner.ts): a Polish learner and an English learner complete it and pass the final
 * assessment; another learner fails the final twice, then passes, and the best score counts.
 * Along the way axe (WCAG 2.1 A/AA and best practices) runs once on every kind of screen per language —
 * zero violations — and screenshots at 320 and 1280 px go to test-results/screenshots/ (no horizontal
 * scrolling at 320 px). No request may leave the local server; no page error or CSP violation.
 * At the end the LMS data model must say what the learner did.
 */

// Thousands of key presses: a trace with a DOM snapshot of each would make this suite several times slower.
test.use({ trace: { mode: 'retain-on-failure', snapshots: false, screenshots: false } });

const compiled = compileCourse(projectRoot);
const courseIn = (locale: string): CourseData => {
  expect(compiled.byLocale, compiled.problems.map((p) => p.message).join('\n')).not.toBeNull();
  return compiled.byLocale![locale];
};
const SHOTS = path.join(projectRoot, 'test-results', 'screenshots');
// axe-core as @axe-core/playwright ships it: the same engine player-screens.spec.ts runs through AxeBuilder.
const axeSource: string = createRequire(createRequire(import.meta.url).resolve('@axe-core/playwright'))('axe-core').source;
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];
const VERSION: Record<PackageKind, '1.2' | '2004'> = { scorm12: '1.2', scorm2004: '2004' };

interface Session {
  page: Page;
  server: PackageServer;
  offsite: string[];
  problems: string[];
  /** What axe has seen in this test: kinds of screen and features ("marked matching", "figure"…). */
  checked: Set<string>;
  axeRuns: string[];
  ms: Record<'axe' | 'screenshots', number>;
}

/** The package in the LMS page; the LMS's own panel is hidden so the course has the whole window (screenshots). */
async function openInLms(page: Page, kind: PackageKind): Promise<Session> {
  const server = await servePackage(packageDir('real', kind), 0);
  const s: Session = { page, server, offsite: [], problems: [], checked: new Set(), axeRuns: [], ms: { axe: 0, screenshots: 0 } };
  await page.context().route('**/*', (r) => {
    const url = r.request().url();
    if (url.startsWith(server.url + '/')) return r.continue();
    s.offsite.push(url);
    return r.abort();
  });
  page.on('console', (m) => /Content Security Policy|Refused to/.test(m.text()) && s.problems.push(m.text()));
  page.on('pageerror', (e) => s.problems.push(e.message));
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(server.lmsUrl(VERSION[kind]));
  await page.addStyleTag({ content: 'body { display: block; height: auto; } aside { display: none; } #course { display: block; width: 100%; height: 100vh; }' });
  await expect(courseFrame(page).locator('.start .actions .btn').first()).toBeVisible();
  return s;
}

async function axe(s: Session, name: string) {
  const t = Date.now();
  s.axeRuns.push(name);
  // axe-core in the course's frame, injected once (the player never reloads; only its hash changes):
  // the same engine, rules and tags as AxeBuilder, without re-injecting into every frame on each run
  // (5–10× faster here). resultTypes: only violations are collected.
  const frame = courseFrame(s.page);
  if (!(await frame.evaluate(() => 'axe' in window))) await frame.evaluate(axeSource);
  const violations: string[] = await frame.evaluate(
    (tags) =>
      (window as any).axe
        .run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })
        .then((r: any) => r.violations.map((v: any) => `${v.id} (${v.impact}) ${v.nodes.map((n: any) => n.target.join(' ')).join(', ')}`)),
    AXE_TAGS,
  );
  expect(violations.map((v) => `${name}: ${v}`)).toEqual([]);
  s.ms.axe += Date.now() - t;
}

/** axe on the first screen of each kind, and again on a later one only when it shows something axe has not seen. */
async function axeOnce(s: Session, kind: string, features: string[] = []): Promise<boolean> {
  const keys = [kind, ...features];
  if (keys.every((k) => s.checked.has(k))) return false;
  keys.forEach((k) => s.checked.add(k));
  await axe(s, `${kind}${features.length ? ` [${features.join(', ')}]` : ''}`);
  return true;
}

/** What a screen shows that axe should see at least once: each question type unanswered and marked
 *  (knowledge check, module quiz, final); on content pages, figures, tables and each kind of callout. */
function features(screen: Screen): string[] {
  if (screen.kind === 'page') {
    const html = screen.page?.html ?? '';
    return [...new Set([...html.matchAll(/<(figure|table)\b|class="callout (callout-\w+)"/g)].map((m) => m[1] ?? m[2]))];
  }
  const phase = screen.kind === 'check' || screen.kind === 'quiz' || screen.kind === 'final' ? 'unanswered' : 'marked';
  return screen.types.map((t) => `${phase} ${t}`);
}

/** Full-length screenshots of the course at 320 and 1280 px; no horizontal scrolling at 320 px. */
async function shoot(s: Session, name: string) {
  const t = Date.now();
  mkdirSync(SHOTS, { recursive: true });
  const frame = courseFrame(s.page);
  const course = s.page.locator('#course');
  for (const width of [320, 1280]) {
    await s.page.setViewportSize({ width, height: 900 });
    await course.evaluate((el) => ((el as HTMLElement).style.height = ''));
    // The frame grows to the screen's length (cut at 12,000 px: a whole quiz at 320 px is longer, and
    // Chromium cannot capture much taller images).
    const height = Math.min(12_000, await frame.evaluate(() => document.documentElement.scrollHeight));
    await course.evaluate((el, h) => ((el as HTMLElement).style.height = `${h}px`), height);
    if (width === 320) {
      const overflow = await frame.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `${name}: horizontal scrolling at 320 px`).toBeLessThanOrEqual(0);
    }
    await s.page.screenshot({ path: path.join(SHOTS, `${name}-${width}.png`), fullPage: true });
  }
  await course.evaluate((el) => ((el as HTMLElement).style.height = ''));
  await s.page.setViewportSize({ width: 1280, height: 900 });
  s.ms.screenshots += Date.now() - t;
}

const SHOT_KINDS = new Set(['check-answered', 'quiz-results', 'final', 'final-results']);

/** What the learner bot calls on every screen: axe (see axeOnce) and the first screenshot of each main
 *  kind — for content pages, of each page axe runs on (text only, with a figure, a table…). */
function watcher(s: Session, locale: string) {
  const shot = new Set<string>();
  return async (screen: Screen) => {
    // Answered but not yet submitted differs from unanswered only in the controls' state, and the
    // results screen shows the same answers again, marked: no separate axe run.
    const checked = screen.kind !== 'quiz-answered' && screen.kind !== 'final-answered' && (await axeOnce(s, screen.kind, features(screen)));
    if (screen.kind === 'page' && checked) await shoot(s, `${locale}-page-${screen.page!.key.replace('/', '-')}`);
    else if (SHOT_KINDS.has(screen.kind) && !shot.has(screen.kind)) {
      shot.add(screen.kind);
      await shoot(s, `${locale}-${screen.kind}`);
    }
  };
}

const lmsModel = (page: Page) => page.evaluate(() => (window as any).lmsPreview.model() as Record<string, string>);

async function finish(s: Session, started: number) {
  expect(s.offsite, 'requests that left the local server').toEqual([]);
  expect(s.problems, 'page errors and CSP violations').toEqual([]);
  const total = Date.now() - started;
  test.info().annotations.push(
    { type: 'axe', description: `${s.axeRuns.length} screens, 0 violations: ${s.axeRuns.join('; ')}` },
    { type: 'time', description: `${Math.round(total / 1000)} s: axe ${Math.round(s.ms.axe / 1000)} s, screenshots ${Math.round(s.ms.screenshots / 1000)} s, keyboard ${Math.round((total - s.ms.axe - s.ms.screenshots) / 1000)} s` },
  );
  await s.server.close();
}

for (const [locale, kind, learnerName] of [
  ['pl', 'scorm2004', 'Anna Kowalska'],
  ['en', 'scorm12', 'Anna Kowalska'], // the 1.2 driver turns "Kowalska, Anna" round
] as const) {
  test(`a learner completes the whole course by keyboard alone and passes, ${locale}, SCORM ${VERSION[kind]}`, async ({ page }) => {
    test.setTimeout(300_000);
    const started = Date.now();
    const course = courseIn(locale);
    const s = await openInLms(page, kind);
    const onScreen = watcher(s, locale);

    await chooseLanguage(page, locale);
    await axeOnce(s, 'start');
    await shoot(s, `${locale}-start`);
    await startCourse(page);
    expect(await route(page)).toBe(`#/page/${course.coursePages[0].key}`);

    // Every page (and knowledge check) and every module quiz, in course order, then the final assessment.
    await readAllPages(page, course, { onScreen });
    const final = await takeFinal(page, course, { pass: true, onScreen });
    expect(final.score).toBe(100);

    const certificate = await openCertificate(page);
    expect(certificate).toContain(course.title);
    expect(certificate).toContain(learnerName); // the LMS's cmi.learner_name / cmi.core.student_name, as Given Surname
    expect(certificate).toMatch(/100\s*%/);
    await axeOnce(s, 'certificate');
    await shoot(s, `${locale}-certificate`);
    // The printable job aid, linked from the completion screen.
    await followLink(page, `a[href="#/page/course/${course.jobAid}"]`);
    await axeOnce(s, 'job aid');
    await shoot(s, `${locale}-job-aid`);

    for (const to of ['menu', 'glossary', 'sources', 'help'] as const) {
      await openNav(page, to);
      await axeOnce(s, to);
      if (to === 'menu' || to === 'glossary') await shoot(s, `${locale}-${to}`);
    }

    await expect
      .poll(() => lmsModel(page))
      .toMatchObject(
        kind === 'scorm2004'
          ? { 'cmi.completion_status': 'completed', 'cmi.success_status': 'passed', 'cmi.score.scaled': '1', 'cmi.score.raw': '100', 'cmi.progress_measure': '1' }
          : { 'cmi.core.lesson_status': 'passed', 'cmi.core.score.raw': '100' },
      );
    await finish(s, started);
  });
}

/** How many questions of `previous` a new draw must repeat: the player draws unseen questions first. */
function unavoidableRepeats(final: FinalAssessmentData, moduleOf: (id: string) => string, previous: string[]) {
  let repeats = 0;
  let freshLeft = 0;
  let taken = 0;
  for (const m of new Set(final.bank.map(moduleOf))) {
    const bank = final.bank.filter((id) => moduleOf(id) === m);
    const fresh = bank.filter((id) => !previous.includes(id)).length;
    const quota = Math.min(final.quotas[m] ?? 0, bank.length);
    repeats += quota - Math.min(quota, fresh);
    freshLeft += fresh - Math.min(quota, fresh);
    taken += quota;
  }
  return repeats + Math.max(0, final.draw - taken - freshLeft);
}

test('a learner fails the final assessment, retries with new questions and passes; the best score counts, pl, SCORM 1.2', async ({ page }) => {
  test.setTimeout(180_000);
  const started = Date.now();
  const course = courseIn('pl');
  const final = course.final!;
  const moduleOf = (id: string) => course.questions[id].module;
  const s = await openInLms(page, 'scorm12');
  const main = courseFrame(page).locator('main');
  await startCourse(page);
  await openNav(page, 'menu');

  // Attempt 1: half right, failed. The LMS gets the score, and "incomplete" while attempts remain.
  const first = await takeFinal(page, course, { right: Math.floor(final.draw / 2) });
  expect(first.score).toBeLessThan(course.settings.passingScore);
  await expect(main.locator('.summary .big')).toContainText(`Nie zaliczono – wynik ${first.score}`);
  await expect(main.locator('.summary')).toContainText(`Pozostały ${course.settings.attempts - 1} próby`);
  await axeOnce(s, 'final-results failed');
  await shoot(s, 'pl-final-failed');
  await expect.poll(() => lmsModel(page)).toMatchObject({ 'cmi.core.lesson_status': 'incomplete', 'cmi.core.score.raw': String(first.score) });

  // Attempt 2: a new draw — questions attempt 1 did not show, wherever the module's bank has enough. All wrong.
  const second = await takeFinal(page, course, { pass: false });
  const repeated = second.drawn.filter((id) => first.drawn.includes(id));
  expect(repeated.length, `repeated: ${repeated.join(', ')}`).toBe(unavoidableRepeats(final, moduleOf, first.drawn));
  expect(second.score).toBeLessThan(first.score);
  // This attempt's score, and the best so far; the LMS keeps the best.
  await expect(main.locator('.summary .big')).toContainText(`Nie zaliczono – wynik ${second.score}`);
  await expect(main.locator('.summary')).toContainText(`Najlepszy wynik: ${first.score}`);
  await expect.poll(() => lmsModel(page)).toMatchObject({ 'cmi.core.lesson_status': 'incomplete', 'cmi.core.score.raw': String(first.score) });

  // Attempt 3, the last: new questions again, all right — passed.
  const third = await takeFinal(page, course, { pass: true });
  expect(third.drawn.filter((id) => second.drawn.includes(id)).length).toBe(unavoidableRepeats(final, moduleOf, second.drawn));
  expect(third.score).toBe(100);
  await expect(main.locator('.summary .big')).toContainText('Zaliczono – wynik 100');
  await openNav(page, 'menu');
  await expect(main).toContainText(/Zaliczony – najlepszy wynik 100\s*%/);
  // Passed, though not completed (the pages were not read): SCORM 1.2 reports "passed" and the best score.
  await expect.poll(() => lmsModel(page)).toMatchObject({ 'cmi.core.lesson_status': 'passed', 'cmi.core.score.raw': '100' });
  await finish(s, started);
});
