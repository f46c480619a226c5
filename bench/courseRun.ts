import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Frame, Locator } from '@playwright/test';
import type { CourseData, QuestionData } from '../src/schema/courseData.js';
import { courseFrame, newTab } from './browser.js';
import { projectRoot } from './realCourse.js';

/**
 * One scripted full run of a course in the local LMS page, by the player's visible UI (roles and
 * accessible names, in the learner's language): start, every page in course order with its
 * knowledge checks answered and checked, every module quiz answered and submitted, the final
 * assessment started, answered and submitted (retried while attempts are left and it is not
 * passed), the completion screen, then the LMS window closed (pagehide ends the session).
 *
 * Answers are the correct ones, taken from the compiled CourseData. The learner acts at a human
 * pace: Playwright's clock lets 0.8 s of page time pass after every input (instantly), so the
 * tracker's 500 ms commit coalescing never merges two of the learner's actions — the worst case for
 * the number of commits. On every fifth screen the tab is hidden and shown again (visibilitychange)
 * before the pending save, as when a learner switches tabs. No fault is injected.
 *
 * Every call reaching the LMS API object is counted by wrapping its methods in place, from the
 * course frame before the player starts; each call is tagged with the learner action it follows.
 */

export type Action = 'start' | 'view' | 'answer' | 'check' | 'submit' | 'final-start' | 'visibility' | 'close';

export interface Call {
  fn: string;
  el: string;
  action: Action;
}

export interface RunResult {
  calls: Call[];
  views: number;
  pagesViewed: number;
  answered: number;
  submitted: number;
  inputs: number;
  completed: boolean;
  suspendData: string | null;
  heapAtStartKB: number | null;
  heapAfterCompletionKB: number | null;
  /** What the run could not do (the player's UI lacked it). */
  missing: string[];
}

const PACE_MS = 800;

// Runs in every frame before its scripts; wraps the LMS API the course frame will find in its parent.
const COUNTER = `(() => {
  if (window === window.top || location.protocol === 'about:') return;
  const host = window.parent;
  host.__benchCalls = host.__benchCalls || [];
  for (const name of ['API', 'API_1484_11']) {
    const api = host[name];
    if (!api || api.__benchWrapped) continue;
    for (const fn of Object.keys(api)) {
      const real = api[fn];
      if (typeof real !== 'function') continue;
      api[fn] = function (...args) {
        host.__benchCalls.push({ fn, el: typeof args[0] === 'string' ? args[0] : '', action: host.__benchAction || 'start' });
        return real.apply(this, args);
      };
    }
    Object.defineProperty(api, '__benchWrapped', { value: true });
  }
})();`;

const HIDE_AND_SHOW = `(() => {
  const set = (v) => Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => v });
  set('hidden'); document.dispatchEvent(new Event('visibilitychange'));
  set('visible'); document.dispatchEvent(new Event('visibilitychange'));
})()`;

type Strings = Record<string, unknown>;

/** The player's own interface strings, so the names the run looks for follow any rewording. */
function uiStrings(locale: string): (key: string, vars?: Record<string, string>) => string {
  const file = path.join(projectRoot, 'src', 'player', 'i18n', `${locale}.json`);
  const all = JSON.parse(readFileSync(file, 'utf8')) as Strings;
  return (key, vars = {}) => {
    const v = key.split('.').reduce<unknown>((o, k) => (o as Strings | undefined)?.[k], all);
    if (typeof v !== 'string') throw new Error(`${file} has no string "${key}"`);
    return v.replace(/\{\{(\w+)\}\}/g, (_, k) => vars[k] ?? '');
  };
}

export async function runCourse(browser: Browser, lmsUrl: string, course: CourseData): Promise<RunResult> {
  const tab = await newTab(browser);
  const { page, cdp } = tab;
  page.setDefaultTimeout(15_000);
  const t = uiStrings(course.locale);
  const r: RunResult = { calls: [], views: 0, pagesViewed: 0, answered: 0, submitted: 0, inputs: 0, completed: false, suspendData: null, heapAtStartKB: null, heapAfterCompletionKB: null, missing: [] };
  const act = (a: Action) => page.evaluate((x) => ((window as unknown as { __benchAction: string }).__benchAction = x), a);
  const pace = () => page.clock.runFor(PACE_MS);
  const heapKB = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    return Math.round(usedSize / 1024);
  };

  try {
    await page.clock.install();
    await page.addInitScript(COUNTER);
    await page.goto(lmsUrl);
    const frame = await courseFrame(page);
    const main = frame.locator('main');
    await main.getByRole('heading', { level: 1 }).waitFor();
    await pace();
    r.heapAtStartKB = await heapKB();

    // A route change shows once the hashchange event has been handled: wait for the new heading,
    // or the next step would read the previous screen.
    const heading = () => frame.evaluate(() => document.querySelector('main h1')?.textContent ?? '');
    const navigate = async (control: Locator) => {
      const before = await heading();
      await act('view');
      await control.click();
      await frame.waitForFunction((b) => (document.querySelector('main h1')?.textContent ?? '') !== b, before, { timeout: 5000, polling: 20 }).catch(() => {});
      r.views++;
      if (r.views % 5 === 0) {
        // The learner switches tabs while the new page's save is still pending (coalescing):
        // visibilitychange must save at once, and not save twice.
        await page.clock.runFor(100);
        await act('visibility');
        await frame.evaluate(HIDE_AND_SHOW);
      }
      await pace();
    };
    const submit = async () => {
      await act('submit');
      await main.getByRole('button', { name: t('quiz.submit'), exact: true }).click();
      const anyway = main.getByRole('button', { name: t('quiz.submitAnyway'), exact: true });
      if (await anyway.count()) {
        r.missing.push(`unanswered questions on ${await frame.evaluate(() => location.hash)}`);
        await anyway.click();
      }
      r.submitted++;
      await pace();
    };

    await navigate(main.getByRole('button', { name: t('start.begin'), exact: true }));

    const answerAll = async (boxes: Locator, use: 'check' | 'scored') => {
      for (const box of await boxes.all()) {
        const id = await questionId(box, course);
        if (!id) {
          r.missing.push('a question whose id could not be read from its controls');
          continue;
        }
        const q = course.questions[id];
        await act('answer');
        r.inputs += await answer(frame, box, q, course.locale, t, pace);
        if (use === 'check' && q.type !== 'scenario') {
          await act('check');
          await box.getByRole('button', { name: t('q.check'), exact: true }).click();
          await pace();
        }
        r.answered++;
      }
    };

    for (let step = 0; step < 2000; step++) {
      const route = decodeURIComponent(await frame.evaluate(() => location.hash)).replace(/^#\/?/, '');
      try {
        if (route.startsWith('page/')) {
          r.pagesViewed++;
          // A module's page text arrives in its own chunk: read the page once it is there.
          await main.locator('.content').first().waitFor();
          await answerAll(main.locator('section.check'), 'check');
          const next = main.getByRole('navigation', { name: t('nav.pages') }).getByRole('link', { name: t('nav.next') });
          if (!(await next.count())) {
            r.missing.push(`no Next link on ${route}`);
            break;
          }
          await navigate(next);
        } else if (route.startsWith('quiz/')) {
          await answerAll(main.locator('li.question'), 'scored');
          await submit();
          await navigate(main.getByRole('link', { name: t('nav.next') }));
        } else if (route === 'final') {
          await act('final-start');
          const start = main.getByRole('button', { name: t('final.start'), exact: true }).or(main.getByRole('button', { name: t('final.retry'), exact: true }));
          await start.click();
          await main.locator('li.question').first().waitFor();
          await pace();
          await answerAll(main.locator('li.question'), 'scored');
          await submit();
          const toCompletion = main.getByRole('link', { name: t('final.toCompletion') });
          if (await toCompletion.count()) await navigate(toCompletion);
          else if (!(await main.getByRole('button', { name: t('final.retry'), exact: true }).count())) {
            r.missing.push('the final assessment was not passed and offers no retry');
            break;
          }
        } else if (route === 'complete') {
          r.completed = (await main.getByRole('heading', { level: 1, name: t('complete.title') }).count()) > 0;
          if (!r.completed) r.missing.push('the completion screen does not say the course is complete');
          break;
        } else {
          r.missing.push(`unexpected route "${route}"`);
          break;
        }
      } catch (e) {
        throw new Error(`on ${route}: ${(e as Error).message.split('\n')[0]}`);
      }
    }

    r.suspendData = await page.evaluate(() => {
      const m = (window as unknown as { lmsPreview?: { model(): Record<string, string> | null } }).lmsPreview?.model();
      return m?.['cmi.suspend_data'] ?? null;
    });
    r.heapAfterCompletionKB = await heapKB();

    // The learner closes the course: pagehide ends the session (Commit + Terminate/LMSFinish).
    await act('close');
    await page.evaluate(() => ((document.getElementById('course') as HTMLIFrameElement).src = 'about:blank'));
    await page.clock.runFor(PACE_MS);
    await page.waitForFunction(() => (window as unknown as { __benchCalls: { fn: string }[] }).__benchCalls.some((c) => /^(Terminate|LMSFinish)$/.test(c.fn)), null, { timeout: 5000 }).catch(() => r.missing.push('no Terminate/LMSFinish after the course closed'));
    r.calls = await page.evaluate(() => (window as unknown as { __benchCalls: Call[] }).__benchCalls ?? []);
    return r;
  } finally {
    await tab.close();
  }
}

/** The question a box shows: its controls' ids and names carry "q-<id>" or "kc-<id>". */
async function questionId(box: Locator, course: CourseData): Promise<string | null> {
  const refs = await box.evaluate((el) => [el, ...el.querySelectorAll('[id],[name],[aria-labelledby]')].flatMap((e) => [e.id, e.getAttribute('name') ?? '', e.getAttribute('aria-labelledby') ?? '']).filter(Boolean));
  let best: string | null = null;
  for (const ref of refs) {
    const bare = ref.replace(/^(q|kc)-/, '');
    for (const id of Object.keys(course.questions))
      if ((bare === id || bare.startsWith(id + '-')) && (!best || id.length > best.length)) best = id;
  }
  return best;
}

/** Text of course HTML as the page renders it (the browser parses it, as the player does). */
const texts = (frame: Frame, htmls: string[]) =>
  frame.evaluate((hs) => hs.map((h) => (new DOMParser().parseFromString(h, 'text/html').body.textContent ?? '').replace(/\s+/g, ' ').trim()), htmls);

const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Gives the correct answer through the controls; returns the number of inputs made. */
async function answer(frame: Frame, box: Locator, q: QuestionData, locale: string, t: (k: string, v?: Record<string, string>) => string, pace: () => Promise<void>): Promise<number> {
  let inputs = 0;
  const input = async (fn: () => Promise<void>) => {
    await fn();
    inputs++;
    await pace();
  };
  switch (q.type) {
    case 'single':
    case 'multiple':
    case 'truefalse': {
      const labels = (await box.locator('label.option').allTextContents()).map(norm);
      const wanted = q.type === 'truefalse' ? [t(q.answer ? 'q.true' : 'q.false')] : await texts(frame, q.choices.filter((c) => c.correct).map((c) => c.html));
      const role = q.type === 'multiple' ? 'checkbox' : 'radio';
      for (const w of wanted) {
        const i = labels.indexOf(w);
        if (i < 0) throw new Error(`question ${q.id}: no option labelled "${w}" among ${JSON.stringify(labels)}`);
        await input(() => box.getByRole(role).nth(i).check());
      }
      break;
    }
    case 'matching':
      // Selects follow the author's pair order; each offers the matches by pair id.
      for (let i = 0; i < q.pairs.length; i++) await input(() => box.getByRole('combobox').nth(i).selectOption(q.pairs[i].id).then(() => {}));
      break;
    case 'ordering': {
      const target = await texts(frame, q.items.map((i) => i.html));
      for (let i = 0; i < target.length; i++) {
        const current = (await box.locator('.item').allTextContents()).map(norm);
        for (let j = current.indexOf(target[i]); j > i; j--) await input(() => box.getByRole('button', { name: t('q.moveUp', { item: target[i] }), exact: true }).click());
      }
      break;
    }
    case 'fillin': {
      // A number is typed as the learner writes it: Polish uses a decimal comma.
      const text = q.answer.kind === 'text' ? q.answer.accepted[0] : String(q.answer.value).replace('.', locale === 'pl' ? ',' : '.');
      await input(() => box.getByRole('textbox').fill(text));
      break;
    }
    case 'scenario': {
      for (const choice of bestPath(q)) await input(() => box.getByRole('list', { name: t('q.whatNext') }).getByRole('button').nth(choice).click());
      break;
    }
  }
  return inputs;
}

/** Choice indices (author order, per node) along the path to the best-scoring ending. */
function bestPath(q: Extract<QuestionData, { type: 'scenario' }>): number[] {
  const nodes = new Map(q.nodes.map((n) => [n.id, n]));
  const score = new Map(q.endings.map((e) => [e.id, e.score]));
  const walk = (id: string, seen: Set<string>): { score: number; path: number[] } => {
    if (score.has(id)) return { score: score.get(id)!, path: [] };
    const n = nodes.get(id);
    if (!n || seen.has(id)) return { score: -1, path: [] };
    let best = { score: -1, path: [] as number[] };
    n.choices.forEach((c, i) => {
      const w = walk(c.next, new Set([...seen, id]));
      if (w.score > best.score) best = { score: w.score, path: [i, ...w.path] };
    });
    return best;
  };
  return walk(q.start, new Set()).path;
}

