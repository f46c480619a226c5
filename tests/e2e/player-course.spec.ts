import AxeBuilder from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { compileCourse } from '../../src/node/compile';
import type { CourseData } from '../../src/schema/courseData';
import { servePackage, type PackageServer } from '../../src/lms-preview/servePackage';
import { projectRoot } from '../support/courseCopy';
import { chooseLanguage, courseFrame, openCertificate, openNav, readAllPages, route, startCourse, takeFinal, type Screen } from './support/learner';
import { packageDir, type PackageKind } from './support/packages';

/**
 * The real course, from its built packages, in the local LMS page (scorm-again), by keyboard alone:
 * a Polish learner and an English learner complete it and pass the final assessment; another learner
 * fails the final twice, then passes. axe (WCAG 2.1 A/AA and best practices) runs once on every kind of
 * screen per language — zero violations; screenshots at 320 and 1280 px go to test-results/screenshots/.
 * No request may leave the local server. At the end the LMS data model must say what the learner did.
 */

// Thousands of key presses: a trace with DOM snapshots of each would make this suite several times slower.
test.use({ trace: { mode: 'retain-on-failure', snapshots: false, screenshots: false } });

const compiled = compileCourse(projectRoot);
const courseIn = (locale: string): CourseData => {
  expect(compiled.byLocale, compiled.problems.map((p) => p.message).join('\n')).not.toBeNull();
  return compiled.byLocale![locale];
};
const SHOTS = path.join(projectRoot, 'test-results', 'screenshots');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];
const VERSION: Record<PackageKind, '1.2' | '2004'> = { scorm12: '1.2', scorm2004: '2004' };

interface Session {
  page: Page;
  server: PackageServer;
  offsite: string[];
  problems: string[];
  /** What has been through axe in this test ("quiz:matching", "certificate"…). */
  checked: Set<string>;
  axeRuns: string[];
}

/** The package in the LMS page; the LMS's own panel is hidden so the course has the whole window (screenshots). */
async function openInLms(page: Page, kind: PackageKind): Promise<Session> {
  const server = await servePackage(packageDir('real', kind), 0);
  const offsite: string[] = [];
  const problems: string[] = [];
  await page.context().route('**/*', (r) => {
    const url = r.request().url();
    if (url.startsWith(server.url + '/')) return r.continue();
    offsite.push(url);
    return r.abort();
  });
  page.on('console', (m) => /Content Security Policy|Refused to/.test(m.text()) && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(e.message));
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(server.lmsUrl(VERSION[kind]));
  await page.addStyleTag({ content: 'body { display: block; height: auto; } aside { display: none; } #course { display: block; width: 100%; height: 100vh; }' });
  await expect(courseFrame(page).locator('.start .actions .btn').first()).toBeVisible();
  return { page, server, offsite, problems, checked: new Set(), axeRuns: [] };
}

const timing: Record<string, number> = {};
const timed = async <T>(key: string, f: () => Promise<T>): Promise<T> => {
  const t = Date.now();
  try {
    return await f();
  } finally {
    timing[key] = (timing[key] ?? 0) + Date.now() - t;
  }
};

async function axe(s: Session, name: string) {
  s.axeRuns.push(name);
  await timed('axe', () => axe1(s, name));
}
async function axe1(s: Session, name: string) {
  // Only violations are wanted: axe then skips collecting passes, much faster on long screens.
  const result = await new AxeBuilder({ page: s.page }).include(['#course', 'html']).withTags(AXE_TAGS).options({ resultTypes: ['violations'] }).analyze();
  expect(result.violations.map((v) => `${name}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** axe once per kind of screen, and again only when a screen shows something not checked yet. */
async function axeOnce(s: Session, kind: string, extra: string[] = []) {
  const keys = [kind, ...extra];
  if (keys.every((k) => s.checked.has(k))) return;
  keys.forEach((k) => s.checked.add(k));
  await axe(s, `${kind}${extra.length ? ` [${extra.join(', ')}]` : ''}`);
}

const PHASE: Record<Screen['kind'], string> = {
  page: '',
  check: 'unanswered',
  quiz: 'unanswered',
  final: 'unanswered',
  'quiz-answered': '',
  'final-answered': '',
  'check-answered': 'marked',
  'quiz-results': 'marked',
  'final-results': 'marked',
};

/** What a screen shows that axe should see at least once: each question type unanswered, answered and
 *  marked; on content pages, figures, tables and each kind of callout. */
function features(screen: Screen): string[] {
  if (screen.kind !== 'page') return screen.types.map((t) => `${PHASE[screen.kind]} ${t}`);
  const html = screen.page?.html ?? '';
  return [...new Set([...html.matchAll(/<(figure|table)\b|class="callout (callout-\w+)"/g)].map((m) => m[1] ?? m[2]))];
}

/** Full-length screenshots of the course at 320 and 1280 px; no horizontal scrolling at 320 px. */
async function shoot(s: Session, name: string) {
  await timed('screenshots', () => shoot1(s, name));
}
async function shoot1(s: Session, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  const frame = courseFrame(s.page);
  for (const width of [320, 1280]) {
    await s.page.setViewportSize({ width, height: 900 });
    // Long screens (a whole quiz at 320 px) are cut at 12,000 px: Chromium cannot capture much taller images.
    const height = Math.min(12_000, await frame.evaluate(() => document.documentElement.scrollHeight));
    await s.page.locator('#course').evaluate((el, h) => ((el as HTMLElement).style.height = `${h}px`), height);
    if (width === 320) {
      const overflow = await frame.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `${name}: horizontal scrolling at 320 px`).toBeLessThanOrEqual(0);
    }
    await s.page.screenshot({ path: path.join(SHOTS, `${name}-${width}.png`), fullPage: true });
  }
  await s.page.locator('#course').evaluate((el) => ((el as HTMLElement).style.height = ''));
  await s.page.setViewportSize({ width: 1280, height: 900 });
}

/** The hook the learner calls on every screen: axe the first of each kind, screenshots of the first of the main ones. */
function watcher(s: Session, locale: string) {
  const shot = new Set<string>();
  return async (screen: Screen) => {
    // Answered but not yet submitted differs from unanswered only in the controls' state; the results
    // screen shows the answers again, marked. One axe run less per assessment screen.
    if (!screen.kind.endsWith('-answered') || screen.kind === 'check-answered') await axeOnce(s, screen.kind, features(screen));
    const name = screen.kind === 'page' && screen.page?.module !== 'course' ? 'page' : screen.kind === 'page' ? 'course-page' : screen.kind;
    if (!shot.has(name) && ['page', 'course-page', 'check-answered', 'quiz-results', 'final', 'final-results'].includes(name)) {
      shot.add(name);
      await shoot(s, `${locale}-${name}`);
    }
  };
}

const lmsModel = (page: Page) => page.evaluate(() => (window as any).lmsPreview.model() as Record<string, string>);

async function finish(s: Session) {
  expect(s.offsite, 'requests that left the local server').toEqual([]);
  expect(s.problems, 'page errors and CSP violations').toEqual([]);
  test.info().annotations.push({ type: 'axe', description: `${s.axeRuns.length} screens: ${s.axeRuns.join('; ')}` });
  console.log(test.info().title, JSON.stringify(timing), s.axeRuns.length, s.axeRuns.join('; '));
  await s.server.close();
}

for (const [locale, kind, name] of [
  ['pl', 'scorm2004', 'Anna Kowalska'],
  ['en', 'scorm12', 'Kowalska, Anna'],
] as const) {
  test(`a learner completes the whole course by keyboard and passes, ${locale}, SCORM ${VERSION[kind]}`, async ({ page }) => {
    test.setTimeout(300_000);
    const course = courseIn(locale);
    const s = await openInLms(page, kind);
    const onScreen = watcher(s, locale);

    await chooseLanguage(page, locale);
    await axeOnce(s, 'start');
    await shoot(s, `${locale}-start`);
    await startCourse(page);
    expect(await route(page)).toBe(`#/page/${course.coursePages[0].key}`);

    await timed('walk (incl. axe, shots)', () => readAllPages(page, course, { onScreen }));
    const final = await takeFinal(page, course, { pass: true, onScreen });
    expect(final.score).toBe(100);

    const certificate = await openCertificate(page);
    expect(certificate).toContain(course.title);
    expect(certificate).toContain(name);
    expect(certificate).toMatch(/100\s*%/);
    await axeOnce(s, 'certificate');
    await shoot(s, `${locale}-certificate`);

    for (const to of ['menu', 'glossary', 'sources', 'help'] as const) {
      await openNav(page, to);
      await axeOnce(s, to);
      if (to === 'menu' || to === 'glossary') await shoot(s, `${locale}-${to}`);
    }

    await expect.poll(() => lmsModel(page)).toMatchObject(
      kind === 'scorm2004'
        ? { 'cmi.completion_status': 'completed', 'cmi.success_status': 'passed', 'cmi.score.scaled': '1', 'cmi.score.raw': '100' }
        : { 'cmi.core.lesson_status': 'passed', 'cmi.core.score.raw': '100' },
    );
    await finish(s);
  });
}

test('a learner fails the final assessment, retries with new questions and passes; the best score counts, pl, SCORM 1.2', async ({ page }) => {
  test.setTimeout(180_000);
  const course = courseIn('pl');
  const final = course.final!;
  const s = await openInLms(page, 'scorm12');
  await startCourse(page);
  await openNav(page, 'menu');
  const moduleOf = (id: string) => course.questions[id].module;

  // Attempt 1: about half right — failed; the LMS hears the score but not "failed" while attempts remain.
  const first = await takeFinal(page, course, { right: Math.floor(final.draw / 2) });
  expect(first.score).toBeLessThan(course.settings.passingScore);
  await expect(courseFrame(page).locator('main .summary .big')).toContainText('Nie zaliczono');
  await expect(courseFrame(page).locator('main .summary')).toContainText(`Pozostały ${course.settings.attempts - 1} próby`);
  await axeOnce(s, 'final-results failed');
  await shoot(s, 'pl-final-failed');
  await expect.poll(() => lmsModel(page)).toMatchObject({ 'cmi.core.lesson_status': 'incomplete', 'cmi.core.score.raw': String(first.score) });

  // Attempt 2: a new draw — questions the first attempt did not show, wherever a module's bank has enough.
  const second = await takeFinal(page, course, { pass: false });
  const repeated = second.drawn.filter((id) => first.drawn.includes(id));
  const unavoidable = Object.entries(final.quotas).reduce((n, [m, quota]) => {
    const bank = final.bank.filter((id) => moduleOf(id) === m).length;
    const before = first.drawn.filter((id) => moduleOf(id) === m).length;
    return n + Math.max(0, quota - (bank - before));
  }, 0);
  expect(repeated.length, `repeated questions ${repeated.join(', ')}`).toBe(unavoidable);
  expect(second.score).toBeLessThan(first.score);
  // The summary shows this attempt's score and the best one so far.
  await expect(courseFrame(page).locator('main .summary')).toContainText(`Najlepszy wynik: ${first.score}`);
  await expect.poll(() => lmsModel(page)).toMatchObject({ 'cmi.core.lesson_status': 'incomplete', 'cmi.core.score.raw': String(first.score) });

  // Attempt 3 (the last): passed.
  const third = await takeFinal(page, course, { pass: true });
  expect(third.score).toBe(100);
  expect(third.drawn.filter((id) => second.drawn.includes(id)).length).toBeLessThan(final.draw);
  await expect(courseFrame(page).locator('main .summary .big')).toContainText('Zaliczono');
  await openNav(page, 'menu');
  await expect(courseFrame(page).locator('main')).toContainText(/Zaliczony – najlepszy wynik 100\s*%/);
  await expect.poll(() => lmsModel(page)).toMatchObject({ 'cmi.core.lesson_status': 'passed', 'cmi.core.score.raw': '100' });
  await finish(s);
});
