import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileInline, compilePage, plainText, type MarkdownContext } from '../../../src/node/markdown';
import { fixturesDir } from '../../support/courseCopy';

const moduleDir = path.join(fixturesDir, 'mini', 'modules', 'm-alpha');
const ctx = (over: Partial<MarkdownContext> = {}): MarkdownContext => ({
  file: 'modules/m-alpha/pl/x.md',
  dir: path.join(moduleDir, 'pl'),
  assetRoot: moduleDir,
  assetUrl: 'content/m-alpha/',
  locale: 'pl',
  terms: new Map([['kcik', 'KCIK'], ['forced-labour', 'praca przymusowa']]),
  pageKeys: new Set(['m-alpha/a1', 'course/job-aid']),
  checkIds: new Set(['a-kc-single']),
  ...over,
});
const page = (body: string, c = ctx()) => compilePage(`---\ntitle: Tytuł\n---\n${body}`, c);

describe('compilePage', () => {
  it('reads the title from front matter', () => {
    expect(page('Tekst.').title).toBe('Tytuł');
  });

  it('renders callouts with their kind in words, not colour alone', () => {
    const r = page('::: legal Art. 115 § 22 kk\n„Handlem ludźmi jest…”\n:::\n');
    expect(r.problems).toEqual([]);
    expect(r.html).toContain('<div class="callout callout-legal" role="note"><p class="callout-title"><span class="callout-kind">Przepis</span>: Art. 115 § 22 kk</p>');
    expect(r.html).toContain('<p>„Handlem ludźmi jest…”</p>');
  });

  it('turns a lone image into a figure with caption and served path', () => {
    const r = page('![Schemat](../assets/pl/diagram.svg "Rys. 1. Schemat")\n');
    expect(r.problems).toEqual([]);
    expect(r.html).toContain('<figure><img src="content/m-alpha/assets/pl/diagram.svg" alt="Schemat" loading="lazy"><figcaption>Rys. 1. Schemat</figcaption></figure>');
    expect(r.images).toEqual([path.join(moduleDir, 'assets', 'pl', 'diagram.svg')]);
  });

  it('marks glossary terms as buttons, with the author\'s inflected words', () => {
    const r = page('O [[forced-labour|pracy przymusowej]] i [[kcik]].');
    expect(r.html).toContain('<button type="button" class="term" data-term="forced-labour" aria-expanded="false">pracy przymusowej</button>');
    expect(r.html).toContain('data-term="kcik" aria-expanded="false">KCIK</button>');
    expect(r.terms.sort()).toEqual(['forced-labour', 'kcik']);
  });

  it('embeds knowledge checks as placeholders the player fills', () => {
    const r = page('Tekst.\n\n{{question a-kc-single}}\n');
    expect(r.checks).toEqual(['a-kc-single']);
    expect(r.html).toContain('<div class="kc" data-question="a-kc-single"></div>');
  });

  it('links pages by key and opens https links in a new window, saying so', () => {
    const r = page('[A](page:m-alpha/a1) [B](https://isap.sejm.gov.pl/)');
    expect(r.html).toContain('<a href="#/page/m-alpha/a1" data-page="m-alpha/a1">A</a>');
    expect(r.html).toContain('target="_blank" rel="noopener noreferrer">B<span class="sr-only"> (otwiera się w nowym oknie)</span></a>');
  });

  it('shifts author h1 to h2: the page title is the only h1', () => {
    expect(page('# Sekcja').html).toContain('<h2>Sekcja</h2>');
  });

  it('wraps tables so they scroll by keyboard on narrow screens', () => {
    expect(page('| a | b |\n|---|---|\n| 1 | 2 |').html).toMatch(/^<div class="table-wrap" tabindex="0"><table>/m);
  });

  it.each([
    ['<script>alert(1)</script>', '<script>'],
    ['<img src=x onerror="alert(1)">', '<img>'],
    ['<iframe src="https://x"></iframe>', '<iframe>'],
    ['[x](javascript:alert(1))', 'javascript:'],
    ['<abbr title="a" onclick="b">SG</abbr>', 'event-handler'],
  ])('refuses %s and never outputs it as markup', (src, words) => {
    const r = page(`Tekst ${src}`);
    expect(r.problems.map((p) => p.message).join('\n')).toContain(words);
    // Escaped text is harmless; what must never appear is a live tag, handler or javascript: link.
    expect(r.html).not.toMatch(/<(script|iframe|img)\b|<[^>]*\son[a-z]+=|href="javascript/i);
  });

  it('keeps the harmless inline tags', () => {
    const r = page('Naciśnij <kbd>N</kbd>, <abbr title="Straż Graniczna">SG</abbr>.');
    expect(r.problems).toEqual([]);
    expect(r.html).toContain('<kbd>N</kbd>');
    expect(r.html).toContain('<abbr title="Straż Graniczna">SG</abbr>');
  });

  it('reports problems with their line numbers', () => {
    const r = page('Pierwsza.\n\nDruga z [[brak]].\n');
    expect(r.problems).toMatchObject([{ line: 6, column: 9, message: expect.stringContaining('"brak"') }]);
  });
});

describe('compileInline and plainText', () => {
  it('renders inline Markdown of a JSON string and points problems at the JSON field', () => {
    const r = compileInline('**Tak** – zob. [[nope]]', ctx(), { line: 12, column: 9, field: 'questions.0.prompt' });
    expect(r.html).toBe('<strong>Tak</strong> – zob. <button type="button" class="term" data-term="nope" aria-expanded="false">nope</button>');
    expect(r.problems).toMatchObject([{ line: 12, column: 9, field: 'questions.0.prompt' }]);
  });

  it('makes LMS descriptions plain and bounded', () => {
    expect(plainText('Czy **zgoda** [[consent|ofiary]] ma znaczenie?')).toBe('Czy zgoda ofiary ma znaczenie?');
    expect(plainText('x'.repeat(300), 250)).toHaveLength(250);
  });
});
