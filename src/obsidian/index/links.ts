// The resolved links kept beside the cache: what the index's link resolution made of the notes
// (core link-resolution.ts), with the cache key (parser build and settings) and the files (path,
// mtime, size) it was made from. A build whose candidate files are exactly those hands it back
// to the new index, which then resolves nothing; any note changed, added, removed or renamed since
// (or other settings) makes them differ, and every link is resolved as before.
import type { TFile } from 'obsidian';
import { isLinkResolution, type LinkResolution, type MaturityIndex } from '../../core/index';
import { MAX_NOTE_BYTES, type Known } from './indexer-state';

export interface KeptLinks {
  key: string;
  /** The notes the index held: their paths, and the mtime and size of each in turn. */
  paths: string[];
  stats: number[];
  resolution: LinkResolution;
}

/** What to keep of `index`, whose notes were made from the files in `known` with settings `key`. */
export function keepLinks(index: MaturityIndex, known: ReadonlyMap<string, Known>, key: string): KeptLinks {
  const paths: string[] = [];
  const stats: number[] = [];
  for (const [path, { mtime, size }] of known) {
    paths.push(path);
    stats.push(mtime, size);
  }
  return { key, paths, stats, resolution: index.linkResolution() };
}

/**
 * The kept resolution, if it was made with `key` from exactly the notes the build will index:
 * every candidate a note it can read (not too large), each one the kept files name with the same
 * mtime and size, and as many.
 */
export function keptResolution(stored: unknown, key: string, candidates: ReadonlyMap<string, TFile>): LinkResolution | null {
  const kept = stored as Partial<KeptLinks> | null | undefined;
  if (!kept || typeof kept !== 'object' || kept.key !== key || !Array.isArray(kept.paths) || !Array.isArray(kept.stats)) return null;
  const { paths, stats } = kept;
  if (stats.length !== 2 * paths.length || !isLinkResolution(kept.resolution)) return null;
  let readable = 0;
  for (const file of candidates.values()) if (file.stat.size <= MAX_NOTE_BYTES) readable++;
  if (readable !== paths.length) return null;
  for (let i = 0; i < paths.length; i++) {
    const file = candidates.get(paths[i]!);
    if (!file || file.stat.size > MAX_NOTE_BYTES || file.stat.mtime !== stats[2 * i] || file.stat.size !== stats[2 * i + 1]) return null;
  }
  return kept.resolution;
}
