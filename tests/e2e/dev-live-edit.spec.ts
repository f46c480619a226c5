import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { copyFixture, projectRoot, removeDir } from '../support/courseCopy';

// The README's promise to trainers: with `npm run dev` open, a new page and a new question
// appear as soon as the files are saved, and a mistake shows in the browser with file and line.

let course: string;
let server: ChildProcess;
let base: string;

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });

test.beforeAll(async () => {
  course = copyFixture('mini');
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  server = spawn(process.execPath, [path.join(projectRoot, 'node_modules/tsx/dist/cli.mjs'), 'scripts/dev.ts'], {
    cwd: projectRoot,
    env: { ...process.env, COURSE_ROOT: course, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('dev server did not start')), 60_000);
    server.stdout!.on('data', (d: Buffer) => {
      if (d.toString().includes('Course in the local LMS')) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
});

test.afterAll(() => {
  server?.kill();
  removeDir(course);
});

const write = (rel: string, text: string) => writeFileSync(path.join(course, rel), text);
const edit = (rel: string, change: (s: string) => string) => write(rel, change(readFileSync(path.join(course, rel), 'utf8')));

test('a page and a question added by a trainer appear in the open course', async ({ page }) => {
  await page.goto(`${base}/index.html#/page/m-alpha/a2`);
  await expect(page.getByRole('heading', { level: 1, name: 'Druga strona alfa' })).toBeVisible();

  write('modules/m-alpha/pl/a3.md', '---\ntitle: Strona dodana przez trenera\n---\n\nNowy akapit o [[kcik]].\n\n{{question a-kc-new}}\n');
  write('modules/m-alpha/en/a3.md', '---\ntitle: Page added by a trainer\n---\n\nA new paragraph on [[kcik]].\n\n{{question a-kc-new}}\n');
  edit('modules/m-alpha/quiz.json', (s) =>
    s.replace(
      '"questions": [',
      `"questions": [
    { "id": "a-kc-new", "type": "truefalse", "use": "check",
      "prompt": { "pl": "Pytanie dodane na żywo.", "en": "A question added live." }, "answer": true },`,
    ),
  );
  edit('modules/m-alpha/module.json', (s) => s.replace('"pages": ["a1", "a2"]', '"pages": ["a1", "a2", "a3"]'));

  await page.goto(`${base}/index.html#/page/m-alpha/a3`);
  await expect(page.getByRole('heading', { level: 1, name: 'Strona dodana przez trenera' })).toBeVisible();
  await expect(page.getByText('Pytanie dodane na żywo.')).toBeVisible();
});

test('editing the open page updates it without a reload, and a mistake shows its file and line', async ({ page }) => {
  await page.goto(`${base}/index.html#/page/m-alpha/a1`);
  await expect(page.getByRole('heading', { level: 1, name: 'Pierwsza strona alfa' })).toBeVisible();

  edit('modules/m-alpha/pl/a1.md', (s) => s.replace('title: Pierwsza strona alfa', 'title: Poprawiony tytuł'));
  await expect(page.getByRole('heading', { level: 1, name: 'Poprawiony tytuł' })).toBeVisible();

  edit('modules/m-alpha/pl/a1.md', (s) => s + '\nZob. [[termin-ktorego-nie-ma]].\n');
  const overlay = page.locator('vite-error-overlay');
  await expect(overlay).toBeAttached();
  await expect(overlay).toContainText(/modules\/m-alpha\/pl\/a1\.md:\d+:\d+/);
  await expect(overlay).toContainText('glossary term "termin-ktorego-nie-ma" is not defined');
});
