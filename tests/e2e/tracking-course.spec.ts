import path from 'node:path';
import { expect, test } from '@playwright/test';
import { compileCourse } from '../../src/node/compile';
import type { CourseData } from '../../src/schema/courseData';
import { fixturesDir, projectRoot } from '../support/courseCopy';
import * as bot from './support/learner';
import {
  devTarget,
  elements,
  expectFinalModel,
  interactionsOf,
  ISO8601_DURATION,
  LmsPage,
  packageTarget,
  SCORM12_TIMESPAN,
  type Target,
  type Version,
} from './support/lms';
import { answersOnScreen, TrackedLearner } from './support/trackedLearner';

/**
 * Issue 4, the main flows, by the keyboard-only learner bot inside the local LMS page (scorm-again):
 * a passing full run, a failing full run (the final assessment failed on every attempt) and a close in
 * the middle with a relaunch that resumes on the same screen with the answers (and an unfinished final
 * attempt's draw) intact. After each full run the data model the LMS holds is asserted in detail.
 *
 * The same suite runs against the real course in both built packages (unpacked as an LMS would) and
 * against `npm run dev` (COURSE_ROOT=tests/fixtures/mini) in both SCORM versions.
 */

// Thousands of key presses: DOM snapshots of each would make the runs several times slower.
test.use({ trace: { mode: 'retain-on-failure', snapshots: false, screenshots: false } });

const compiled = (root: string): CourseData => {
  const r = compileCourse(root);
  if (!r.byLocale) throw new Error(r.problems.map((p) => p.message).join('\n'));
  return r.byLocale.pl;
};

interface Suite {
  title: string;
  course: CourseData;
  version: Version;
  /** Per-run time limit (the real course takes a learner bot about a minute). */
  timeout: number;
}

function coreFlows(suite: Suite, target: () => Target) {
  const { course, version } = suite;
  const el = elements(version);
  const lmsPage = (page: Parameters<typeof bot.route>[0]) => new LmsPage(page, target(), version);
  const lastModule = course.modules.filter((m) => m.quiz.length).at(-1)!;

  test('passing full run: status, score, session time, interactions and objectives as the learner earned them', async ({ page }) => {
    test.setTimeout(suite.timeout);
    const lms = lmsPage(page);
    await lms.open();
    const me = new TrackedLearner(page, course);
    await me.start();
    await me.readAllPages();

    // Closed before the final assessment: suspended, nothing final reported yet.
    await lms.close();
    const between = await lms.storedModel();
    expect(between[el.exit]).toBe('suspend');
    expect(between[el.sessionTime]).toMatch(version === '1.2' ? SCORM12_TIMESPAN : ISO8601_DURATION);
    await lms.expectSessionTimeSent();
    expect(between[el.status]).toBe('incomplete');
    expect(interactionsOf(between).map((i) => i.fields.id)).toEqual(me.interactions.map((i) => i.id));

    // The next session goes on from the final assessment; its interactions follow the stored ones.
    await lms.launch();
    await me.start();
    expect(await bot.route(page)).toBe('#/final');
    await me.takeFinal(true);
    expect((await lms.model())![el.entry]).toBe('resume');
    await lms.close();
    expectFinalModel(await lms.storedModel(), version, me.expected());
    await lms.expectSessionTimeSent();
    expect(await lms.storageKeys('scorm-copy:')).toEqual([]);
  });

  test('failing full run: the final failed on every attempt (1.2 "failed"; 2004 completed + failed)', async ({ page }) => {
    test.setTimeout(suite.timeout + 60_000);
    const lms = lmsPage(page);
    await lms.open();
    const me = new TrackedLearner(page, course);
    await me.start();
    // One module quiz failed too, so an objective reports "failed".
    await me.readAllPages({ fail: [lastModule.id] });
    for (let attempt = 1; attempt <= course.settings.attempts; attempt++) {
      await me.takeFinal(false);
      if (attempt < course.settings.attempts) {
        await lms.waitUntilSaved();
        const m = (await lms.model())!;
        // SCORM 1.2 reports "failed" only once no attempt is left (docs/lms-admin.md).
        expect(m[el.status], `after attempt ${attempt}`).toBe('incomplete');
        expect(Number(m[el.raw])).toBe(Math.max(...me.finalScores));
      }
    }
    await lms.close();
    const expected = me.expected();
    expect(expected.status).toBe('failed');
    expect(expected.objectives.find((o) => o.id === lastModule.id)!.passed).toBe(false);
    expectFinalModel(await lms.storedModel(), version, expected);
    await lms.expectSessionTimeSent();
    expect(await lms.storageKeys('scorm-copy:')).toEqual([]);
  });

  test('close mid-course and relaunch: the same screen, the same answers, the same final draw', async ({ page }) => {
    test.setTimeout(90_000);
    const lms = lmsPage(page);
    await lms.open();
    const me = new TrackedLearner(page, course);
    await me.start();
    // The first module's pages with their knowledge checks, then half of its quiz answered, not submitted.
    const quizRoute = await me.readPages({ checks: true });
    const module = course.modules[0];
    expect(quizRoute).toBe(`#/quiz/${module.id}`);
    const items = bot.courseFrame(page).locator('main ol.questions > li.question');
    const ids = await bot.questionsOnScreen(page, course, module.quiz);
    const untouched = await answersOnScreen(page);
    const half = Math.ceil(ids.length / 2);
    for (let i = 0; i < half; i++) await bot.answerQuestion(page, items.nth(i), course.questions[ids[i]], { correct: i % 2 === 0 });
    const answered = await answersOnScreen(page);
    for (let i = 0; i < half; i++) expect(answered[i], `question ${i + 1} shows an answer`).not.toEqual(untouched[i]);

    await lms.close();
    const stored = await lms.storedModel();
    expect(stored[el.location]).toBe(quizRoute.slice(2));
    expect(stored[el.exit]).toBe('suspend');
    expect(stored[el.sessionTime]).toMatch(version === '1.2' ? SCORM12_TIMESPAN : ISO8601_DURATION);
    await lms.expectSessionTimeSent();
    expect(interactionsOf(stored)).toEqual([]); // nothing submitted, nothing scored

    await lms.launch();
    expect((await lms.model())![el.entry]).toBe('resume');
    await expect(lms.course.getByRole('button', { name: 'Wznów od miejsca, w którym skończono' })).toBeVisible();
    await me.start();
    expect(await bot.route(page)).toBe(quizRoute);
    expect(await answersOnScreen(page)).toEqual(answered);

    // The knowledge checks answered before the close still show their answer and feedback.
    const withCheck = module.pages.find((p) => p.checks.length)!;
    await lms.courseFrame().evaluate((r) => (location.hash = r), `#/page/${withCheck.key}`);
    const check = lms.course.locator(`section.check[aria-labelledby="kc-${withCheck.checks[0]}-h"]`);
    await expect(check.locator('.feedback')).toBeVisible();

    // A final attempt in progress: same questions, same order, same answers after the relaunch.
    await lms.courseFrame().evaluate(() => (location.hash = '#/final'));
    await bot.activate(page, lms.course.locator('main > button.btn'));
    await expect(items).toHaveCount(course.final!.draw);
    const drawn = await bot.questionsOnScreen(page, course, course.final!.bank);
    for (let i = 0; i < 3; i++) await bot.answerQuestion(page, items.nth(i), course.questions[drawn[i]], { correct: true });
    const finalAnswers = await answersOnScreen(page);
    await lms.relaunch();
    await me.start();
    expect(await bot.route(page)).toBe('#/final');
    expect(await bot.questionsOnScreen(page, course, course.final!.bank)).toEqual(drawn);
    expect(await answersOnScreen(page)).toEqual(finalAnswers);
    await expect(lms.course.getByText(`Próba 1 z ${course.settings.attempts}`)).toBeVisible();
  });
}

const real = compiled(projectRoot);
for (const [kind, version] of [['scorm12', '1.2'], ['scorm2004', '2004']] as const) {
  test.describe(`real course, SCORM ${version} package in the LMS page`, () => {
    let target: Target;
    test.beforeAll(async () => {
      target = await packageTarget('real', kind);
    });
    test.afterAll(async () => target?.close());
    coreFlows({ title: kind, course: real, version, timeout: 240_000 }, () => target);
  });
}

const MINI_ROOT = path.join(fixturesDir, 'mini');
const mini = compiled(MINI_ROOT);
test.describe('npm run dev (mini course) in its LMS page', () => {
  // One dev server for these tests: in order, in one worker.
  test.describe.configure({ mode: 'default' });
  let target: Target;
  test.beforeAll(async () => {
    target = await devTarget(MINI_ROOT);
  });
  test.afterAll(async () => target?.close());
  for (const version of ['1.2', '2004'] as const)
    test.describe(`SCORM ${version}`, () => coreFlows({ title: `dev ${version}`, course: mini, version, timeout: 60_000 }, () => target));
});
