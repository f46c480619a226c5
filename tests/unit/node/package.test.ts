import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCourse } from '../../../src/node/buildCourse';
import { copyFixture, removeDir } from '../../support/courseCopy';
import { validateManifest } from '../../support/xmlSchemaCheck';

// Builds the mini fixture course for real (player build + both packages) once.
let course: string;
let out: string;
const zips: Record<'1.2' | '2004', Record<string, Uint8Array>> = { '1.2': {}, '2004': {} };
const names = { '1.2': 'mini-course-0.1.0-scorm12.zip', '2004': 'mini-course-0.1.0-scorm2004.zip' } as const;

beforeAll(async () => {
  course = copyFixture();
  out = path.join(course, 'dist-scorm');
  const log: string[] = [];
  const ok = await buildCourse({ root: course, outDir: out, log: (l) => log.push(l) });
  if (!ok) throw new Error(log.join('\n'));
  for (const v of ['1.2', '2004'] as const) zips[v] = unzipSync(readFileSync(path.join(out, names[v])));
}, 180_000);
afterAll(() => removeDir(course));

const text = (v: '1.2' | '2004', f: string) => Buffer.from(zips[v][f]).toString('utf8');
const listed = (manifest: string) => [...manifest.matchAll(/<file href="([^"]+)"\/>/g)].map((m) => m[1]);

describe.each(['1.2', '2004'] as const)('SCORM %s package', (v) => {
  it('has its manifest at the root, launching index.html as one SCO', () => {
    const m = text(v, 'imsmanifest.xml');
    expect(m).toMatch(v === '1.2' ? /adlcp:scormtype="sco" href="index.html"/ : /adlcp:scormType="sco" href="index.html"/);
    expect(m.match(/scorm[tT]ype="sco"/g)).toHaveLength(1);
  });

  it('lists every file it ships, and ships every file it lists', () => {
    const files = listed(text(v, 'imsmanifest.xml'));
    const shipped = Object.keys(zips[v]).filter((f) => f !== 'imsmanifest.xml');
    expect([...files].sort()).toEqual([...shipped].sort());
  });

  it('is valid against the official schema files it carries (xmllint)', () => {
    const dir = path.join(os.tmpdir(), `manifest-${v}-${process.pid}`);
    mkdirSync(dir, { recursive: true });
    for (const [f, bytes] of Object.entries(zips[v])) if (!f.includes('/')) writeFileSync(path.join(dir, f), bytes);
    const r = validateManifest(dir, v);
    removeDir(dir);
    expect(r.output).toContain('imsmanifest.xml validates');
    expect(r.ok).toBe(true);
  });

  it('tells the player which SCORM version it was packaged for', () => {
    expect(text(v, 'index.html')).toContain(`<meta name="scorm-version" content="${v}">`);
  });

  it('keeps course content in its own chunks, apart from the player code', () => {
    const files = Object.keys(zips[v]);
    const chunks = files.filter((f) => /course-data-(pl|en)-[^/]*\.js$/.test(f) && !f.includes('-pages-'));
    expect(chunks).toHaveLength(2);
    // Each module's page text in a chunk of its own per language, loaded when the learner gets there:
    // the outline the start screen waits for carries none of it.
    for (const l of ['pl', 'en']) for (const m of ['m-alpha', 'm-beta']) expect(files.some((f) => f.startsWith(`assets/course-data-${l}-pages-${m}-`))).toBe(true);
    const outline = text(v, chunks.find((f) => f.includes('course-data-pl-'))!);
    expect(outline).toContain('Pierwsza strona alfa');
    expect(outline).not.toContain('Akapit o');
    const pages = text(v, files.find((f) => f.startsWith('assets/course-data-pl-pages-m-alpha-'))!);
    expect(pages).toContain('Akapit o');
    expect(Object.keys(zips[v])).toContain('content/m-alpha/assets/pl/diagram.svg');
  });
});

describe('package details an LMS administrator relies on', () => {
  it('SCORM 1.2 carries the mastery score and the course title in the first locale', () => {
    const m = text('1.2', 'imsmanifest.xml');
    expect(m).toContain('<adlcp:masteryscore>80</adlcp:masteryscore>');
    expect(m).toContain('<schemaversion>1.2</schemaversion>');
    expect(m).toContain('<title>Kurs próbny</title>');
  });

  it('SCORM 2004 is 4th Edition, satisfied by measure at the passing score, one objective per module, no LOM', () => {
    const m = text('2004', 'imsmanifest.xml');
    expect(m).toContain('<schemaversion>2004 4th Edition</schemaversion>');
    expect(m).toMatch(/<imsss:primaryObjective objectiveID="course-passed" satisfiedByMeasure="true">\s*<imsss:minNormalizedMeasure>0.8<\/imsss:minNormalizedMeasure>/);
    expect(m).toContain('<imsss:objective objectiveID="m-alpha"/>');
    expect(m).toContain('<imsss:objective objectiveID="m-beta"/>');
    expect(m).not.toContain('lom');
  });

  it('the same sources give byte-identical zips', async () => {
    const again = path.join(course, 'dist-again');
    expect(await buildCourse({ root: course, outDir: again })).toBe(true);
    for (const v of ['1.2', '2004'] as const)
      expect(Buffer.compare(readFileSync(path.join(out, names[v])), readFileSync(path.join(again, names[v])))).toBe(0);
  }, 180_000);

  it('records the permanent numbers in course/ids.json and writes nothing else', () => {
    const ids = JSON.parse(readFileSync(path.join(course, 'course', 'ids.json'), 'utf8'));
    expect(ids.ids['page:course/introduction']).toBe(1);
    expect(ids.ids['node:b-q-scenario/n1']).toBeGreaterThan(1);
    expect(readdirSync(out).sort()).toEqual([names['1.2'], names['2004']]);
  });
});
