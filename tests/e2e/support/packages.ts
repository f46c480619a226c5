import path from 'node:path';
import { fileURLToPath } from 'node:url';

export type PackageKind = 'scorm12' | 'scorm2004';
export const PACKAGES_DIR = fileURLToPath(new URL('../../../test-results/packages/', import.meta.url));
/** Folder of an unpacked package built by global-setup.ts: course "mini" (fixture) or "real". */
export const packageDir = (course: string, kind: PackageKind) => path.join(PACKAGES_DIR, course, kind);
