/**
 * Finding the LMS's API object (SCORM 1.2 RTE 3.3.6.1, SCORM 2004 RTE 3.1.2): this window and up
 * the window.parent chain, then window.opener and its parents. Cross-origin frames throw on
 * access; they are skipped as "not here".
 */

export type ScormVersion = '1.2' | '2004';

export interface FoundApi {
  version: ScormVersion;
  api: Record<string, unknown>;
}

const NAMES: Record<ScormVersion, string> = { '1.2': 'API', '2004': 'API_1484_11' };
// ADL's reference search gives up after 500 frames (2004) / 7 (1.2); LMS frame sets are shallow.
const MAX_HOPS = 500;

function lookIn(start: Window | null, name: string): Record<string, unknown> | null {
  let w: Window | null = start;
  for (let hops = 0; w && hops < MAX_HOPS; hops++) {
    try {
      const api = (w as unknown as Record<string, unknown>)[name];
      if (api && typeof api === 'object') return api as Record<string, unknown>;
    } catch {
      /* cross-origin frame */
    }
    let parent: Window | null = null;
    try {
      parent = w.parent;
    } catch {
      parent = null;
    }
    if (!parent || parent === w) return null;
    w = parent;
  }
  return null;
}

function find(win: Window, version: ScormVersion): FoundApi | null {
  let opener: Window | null = null;
  try {
    opener = win.opener as Window | null;
  } catch {
    opener = null;
  }
  const api = lookIn(win, NAMES[version]) ?? lookIn(opener, NAMES[version]);
  return api ? { version, api } : null;
}

/**
 * Which API to look for: the packager writes "1.2" or "2004" into
 * <meta name="scorm-version">; "auto" (dev) honours ?scorm=12|2004, else 2004 first, then 1.2.
 */
export function wantedVersions(win: Window): ScormVersion[] {
  const meta = win.document.querySelector('meta[name="scorm-version"]')?.getAttribute('content') ?? 'auto';
  if (meta === '1.2' || meta === '2004') return [meta];
  const q = new URLSearchParams(win.location.search).get('scorm');
  if (q === '12' || q === '1.2') return ['1.2'];
  if (q === '2004') return ['2004'];
  return ['2004', '1.2'];
}

export function findApi(win: Window, versions: ScormVersion[] = wantedVersions(win)): FoundApi | null {
  for (const v of versions) {
    const f = find(win, v);
    if (f) return f;
  }
  return null;
}
