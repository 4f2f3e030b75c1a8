// What the vault indexer keeps and reports, shared by its parts (vault-indexer.ts, build.ts,
// the shared cache writer): change events, progress, build figures, and the file state a note was made from.
import type { TFile } from 'obsidian';
import type { Diagnostic, IndexChange, MaturityIndex } from '../../core/index';
import type { Known } from '../../plugin-cache/records';

export type { Known, PendingWrite } from '../../plugin-cache/records';

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
