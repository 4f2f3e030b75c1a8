// What the cache keeps beside a note's record: the state of the file the note was made from, and
// what it was made with. A record is used only when all of it matches the file now.
import type { PreparedNote } from './note-record';

/** The file state a note was made from. */
export interface Known {
  /** Obsidian: the file's mtime. Logseq: `:file/last-modified-at` (0 when Logseq set none). */
  mtime: number;
  /** Obsidian: the file's size in bytes. Logseq: the text's length. */
  size: number;
  /** Digest of the text, to tell a re-read of the same text from an edit. */
  hash: string;
}

/** A cache record waiting to be written: its note becomes strings when it is written. */
export interface PendingWrite extends Known {
  /**
   * What the note was made from and with: the parser build and settings, and in Logseq the
   * version of the file's text (see src/logseq/graph-cache.ts). A record made with another key is not used.
   */
  key: string;
  prepared: PreparedNote;
}
