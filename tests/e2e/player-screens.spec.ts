import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { serveStatic, type StaticServer } from '../../src/node/staticServer';
import { packageDir } from './support/packages';

/**
 * The player on every kind of screen, in both languages, from the built package
 * opened without an LMS: zero axe violations, no CSP violation, no horizontal
 * scrolling at 320 px, and the whole course can be done with the keyboard-friendly
 * controls (selects, move buttons) alone.
 */

let server: StaticServer;
test.beforeAll(async () => {
  server = await serveStatic({ '/': packageDir('mini', 'scorm2004') });
});
test.afterAll(async () => server?.close());

const T = {
  pl: { start: 'Rozpocznij kurs', check: 'Sprawdź odpowiedź', submit: 'Zatwierdź odpowiedzi', anyway: 'Zatwierdź mimo to', final: 'Rozpocznij test końcowy', true: 'Prawda', yes: 'Tak', passed: 'Zaliczono', cert: 'Zaświadczenie o ukończeniu kursu', lang: 'English' },
  en: { start: 'Start the course', check: 'Check answer', submit: 'Submit answers', anyway: 'Submit anyway', final: 'Start the final assessment', true: 'True', yes: 'Yes', passed: 'Passed', cert: 'Certificate of completion', lang: 'Polski' },
};

async function checkScreen(page: Page, name: string) {
  await page.waitForTimeout(150);
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(axe.violations.map((v) => `${name}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${name}: horizontal scroll`).toBeLessThanOrEqual(0);
}

const go = (page: Page, route: string) => page.evaluate((r) => (location.hash = r), route);

for (const locale of ['pl', 'en'] as const) {
  for (const width of [320, 1280]) {
    test(`every screen, ${locale}, ${width} px`, async ({ page }) => {
      const s = T[locale];
      const problems: string[] = [];
      page.on('console', (m) => /Content Security Policy|Refused to/.test(m.text()) && problems.push(m.text()));
      page.on('pageerror', (e) => problems.push(e.message));
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`${server.url}/index.html`);
      await expect(page.locator('main h1')).toBeVisible();
      if (locale === 'en') await page.getByRole('button', { name: 'English' }).first().click();
      await expect(page.locator('html')).toHaveAttribute('lang', locale);
      await checkScreen(page, 'start');

      await page.getByRole('button', { name: s.start }).click();
      await expect(page.locator('main h1')).toBeFocused();
      for (const route of ['#/menu', '#/glossary', '#/sources', '#/help', '#/complete', '#/page/m-alpha/a1']) {
        await go(page, route);
        await checkScreen(page, route);
      }

      // Knowledge check, before and after answering (single choice).
      await page.locator('.check input[type=radio]').first().check();
      await page.getByRole('button', { name: s.check }).click();
      await expect(page.locator('.check .feedback')).toBeVisible();
      await checkScreen(page, 'check answered');
      await page.locator('button.term').first().focus();
      await expect(page.locator('#term-tip')).toBeVisible();
      await checkScreen(page, 'glossary term open');
      await go(page, '#/page/m-alpha/a2');
      await go(page, '#/page/m-beta/b1'); // matching knowledge check
      await page.locator('.check select').first().selectOption({ index: 1 });
      await page.getByRole('button', { name: s.check }).click();
      await checkScreen(page, 'matching check answered');

      // Module quizzes: every type before and after submitting.
      for (const m of ['m-alpha', 'm-beta']) {
        await go(page, `#/quiz/${m}`);
        await checkScreen(page, `quiz ${m}`);
        const radios = page.locator('.question input[type=radio]');
        if (await radios.count()) await radios.first().check();
        const boxes = page.locator('.question input[type=checkbox]');
        if (await boxes.count()) await boxes.first().check();
        const fills = page.locator('.question input.fill');
        for (let i = 0; i < (await fills.count()); i++) await fills.nth(i).fill('3,5');
        const selects = page.locator('.question select');
        for (let i = 0; i < (await selects.count()); i++) await selects.nth(i).selectOption({ index: 1 });
        const down = page.locator('.ordering li:first-child button').last();
        if (await down.count()) {
          await down.click();
          await expect(page.locator('.ordering li:nth-child(2) button').last()).toBeFocused();
        }
        while (await page.locator('.scene button').count()) await page.locator('.scene button').first().click();
        await checkScreen(page, `quiz ${m} answered`);
        await page.getByRole('button', { name: s.submit }).click();
        if (await page.getByRole('button', { name: s.anyway }).count()) await page.getByRole('button', { name: s.anyway }).click();
        await expect(page.locator('.summary')).toBeVisible();
        await expect(page.locator('[aria-live]')).not.toBeEmpty();
        await checkScreen(page, `quiz ${m} results`);
      }

      // Final assessment: answer everything right (the fixture's keys), pass, get the certificate.
      await go(page, '#/final');
      await checkScreen(page, 'final intro');
      await page.getByRole('button', { name: s.final }).click();
      const questions = page.locator('.question');
      for (let i = 0; i < (await questions.count()); i++) {
        const q = questions.nth(i);
        if (await q.locator('input[type=radio]').count()) {
          await q.locator('label.option', { hasText: new RegExp(`^(${s.true}|${s.yes})$`) }).locator('input').check();
        } else if (await q.locator('input.fill').count()) await q.locator('input.fill').fill(' kcik ');
        else if (await q.locator('.ordering').count()) await q.locator('.ordering li:first-child button').last().click();
      }
      await checkScreen(page, 'final answered');
      await page.getByRole('button', { name: s.submit }).click();
      await expect(page.locator('.summary .big')).toContainText(s.passed);
      await checkScreen(page, 'final results');
      await go(page, '#/complete');
      await expect(page.locator('.certificate h2')).toHaveText(s.cert);
      await checkScreen(page, 'certificate');

      // The language can change at any moment; progress stays.
      await page.getByRole('button', { name: s.lang }).first().click();
      await expect(page.locator('html')).toHaveAttribute('lang', locale === 'pl' ? 'en' : 'pl');
      await expect(page.locator('.certificate')).toBeVisible();
      expect(problems).toEqual([]);
    });
  }
}

test('print styles leave only the certificate', async ({ page }) => {
  await page.goto(`${server.url}/index.html#/help`);
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('header')).toBeHidden();
  await expect(page.locator('footer')).toBeHidden();
});

test('reduced motion switches transitions off', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(`${server.url}/index.html#/menu`);
  const duration = await page.locator('.progress > div').evaluate((e) => getComputedStyle(e).transitionDuration);
  expect(duration).toBe('0s');
});

test('built files contain no http(s) URL', async () => {
  const { readdirSync, readFileSync } = await import('node:fs');
  const path = await import('node:path');
  const dir = packageDir('mini', 'scorm2004');
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => /\.(html|js|css)$/.test(f) && !/course-data/.test(f));
  for (const f of files) {
    const urls = readFileSync(path.join(dir, f), 'utf8').match(/https?:\/\/[^\s"'`)]+/g) ?? [];
    // The SVG/MathML/XHTML namespaces are identifiers, not requests.
    expect(urls.filter((u) => !/^http:\/\/www\.w3\.org\//.test(u)), f).toEqual([]);
  }
});

test('a module page whose text cannot be fetched says so, offers to try again, and shows it when the server answers', async ({ page }) => {
  // A flaky LMS server: the first request for the module's page chunk fails.
  let refused = 0;
  await page.route(/course-data-pl-pages-m-alpha-[^/]*\.js$/, (route) => (refused++ ? route.continue() : route.abort('connectionreset')));
  await page.goto(`${server.url}/index.html#/page/m-alpha/a1`);
  await expect(page.locator('main h1')).toHaveText('Pierwsza strona alfa');
  await expect(page.getByRole('alert')).toContainText('Nie udało się wczytać treści strony.');
  await checkScreen(page, 'page text failed to load');
  await page.getByRole('button', { name: 'Spróbuj ponownie' }).click();
  await expect(page.locator('main .content')).toContainText('Akapit o');
  await expect(page.locator('main section.check')).toHaveCount(1);
  expect(refused).toBe(2);
});
