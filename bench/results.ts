import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * One figure of the bench, as printed and as written to bench/results.json.
 * A row with a `budget` passes or fails; a row without one is information;
 * a row whose piece is missing is "skip" with the reason in `note`, so a partial
 * bench still says exactly what it could not measure.
 */
export type Status = 'pass' | 'fail' | 'info' | 'skip';

export interface Row {
  part: string;
  name: string;
  value: number | null;
  unit: string;
  /** Human text of the budget, e.g. "≤ 40 KB". */
  budget?: string;
  status: Status;
  note?: string;
}

export interface Budgets {
  shippedCodeGzipKB: number;
  startupRatioMax: number;
  worstCaseSuspendChars: number;
  commitsPerViewOrAnswerMax: number;
  realBuildSecondsMax: number;
  scalingPerPageGrowthMax: number;
}

export const budgetsFile = fileURLToPath(new URL('./budgets.json', import.meta.url));
export const resultsFile = fileURLToPath(new URL('./results.json', import.meta.url));

export function readBudgets(): Budgets {
  return JSON.parse(readFileSync(budgetsFile, 'utf8')) as Budgets;
}

export const info = (part: string, name: string, value: number | null, unit: string, note?: string): Row => ({ part, name, value, unit, status: 'info', ...(note ? { note } : {}) });

/** A budgeted figure: passes when value ≤ max. */
export const atMost = (part: string, name: string, value: number, unit: string, max: number, budget: string, note?: string): Row => ({
  part,
  name,
  value,
  unit,
  budget,
  status: value <= max ? 'pass' : 'fail',
  ...(note ? { note } : {}),
});

/** "not measurable yet: <reason>"; `budget` keeps the budget visible beside the missing figure. */
export const skip = (part: string, name: string, reason: string, budget?: string): Row => ({
  part,
  name,
  value: null,
  unit: '',
  status: 'skip',
  note: `not measurable yet: ${reason}`,
  ...(budget ? { budget } : {}),
});

export const KB = 1024;
export const kb = (bytes: number) => Math.round((bytes / KB) * 10) / 10;
export const round = (x: number, digits = 0) => Math.round(x * 10 ** digits) / 10 ** digits;

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
