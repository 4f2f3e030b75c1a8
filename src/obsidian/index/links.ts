// The resolved links kept beside the cache: what the index's link resolution made of the notes
// (core link-resolution.ts), with the cache key (parser build and settings) and a hash of the files
// (path, mtime, size) it was made from. A build whose candidate files hash the same hands it back
// to the new index, which then resolves nothing; any note changed, added, removed or renamed since
// (or other settings) changes the hash, and every link is resolved as before.
import type { TFile } from 'obsidian';
import { isLinkResolution, type LinkResolution, type MaturityIndex } from '../../core/index';
import { fileSetHash } from './hash';
import { MAX_NOTE_BYTES, type Known } from './indexer-state';

export interface KeptLinks {
  key: string;
  /** fileSetHash of the notes the index held. */
  files: string;
  resolution: LinkResolution;
}

/** What to keep of `index`, whose notes were made from the files in `known` with settings `key`. */
export function keepLinks(index: MaturityIndex, known: ReadonlyMap<string, Known>, key: string): KeptLinks {
  return { key, files: fileSetHash(knownFiles(known)), resolution: index.linkResolution() };
}

/** The kept resolution, if it was made with `key` from exactly the notes `candidates` will give. */
export function keptResolution(stored: unknown, key: string, candidates: readonly TFile[]): LinkResolution | null {
  const kept = stored as Partial<KeptLinks> | null | undefined;
  if (!kept || typeof kept !== 'object' || kept.key !== key || typeof kept.files !== 'string' || !isLinkResolution(kept.resolution)) return null;
  return kept.files === fileSetHash(candidateFiles(candidates)) ? kept.resolution : null;
}

function* knownFiles(known: ReadonlyMap<string, Known>): Iterable<[string, number, number]> {
  for (const [path, { mtime, size }] of known) yield [path, mtime, size];
}

/** The candidates a build will read (those too large to read are not indexed). */
function* candidateFiles(candidates: readonly TFile[]): Iterable<[string, number, number]> {
  for (const file of candidates) if (file.stat.size <= MAX_NOTE_BYTES) yield [file.path, file.stat.mtime, file.stat.size];
}
