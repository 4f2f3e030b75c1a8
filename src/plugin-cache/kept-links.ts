// The resolved links kept beside the note cache, for both plugins: what the index's link
// resolution made of the notes (core link-resolution.ts, its components in name order), with the
// cache key (parser build and settings) and a stamp of each note it was made from (the host says
// what tells a note's file: Obsidian its mtime and size, Logseq its record's text version). A
// start whose notes carry the same stamps hands the resolution back to its new index, which then
// resolves nothing and takes the kept name order after one pass instead of sorting. Which notes
// must match is the host's call (Obsidian: all of them; Logseq: each one it adopts).
import { isLinkResolution, type LinkResolution, type MaturityIndex } from '../core/index';

export interface KeptLinks {
  key: string;
  /** The notes the index held, and the stamp of each in turn. */
  paths: string[];
  stamps: string[];
  resolution: LinkResolution;
}

/** What to keep of `index`, whose notes were made with `key` from the files `notes` holds, each stamped by `stampOf`. */
export function keepLinks<T>(index: MaturityIndex, notes: ReadonlyMap<string, T>, stampOf: (note: T) => string, key: string): KeptLinks {
  const paths: string[] = [];
  const stamps: string[] = [];
  for (const [path, note] of notes) {
    paths.push(path);
    stamps.push(stampOf(note));
  }
  return { key, paths, stamps, resolution: index.linkResolution() };
}

/** The stored links if they are links made with `key` (a stored copy may be anything, or of an older layout); else null. */
export function readKeptLinks(stored: unknown, key: string): KeptLinks | null {
  const kept = stored as Partial<KeptLinks> | null | undefined;
  if (!kept || typeof kept !== 'object' || kept.key !== key || !Array.isArray(kept.paths) || !Array.isArray(kept.stamps)) return null;
  if (kept.stamps.length !== kept.paths.length || !isLinkResolution(kept.resolution)) return null;
  return kept as KeptLinks;
}

/** The kept stamps by path. */
export function stampsByPath(kept: KeptLinks): Map<string, string> {
  const byPath = new Map<string, string>();
  kept.paths.forEach((path, i) => byPath.set(path, kept.stamps[i]!));
  return byPath;
}
