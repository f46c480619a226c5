import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { z } from 'zod';
import type { Problem } from './problems.js';

/**
 * A JSON file parsed with positions, so every message can point at the line and
 * column the trainer has to change. jsonc-parser is used in strict JSON mode
 * (no comments, no trailing commas) because the files must stay plain JSON.
 */
export class JsonSource {
  readonly value: unknown;
  readonly problems: Problem[] = [];
  private readonly tree: Node | undefined;
  private readonly lineStarts: number[];

  constructor(readonly file: string, readonly text: string) {
    this.lineStarts = lineStartsOf(text);
    const errors: ParseError[] = [];
    this.tree = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
    for (const e of errors) {
      this.problems.push({
        file,
        ...this.position(e.offset),
        message: `this is not valid JSON (${explainParseError(printParseErrorCode(e.error))})`,
        severity: 'error',
      });
    }
    this.value = errors.length === 0 && this.tree ? JSON.parse(text) : undefined;
  }

  get ok(): boolean {
    return this.value !== undefined;
  }

  position(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.lineStarts[lo] + 1 };
  }

  /** Position of the value at `path`, or of its nearest existing parent (a missing field points at its object). */
  locate(path: (string | number)[]): { line: number; column: number } {
    if (!this.tree) return { line: 1, column: 1 };
    for (let n = path.length; n >= 0; n--) {
      const node = findNodeAtLocation(this.tree, path.slice(0, n));
      if (node) {
        // For a property's value, point at its key: that is where the eye goes.
        const at = node.parent?.type === 'property' && node.parent.children?.[1] === node ? node.parent.offset : node.offset;
        return this.position(at);
      }
    }
    return { line: 1, column: 1 };
  }

  /** Validate against a zod schema; on failure every issue becomes a positioned problem. */
  check<S extends z.ZodType>(schema: S): z.infer<S> | undefined {
    if (!this.ok) return undefined;
    const result = schema.safeParse(this.value);
    if (result.success) return result.data;
    for (const issue of result.error.issues) this.problems.push(this.issueProblem(issue));
    return undefined;
  }

  problem(path: (string | number)[], message: string, severity: Problem['severity'] = 'error'): Problem {
    return { file: this.file, ...this.locate(path), field: fieldName(path), message, severity };
  }

  private issueProblem(issue: z.core.$ZodIssue): Problem {
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    // An unknown field is best shown where it is written, not at its object.
    const at = issue.code === 'unrecognized_keys' ? [...path, issue.keys[0]] : path;
    return { ...this.problem(at, describeIssue(issue, this.valueAt(path))), field: fieldName(path) || undefined };
  }

  private valueAt(path: (string | number)[]): unknown {
    let v: unknown = this.value;
    for (const key of path) v = v && typeof v === 'object' ? (v as Record<string | number, unknown>)[key] : undefined;
    return v;
  }
}

export function fieldName(path: (string | number)[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

function explainParseError(code: string): string {
  const plain: Record<string, string> = {
    CommaExpected: 'a comma is missing before this point',
    ColonExpected: 'a colon ":" is missing after a field name',
    PropertyNameExpected: 'a field name in double quotes was expected; check for a trailing comma before "}"',
    ValueExpected: 'a value was expected; check for a trailing comma or a missing value',
    CloseBraceExpected: 'a closing "}" is missing',
    CloseBracketExpected: 'a closing "]" is missing',
    EndOfFileExpected: 'the file should end here; is there an extra "}" or text after it?',
    InvalidCommentToken: 'comments are not allowed in JSON',
    UnexpectedEndOfString: 'a string is not closed with a double quote',
    InvalidSymbol: 'unexpected character; text must be in double quotes',
    InvalidCharacter: 'invalid character inside a string (a line break or a tab must be written \\n or \\t)',
  };
  return plain[code] ?? code;
}

function describeIssue(issue: z.core.$ZodIssue, value: unknown): string {
  switch (issue.code) {
    case 'invalid_type':
      if (value === undefined) return `this field is missing (expected ${issue.expected})`;
      return `expected ${issue.expected}, found ${describeValue(value)}`;
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')} (check the spelling; see docs/authoring.md)`;
    case 'invalid_union':
      if ((issue as { note?: string }).note === 'No matching discriminator' || 'discriminator' in issue)
        return `"type" must be one of single, multiple, truefalse, matching, ordering, fillin, scenario (found ${describeValue(value && typeof value === 'object' ? (value as Record<string, unknown>).type ?? (value as Record<string, unknown>).kind : value)})`;
      return issue.message;
    case 'invalid_value':
      return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')} (found ${describeValue(value)})`;
    case 'too_small':
      if (issue.origin === 'array') return `needs at least ${issue.minimum} item(s), found ${Array.isArray(value) ? value.length : 0}`;
      if (issue.origin === 'string') return issue.message.startsWith('Too small') ? `must not be empty` : issue.message;
      return `must be at least ${issue.minimum} (found ${describeValue(value)})`;
    case 'too_big':
      if (issue.origin === 'array') return `allows at most ${issue.maximum} item(s), found ${Array.isArray(value) ? value.length : '?'}`;
      if (issue.origin === 'string') return `must be at most ${issue.maximum} characters, found ${String(value).length}`;
      return `must be at most ${issue.maximum} (found ${describeValue(value)})`;
    case 'invalid_format':
      return `${issue.message.replace(/^Invalid string: /, 'must be ')} (found ${describeValue(value)})`;
    case 'invalid_key':
      return `"${String(issue.path.at(-1) ?? '')}" is not a valid key here: ${issue.issues.map((i) => i.message).join('; ')}`;
    default:
      return issue.message;
  }
}

function describeValue(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'an object';
  const s = JSON.stringify(v);
  return s.length > 40 ? s.slice(0, 37) + '…"' : s;
}
