import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { compileCourse } from '../../src/node/compile';
import type { CourseData } from '../../src/schema/courseData';
import { fixturesDir } from '../support/courseCopy';
import { nextScreen } from './support/learner';
import { expectFinalModel, LmsPage, packageTarget, versionOf, type Target } from './support/lms';
import type { PackageKind } from './support/packages';
import { TrackedLearner } from './support/trackedLearner';

/**
 * Issue 4, the fault matrix: the mini course in both built packages, launched in the local LMS page
 * (scorm-again) with a fault injected around the real API, taken by the keyboard-only learner bot.
 * In every case the learner finishes the course, passing, and the data model the LMS ends with is
 * asserted: status, score, session time, one interaction per scored question answered, one objective
 * per module, and no browser copy left over. Nothing the learner did may be lost.
 */

test.use({ trace: { mode: 'retain-on-failure', snapshots: false, screenshots: false } });

const mini: CourseData = compileCourse(path.join(fixturesDir, 'mini')).byLocale!.pl;
const [firstModule] = mini.modules;

/** Start, the first module's pages and its quiz (passed); on the next page afterwards. */
async function doFirstModule(page: Page, me: TrackedLearner) {
  await me.start();
  expect(await me.readPages()).toBe(`#/quiz/${firstModule.id}`);
  await me.takeModuleQuiz(firstModule.id, true);
  await nextScreen(page);
}

/** From wherever the learner is: every page and quiz left, then the final assessment, passed. */
async function doTheRest(me: TrackedLearner) {
  await me.readAllPages();
  await me.takeFinal(true);
}

for (const kind of ['scorm12', 'scorm2004'] as PackageKind[]) {
  const version = versionOf(kind);
  test.describe(`faults, mini course, SCORM ${version} package`, () => {
    let target: Target;
    test.beforeAll(async () => {
      target = await packageTarget('mini', kind);
    });
    test.afterAll(async () => target?.close());

    /** After the last session: the LMS has everything the learner did, and no browser copy is left behind. */
    async function expectNothingLost(lms: LmsPage, me: TrackedLearner) {
      const expected = me.expected();
      expect(expected.status).toBe('passed');
      expectFinalModel(await lms.storedModel(), version, expected);
      await lms.expectSessionTimeSent();
      expect(await lms.storageKeys('scorm-copy:')).toEqual([]);
    }

    test('no API: the standalone note shows, progress stays in this browser; with the API back the LMS gets all of it', async ({ page }) => {
      const lms = new LmsPage(page, target, version);
      await lms.open({ noApi: true });
      await expect(lms.notice('notReported')).toBeVisible();
      expect(await lms.model()).toBeNull();
      const me = new TrackedLearner(page, mini);
      await doFirstModule(page, me);
      await doTheRest(me);
      await lms.close();
      expect(await lms.storageKeys(`scorm-standalone:${mini.id}`)).not.toEqual([]);
      expect((await lms.stored()).cmi).toBeNull(); // the LMS never heard of it

      // Still no API: the course resumes from this browser.
      await lms.launch();
      await expect(lms.notice('notReported')).toBeVisible();
      await expect(lms.course.getByRole('button', { name: /Wznów/ })).toBeVisible();

      // The API is back: the progress is the learner's attempt, and the LMS is told all of it.
      await lms.setFaults({ noApi: false });
      await lms.relaunch();
      await expect(lms.notice('notReported')).toBeHidden();
      await expect(lms.course.getByRole('button', { name: /Wznów/ })).toBeVisible();
      await lms.close();
      await expectNothingLost(lms, me);
      expect(await lms.storageKeys('scorm-standalone:')).toEqual([]);
    });

    test('SetValue failing until the session ends: the browser copy reaches the LMS at the next launch', async ({ page }) => {
      const lms = new LmsPage(page, target, version);
      await lms.open();
      const me = new TrackedLearner(page, mini);
      await doFirstModule(page, me);
      await lms.waitUntilSaved();
      await lms.setFaults({ setFails: true });
      await doTheRest(me);
      await expect(lms.notice('delayed')).toBeVisible();
      await lms.close();
      expect((await lms.storedModel())[lms.el.status]).toBe('incomplete'); // the LMS missed the end
      expect(await lms.storageKeys('scorm-copy:')).toHaveLength(1);

      await lms.setFaults({ setFails: false });
      await lms.launch();
      await lms.close();
      await expectNothingLost(lms, me);
    });

    test('Commit failing, then the LMS recovers: the retries deliver everything in the same session', async ({ page }) => {
      const lms = new LmsPage(page, target, version);
      await lms.open();
      const me = new TrackedLearner(page, mini);
      await doFirstModule(page, me);
      await me.readAllPages();
      await lms.waitUntilSaved();
      await lms.setFaults({ commitFails: true });
      await me.takeFinal(true);
      await expect(lms.notice('delayed')).toBeVisible();
      expect(await lms.storageKeys('scorm-copy:')).toHaveLength(1);
      expect((await lms.storedModel())[lms.el.status]).toBe('incomplete');
      await lms.setFaults({ commitFails: false });
      await lms.waitUntilSaved(40_000);
      expect(await lms.storageKeys('scorm-copy:')).toEqual([]);
      await lms.close();
      await expectNothingLost(lms, me);
    });

    test('slow commit (2 s each): the course keeps working and the LMS ends with everything', async ({ page }) => {
      const lms = new LmsPage(page, target, version);
      await lms.open();
      const me = new TrackedLearner(page, mini);
      await doFirstModule(page, me);
      await me.readAllPages();
      await lms.setFaults({ slowCommit: 2000 });
      await me.takeFinal(true);
      await lms.close(); // the last commit, at pagehide, is slow too
      await expectNothingLost(lms, me);
      // The fault was there: commits since took 2 s (the log stamps a call when it returns). Saves
      // coalesce, so how many commits fall in that stretch depends on timing; at least one must.
      const log = await lms.log();
      const slow = log.filter((e, i) => /Commit$/.test(e.fn) && i > 0 && e.at - log[i - 1].at >= 1900);
      expect(slow.length).toBeGreaterThanOrEqual(1);
    });

    test('LMS session ended mid-way: the learner finishes, and the browser copy reaches the LMS at the next launch', async ({ page }) => {
      const lms = new LmsPage(page, target, version);
      await lms.open();
      const me = new TrackedLearner(page, mini);
      await doFirstModule(page, me);
      await lms.waitUntilSaved();
      await lms.setFaults({ sessionEnded: true });
      await doTheRest(me);
      await expect(lms.notice('delayed')).toBeVisible();
      await lms.close();
      expect((await lms.storedModel())[lms.el.status]).toBe('incomplete');
      expect(await lms.storageKeys('scorm-copy:')).toHaveLength(1);

      await lms.setFaults({ sessionEnded: false });
      await lms.launch();
      await lms.close();
      await expectNothingLost(lms, me);
    });

    test('LMS session ended before the launch (Initialize fails): the progress kept in this browser reaches the LMS next time', async ({ page }) => {
      const lms = new LmsPage(page, target, version);
      await lms.open({ sessionEnded: true });
      await expect(lms.notice('lmsUnavailable')).toBeVisible();
      const me = new TrackedLearner(page, mini);
      await doFirstModule(page, me);
      await doTheRest(me);
      await expect(lms.notice('delayed')).toBeVisible();
      await lms.close();
      expect((await lms.stored()).cmi ?? {}).not.toHaveProperty('suspend_data');

      await lms.setFaults({ sessionEnded: false });
      await lms.launch();
      await expect(lms.course.getByRole('button', { name: /Wznów/ })).toBeVisible();
      await lms.close();
      await expectNothingLost(lms, me);
    });
  });
}
