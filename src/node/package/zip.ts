import { zipSync, type Zippable } from 'fflate';

/**
 * A deterministic zip: entries sorted by path and every timestamp fixed, so the
 * same sources give byte-identical packages (an LMS admin can compare checksums).
 */
const FIXED_TIME = new Date('2000-01-01T00:00:00Z');

export function deterministicZip(files: Map<string, Uint8Array>): Uint8Array {
  const tree: Zippable = {};
  for (const name of [...files.keys()].sort()) {
    // Already-compressed images gain nothing from deflate.
    const level = /\.(png|jpe?g|gif|woff2?)$/i.test(name) ? 0 : 9;
    tree[name] = [files.get(name)!, { mtime: FIXED_TIME, level }];
  }
  return zipSync(tree, { mtime: FIXED_TIME });
}
