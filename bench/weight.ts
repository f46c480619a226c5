import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { unzipSync } from 'fflate';
import { atMost, info, kb, KB, type Budgets, type Row } from './results.js';

/**
 * Package weight (issue 6, part 1). Every file of a zip falls in one class:
 *   code         index.html, the player's JS and CSS (what every learner downloads whatever the course)
 *   course-data  assets/course-data-<locale>-<hash>.js, the compiled content of one language, and
 *                assets/course-data-<locale>-pages-<module>-<hash>.js, one module's page text
 *   content      content/… images of the pages
 *   package      imsmanifest.xml and the SCORM .xsd/.dtd files: read by the LMS on import, never by the browser
 * Compressed sizes are per file (each is served on its own), gzip level 9 and brotli quality 11.
 */
export type FileClass = 'code' | 'course-data' | 'content' | 'package';

export interface FileWeight {
  name: string;
  cls: FileClass;
  raw: number;
  gzip: number;
  brotli: number;
}

export interface ZipWeight {
  zipBytes: number;
  files: FileWeight[];
}

export interface ClassTotal {
  raw: number;
  gzip: number;
  brotli: number;
  count: number;
}

// Vite's hashes are 8 characters of base64url, "-" and "_" included: the locale is what precedes them.
export const COURSE_DATA = /^assets\/course-data-(.+)-[\w-]{8}\.js$/;

export function classify(name: string): FileClass {
  if (COURSE_DATA.test(name)) return 'course-data';
  if (name.startsWith('content/')) return 'content';
  if (!name.includes('/') && (name === 'imsmanifest.xml' || /\.(xsd|dtd)$/.test(name))) return 'package';
  return 'code';
}

// Images and fonts are compressed already; gzip/brotli would not be applied by a server anyway.
const precompressed = /\.(png|jpe?g|gif|webp|woff2?)$/i;

/**
 * Weighs every file of a zip. `compress` picks the classes whose gzip and brotli sizes are needed
 * (brotli at quality 11 takes seconds on a large course-data chunk); the others keep their raw size there.
 */
export function weighZip(bytes: Uint8Array, compress: (cls: FileClass) => boolean = () => true): ZipWeight {
  const entries = unzipSync(bytes);
  const files = Object.entries(entries)
    .filter(([name]) => !name.endsWith('/'))
    .map(([name, data]): FileWeight => {
      const raw = data.length;
      const cls = classify(name);
      const skip = precompressed.test(name) || !compress(cls);
      return {
        name,
        cls,
        raw,
        gzip: skip ? raw : gzipSync(data, { level: 9 }).length,
        brotli: skip ? raw : brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw } }).length,
      };
    });
  return { zipBytes: bytes.length, files };
}

export function totals(w: ZipWeight, cls: FileClass): ClassTotal {
  const fs = w.files.filter((f) => f.cls === cls);
  return { raw: sum(fs, 'raw'), gzip: sum(fs, 'gzip'), brotli: sum(fs, 'brotli'), count: fs.length };
}

const sum = (fs: FileWeight[], k: 'raw' | 'gzip' | 'brotli') => fs.reduce((n, f) => n + f[k], 0);

/**
 * Rows for the bench table. `zips` maps a label ("scorm12") to its weighed zip; compressed sizes are
 * read from the first one only (the player and the course data are the same in both packages).
 */
export function weightRows(zips: Record<string, ZipWeight>, budgets: Budgets, note?: string): Row[] {
  const P = 'weight';
  const rows: Row[] = [];
  const [first] = Object.values(zips);
  // The player is the same in both packages (only one meta tag differs): report its code once.
  const code = totals(first, 'code');
  rows.push(atMost(P, 'shipped code (html+js+css), gzip', kb(code.gzip), 'KB', budgets.shippedCodeGzipKB, `≤ ${budgets.shippedCodeGzipKB} KB`, note));
  rows.push(info(P, 'shipped code, brotli', kb(code.brotli), 'KB'));
  rows.push(info(P, 'shipped code, uncompressed', kb(code.raw), 'KB', `${code.count} files`));
  // Per language: the outline the start screen waits for, and the modules' page chunks fetched later.
  const data = first.files.filter((x) => x.cls === 'course-data');
  const locales = [...new Set(data.map((f) => COURSE_DATA.exec(f.name)![1].split('-pages-')[0]))].sort();
  for (const locale of locales) {
    const outline = data.filter((f) => COURSE_DATA.exec(f.name)![1] === locale);
    const pages = data.filter((f) => COURSE_DATA.exec(f.name)![1].startsWith(locale + '-pages-'));
    rows.push(info(P, `course data ${locale} at start-up, gzip`, kb(sum(outline, 'gzip')), 'KB', `${kb(sum(outline, 'raw'))} KB raw, ${kb(sum(outline, 'brotli'))} KB brotli: outline, questions, glossary, sources`));
    if (pages.length) rows.push(info(P, `course data ${locale}, module pages, gzip`, kb(sum(pages, 'gzip')), 'KB', `${pages.length} chunks, ${kb(sum(pages, 'raw'))} KB raw, fetched as the learner reaches each module`));
  }
  const content = totals(first, 'content');
  rows.push(info(P, 'content images', kb(content.raw), 'KB', `${content.count} files, ${kb(content.gzip)} KB gzip`));
  for (const [label, w] of Object.entries(zips)) {
    const pkg = totals(w, 'package');
    rows.push(info(P, `${label}.zip`, kb(w.zipBytes), 'KB', `${w.files.length} files; manifest + SCORM schema files ${kb(pkg.raw)} KB (${pkg.count} files, not runtime weight)`));
  }
  const largest = [...first.files].sort((a, b) => b.raw - a.raw).slice(0, 5);
  for (const f of largest) rows.push(info(P, `largest: ${f.name}`, kb(f.raw), 'KB', `${f.cls}, ${kb(f.gzip)} KB gzip`));
  return rows;
}

export const shippedCodeGzipKB = (w: ZipWeight) => totals(w, 'code').gzip / KB;
