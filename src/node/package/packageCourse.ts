import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { CourseData } from '../../schema/courseData.js';
import { manifest12 } from './manifest12.js';
import { manifest2004 } from './manifest2004.js';
import type { ManifestInput } from './manifestInput.js';
import { schemaFiles, type ScormVersion } from './scormSchemas.js';
import { deterministicZip } from './zip.js';

/**
 * Built player (a folder) + course data → one SCORM package per version, as zip bytes.
 * Pure with respect to dist-scorm/: the caller decides when and where to write.
 */

export interface ScormPackage {
  version: ScormVersion;
  fileName: string;
  bytes: Uint8Array;
  /** Paths inside the zip, sorted. */
  entries: string[];
}

/** The launch page names the SCORM version it was packaged for; the tracking layer reads it. */
export const SCORM_META = /<meta name="scorm-version" content="[^"]*">/;

export function listFiles(dir: string, base = dir): string[] {
  return readdirSync(dir)
    .flatMap((name) => {
      const abs = path.join(dir, name);
      return statSync(abs).isDirectory() ? listFiles(abs, base) : [path.relative(base, abs).split(path.sep).join('/')];
    })
    .sort();
}

export function packageFileName(course: Pick<CourseData, 'id' | 'version'>, version: ScormVersion): string {
  return `${course.id}-${course.version}-${version === '1.2' ? 'scorm12' : 'scorm2004'}.zip`;
}

export function packageCourse(webDir: string, primary: CourseData, version: ScormVersion): ScormPackage {
  const web = listFiles(webDir);
  if (!web.includes('index.html')) throw new Error(`${webDir} has no index.html: the player build did not run`);
  const files = new Map<string, Uint8Array>();
  for (const f of web) files.set(f, readFileSync(path.join(webDir, f)));

  const html = Buffer.from(files.get('index.html')!).toString('utf8');
  if (!SCORM_META.test(html)) throw new Error('index.html lacks <meta name="scorm-version" content="auto">; the tracking layer needs it');
  files.set('index.html', Buffer.from(html.replace(SCORM_META, `<meta name="scorm-version" content="${version}">`)));

  const schemas = schemaFiles(version);
  for (const s of schemas) files.set(s.name, readFileSync(s.abs));

  const input: ManifestInput = {
    courseId: primary.id,
    version: primary.version,
    locale: primary.locale,
    title: primary.title,
    description: primary.description,
    passingScore: primary.settings.passingScore,
    modules: primary.modules.map((m) => ({ id: m.id, title: m.title })),
    files: web,
    schemaFiles: schemas.map((s) => s.name),
  };
  files.set('imsmanifest.xml', Buffer.from(version === '1.2' ? manifest12(input) : manifest2004(input)));
  return { version, fileName: packageFileName(primary, version), bytes: deterministicZip(files), entries: [...files.keys()].sort() };
}
