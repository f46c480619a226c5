import type { Row } from './results.js';

/** The bench's console table: one line per figure, its budget and verdict beside it, notes below. */
const MARK = { pass: '✓ pass', fail: '✗ FAIL', info: '', skip: '– skipped' } as const;

export function formatTable(rows: Row[]): string {
  const value = (r: Row) => (r.value === null ? '—' : `${r.value.toLocaleString('en-GB')}${r.unit ? (r.unit === '×' ? '×' : ' ' + r.unit) : ''}`);
  const cols = rows.map((r) => [r.part, r.name, value(r), r.budget ?? '', MARK[r.status]]);
  const head = ['part', 'figure', 'value', 'budget', ''];
  const width = head.map((h, i) => Math.max(h.length, ...cols.map((c) => c[i].length)));
  const line = (c: string[]) => c.map((x, i) => (i === 2 ? x.padStart(width[i]) : x.padEnd(width[i]))).join('  ').trimEnd();
  const out = [line(head), width.map((w) => '─'.repeat(w)).join('  ')];
  let part = '';
  rows.forEach((r, i) => {
    if (r.part !== part && part) out.push('');
    part = r.part;
    out.push(line(cols[i]));
    if (r.note) out.push(`${' '.repeat(width[0] + 2)}  ↳ ${r.note}`);
  });
  return out.join('\n');
}
