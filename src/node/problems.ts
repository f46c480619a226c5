/**
 * A problem found in the author's files. Every check reports through this shape,
 * so a trainer always sees "file:line:col field: what is wrong (what was expected)".
 */
export interface Problem {
  /** Path relative to the course root, with forward slashes. */
  file: string;
  line?: number;
  column?: number;
  /** Dotted path of the JSON field, e.g. "questions[3].choices" — empty for Markdown. */
  field?: string;
  message: string;
  severity: 'error' | 'warning';
}

export function formatProblem(p: Problem): string {
  const where = p.line ? `${p.file}:${p.line}:${p.column ?? 1}` : p.file;
  const field = p.field ? ` ${p.field}:` : '';
  const tag = p.severity === 'warning' ? 'warning' : 'error';
  return `${where} ${tag}:${field} ${p.message}`;
}

export function sortProblems(list: Problem[]): Problem[] {
  return [...list].sort(
    (a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0),
  );
}

export const errorsIn = (list: Problem[]) => list.filter((p) => p.severity === 'error');

/** Thrown by build steps that must stop; carries every problem so none is lost. */
export class CourseProblems extends Error {
  constructor(public readonly problems: Problem[]) {
    super(`${errorsIn(problems).length} problem(s) in the course:\n` + sortProblems(problems).map(formatProblem).join('\n'));
    this.name = 'CourseProblems';
  }
}
