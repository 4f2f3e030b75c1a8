// The resolved links kept beside the graph's records (the shared record of
// src/plugin-cache/kept-links.ts), so a warm start resolves only what changed and takes the kept
// name order instead of sorting every component's name. Each page is stamped with its record's
// text digest: a page taken from the cache whose record still carries the stamp the links were
// made with takes its resolved links from them; any other page (edited, added, renamed, or a
// record made after the links) goes into the index once the adoption is over and resolves as
// usual, as do the pages the kept links name that are gone. Links of other settings, or not
// readable as links, are not adopted at all.
import type { MaturityIndex } from '../core/index';
import { linkStamps, readKeptLinks, type KeptLinks, type LinkStamps } from '../plugin-cache/kept-links';
import type { CachedNote } from '../plugin-cache/note-cache';

/**
 * A record's stamp: the digest of the text it was made from, a string the record holds already
 * (none is built). The links' own key pins the settings and the parser build, so a record with
 * the same digest holds the same note: one re-made from the same text (a re-index) still fits.
 */
export const stampOf = (record: CachedNote) => record.hash;

export interface LinkKeeper {
  /** Take the stored links (read by the cache's load): null when absent, of other settings or unreadable. */
  read(stored: unknown, key: string): void;
  /** The kept links read at load, if any; once (later calls answer null: the start adopts them, nothing else reads them). */
  take(): KeptLinks | null;
  /** Is `path`'s record now the one the kept links were made from? */
  fits(path: string): boolean;
  /**
   * The links to store for `index`, whose notes are the records in `records` (made with `key`);
   * null when those kept were made from these very records (nothing to write).
   */
  toStore(index: MaturityIndex, records: ReadonlyMap<string, CachedNote>, key: string): KeptLinks | null;
}

export function createLinkKeeper(records: ReadonlyMap<string, CachedNote>): LinkKeeper {
  let kept: KeptLinks | null = null;
  /** The stamps the stored links were made with (those read, then those last written), kept for the session. */
  let stamps: LinkStamps<CachedNote> = linkStamps(stampOf, null);
  return {
    read(value, key) {
      kept = readKeptLinks(value, key);
      stamps = linkStamps(stampOf, kept);
    },
    take() {
      const taken = kept;
      kept = null;
      return taken;
    },
    fits(path) {
      const record = records.get(path);
      return record !== undefined && stamps.fits(path, record);
    },
    toStore: (index, now, key) => stamps.next(index, now, key),
  };
}
