import type { Browser } from '@playwright/test';
import { serveWithLms } from './browser.js';
import { runCourse, type Action, type RunResult } from './courseRun.js';
import type { BuiltCourse, Kind } from './realCourse.js';
import { atMost, info, round, skip, type Budgets, type Row } from './results.js';

/**
 * LMS traffic (issue 6, part 4): one scripted full run of the course in each package (see
 * courseRun.ts), counting every call the course makes to the LMS API. The budget: at most one
 * commit per screen viewed, per question answered and per quiz submitted — checked as
 * commits ÷ (views + answers + submissions) ≤ 1. The run also yields the typical suspend data
 * (part 5) and the heap after completion (part 6).
 */
export type Runs = Record<Kind, RunResult | string>;

export async function runBothPackages(browser: Browser, built: BuiltCourse, log: (s: string) => void = () => {}): Promise<Runs> {
  const course = built.byLocale[Object.values(built.byLocale)[0].locales[0]];
  const runs = {} as Runs;
  for (const kind of ['scorm12', 'scorm2004'] as Kind[]) {
    const server = await serveWithLms(built.dirs[kind]);
    if (typeof server === 'string') {
      runs[kind] = server;
      continue;
    }
    log(`  ${kind}: a full run of the ${built.name} course…`);
    try {
      runs[kind] = await runCourse(browser, server.lmsUrl(kind === 'scorm12' ? '1.2' : '2004'), course);
    } catch (e) {
      runs[kind] = `the scripted run stopped: ${(e as Error).message.split('\n')[0]}`;
    } finally {
      await server.close();
    }
  }
  return runs;
}

const is = (re: RegExp) => (c: { fn: string }) => re.test(c.fn);
const COMMIT = /^(LMS)?Commit$/;
const SET = /^(LMS)?SetValue$/;
const GET = /^(LMS)?GetValue$/;

export function trafficRows(runs: Runs, budgets: Budgets, note?: string): Row[] {
  const P = 'LMS traffic';
  const rows: Row[] = [];
  for (const [kind, r] of Object.entries(runs)) {
    if (typeof r === 'string') {
      rows.push(skip(P, `${kind}: commits ÷ (views + answers + submissions)`, r, `≤ ${budgets.commitsPerViewOrAnswerMax}`));
      continue;
    }
    const commits = r.calls.filter(is(COMMIT));
    const sets = r.calls.filter(is(SET));
    const allowance = r.views + r.answered + r.submitted;
    const byAction = (cs: { action: Action }[]) =>
      Object.entries(cs.reduce<Record<string, number>>((m, c) => ((m[c.action] = (m[c.action] ?? 0) + 1), m), {}))
        .map(([a, n]) => `${a} ${n}`)
        .join(', ');
    const incomplete = r.completed ? '' : `run incomplete: ${r.missing.join('; ') || 'course not completed'}`;
    const n = [note, incomplete].filter(Boolean).join('; ');
    rows.push(
      atMost(P, `${kind}: commits ÷ (views + answers + submissions)`, round(commits.length / allowance, 2), '', budgets.commitsPerViewOrAnswerMax, `≤ ${budgets.commitsPerViewOrAnswerMax}`, `${commits.length} commits for ${r.views} views, ${r.answered} answers (${r.inputs} inputs), ${r.submitted} submissions${n ? '; ' + n : ''}`),
      info(P, `${kind}: commits per page viewed`, round(commits.length / Math.max(1, r.pagesViewed), 2), '', `${r.pagesViewed} pages; commits after: ${byAction(commits)}`),
      info(P, `${kind}: API calls`, r.calls.length, 'calls', `GetValue ${r.calls.filter(is(GET)).length}, SetValue ${sets.length}, Commit ${commits.length}, other ${r.calls.length - commits.length - sets.length - r.calls.filter(is(GET)).length}`),
      info(P, `${kind}: SetValue calls`, sets.length, 'calls', setBreakdown(sets)),
    );
  }
  return rows;
}

function setBreakdown(sets: { el: string }[]): string {
  const groups: Record<string, number> = {};
  for (const s of sets) {
    const g = s.el.startsWith('cmi.interactions.') ? 'interactions' : s.el.startsWith('cmi.objectives.') ? 'objectives' : s.el.replace(/^cmi\.(core\.)?/, '');
    groups[g] = (groups[g] ?? 0) + 1;
  }
  return Object.entries(groups)
    .sort((a, b) => b[1] - a[1])
    .map(([g, n]) => `${g} ${n}`)
    .join(', ');
}
