// The resolved links kept beside the note cache, for both plugins: what the index's link
// resolution made of the notes (core link-resolution.ts, its components in name order), with the
// cache key (parser build and settings) and a stamp of each note it was made from (the host says
// what tells a note's file: Obsidian its mtime and size, Logseq its record's text digest). A
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

/**
 * The stamps of the links last read or written, kept for the session so that the next keep makes
 * only what changed: a note whose object is the one last seen at its path is not stamped again
 * (notes are replaced, never changed in place), a note of another object is stamped once and
 * compared, and only the changed notes' stamps are put into a copy of the last stamps. The paths
 * are made again only when a note came or went. The links' resolution is the index's, exported
 * whole at each keep (the core's `linkResolution`).
 */
export interface LinkStamps<T> {
  /** Does `note`, now at `path`, carry the stamp the links last read or written were made with? */
  fits(path: string, note: T): boolean;
  /** The links to store for `index`, whose notes (made with `key`) are `notes`; null when the last links were made from these very notes. */
  next(index: MaturityIndex, notes: ReadonlyMap<string, T>, key: string): KeptLinks | null;
}

interface StampBook<T> {
  paths: string[];
  stamps: string[];
  position: Map<string, number>;
  /** The note each stamp was last found to fit (undefined: only its stamp is known yet). */
  seen: Array<T | undefined>;
}

function bookOf<T>(paths: string[], stamps: string[], seen: Array<T | undefined>): StampBook<T> {
  const position = new Map<string, number>();
  paths.forEach((path, i) => position.set(path, i));
  return { paths, stamps, position, seen };
}

/** The links last read (`from`) or written, as stamps each note is checked against. */
export function linkStamps<T>(stampOf: (note: T) => string, from: KeptLinks | null): LinkStamps<T> {
  let book: StampBook<T> | null = from ? bookOf(from.paths, from.stamps, []) : null;
  /** The note's stamp when it is not the one the book holds at `i`; null when it is (seen there, or stamped alike). */
  const newStamp = (at: StampBook<T>, i: number, note: T): string | null => {
    if (at.seen[i] === note) return null;
    const now = stampOf(note);
    if (at.stamps[i] !== now) return now;
    at.seen[i] = note;
    return null;
  };
  /** The positions whose note changed, with its stamp; null when a note came or went (the paths are not the book's). */
  const changes = (at: StampBook<T>, notes: ReadonlyMap<string, T>): Array<[number, T, string]> | null => {
    if (notes.size !== at.paths.length) return null;
    const changed: Array<[number, T, string]> = [];
    for (const [path, note] of notes) {
      const i = at.position.get(path);
      if (i === undefined) return null;
      const now = newStamp(at, i, note);
      if (now !== null) changed.push([i, note, now]);
    }
    return changed;
  };
  return {
    fits: (path, note) => {
      const i = book?.position.get(path);
      return book !== null && i !== undefined && newStamp(book, i, note) === null;
    },
    next(index, notes, key) {
      const changed = book ? changes(book, notes) : null;
      if (changed?.length === 0) return null;
      if (book === null || changed === null) {
        book = bookOf([...notes.keys()], [...notes.values()].map(stampOf), [...notes.values()]);
      } else {
        // A copy: the last links' stamps may not be stored yet (each store is a task later).
        const stamps = book.stamps.slice();
        for (const [i, note, now] of changed) [stamps[i], book.seen[i]] = [now, note];
        book.stamps = stamps;
      }
      return { key, paths: book.paths, stamps: book.stamps, resolution: index.linkResolution() };
    },
  };
}
