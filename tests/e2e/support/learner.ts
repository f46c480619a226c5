import { expect, type Frame, type Locator, type Page } from '@playwright/test';
import type { CourseData, PageData, QuestionData, QuestionOfType } from '../../../src/schema/courseData';

/**
 * The learner bot: takes the course player through the course BY KEYBOARD ALONE.
 *
 * Every action is a key press — Tab / Shift+Tab to move focus, Enter or Space to activate, arrow keys
 * in radio groups and selects, typing in text fields. The bot only *reads* the screen (which element has
 * focus, the hash route, question prompts and option texts) to decide which key to press next, as a
 * sighted keyboard user would. It knows the right answers from the CourseData of the language shown
 * (compileCourse(root).byLocale[locale]). Works on the player standalone or inside the local LMS page
 * (the player's frame is found by its URL, /index.html).
 *
 *   courseFrame(page)                         the frame the player runs in
 *   tabTo(page, target)                       Tab (or Shift+Tab, whichever way the target lies) until one
 *                                             of target's elements has focus; fails after 400 presses
 *   activate(page, target, key = 'Enter')     tabTo, then the key
 *   route(page)                               the player's current hash route, e.g. "#/page/01-thb-law/01-intro"
 *   chooseLanguage(page, locale)              presses the language button named in that language
 *   startCourse(page, { locale? })            start screen: chooseLanguage if asked, then "Start the course";
 *                                             lands on the first page
 *   nextScreen(page)                          the "Next" link of a page, a submitted quiz or the final's results
 *   openNav(page, 'menu'|'glossary'|'sources'|'help')   through the header navigation
 *   followLink(page, selector)                a link in the main content (e.g. the job aid on the completion screen)
 *   readPages(page, course, opts)             Next, page after page, while the screen is a content page;
 *                                             returns the route it stopped at (a quiz, the final)
 *   readAllPages(page, course, opts)          the whole course flow from the current screen up to the final
 *                                             assessment: every page, every module quiz on the way
 *   answerQuestion(page, scope, question, { correct })   answers one question of any type inside `scope`
 *                                             (a quiz <li class="question"> or a knowledge check section);
 *                                             returns the credit (0–1) the answer earns
 *   answerCheck(page, question, { correct })  a knowledge check on the current page, including "Check answer"
 *   takeModuleQuiz(page, course, moduleId, { pass })      opens the quiz if needed (via the menu), answers
 *                                             every question right (pass) or wrong, submits; → { score, expected }
 *   takeFinal(page, course, { pass } | { right: n })      starts (or restarts) the final assessment, reads
 *                                             which questions were drawn from their prompts on screen, answers all
 *                                             right / all wrong / the first n right, submits; → { drawn, expected, score }
 *   openCertificate(page)                     the completion screen with the certificate; → its text
 *   questionsOnScreen(page, course, ids)      the questions of an assessment screen, in order, by prompt
 *   shownScore(page)                          the percentage in the results summary ("Your result")
 *
 * Like a learner, the bot waits for focus to land where the player puts it (the new screen's h1, the
 * results heading, the next step of a scenario, the moved item's button) before the next key press;
 * a key pressed earlier goes where focus was (typing an "n" outside a field is the Next shortcut).
 * Tests using it should switch off trace snapshots — test.use({ trace: { mode: 'retain-on-failure',
 * snapshots: false, screenshots: false } }) — or each of the thousands of key presses records a DOM
 * snapshot, several times slower.
 *
 * Options `onScreen(screen)` (readPages, readAllPages, takeModuleQuiz, takeFinal) are called on each screen
 * the bot reaches — { kind: 'page' | 'check' | 'check-answered' | 'quiz' | 'quiz-answered' | 'quiz-results' |
 * 'final' | 'final-answered' | 'final-results', types: question types on screen, page?: PageData } — so a
 * test can run axe or take screenshots there. Wrong answers earn no credit, except a scenario's worst ending
 * (its own score).
 */

export type NavTarget = 'menu' | 'glossary' | 'sources' | 'help';
export interface Screen {
  kind: 'page' | 'check' | 'check-answered' | 'quiz' | 'quiz-answered' | 'quiz-results' | 'final' | 'final-answered' | 'final-results';
  types: QuestionData['type'][];
  page?: PageData;
}
export type OnScreen = (screen: Screen) => Promise<void> | void;
export interface WalkOptions {
  /** Answer the knowledge checks on each page (right), default true. */
  checks?: boolean;
  /** Module quizzes met on the way: passed (default) or failed. */
  passQuizzes?: boolean;
  onScreen?: OnScreen;
}

const MAX_PRESSES = 400;

export function courseFrame(page: Page): Frame {
  return page.frames().find((f) => f.url() && new URL(f.url()).pathname.endsWith('/index.html')) ?? page.mainFrame();
}
const $ = (page: Page, selector: string) => courseFrame(page).locator(selector);

export const route = (page: Page) => courseFrame(page).evaluate(() => location.hash);

/** Whether focus is on one of the target's elements; otherwise which way the first of them lies. */
async function focusState(target: Locator): Promise<'on' | 'forward' | 'backward' | 'none'> {
  return target.evaluateAll((els) => {
    const active = document.activeElement;
    if (!els.length) return 'none';
    if (active && els.includes(active as HTMLElement)) return 'on';
    if (!active || active === document.body || !document.hasFocus()) return 'forward';
    return active.compareDocumentPosition(els[0]) & Node.DOCUMENT_POSITION_FOLLOWING ? 'forward' : 'backward';
  });
}

/** Tab or Shift+Tab until focus lands on one of the target's elements. */
export async function tabTo(page: Page, target: Locator): Promise<void> {
  await expect(target.first()).toBeVisible();
  let state = await focusState(target);
  const key = state === 'backward' ? 'Shift+Tab' : 'Tab';
  for (let i = 0; state !== 'on'; i++) {
    if (i >= MAX_PRESSES || state === 'none') {
      const where = await courseFrame(page).evaluate(() => document.activeElement?.outerHTML.slice(0, 200));
      throw new Error(`tabTo: ${key} ${i} times did not reach ${target} (focus on ${where})`);
    }
    await page.keyboard.press(key);
    state = await focusState(target);
  }
}

export async function activate(page: Page, target: Locator, key = 'Enter'): Promise<void> {
  await tabTo(page, target);
  await page.keyboard.press(key);
}

/** Runs a key action that changes the route; waits for the new screen's heading to have focus. */
async function navigate(page: Page, action: () => Promise<void>): Promise<string> {
  const before = await route(page);
  await action();
  await expect.poll(() => route(page)).not.toBe(before);
  await expect($(page, 'main h1')).toBeFocused();
  return route(page);
}

/** The language buttons (the start screen's, else the header's); each is named in its own language. */
export async function chooseLanguage(page: Page, locale: string): Promise<void> {
  const frame = courseFrame(page);
  if ((await frame.locator('html').getAttribute('lang')) === locale) return;
  const buttons = frame.locator(`.start button.lang[lang="${locale}"]`);
  await activate(page, (await buttons.count()) ? buttons : frame.locator(`header button.lang[lang="${locale}"]`));
  await expect(frame.locator('html')).toHaveAttribute('lang', locale);
  await expect(frame.locator(`button.lang[lang="${locale}"]`).first()).toHaveAttribute('aria-pressed', 'true');
}

export async function startCourse(page: Page, opts: { locale?: string } = {}): Promise<void> {
  const frame = courseFrame(page);
  await expect(frame.locator('.start .actions .btn').first()).toBeVisible();
  if (opts.locale) await chooseLanguage(page, opts.locale);
  await navigate(page, () => activate(page, frame.locator('.start .actions .btn').first()));
}

export async function nextScreen(page: Page): Promise<string> {
  return navigate(page, () => activate(page, $(page, 'main a[rel="next"], main > .actions > a.btn[href^="#/"]').first()));
}

/** Follows a link in the current screen's main content by keyboard (e.g. 'a[href="#/page/course/job-aid"]'). */
export async function followLink(page: Page, selector: string): Promise<string> {
  return navigate(page, () => activate(page, $(page, `main ${selector}`).first()));
}

export async function openNav(page: Page, to: NavTarget): Promise<void> {
  await navigate(page, () => activate(page, $(page, `header nav a[href="#/${to}"]`)));
}

const findPage = (course: CourseData, key: string) =>
  [...course.coursePages, ...course.modules.flatMap((m) => m.pages)].find((p) => p.key === key);

export async function readPages(page: Page, course: CourseData, opts: WalkOptions = {}): Promise<string> {
  for (;;) {
    const here = await route(page);
    if (!here.startsWith('#/page/')) return here;
    const data = findPage(course, decodeURIComponent(here.slice('#/page/'.length)));
    if (!data) throw new Error(`readPages: no page ${here} in the course data`);
    // A module's page text comes in its own chunk: a reader waits for it, as a learner would.
    await $(page, 'main .content').first().waitFor();
    await opts.onScreen?.({ kind: 'page', types: [], page: data });
    if (opts.checks !== false) for (const id of data.checks) await answerCheck(page, course.questions[id], { correct: true, onScreen: opts.onScreen, page: data });
    await nextScreen(page);
  }
}

export async function readAllPages(page: Page, course: CourseData, opts: WalkOptions = {}): Promise<void> {
  for (;;) {
    const here = await readPages(page, course, opts);
    const quiz = here.match(/^#\/quiz\/(.+)$/);
    if (!quiz) {
      expect(here, 'readAllPages stops at the final assessment').toBe('#/final');
      return;
    }
    await takeModuleQuiz(page, course, decodeURIComponent(quiz[1]), { pass: opts.passQuizzes ?? true, onScreen: opts.onScreen });
    await nextScreen(page);
  }
}

// ---------------------------------------------------------------------------------------------
// Answering

/** Texts of the option labels in `scope`, in display order, matched to the given HTML fragments. */
async function displayIndexes(scope: Locator, selector: string, htmls: string[]): Promise<number[]> {
  return scope.evaluate(
    (el, [sel, list]) => {
      const norm = (s: string | null) => (s ?? '').replace(/\s+/g, ' ').trim();
      const text = (html: string) => norm(new DOMParser().parseFromString(html, 'text/html').body.textContent);
      const shown = [...el.querySelectorAll(sel)].map((n) => norm(n.textContent));
      return list.map((h) => shown.indexOf(text(h)));
    },
    [selector, htmls] as const,
  );
}

/** Index of the focused element among `elements`, -1 if none. */
const focusedIndex = (elements: Locator) => elements.evaluateAll((els) => els.indexOf(document.activeElement as HTMLElement));

async function pickRadio(page: Page, radios: Locator, index: number) {
  await tabTo(page, radios);
  const from = await focusedIndex(radios);
  if (from === index) await page.keyboard.press('Space');
  // Arrow keys move through the group and select as they go.
  for (let i = from; i < index; i++) await page.keyboard.press('ArrowDown');
  for (let i = from; i > index; i--) await page.keyboard.press('ArrowUp');
  await expect(radios.nth(index)).toBeChecked();
}

function scenarioPath(q: QuestionOfType<'scenario'>, best: boolean): { path: string[]; score: number } {
  const memo = new Map<string, { path: string[]; score: number } | null>();
  const visit = (id: string, seen: Set<string>): { path: string[]; score: number } | null => {
    const ending = q.endings.find((e) => e.id === id);
    if (ending) return { path: [], score: ending.score };
    const node = q.nodes.find((n) => n.id === id);
    if (!node || seen.has(id)) return null;
    if (memo.has(id)) return memo.get(id)!;
    let pick: { path: string[]; score: number } | null = null;
    for (const c of node.choices) {
      const r = visit(c.next, new Set([...seen, id]));
      if (r && (!pick || (best ? r.score > pick.score : r.score < pick.score))) pick = { path: [c.id, ...r.path], score: r.score };
    }
    memo.set(id, pick);
    return pick;
  };
  const result = visit(q.start, new Set());
  if (!result) throw new Error(`scenario ${q.id}: no path to an ending`);
  return result;
}

/** Answers `question` inside `scope` by keyboard; returns the credit the answer earns (0–1). */
export async function answerQuestion(page: Page, scope: Locator, question: QuestionData, opts: { correct: boolean }): Promise<number> {
  const { correct } = opts;
  const locale = await courseFrame(page).evaluate(() => document.documentElement.lang);
  switch (question.type) {
    case 'truefalse': {
      const radios = scope.locator('input[type=radio]');
      await pickRadio(page, radios, (correct ? question.answer : !question.answer) ? 0 : 1);
      return correct ? 1 : 0;
    }
    case 'single': {
      const target = question.choices.find((c) => c.correct === correct)!;
      const [index] = await displayIndexes(scope, 'label.option', [target.html]);
      expect(index, `${question.id}: option "${target.id}" on screen`).toBeGreaterThanOrEqual(0);
      await pickRadio(page, scope.locator('input[type=radio]'), index);
      return correct ? 1 : 0;
    }
    case 'multiple': {
      const targets = correct ? question.choices.filter((c) => c.correct) : [question.choices.find((c) => !c.correct)!];
      const indexes = await displayIndexes(scope, 'label.option', targets.map((c) => c.html));
      const boxes = scope.locator('input[type=checkbox]');
      for (const i of indexes.sort((a, b) => a - b)) {
        expect(i, `${question.id}: options on screen`).toBeGreaterThanOrEqual(0);
        if (await boxes.nth(i).isChecked()) continue;
        await activate(page, boxes.nth(i), 'Space');
        await expect(boxes.nth(i)).toBeChecked();
      }
      return correct ? 1 : 0;
    }
    case 'matching': {
      const selects = scope.locator('select');
      const n = question.pairs.length;
      for (let i = 0; i < n; i++) {
        const want = correct ? question.pairs[i].id : question.pairs[(i + 1) % n].id;
        const select = selects.nth(i);
        await tabTo(page, select);
        const [from, to] = await select.evaluate((s: HTMLSelectElement, v) => [s.selectedIndex, [...s.options].findIndex((o) => o.value === v)], want);
        for (let k = from; k < to; k++) await page.keyboard.press('ArrowDown');
        for (let k = from; k > to; k--) await page.keyboard.press('ArrowUp');
        await expect(select).toHaveValue(want);
      }
      return correct ? 1 : 0;
    }
    case 'ordering': {
      const ids = question.items.map((i) => i.id);
      const target = correct ? ids : [...ids.slice(1), ids[0]];
      const rows = scope.locator('ol.ordering > li');
      const readOrder = async () => {
        const idx = await displayIndexes(scope, 'ol.ordering > li > .item', question.items.map((i) => i.html));
        const order: string[] = [];
        idx.forEach((pos, k) => (order[pos] = ids[k]));
        return order;
      };
      let order = await readOrder();
      for (let pos = 0; pos < target.length; pos++) {
        let at = order.indexOf(target[pos]);
        if (at === pos) continue;
        // "Move up" on the item; focus follows the item as it climbs.
        await activate(page, rows.nth(at).locator('button').first());
        for (;;) {
          at--;
          await expect(rows.nth(at).locator('button:focus')).toHaveCount(1);
          if (at === pos) break;
          await page.keyboard.press('Enter');
        }
        order = await readOrder();
        expect(order[pos]).toBe(target[pos]);
      }
      expect(await readOrder()).toEqual(target);
      return correct ? 1 : 0;
    }
    case 'fillin': {
      const a = question.answer;
      const dec = (x: number) => (locale === 'pl' ? String(x).replace('.', ',') : String(x));
      const text = a.kind === 'text' ? (correct ? a.accepted[0] : 'qqq') : dec(correct ? a.value : a.value + a.tolerance + 1000);
      const input = scope.locator('input.fill');
      await tabTo(page, input);
      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.type(text);
      await expect(input).toHaveValue(text);
      return correct ? 1 : 0;
    }
    case 'scenario': {
      const { path, score } = scenarioPath(question, correct);
      for (const choice of path) {
        await activate(page, scope.locator(`.scene button.choice[id$="-${choice}"]`));
        // The player carries focus to what the choice led to (after the next paint): wait for it, as a
        // learner would, or the next key press would land there.
        await expect(scope.locator('.scene')).toBeFocused();
      }
      await expect(scope.locator('.scene .ending')).toBeVisible();
      return score / 100;
    }
  }
}

/** A knowledge check on the current page: answer, then "Check answer" (a scenario checks itself). */
export async function answerCheck(page: Page, question: QuestionData, opts: { correct: boolean; onScreen?: OnScreen; page?: PageData }): Promise<number> {
  const scope = $(page, `section.check[aria-labelledby="kc-${question.id}-h"]`);
  await opts.onScreen?.({ kind: 'check', types: [question.type], page: opts.page });
  const credit = await answerQuestion(page, scope, question, opts);
  if (question.type !== 'scenario') {
    await activate(page, scope.locator('.actions button.btn'));
    // "Check answer" gives way to "Try again", which receives focus.
    await expect(scope.locator('.actions button.btn')).toBeFocused();
  }
  await expect(scope.locator('.feedback')).toBeVisible();
  await opts.onScreen?.({ kind: 'check-answered', types: [question.type], page: opts.page });
  return credit;
}

/** The questions shown on an assessment screen, in order, recognised by their prompts among `candidates`. */
export async function questionsOnScreen(page: Page, course: CourseData, candidates: string[]): Promise<string[]> {
  const prompts = candidates.map((id) => course.questions[id].prompt);
  const found = await $(page, 'main ol.questions').evaluate((ol, list) => {
    const norm = (s: string | null) => (s ?? '').replace(/\s+/g, ' ').trim();
    const texts = list.map((h) => norm(new DOMParser().parseFromString(h, 'text/html').body.textContent));
    return [...ol.querySelectorAll(':scope > li.question > fieldset > legend')].map((l) => {
      const hits = texts.flatMap((t, i) => (t === norm(l.textContent) ? [i] : []));
      return hits.length === 1 ? hits[0] : `${hits.length} prompts match "${norm(l.textContent)}"`;
    });
  }, prompts);
  expect(found.filter((f) => typeof f === 'string'), 'every question on screen recognised by its prompt').toEqual([]);
  return found.map((i) => candidates[i as number]);
}

/** The percentage in the results summary. */
export async function shownScore(page: Page): Promise<number> {
  const text = (await $(page, 'main .summary .big').textContent()) ?? '';
  return Number(text.match(/(\d+)\s*%/)![1]);
}

const expectedScore = (course: CourseData, credits: Record<string, number>) => {
  let earned = 0;
  let total = 0;
  for (const [id, c] of Object.entries(credits)) {
    earned += c * course.questions[id].points;
    total += course.questions[id].points;
  }
  return Math.floor((earned / total) * 100 + 1e-9);
};

async function answerAll(page: Page, course: CourseData, ids: string[], right: (i: number) => boolean): Promise<Record<string, number>> {
  const items = $(page, 'main ol.questions > li.question');
  const credits: Record<string, number> = {};
  for (let i = 0; i < ids.length; i++) credits[ids[i]] = await answerQuestion(page, items.nth(i), course.questions[ids[i]], { correct: right(i) });
  return credits;
}

async function submit(page: Page) {
  await activate(page, $(page, 'main > .actions > button.btn'));
  await expect($(page, 'main .summary h2')).toBeFocused();
}

export async function takeModuleQuiz(
  page: Page,
  course: CourseData,
  moduleId: string,
  opts: { pass: boolean; onScreen?: OnScreen },
): Promise<{ score: number; expected: number }> {
  const module = course.modules.find((m) => m.id === moduleId)!;
  if ((await route(page)) !== `#/quiz/${moduleId}`) {
    if ((await route(page)) !== '#/menu') await openNav(page, 'menu');
    await navigate(page, () => activate(page, $(page, `main a[href="#/quiz/${moduleId}"]`)));
  }
  // Already submitted: "Try again" first.
  if (await $(page, 'main .summary').count()) {
    await activate(page, $(page, 'main > .actions > button.btn'));
    await expect($(page, 'main h1')).toBeFocused();
  }
  const ids = await questionsOnScreen(page, course, module.quiz);
  expect(ids.slice().sort()).toEqual(module.quiz.slice().sort());
  const types = [...new Set(ids.map((id) => course.questions[id].type))];
  await opts.onScreen?.({ kind: 'quiz', types });
  const credits = await answerAll(page, course, ids, () => opts.pass);
  await opts.onScreen?.({ kind: 'quiz-answered', types });
  await submit(page);
  const score = await shownScore(page);
  const expected = expectedScore(course, credits);
  expect(score, `quiz ${moduleId}: score shown`).toBe(expected);
  await opts.onScreen?.({ kind: 'quiz-results', types });
  return { score, expected };
}

export async function takeFinal(
  page: Page,
  course: CourseData,
  opts: ({ pass: boolean } | { right: number }) & { onScreen?: OnScreen },
): Promise<{ drawn: string[]; expected: number; score: number }> {
  const final = course.final!;
  if ((await route(page)) !== '#/final') {
    if ((await route(page)) !== '#/menu') await openNav(page, 'menu');
    await navigate(page, () => activate(page, $(page, 'main a[href="#/final"]')));
  }
  // "Start the final assessment", or "Start another attempt" under the last results.
  await activate(page, $(page, 'main > button.btn, main > .actions > button.btn').first());
  await expect($(page, 'main h1')).toBeFocused();
  await expect($(page, 'main ol.questions > li.question')).toHaveCount(final.draw);
  const drawn = await questionsOnScreen(page, course, final.bank);
  const types = [...new Set(drawn.map((id) => course.questions[id].type))];
  await opts.onScreen?.({ kind: 'final', types });
  const right = 'pass' in opts ? (opts.pass ? drawn.length : 0) : opts.right;
  const credits = await answerAll(page, course, drawn, (i) => i < right);
  await opts.onScreen?.({ kind: 'final-answered', types });
  await submit(page);
  const score = await shownScore(page);
  const expected = expectedScore(course, credits);
  expect(score, 'final: score shown').toBe(expected);
  await opts.onScreen?.({ kind: 'final-results', types });
  return { drawn, expected, score };
}

export async function openCertificate(page: Page): Promise<string> {
  const here = await route(page);
  if (here !== '#/complete') {
    const link = $(page, 'main a.btn[href="#/complete"]');
    if (here === '#/final' && (await link.count())) await navigate(page, () => activate(page, link));
    else {
      if (here !== '#/menu') await openNav(page, 'menu');
      await navigate(page, () => activate(page, $(page, 'main a[href="#/complete"]')));
    }
  }
  await expect($(page, '.certificate'), 'the certificate (is the course complete and passed?)').toBeVisible();
  return (await $(page, '.certificate').innerText()).replace(/\s+/g, ' ').trim();
}
