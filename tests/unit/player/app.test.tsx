// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../../src/player/App';
import { i18n, initI18n } from '../../../src/player/i18n';
import type { CourseData } from '../../../src/schema/courseData';
import type { LearnerState } from '../../../src/schema/learnerState';
import type { CourseResult, InteractionEvent, LaunchData, Tracker } from '../../../src/tracking/tracker';
import { miniCourse } from './helpers';

const courses: Record<string, CourseData> = { pl: miniCourse('pl'), en: miniCourse('en') };

/** In-memory tracker: records what the player reports. */
function memoryTracker() {
  const log = { updates: [] as [LearnerState, CourseResult][], interactions: [] as InteractionEvent[], finished: 0 };
  const tracker: Tracker = {
    kind: 'standalone',
    start: () => launch,
    update: (s, r) => void log.updates.push([structuredClone(s), r]),
    interaction: (e) => void log.interactions.push(e),
    flush: () => {},
    finish: () => void log.finished++,
    onSaveStatus: () => () => {},
  };
  return { tracker, log, last: () => log.updates[log.updates.length - 1] };
}
const launch: LaunchData = { state: null, learnerId: null, learnerName: 'Kowalska, Anna', masteryScore: null, mode: 'normal', warnings: [] };

let root: HTMLElement;
let t: ReturnType<typeof memoryTracker>;
const flush = () => act(() => new Promise((r) => setTimeout(r, 80)));
const go = async (hash: string) => {
  location.hash = hash;
  window.dispatchEvent(new Event('hashchange'));
  await flush();
};
const button = (text: string) => [...root.querySelectorAll('button')].find((b) => b.textContent?.includes(text))!;
const live = () => root.querySelector('[aria-live]')!.textContent;

function mount(initial: Partial<LearnerState> = {}, launchPatch: Partial<LaunchData> = {}) {
  let course = courses.pl;
  const show = () =>
    render(
      <App
        course={course}
        tracker={t.tracker}
        launch={{ ...launch, ...launchPatch }}
        initialState={{ locale: null, location: null, seen: [], checks: {}, quizzes: {}, final: { attempts: [], current: null }, completedOn: null, ...initial }}
        onLocale={async (l) => {
          course = courses[l];
          await i18n.changeLanguage(l);
          document.documentElement.lang = l;
          show();
        }}
      />,
      root,
    );
  act(show);
}

beforeEach(async () => {
  initI18n('pl');
  await i18n.changeLanguage('pl');
  root = document.createElement('div');
  document.body.append(root);
  t = memoryTracker();
  location.hash = '';
});
afterEach(() => {
  render(null, root);
  root.remove();
});

describe('player', () => {
  it('start screen offers to continue when there is saved progress', async () => {
    mount({ location: 'page/m-alpha/a2', seen: ['m-alpha/a1'] });
    expect(root.querySelector('h1')!.textContent).toBe('Kurs próbny');
    button('Wznów od miejsca').click();
    await flush();
    expect(root.querySelector('h1')!.textContent).toBe('Druga strona alfa');
  });

  it('marks a page seen and reports location and progress', async () => {
    mount();
    await go('#/page/m-alpha/a1');
    const [s, r] = t.last();
    expect(s.seen).toEqual(['m-alpha/a1']);
    expect(s.location).toBe('page/m-alpha/a1');
    expect(r.completion).toBe('incomplete');
    expect(root.textContent).toContain('Strona 1 z 2');
  });

  it('a new screen is reported to the tracker on the hash change itself, before any render', async () => {
    mount();
    await go('#/page/m-alpha/a1');
    location.hash = '#/page/m-alpha/a2';
    window.dispatchEvent(new Event('hashchange'));
    // No flush: a learner may close the window right after the click.
    expect(t.last()[0]).toMatchObject({ location: 'page/m-alpha/a2', seen: ['m-alpha/a1', 'm-alpha/a2'] });
    await flush();
    expect(t.log.updates.filter(([s]) => s.location === 'page/m-alpha/a2')).toHaveLength(1);
  });

  it('knowledge check: answer, feedback in the live region, try again', async () => {
    mount();
    await go('#/page/m-alpha/a1');
    button('Sprawdź odpowiedź').click();
    await flush();
    expect(live()).toContain('Najpierw udziel odpowiedzi');
    const radio = [...root.querySelectorAll<HTMLInputElement>('.check input[type=radio]')].find((r) => r.parentElement!.textContent!.includes('Nie, gdy'))!;
    radio.click();
    await flush();
    button('Sprawdź odpowiedź').click();
    await flush();
    expect(root.querySelector('.feedback')!.textContent).toContain('Dobrze!');
    expect(live()).toContain('Dobrze!');
    expect(t.last()[0].checks['a-kc-single']).toBe('a');
    button('Spróbuj ponownie').click();
    await flush();
    expect(root.querySelector('.feedback')).toBeNull();
  });

  it('a module page whose text is in its own chunk: heading at once, then the text from the built chunk', async () => {
    // The player's data as the build ships it: module pages without HTML (src/node/vitePlugin.ts).
    const outline = (c: CourseData): CourseData => ({ ...c, modules: c.modules.map((m) => ({ ...m, pages: m.pages.map((p) => ({ ...p, html: null })) })) });
    courses.pl = outline(miniCourse('pl'));
    try {
      mount();
      location.hash = '#/page/m-alpha/a1';
      window.dispatchEvent(new Event('hashchange'));
      await act(() => {});
      expect(root.querySelector('h1')!.textContent).toBe('Pierwsza strona alfa');
      expect(root.querySelector('.loading[role=status]')!.textContent).toContain('Wczytywanie');
      await flush();
      expect(root.querySelector('.loading')).toBeNull();
      expect(root.querySelector('.content')!.textContent).toContain('Akapit o');
      expect(root.querySelector('.content .check')).not.toBeNull();
    } finally {
      courses.pl = miniCourse('pl');
    }
  });

  it('glossary term shows its definition on click', async () => {
    mount();
    await go('#/page/m-alpha/a1');
    const term = root.querySelector<HTMLButtonElement>('button.term')!;
    term.click();
    await flush();
    const tip = root.querySelector<HTMLElement>('#term-tip')!;
    expect(tip.hidden).toBe(false);
    expect(tip.textContent).toContain('pod groźbą kary');
    expect(term.getAttribute('aria-expanded')).toBe('true');
  });

  it('shortcuts move between pages, never from a form control, and can be turned off', async () => {
    mount();
    await go('#/page/m-alpha/a1');
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'n', bubbles: true }));
    await flush();
    expect(location.hash).toBe('#/page/m-alpha/a2');
    const input = document.createElement('input');
    root.append(input);
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'p', bubbles: true }));
    await flush();
    expect(location.hash).toBe('#/page/m-alpha/a2');
    const { setShortcutsEnabled } = await import('../../../src/player/shortcuts');
    setShortcutsEnabled(false);
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'p', bubbles: true }));
    await flush();
    expect(location.hash).toBe('#/page/m-alpha/a2');
    setShortcutsEnabled(true);
  });

  it('ordering: move buttons reorder and announce the new position', async () => {
    mount();
    await go('#/quiz/m-beta');
    const items = () => [...root.querySelectorAll('.ordering .item')].map((e) => e.textContent);
    const before = items();
    root.querySelector<HTMLButtonElement>('.ordering li:nth-child(2) button')!.click();
    await flush();
    expect(items()).toEqual([before[1], before[0], before[2]]);
    expect(live()).toContain(`${before[1]} – pozycja 1 z 3`);
    // Focus follows the moved item (its "down" button, "up" being disabled at the top)…
    expect(document.activeElement).toBe(root.querySelector('.ordering li:nth-child(1) button:nth-child(2)'));
    // …unless the learner has already moved on when the next frame comes (a slow PC).
    const submit = button('Zatwierdź odpowiedzi');
    root.querySelector<HTMLButtonElement>('.ordering li:nth-child(3) button')!.click();
    submit.focus();
    await flush();
    expect(document.activeElement).toBe(submit);
  });

  it('module quiz: submit, score, interactions, retry', async () => {
    mount();
    await go('#/quiz/m-alpha');
    button('Zatwierdź odpowiedzi').click();
    await flush();
    expect(root.textContent).toContain('Nie odpowiedziano na 5 pytań');
    const three = [...root.querySelectorAll<HTMLInputElement>('input[type=radio]')].find((r) => r.parentElement!.textContent === 'Trzy')!;
    three.click();
    await flush();
    // Answering withdraws the warning; the next submit counts again.
    expect(root.querySelector('main .notice')).toBeNull();
    button('Zatwierdź odpowiedzi').click();
    await flush();
    expect(root.textContent).toContain('Nie odpowiedziano na 4 pytania');
    button('Zatwierdź mimo to').click();
    await flush();
    const quiz = t.last()[0].quizzes['m-alpha'];
    // Results per question are kept beside the answers: a lean save may keep only them.
    expect(quiz).toMatchObject({ submitted: true, tries: 1, best: 20, score: 20, marks: { 'a-q-single': 1 } });
    expect(t.log.interactions).toHaveLength(1);
    expect(t.log.interactions[0]).toMatchObject({ credit: 1, context: { kind: 'quiz', module: 'm-alpha' } });
    expect(root.querySelector('.summary')!.textContent).toContain('Nie zaliczono');
    // Not passed: wrong answers are marked, the right ones are not revealed.
    expect(root.textContent).not.toContain('Poprawna odpowiedź:');
    button('Spróbuj ponownie').click();
    await flush();
    expect(t.last()[0].quizzes['m-alpha']).toMatchObject({ submitted: false, tries: 1, best: 20, answers: {} });
  });

  it('a submitted quiz resumed without its answers shows each question’s result and feedback', async () => {
    mount({ quizzes: { 'm-alpha': { answers: {}, submitted: true, best: 60, tries: 2, score: 40, marks: { 'a-q-single': 1, 'a-q-multiple': 0, 'a-q-fill': 0 } } } });
    await go('#/quiz/m-alpha');
    expect(root.textContent).toContain('Twoje odpowiedzi z wcześniejszej sesji nie zostały zachowane');
    // The last try's own score, not one recomputed from answers that are gone.
    expect(root.querySelector('.summary')!.textContent).toContain('40');
    const verdicts = [...root.querySelectorAll('.feedback .verdict')].map((v) => v.textContent);
    expect(verdicts).toHaveLength(5);
    expect(verdicts.filter((v) => v!.includes('Dobrze'))).toHaveLength(1);
    // Nothing is shown as the learner's choice.
    expect(root.querySelectorAll('main input:checked')).toHaveLength(0);
    expect(root.querySelectorAll('main .mark')).toHaveLength(0);
  });

  it('final assessment: draw meets quotas, results, retry, failed after the last attempt', async () => {
    mount();
    await go('#/final');
    for (let attempt = 1; attempt <= 3; attempt++) {
      button(attempt === 1 ? 'Rozpocznij test końcowy' : 'Rozpocznij kolejną próbę').click();
      await flush();
      const current = t.last()[0].final.current!;
      expect(current.draw).toHaveLength(4);
      const modules = current.draw.map((id) => courses.pl.questions[id].module);
      expect(modules.filter((m) => m === 'm-alpha').length).toBeGreaterThanOrEqual(2);
      expect(modules.filter((m) => m === 'm-beta').length).toBeGreaterThanOrEqual(1);
      button('Zatwierdź odpowiedzi').click();
      await flush();
      button('Zatwierdź mimo to').click();
      await flush();
    }
    const [s, r] = t.last();
    expect(s.final.attempts).toHaveLength(3);
    // Nothing answered but an ordering question's starting order (an answer too): results all zero.
    expect(Object.values(s.final.attempts[2].marks!).every((m) => m === 0)).toBe(true);
    expect(r.success).toBe('failed');
    expect(root.textContent).toContain('Wykorzystano wszystkie próby');
    expect(button('Rozpocznij kolejną próbę')).toBeUndefined();
  });

  it('switching language keeps progress and sets <html lang>', async () => {
    mount({ seen: ['m-alpha/a1'] });
    await go('#/page/m-alpha/a1');
    button('English').click();
    await flush();
    await flush();
    expect(document.documentElement.lang).toBe('en');
    expect(root.querySelector('h1')!.textContent).toBe('Alpha first page');
    expect(root.textContent).toContain('Page 1 of 2');
    expect(t.last()[0]).toMatchObject({ locale: 'en', seen: ['m-alpha/a1'] });
  });

  it('certificate shows the LMS name, date and score once completed', async () => {
    const all = courses.pl.modules.flatMap((m) => m.pages.map((p) => p.key));
    mount({
      seen: all,
      quizzes: { 'm-alpha': { answers: {}, submitted: true, best: 100, tries: 1 }, 'm-beta': { answers: {}, submitted: true, best: 100, tries: 1 } },
      final: { attempts: [{ seed: 1, draw: ['f-a1'], answers: { 'f-a1': true }, score: 100 }], current: null },
      completedOn: '2026-11-28',
    });
    await go('#/complete');
    const cert = root.querySelector('.certificate')!.textContent!;
    expect(cert).toContain('Kowalska, Anna');
    expect(cert).toContain('Kurs próbny');
    expect(cert).toContain('28 listopada 2026');
    expect(cert).toMatch(/100\s?%/);
  });

  it('review mode after completion: answers are read-only and nothing but location is saved', async () => {
    mount({ completedOn: '2026-11-28', quizzes: { 'm-alpha': { answers: { 'a-q-single': 'three' }, submitted: true, best: 100, tries: 1 } } });
    await go('#/quiz/m-alpha');
    expect(button('Spróbuj ponownie')).toBeUndefined();
    expect([...root.querySelectorAll<HTMLInputElement>('input')].every((i) => i.disabled || i.readOnly)).toBe(true);
    await go('#/page/m-beta/b1');
    expect(t.last()[0].seen).toEqual([]);
  });

  it('exit finishes the tracker exactly once', async () => {
    mount();
    button('Zakończ kurs').click();
    await flush();
    expect(t.log.finished).toBe(0);
    expect(root.textContent).toContain('Zakończyć kurs?');
    button('Zakończ kurs').click();
    await flush();
    window.dispatchEvent(new Event('pagehide'));
    expect(t.log.finished).toBe(1);
    expect(root.querySelector('h1')!.textContent).toBe('Kurs został zamknięty');
  });

  it('a page restored from the back/forward cache says the session has ended and saves nothing more', async () => {
    mount();
    await go('#/page/m-alpha/a1');
    window.dispatchEvent(Object.assign(new Event('pageshow'), { persisted: false }));
    await flush();
    expect(root.querySelector('h1')!.textContent).toBe('Pierwsza strona alfa');
    window.dispatchEvent(Object.assign(new Event('pageshow'), { persisted: true }));
    await flush();
    expect(root.querySelector('h1')!.textContent).toBe('Kurs został zamknięty');
    expect(root.textContent).toContain('uruchom kurs ponownie z platformy szkoleniowej');
    const updates = t.log.updates.length;
    await go('#/page/m-alpha/a2');
    expect(t.log.updates).toHaveLength(updates);
  });
});
