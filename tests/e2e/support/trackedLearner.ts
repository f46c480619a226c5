import { expect, type Page } from '@playwright/test';
import type { CourseData, QuestionData, QuestionOfType } from '../../../src/schema/courseData';
import * as bot from './learner';
import type { ExpectedInteraction, ExpectedObjective, ExpectedRun } from './lms';

/**
 * The learner bot (learner.ts, keyboard only) with a ledger: everything it answers that the LMS must
 * hear about, so a test can compare the final data model with what the learner really did.
 * Module quizzes report their questions in author order, a final attempt in the order drawn.
 */

/** Lowest and highest ending score reachable in a scenario (the bot takes the worst / best path). */
function scenarioRange(q: QuestionOfType<'scenario'>): [number, number] {
  const scores: number[] = [];
  const seen = new Set<string>();
  const walk = (id: string) => {
    const ending = q.endings.find((e) => e.id === id);
    if (ending) return void scores.push(ending.score);
    if (seen.has(id)) return;
    seen.add(id);
    for (const c of q.nodes.find((n) => n.id === id)?.choices ?? []) walk(c.next);
  };
  walk(q.start);
  return [Math.min(...scores), Math.max(...scores)];
}

export function interactionType(q: QuestionData): string {
  switch (q.type) {
    case 'single':
    case 'multiple':
      return 'choice';
    case 'truefalse':
      return 'true-false';
    case 'matching':
      return 'matching';
    case 'ordering':
      return 'sequencing';
    case 'scenario':
      return 'performance';
    case 'fillin':
      return q.answer.kind === 'number' ? 'numeric' : 'fill-in';
  }
}

/** The interaction result of the bot's right or wrong answer. */
export function interactionResult(q: QuestionData, right: boolean): ExpectedInteraction['result'] {
  const credit = q.type === 'scenario' ? scenarioRange(q)[right ? 1 : 0] / 100 : right ? 1 : 0;
  return credit >= 0.9999 ? 'correct' : credit <= 0 ? 'wrong' : credit;
}

export class TrackedLearner {
  readonly interactions: ExpectedInteraction[] = [];
  readonly quizBest = new Map<string, number>();
  readonly finalScores: number[] = [];

  constructor(
    readonly page: Page,
    readonly course: CourseData,
  ) {}

  private record(prefix: string, ids: string[], right: (i: number) => boolean) {
    ids.forEach((id, i) => {
      const q = this.course.questions[id];
      this.interactions.push({ id: prefix + id, type: interactionType(q), result: interactionResult(q, right(i)) });
    });
  }

  start() {
    return bot.startCourse(this.page);
  }

  /** Pages up to the next quiz or the final (knowledge checks left alone unless asked). */
  readPages(opts: bot.WalkOptions = {}) {
    return bot.readPages(this.page, this.course, { checks: false, ...opts });
  }

  async takeModuleQuiz(moduleId: string, pass: boolean) {
    const r = await bot.takeModuleQuiz(this.page, this.course, moduleId, { pass });
    this.record('quiz_', this.course.modules.find((m) => m.id === moduleId)!.quiz, () => pass);
    this.quizBest.set(moduleId, Math.max(this.quizBest.get(moduleId) ?? 0, r.score));
    return r;
  }

  /** The whole flow from here to the final: every page, and each module quiz passed unless listed in `fail`. */
  async readAllPages(opts: { fail?: string[]; checks?: boolean } = {}) {
    for (;;) {
      const here = await this.readPages({ checks: opts.checks ?? false });
      const quiz = /^#\/quiz\/(.+)$/.exec(here);
      if (!quiz) {
        expect(here).toBe('#/final');
        return;
      }
      const id = decodeURIComponent(quiz[1]);
      await this.takeModuleQuiz(id, !opts.fail?.includes(id));
      await bot.nextScreen(this.page);
    }
  }

  async takeFinal(pass: boolean) {
    const r = await bot.takeFinal(this.page, this.course, { pass });
    this.finalScores.push(r.score);
    this.record(`final${this.finalScores.length}_`, r.drawn, () => pass);
    return r;
  }

  /** What the LMS must end with after this learner's full run. */
  expected(passing = this.course.settings.passingScore): ExpectedRun {
    const best = Math.max(...this.finalScores);
    return {
      status: best >= passing ? 'passed' : 'failed',
      score: best,
      interactions: this.interactions,
      objectives: this.course.modules.map((m): ExpectedObjective => {
        const score = m.quiz.length ? this.quizBest.get(m.id) ?? null : null;
        return { id: m.id, completed: true, passed: score === null ? null : score >= passing, score };
      }),
    };
  }
}

/**
 * What the questions on an assessment screen show as answered, question by question: the choices in
 * display order with their checked state, typed texts, selects, the ordering and a scenario's path.
 * Equal snapshots before a close and after the relaunch mean "same questions, same answers".
 */
export function answersOnScreen(page: Page) {
  return bot.courseFrame(page).evaluate(() =>
    [...document.querySelectorAll('main ol.questions > li.question')].map((li) => {
      const text = (e: Element) => (e.textContent ?? '').replace(/\s+/g, ' ').trim();
      return {
        prompt: text(li.querySelector('legend')!),
        options: [...li.querySelectorAll('label.option')].map((l) => `${(l.querySelector('input') as HTMLInputElement).checked ? '[x]' : '[ ]'} ${text(l)}`),
        typed: [...li.querySelectorAll<HTMLInputElement>('input.fill')].map((i) => i.value),
        selects: [...li.querySelectorAll('select')].map((s) => s.value),
        order: [...li.querySelectorAll('ol.ordering .item')].map(text),
        path: [...li.querySelectorAll('ol.path .taken')].map(text),
      };
    }),
  );
}
