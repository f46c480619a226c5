import { expect, test, type Page } from '@playwright/test';
import { servePackage, type PackageServer } from '../../src/lms-preview/servePackage';
import { packageDir, type PackageKind } from './support/packages';

/**
 * The built packages in the local LMS page (scorm-again): close mid-way and resume on the same page;
 * faults injected around the real API object; the final data model is asserted.
 */

const kinds: [PackageKind, '1.2' | '2004'][] = [
  ['scorm12', '1.2'],
  ['scorm2004', '2004'],
];

for (const [kind, version] of kinds) {
  test.describe(`tracking, SCORM ${version}`, () => {
    let server: PackageServer;
    test.beforeAll(async () => {
      server = await servePackage(packageDir('mini', kind), 0);
    });
    test.afterAll(async () => server?.close());

    const course = (page: Page) => page.frameLocator('#course');
    const courseHash = (page: Page) => page.frames().find((f) => new URL(f.url()).pathname === '/index.html')!.evaluate(() => location.hash);
    const stored = (page: Page) => page.evaluate(() => (window as any).lmsPreview.stored());
    const flat = (cmi: any, el: string) => el.split('.').slice(1).reduce((o, k) => o?.[k], cmi);
    const el = (name: string) =>
      version === '1.2'
        ? { suspend: 'cmi.suspend_data', exit: 'cmi.core.exit', entry: 'cmi.core.entry', status: 'cmi.core.lesson_status', location: 'cmi.core.lesson_location' }[name]!
        : { suspend: 'cmi.suspend_data', exit: 'cmi.exit', entry: 'cmi.entry', status: 'cmi.completion_status', location: 'cmi.location' }[name]!;

    async function open(page: Page) {
      await page.goto(server.lmsUrl(version));
      await page.evaluate(() => localStorage.clear());
      await page.goto(server.lmsUrl(version));
      await expect(course(page).getByRole('button', { name: 'Rozpocznij kurs' })).toBeVisible();
    }

    async function walk(page: Page, pages: number) {
      await course(page).getByRole('button', { name: 'Rozpocznij kurs' }).click();
      for (let i = 0; i < pages; i++) await course(page).getByRole('link', { name: /Dalej/ }).or(course(page).getByRole('button', { name: /Dalej/ })).first().click();
    }

    test('close mid-way and resume on the same page', async ({ page }) => {
      await open(page);
      await walk(page, 2);
      const where = await courseHash(page);
      expect(where).toMatch(/^#\/page\//);
      await page.evaluate(() => (window as any).lmsPreview.close());
      const reg = await stored(page);
      expect(flat(reg.cmi, el('exit'))).toBe('suspend');
      expect(flat(reg.cmi, el('suspend'))).toMatch(/^S2\|/);
      expect(flat(reg.cmi, el('location'))).toBe(where.slice(2));
      await page.evaluate(() => (window as any).lmsPreview.launch());
      await course(page).getByRole('button', { name: /Wznów/ }).click();
      expect(await courseHash(page)).toBe(where);
      const model = await page.evaluate(() => (window as any).lmsPreview.model());
      expect(model[el('entry')]).toBe('resume');
      expect(model[el('status')]).toBe('incomplete');
    });

    test('LMS session ended mid-way: the browser copy wins at the next launch and nothing is lost', async ({ page }) => {
      await open(page);
      await walk(page, 1);
      await page.evaluate(() => (window as any).lmsPreview.setFaults({ sessionEnded: true }));
      await course(page).getByRole('link', { name: /Dalej/ }).or(course(page).getByRole('button', { name: /Dalej/ })).first().click();
      await expect(course(page).getByText('Zapisywanie postępów się opóźnia')).toBeVisible();
      const where = await courseHash(page);
      await page.evaluate(() => (window as any).lmsPreview.close());
      const before = await stored(page);
      expect(flat(before.cmi, el('location'))).not.toBe(where.slice(2)); // the LMS never got it
      expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('scorm-copy:')))).toHaveLength(1);
      await page.evaluate(() => (window as any).lmsPreview.setFaults({ sessionEnded: false }));
      await page.evaluate(() => (window as any).lmsPreview.launch());
      await course(page).getByRole('button', { name: /Wznów/ }).click();
      expect(await courseHash(page)).toBe(where);
      await page.evaluate(() => (window as any).lmsPreview.close());
      const after = await stored(page);
      expect(flat(after.cmi, el('location'))).toBe(where.slice(2));
      expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('scorm-copy:')))).toHaveLength(0);
    });

    test('Commit failing and slow: retried until the LMS has it', async ({ page }) => {
      await open(page);
      await page.evaluate(() => (window as any).lmsPreview.setFaults({ commitFails: true }));
      await walk(page, 2);
      await expect(course(page).getByText('Zapisywanie postępów się opóźnia')).toBeVisible();
      const where = await courseHash(page);
      await page.evaluate(() => (window as any).lmsPreview.setFaults({ commitFails: false, slowCommit: 500 }));
      await expect(course(page).getByText('Zapisywanie postępów się opóźnia')).toBeHidden({ timeout: 15_000 });
      const reg = await stored(page);
      expect(flat(reg.cmi, el('location'))).toBe(where.slice(2));
      await page.evaluate(() => (window as any).lmsPreview.setFaults({ slowCommit: 0 }));
    });
  });
}
