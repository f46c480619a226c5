import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const fixturesDir = fileURLToPath(new URL('../fixtures/', import.meta.url));
export const projectRoot = fileURLToPath(new URL('../../', import.meta.url));

/** A throw-away copy of a fixture course (tests may write ids.json or break files in it). */
export function copyFixture(name = 'mini', overlay?: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), `course-${name}-`));
  cpSync(path.join(fixturesDir, name), dir, { recursive: true });
  if (overlay && existsSync(overlay)) cpSync(overlay, dir, { recursive: true });
  return dir;
}

export const removeDir = (dir: string) => rmSync(dir, { recursive: true, force: true });
