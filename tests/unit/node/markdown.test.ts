import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
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

  it('turns a lone image into a figure with caption and served path, linked to open at full size', () => {
    const r = page('![Schemat](../assets/pl/diagram.svg "Rys. 1. Schemat")\n');
    expect(r.problems).toEqual([]);
    expect(r.html).toContain(
      '<figure><a class="figure-link" href="content/m-alpha/assets/pl/diagram.svg" target="_blank" rel="noopener">' +
        '<img src="content/m-alpha/assets/pl/diagram.svg" alt="Schemat" loading="lazy">' +
        '<span class="figure-open">Powiększ (otwiera się w nowym oknie)</span></a><figcaption>Rys. 1. Schemat</figcaption></figure>',
    );
    expect(r.images).toEqual([path.join(moduleDir, 'assets', 'pl', 'diagram.svg')]);
    // The link's words are in the page's language; an image inside a sentence is not linked.
    expect(page('![Diagram](../assets/en/diagram.svg)\n', ctx({ locale: 'en', dir: path.join(moduleDir, 'en') })).html).toContain(
      'alt="Diagram" loading="lazy"><span class="figure-open">Enlarge (opens in a new window)</span></a></figure>',
    );
    expect(page('Zob. ![Schemat](../assets/pl/diagram.svg) obok.').html).not.toContain('figure-link');
  });

  it('refuses an SVG figure that could run or load something when opened on its own', () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'md-svg-'));
    mkdirSync(path.join(root, 'assets'));
    mkdirSync(path.join(root, 'pl'));
    const svg = (name: string, body: string) =>
      writeFileSync(path.join(root, 'assets', name), `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">${body}</svg>`);
    svg('ok.svg', '<title>Ok</title><rect width="10" height="10" fill="#0b3d91"/><use href="#a"/>');
    svg('script.svg', '<script>alert(1)</script>');
    svg('handler.svg', '<rect onclick="alert(1)"/>');
    svg('remote.svg', '<image href="https://example.org/x.png"/>');
    const c = ctx({ dir: path.join(root, 'pl'), assetRoot: root });
    expect(page('![Ok](../assets/ok.svg)', c).problems).toEqual([]);
    for (const name of ['script', 'handler', 'remote'])
      expect(page(`![Zły](../assets/${name}.svg)`, c).problems).toMatchObject([{ line: 4, message: expect.stringContaining('remove it from the SVG file') }]);
    rmSync(root, { recursive: true, force: true });
  });

  it('renders task list items as a printable checklist: list semantics, no form inputs', () => {
    const r = page('Wskaźniki:\n\n- [ ] izolacja\n- [ ] niewola za **długi**\n\nZwykła lista:\n\n- a\n- b\n');
    expect(r.problems).toEqual([]);
    expect(r.html).toContain('<ul class="checklist" role="list">\n<li class="task">izolacja</li>\n<li class="task">niewola za <strong>długi</strong></li>\n</ul>');
    expect(r.html).toContain('<ul>\n<li>a</li>\n<li>b</li>\n</ul>');
    expect(r.html).not.toMatch(/<input|\[ \]|☐/);
  });

  it('refuses a ticked checklist item: the boxes are printed empty', () => {
    const r = page('- [ ] tak\n- [x] nie\n');
    expect(r.problems).toMatchObject([{ line: 5, column: 3, message: expect.stringContaining('"- [ ] …"') }]);
  });

  it('keeps a glossary term together with the punctuation written against it', () => {
    const r = page('Zob. ([[kcik]]), „[[forced-labour|pracy przymusowej]]” i [[kcik]] sam.');
    const button = (id: string, words: string) => `<button type="button" class="term" data-term="${id}" aria-expanded="false">${words}</button>`;
    expect(r.html).toContain(`<span class="term-nb">(${button('kcik', 'KCIK')}),</span>`);
    expect(r.html).toContain(`<span class="term-nb">„${button('forced-labour', 'pracy przymusowej')}”</span>`);
    expect(r.html).toContain(` i ${button('kcik', 'KCIK')} sam.`);
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
    expect(compileInline('(zob. [[kcik]])', ctx(), { line: 1, column: 1, field: 'x' }).html).toMatch(/^\(zob\. <span class="term-nb"><button [^>]*>KCIK<\/button>\)<\/span>$/);
    expect(r.problems).toMatchObject([{ line: 12, column: 9, field: 'questions.0.prompt' }]);
  });

  it('makes LMS descriptions plain and bounded', () => {
    expect(plainText('Czy **zgoda** [[consent|ofiary]] ma znaczenie?')).toBe('Czy zgoda ofiary ma znaczenie?');
    expect(plainText('x'.repeat(300), 250)).toHaveLength(250);
  });
});
