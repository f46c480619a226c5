import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Marked, type Tokens } from 'marked';
import type { Problem } from './problems.js';

/**
 * One Markdown page (or one inline text from a JSON file) → sanitised HTML plus
 * what it refers to. Pure apart from checking that images exist on disk.
 *
 * Our extensions (see docs/authoring.md):
 *   ::: note|tip|warning|legal [title]  …  :::     callouts (one level, no nesting)
 *   {{question <id>}}                               embedded knowledge check, alone on a line
 *   [[term-id]]  [[term-id|shown words]]            glossary term
 *   [text](page:<module>/<page>)                    link to another page
 *   ![alt](../assets/x.svg "caption")               figure when alone in its paragraph (linked to the
 *                                                   image file, so a learner can open it at full size)
 *   - [ ] item                                      printable checklist item (GFM task list; no form input)
 *
 * Safety rule: raw HTML is refused except a few harmless inline tags, and only
 * https:, mailto:, tel: and page: links pass. Problems are reported with their
 * line; the renderer escapes anything refused, so output is safe even when a
 * caller ignores the problems.
 */

export interface MarkdownContext {
  /** Path for messages, relative to the course root. */
  file: string;
  /** Absolute folder of the Markdown file (image paths are relative to it). */
  dir: string;
  /** Absolute folder whose assets/ subfolder holds this content's images. */
  assetRoot: string;
  /** URL prefix (relative to index.html) under which assetRoot's files are served. */
  assetUrl: string;
  locale: string;
  /** Glossary term id → the term in this locale; null when the glossary itself failed to load (no term is then reported). */
  terms: Map<string, string> | null;
  /** Page keys ("module/page", "course/page") that links may point to. */
  pageKeys: Set<string>;
  /** Ids of knowledge checks that pages of this module may embed; undefined: embedding not allowed here; null: the quiz failed to load, so embeds are not checked. */
  checkIds?: Set<string> | null;
}

export interface CompiledPage {
  title: string;
  html: string;
  checks: string[];
  terms: string[];
  /** Absolute paths of images used. */
  images: string[];
  problems: Problem[];
}

const CALLOUT_KINDS = ['note', 'tip', 'warning', 'legal'] as const;
type CalloutKind = (typeof CALLOUT_KINDS)[number];

const CALLOUT_LABELS: Record<string, Record<CalloutKind, string>> = {
  pl: { note: 'Uwaga', tip: 'Wskazówka', warning: 'Ostrzeżenie', legal: 'Przepis' },
  en: { note: 'Note', tip: 'Tip', warning: 'Warning', legal: 'Legal provision' },
};
const NEW_WINDOW: Record<string, string> = { pl: ' (otwiera się w nowym oknie)', en: ' (opens in a new window)' };
/** Visible words under a figure, inside its link to the image file. */
const FIGURE_OPEN: Record<string, string> = { pl: 'Powiększ', en: 'Enlarge' };

/** Inline tags an author may write; nothing here can run code or load anything. */
const ALLOWED_TAGS = new Set(['abbr', 'kbd', 'sub', 'sup', 'br']);

const TERM_RE = /\[\[([^\]|]*)(?:\|([^\]]*))?\]\]/g;
const QUESTION_LINE_RE = /^\s*\{\{\s*question\s+([^\s}]+)\s*\}\}\s*$/;
const LINK_RE = /(!?)\[((?:[^\]\\]|\\.)*)\]\(\s*<?([^)\s>]*)>?(?:\s+"[^"]*")?\s*\)/g;
const TAG_RE = /<(\/?)([a-zA-Z][\w:-]*)([^>]*)>/g;
const TICKED_TASK_RE = /^\s*(?:[-*+]|\d+[.)])\s+\[[xX]\](?:\s|$)/;
/** What an SVG opened on its own (full size, in a new tab) could run or load. */
const SVG_ACTIVE_RE = /<script\b|<foreignObject\b|\son[a-z]+\s*=|javascript:|\b(?:href|src)\s*=\s*["']\s*(?:[a-z][\w+.-]*:|\/\/)|@import|url\(\s*["']?\s*(?:[a-z][\w+.-]*:|\/\/)/i;
/** A glossary term button with the punctuation written against it, kept on one line by the player's CSS. */
const TERM_PUNCT_RE = /((?:[(\[„“«‚‘]|&quot;|&#39;)*)(<button type="button" class="term"[^>]*>[^<]*<\/button>)((?:[)\]”“»’,.;:!?…]|&quot;|&#39;)*)/g;

function keepTermsWithPunctuation(html: string): string {
  return html.replace(TERM_PUNCT_RE, (all, before: string, term: string, after: string) =>
    before || after ? `<span class="term-nb">${before}${term}${after}</span>` : all,
  );
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

interface Segment {
  kind: 'md' | 'callout' | 'question';
  text: string;
  line: number;
  callout?: CalloutKind;
  title?: string;
  id?: string;
}

export function compilePage(source: string, ctx: MarkdownContext): CompiledPage {
  const problems: Problem[] = [];
  const report = (line: number, column: number, message: string, severity: Problem['severity'] = 'error') =>
    problems.push({ file: ctx.file, line, column, message, severity });

  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const { title, bodyStart } = readFrontMatter(lines, report);

  const segments: Segment[] = [];
  let open: Segment | null = null;
  let md: string[] = [];
  let mdLine = bodyStart + 1;
  let fence: string | null = null;
  const flushMd = (nextLine: number) => {
    if (md.some((l) => l.trim())) segments.push({ kind: 'md', text: md.join('\n'), line: mdLine });
    md = [];
    mdLine = nextLine;
  };

  for (let i = bodyStart; i < lines.length; i++) {
    const line = lines[i];
    const lineNo = i + 1;
    const fenceMatch = /^\s*(```|~~~)/.exec(line);
    if (fenceMatch) fence = fence === fenceMatch[1] ? null : fence ?? fenceMatch[1];
    if (fence || fenceMatch) {
      md.push(line);
      continue;
    }
    const callout = /^\s*:::\s*(\S*)\s*(.*)$/.exec(line);
    if (callout) {
      const [, kind, rest] = callout;
      if (!kind) {
        if (!open) report(lineNo, 1, 'this ":::" closes no callout; remove it, or open one above with "::: note" (or tip, warning, legal)');
        else {
          open.text = md.join('\n');
          segments.push(open);
          open = null;
          md = [];
          mdLine = lineNo + 1;
        }
        continue;
      }
      if (!(CALLOUT_KINDS as readonly string[]).includes(kind)) {
        report(lineNo, line.indexOf(kind) + 1, `unknown callout "${kind}"; use one of: ${CALLOUT_KINDS.join(', ')}`);
        continue;
      }
      if (open) {
        report(lineNo, 1, `a callout cannot start inside another (the one opened on line ${open.line} is not closed); close it with a line ":::" first`);
        continue;
      }
      flushMd(lineNo + 1);
      open = { kind: 'callout', callout: kind as CalloutKind, title: rest.trim(), text: '', line: lineNo };
      continue;
    }
    const q = QUESTION_LINE_RE.exec(line);
    if (q) {
      if (open) {
        report(lineNo, 1, 'a knowledge check cannot be placed inside a callout; move {{question …}} after the closing ":::"');
        continue;
      }
      flushMd(lineNo + 1);
      segments.push({ kind: 'question', id: q[1], text: '', line: lineNo });
      continue;
    }
    if (/\{\{/.test(line)) {
      report(lineNo, line.indexOf('{{') + 1, 'a knowledge check is written {{question <id>}} alone on its line');
    }
    md.push(line);
  }
  if (open) report(open.line, 1, `the "${open.callout}" callout opened here is never closed; add a line ":::" after its text`);
  else flushMd(lines.length + 1);
  if (fence) report(lines.length, 1, 'a code block (```) is never closed');

  const checks: string[] = [];
  const terms = new Set<string>();
  const images: string[] = [];

  // Line-level checks of the author's syntax, so every message carries its line.
  fence = null;
  for (let i = bodyStart; i < lines.length; i++) {
    const line = lines[i];
    if (/^\s*(```|~~~)/.test(line)) {
      fence = fence ? null : 'x';
      continue;
    }
    if (fence) continue;
    if (TICKED_TASK_RE.test(line))
      report(i + 1, line.indexOf('[') + 1, 'checklist items are printed with an empty box: write "- [ ] …" (a ticked "[x]" is not supported)');
    scanInline(line, i + 1, ctx, report, terms, images);
  }
  for (const s of segments) {
    if (s.kind !== 'question') continue;
    checks.push(s.id!);
    if (ctx.checkIds === undefined) report(s.line, 1, 'knowledge checks can only be embedded in module pages');
    else if (ctx.checkIds !== null && !ctx.checkIds.has(s.id!))
      report(s.line, 1, `no knowledge check "${s.id}" in this module's quiz.json (it must exist there with "use": "check")`);
  }

  const marked = makeMarked(ctx);
  const labels = CALLOUT_LABELS[ctx.locale] ?? CALLOUT_LABELS.en;
  const html = segments
    .map((s) => {
      if (s.kind === 'question') return `<div class="kc" data-question="${escapeHtml(s.id!)}"></div>`;
      const inner = keepTermsWithPunctuation(marked.parse(s.text, { async: false }) as string);
      if (s.kind === 'md') return inner;
      const titleHtml = s.title ? ` ${keepTermsWithPunctuation(marked.parseInline(s.title, { async: false }) as string)}` : '';
      return `<div class="callout callout-${s.callout}" role="note"><p class="callout-title"><span class="callout-kind">${labels[s.callout!]}</span>${titleHtml ? ':' : ''}${titleHtml}</p>${inner}</div>`;
    })
    .join('\n');

  return { title, html, checks, terms: [...terms], images, problems };
}

/**
 * Inline Markdown from a JSON string (question texts, feedback). Positions point
 * at the JSON value, so `where` gives the file, line and field.
 */
export function compileInline(
  text: string,
  ctx: MarkdownContext,
  where: { line: number; column: number; field: string },
): { html: string; terms: string[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const terms = new Set<string>();
  const report = (_l: number, _c: number, message: string, severity: Problem['severity'] = 'error') =>
    problems.push({ file: ctx.file, line: where.line, column: where.column, field: where.field, message, severity });
  scanInline(text, where.line, ctx, report, terms, []);
  return { html: keepTermsWithPunctuation(makeMarked(ctx).parseInline(text, { async: false }) as string), terms: [...terms], problems };
}

/** Plain text of inline Markdown: for LMS interaction descriptions and summaries. */
export function plainText(md: string, maxLength = Infinity): string {
  const s = md
    .replace(/\[\[([^\]|]*)(?:\|([^\]]*))?\]\]/g, (_m, id, shown) => shown ?? id)
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`~]/g, '')
    .replace(/<[^>]*>/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return s.length > maxLength ? s.slice(0, maxLength - 1) + '…' : s;
}

type Report = (line: number, column: number, message: string, severity?: Problem['severity']) => void;

function scanInline(
  line: string,
  lineNo: number,
  ctx: MarkdownContext,
  report: Report,
  terms: Set<string>,
  images: string[],
) {
  for (const m of line.matchAll(TERM_RE)) {
    const id = m[1].trim();
    const col = (m.index ?? 0) + 1;
    if (!id) report(lineNo, col, 'an empty glossary mark [[ ]]; write [[term-id]] or [[term-id|shown words]]');
    else if (ctx.terms && !ctx.terms.has(id))
      report(lineNo, col, `glossary term "${id}" is not defined in course/glossary.json; add it there (in every language) or fix the id`);
    else terms.add(id);
    if (m[2] !== undefined && !m[2].trim()) report(lineNo, col, `[[${id}|…]] needs the words to show after "|"`);
  }
  for (const m of line.matchAll(LINK_RE)) {
    const [, bang, label, href] = m;
    const col = (m.index ?? 0) + 1;
    if (bang) {
      if (!label.trim()) report(lineNo, col, 'this image has no alt text; describe what it shows inside ![…]');
      const abs = path.resolve(ctx.dir, decodeURIComponent(href));
      const assets = path.join(ctx.assetRoot, 'assets') + path.sep;
      if (/^[a-z]+:/i.test(href)) report(lineNo, col, `images must be files in the module's assets/ folder, not "${href}"`);
      else if (!abs.startsWith(assets)) report(lineNo, col, `image "${href}" must be inside ${path.relative(ctx.dir, assets).replace(/\\/g, '/')}/`);
      else if (!existsSync(abs)) report(lineNo, col, `image "${href}" does not exist (looked for ${path.relative(ctx.assetRoot, abs).replace(/\\/g, '/')})`);
      else if (/\.svg$/i.test(abs) && SVG_ACTIVE_RE.test(readFileSync(abs, 'utf8')))
        report(lineNo, col, `image "${href}" contains a script, an event handler, a <foreignObject> or a link to another address; learners can open a figure on its own, so remove it from the SVG file`);
      else {
        images.push(abs);
        const other = abs.slice(assets.length).split(path.sep)[0];
        if (other !== ctx.locale && /^[a-z]{2}(-[A-Z]{2})?$/.test(other) && existsSync(path.join(assets, ctx.locale)))
          report(lineNo, col, `this ${ctx.locale} page shows the "${other}" version of an image; use assets/${ctx.locale}/…`, 'warning');
      }
      continue;
    }
    checkHref(href, lineNo, col, ctx, report);
  }
  for (const m of line.matchAll(TAG_RE)) {
    const [, close, name, attrs] = m;
    const col = (m.index ?? 0) + 1;
    const tag = name.toLowerCase();
    // Autolinks look like tags; a closing tag repeats what its opening tag already reported.
    if (/^(https?|mailto):/.test(name) || close) continue;
    if (!ALLOWED_TAGS.has(tag)) {
      const why = tag === 'script' ? 'scripts can never run in the course' : tag === 'iframe' ? 'frames are not allowed' : 'raw HTML is not allowed';
      report(lineNo, col, `<${tag}> is refused: ${why}; write Markdown instead (allowed tags: ${[...ALLOWED_TAGS].join(', ')})`);
      continue;
    }
    const attrList = attrs.replace(/\/\s*$/, '').trim();
    if (/\bon[a-z]+\s*=/i.test(attrList)) report(lineNo, col, `event-handler attributes (on…=) are refused: they would run code`);
    else if (attrList && !(tag === 'abbr' && /^title\s*=\s*"[^"]*"$/.test(attrList)))
      report(lineNo, col, `<${tag}> takes no attributes here${tag === 'abbr' ? ' except title="…"' : ''}`);
  }
}

function checkHref(href: string, lineNo: number, col: number, ctx: MarkdownContext, report: Report) {
  if (href.startsWith('page:')) {
    if (!ctx.pageKeys.has(href.slice(5)))
      report(lineNo, col, `link "${href}" points to no page; write page:<module-id>/<page-id> or page:course/<page-id>`);
  } else if (/^javascript:/i.test(href.replace(/\s/g, ''))) report(lineNo, col, 'javascript: links are refused: they would run code');
  else if (/^http:/i.test(href)) report(lineNo, col, `link "${href}" must use https://`);
  else if (!/^(https:\/\/|mailto:|tel:)/i.test(href))
    report(lineNo, col, `link "${href}" is not allowed; use https://…, mailto:, tel:, or page:<module-id>/<page-id>`);
}

function makeMarked(ctx: MarkdownContext): Marked {
  const marked = new Marked({ gfm: true, breaks: false });
  marked.use({
    extensions: [
      {
        name: 'glossaryTerm',
        level: 'inline',
        start: (src: string) => src.indexOf('[['),
        tokenizer(src: string) {
          const m = /^\[\[([^\]|]+)(?:\|([^\]]+))?\]\]/.exec(src);
          if (!m) return undefined;
          return { type: 'glossaryTerm', raw: m[0], id: m[1].trim(), shown: m[2]?.trim() };
        },
        renderer(token) {
          const t = token as unknown as { id: string; shown?: string };
          const shown = t.shown ?? ctx.terms?.get(t.id) ?? t.id;
          return `<button type="button" class="term" data-term="${escapeHtml(t.id)}" aria-expanded="false">${escapeHtml(shown)}</button>`;
        },
      },
    ],
    renderer: {
      html({ text }: Tokens.HTML | Tokens.Tag) {
        // Only the allowed inline tags survive, re-written from their parts.
        return text.replace(TAG_RE, (_all, close: string, name: string, attrs: string) => {
          const tag = name.toLowerCase();
          if (!ALLOWED_TAGS.has(tag)) return escapeHtml(_all);
          const title = tag === 'abbr' ? /title\s*=\s*"([^"]*)"/.exec(attrs)?.[1] : undefined;
          return `<${close}${tag}${title !== undefined && !close ? ` title="${escapeHtml(title)}"` : ''}>`;
        }).replace(/<(?![/a-z])/gi, '&lt;');
      },
      heading({ tokens, depth }: Tokens.Heading) {
        // The page title is the only h1; authors' sections start at h2.
        const level = Math.min(6, Math.max(2, depth));
        return `<h${level}>${this.parser.parseInline(tokens)}</h${level}>\n`;
      },
      link({ href, title, tokens }: Tokens.Link) {
        const text = this.parser.parseInline(tokens);
        const t = title ? ` title="${escapeHtml(title)}"` : '';
        if (href.startsWith('page:')) {
          const key = href.slice(5);
          return `<a href="#/page/${escapeHtml(key)}" data-page="${escapeHtml(key)}"${t}>${text}</a>`;
        }
        if (/^(https:\/\/|mailto:|tel:)/i.test(href)) {
          const external = /^https:/i.test(href);
          return `<a href="${escapeHtml(href)}"${t}${external ? ' target="_blank" rel="noopener noreferrer"' : ''}>${text}${external ? `<span class="sr-only">${NEW_WINDOW[ctx.locale] ?? NEW_WINDOW.en}</span>` : ''}</a>`;
        }
        return text; // refused links keep their words, lose the link
      },
      image({ href, title, text }: Tokens.Image) {
        const abs = path.resolve(ctx.dir, decodeURIComponent(href));
        const rel = path.relative(ctx.assetRoot, abs).split(path.sep).join('/');
        if (rel.startsWith('..') || /^[a-z]+:/i.test(href)) return escapeHtml(text);
        const img = `<img src="${escapeHtml(ctx.assetUrl + rel)}" alt="${escapeHtml(text)}" loading="lazy">`;
        return title ? `${img}<!--caption:${escapeHtml(title)}-->` : img;
      },
      paragraph({ tokens }: Tokens.Paragraph) {
        const inner = this.parser.parseInline(tokens);
        const lone = tokens.filter((t) => !(t.type === 'text' && !t.raw.trim()));
        if (lone.length === 1 && lone[0].type === 'image') {
          const m = /^(.*?)(?:<!--caption:(.*)-->)?$/s.exec(inner)!;
          // A diagram is small on a phone: the image opens on its own (new tab, any zoom), from the LMS or offline.
          const src = /^<img src="([^"]*)"/.exec(m[1])?.[1];
          const open = `${FIGURE_OPEN[ctx.locale] ?? FIGURE_OPEN.en}${NEW_WINDOW[ctx.locale] ?? NEW_WINDOW.en}`;
          const body = src ? `<a class="figure-link" href="${src}" target="_blank" rel="noopener">${m[1]}<span class="figure-open">${open}</span></a>` : m[1];
          return `<figure>${body}${m[2] ? `<figcaption>${m[2]}</figcaption>` : ''}</figure>\n`;
        }
        return `<p>${inner.replace(/<!--caption:.*?-->/g, '')}</p>\n`;
      },
      // GFM task lists ("- [ ] item") are printable checklists: an empty box drawn by CSS, no form input.
      // role="list": list-style none makes Safari/VoiceOver stop announcing a list.
      list(token: Tokens.List) {
        const tag = token.ordered ? 'ol' : 'ul';
        const start = token.ordered && token.start !== 1 && token.start !== '' ? ` start="${token.start}"` : '';
        const checklist = token.items.length > 0 && token.items.every((i) => i.task) ? ' class="checklist" role="list"' : '';
        return `<${tag}${start}${checklist}>\n${token.items.map((i) => this.listitem(i)).join('')}</${tag}>\n`;
      },
      listitem(item: Tokens.ListItem) {
        return `<li${item.task ? ' class="task"' : ''}>${this.parser.parse(item.tokens)}</li>\n`;
      },
      checkbox() {
        return '';
      },
      table(token: Tokens.Table) {
        const cell = (c: Tokens.TableCell, tag: string) =>
          `<${tag}${c.align ? ` style="text-align:${c.align}"` : ''}>${this.parser.parseInline(c.tokens)}</${tag}>`;
        const head = `<tr>${token.header.map((c) => cell(c, 'th')).join('')}</tr>`;
        const body = token.rows.map((r) => `<tr>${r.map((c) => cell(c, 'td')).join('')}</tr>`).join('');
        return `<div class="table-wrap" tabindex="0"><table><thead>${head}</thead><tbody>${body}</tbody></table></div>\n`;
      },
    },
  });
  return marked;
}

function readFrontMatter(lines: string[], report: Report): { title: string; bodyStart: number } {
  if (lines[0]?.trim() !== '---') {
    report(1, 1, 'the page must start with front matter: a line "---", a line "title: …", and a line "---"');
    return { title: '', bodyStart: 0 };
  }
  let title = '';
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i];
    if (line.trim() === '---') {
      if (!title) report(1, 1, 'the front matter has no "title: …" line');
      return { title, bodyStart: i + 1 };
    }
    const m = /^([A-Za-z][\w-]*)\s*:\s*(.*)$/.exec(line);
    if (!m) {
      if (line.trim()) report(i + 1, 1, 'front matter lines are written "key: value"');
      continue;
    }
    if (m[1] === 'title') title = m[2].trim().replace(/^(["'])(.*)\1$/, '$2');
    else report(i + 1, 1, `unknown front-matter key "${m[1]}"; only "title" is used`, 'warning');
  }
  report(1, 1, 'the front matter is never closed; add a line "---" after the title');
  return { title, bodyStart: lines.length };
}
