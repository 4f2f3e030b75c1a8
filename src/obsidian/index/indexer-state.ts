// What the vault indexer keeps and reports, shared by its parts (vault-indexer.ts, build.ts,
// cache-writer.ts): change events, progress, build figures, and the file state a note was made from.
import type { TFile } from 'obsidian';
import type { Diagnostic, IndexChange, MaturityIndex } from '../../core/index';
import type { PreparedNote } from './note-record';

export type ChangeReason = 'build' | 'edit' | 'rename' | 'delete' | 'day';

export interface LiveChange extends IndexChange {
  reason: ChangeReason;
}

export type Unreadable = { path: string; diagnostic: Diagnostic };

export interface IndexProgress {
  phase: 'waiting' | 'building' | 'ready';
  done: number;
  total: number;
  /** Notes not read (too large, or unreadable), each with its `file-unreadable` diagnostic. */
  unreadable: Unreadable[];
}

/** What the last build did, for the status line, the API and the benchmark. */
export interface IndexStats {
  /** Notes parsed since the plugin loaded (builds and edits). */
  parsed: number;
  /** Of the last build: notes taken from the cache, notes parsed, and how long it took. */
  build: { fromCache: number; parsed: number; ms: number; parser: 'worker' | 'main-thread'; finishMs?: number; linksKept?: boolean };
}

/** Notes above this size are not read: no maturity note is this large, and phone memory is scarce. */
export const MAX_NOTE_BYTES = 8 * 1024 * 1024;

/** What the index holds for a path: the file state its note was made from. */
export interface Known {
  mtime: number;
  size: number;
  hash: string;
}

/** A cache record waiting to be written: its note becomes strings when it is written. */
export interface PendingWrite extends Known {
  /** Parser build + settings the note was made with. */
  key: string;
  prepared: PreparedNote;
}

/** The state a build makes; it becomes the live state in one step when the build completes. */
export interface Generation {
  index: MaturityIndex;
  known: Map<string, Known>;
  unreadable: Map<string, Unreadable>;
}

export function unreadable(file: TFile, why: string): Unreadable {
  return { path: file.path, diagnostic: { code: 'file-unreadable', severity: 'warning', message: `${file.path} was not read: ${why}.` } };
}

export function tooLarge(file: TFile): Unreadable {
  return unreadable(file, `it is larger than ${MAX_NOTE_BYTES / 1024 / 1024} MB`);
}

/** Is `known` the state of `file` now (same mtime and size)? */
export function sameFile(known: Known | undefined, file: TFile): boolean {
  return !!known && known.mtime === file.stat.mtime && known.size === file.stat.size;
}
