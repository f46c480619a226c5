import type { IdKind, IdRecord } from '../schema/idRecord.js';
import type { Loaded } from './load.js';
import type { Problem } from './problems.js';

/**
 * Gives every page, question and scenario node its permanent number (see
 * src/schema/idRecord.ts for the file format). Existing numbers never change;
 * new ids get the next free numbers in the order they appear in the course;
 * ids that disappear are retired and may never come back.
 */
export interface IdAssignment {
  numbers: Map<string, number>;
  record: IdRecord;
  /** Whether the record differs from the committed file (the build then writes it). */
  changed: boolean;
  problems: Problem[];
}

export const idKey = (kind: IdKind, id: string) => `${kind}:${id}`;
const bare = (key: string) => key.slice(key.indexOf(':') + 1);
const kindOf = (key: string) => key.slice(0, key.indexOf(':'));

export function assignIds(keys: string[], committed: Loaded<IdRecord> | undefined, file = 'course/ids.json'): IdAssignment {
  const problems: Problem[] = [];
  const old: IdRecord = committed?.data ?? { next: 1, ids: {}, retired: {} };
  const record: IdRecord = { next: old.next, ids: {}, retired: { ...old.retired } };
  const numbers = new Map<string, number>();
  const byBare = new Map<string, string>();
  for (const k of [...Object.keys(old.ids), ...Object.keys(old.retired)]) byBare.set(bare(k), k);

  for (const key of keys) {
    if (numbers.has(key)) continue;
    let n = old.ids[key];
    if (n === undefined) {
      if (old.retired[key] !== undefined) {
        problems.push({
          file,
          ...committed?.src.locate(['retired', key]),
          message: `"${bare(key)}" was published before and then removed (retired as number ${old.retired[key]}); saved progress may still refer to it, so give the new ${kindOf(key)} a new id`,
          severity: 'error',
        });
        continue;
      }
      const previous = byBare.get(bare(key));
      if (previous && previous !== key) {
        problems.push({
          file,
          ...committed?.src.locate([old.ids[previous] !== undefined ? 'ids' : 'retired', previous]),
          message: `"${bare(key)}" was published as a ${kindOf(previous)} and is now used for a ${kindOf(key)}; an id can never change kind: choose a new id`,
          severity: 'error',
        });
        continue;
      }
      n = record.next++;
    }
    numbers.set(key, n);
    record.ids[key] = n;
  }
  for (const [key, n] of Object.entries(old.ids)) if (!numbers.has(key)) record.retired[key] = n;
  const changed = JSON.stringify(sorted(record)) !== JSON.stringify(sorted(old));
  return { numbers, record, changed, problems };
}

/** Stable key order, so the committed file diffs cleanly. */
export function sorted(r: IdRecord): IdRecord {
  const byNumber = (o: Record<string, number>) => Object.fromEntries(Object.entries(o).sort((a, b) => a[1] - b[1]));
  return { next: r.next, ids: byNumber(r.ids), retired: byNumber(r.retired ?? {}) };
}
