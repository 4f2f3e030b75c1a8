// The resolved links kept beside the cache (the shared record of plugin-cache/kept-links.ts),
// stamped with each note file's mtime and size. A build whose candidate files are exactly those
// hands them back to the new index, which then resolves nothing; any note changed, added, removed
// or renamed since (or other settings) makes them differ, and every link is resolved as before.
import type { TFile } from 'obsidian';
import type { LinkResolution, MaturityIndex } from '../../core/index';
import { keepLinks as keepIndexLinks, readKeptLinks, type KeptLinks } from '../../plugin-cache/kept-links';
import { MAX_NOTE_BYTES, type Known } from './indexer-state';

export type { KeptLinks } from '../../plugin-cache/kept-links';

/** A file's stamp: its mtime and size. */
const stampOf = (stat: { mtime: number; size: number }) => `${stat.mtime}:${stat.size}`;

/** What to keep of `index`, whose notes were made from the files in `known` with settings `key`. */
export function keepLinks(index: MaturityIndex, known: ReadonlyMap<string, Known>, key: string): KeptLinks {
  return keepIndexLinks(index, known, stampOf, key);
}

/**
 * The kept resolution, if it was made with `key` from exactly the notes the build will index:
 * every candidate a note it can read (not too large), each one the kept files name with the same
 * mtime and size, and as many.
 */
export function keptResolution(stored: unknown, key: string, candidates: ReadonlyMap<string, TFile>): LinkResolution | null {
  const kept = readKeptLinks(stored, key);
  if (!kept) return null;
  const { paths, stamps } = kept;
  let readable = 0;
  for (const file of candidates.values()) if (file.stat.size <= MAX_NOTE_BYTES) readable++;
  if (readable !== paths.length) return null;
  for (let i = 0; i < paths.length; i++) {
    const file = candidates.get(paths[i]!);
    if (!file || file.stat.size > MAX_NOTE_BYTES || stampOf(file.stat) !== stamps[i]) return null;
  }
  return kept.resolution;
}
