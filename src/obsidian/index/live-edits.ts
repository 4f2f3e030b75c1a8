// The vault's events once the index is built: a metadata change re-parses one note (in the
// worker), a rename moves the note's entry, a delete forgets it; each updates the live index and
// the note cache (the vault indexer owns both; these handlers share its state through `LiveState`).
// While a build runs, they also note what changed for the build to catch up before it completes.
import type { TFile } from 'obsidian';
import type { IndexChange, MaturityIndex } from '../../core/index';
import type { CacheWriter } from '../../plugin-cache/cache-writer';
import type { PreparedNote } from '../../plugin-cache/note-record';
import type { CandidateRules } from './candidates';
import { hashText } from './hash';
import { MAX_NOTE_BYTES, tooLarge, type ChangeReason, type Known, type Unreadable } from './indexer-state';
import type { ParseItem } from './parser-pool';

/** What the indexer and its live-edit handlers share. */
export interface LiveState {
  /** The file state (mtime, size, text hash) each indexed note was made from. */
  known: Map<string, Known>;
  /** Notes not read (too large), with their diagnostic. */
  unreadable: Map<string, Unreadable>;
  /** Per-path edit sequence: a slow parse result never overwrites a newer one. */
  editSeq: Map<string, number>;
  /** Files changed, renamed or deleted while a build runs: brought up to date before it completes. */
  dirty: Set<TFile>;
  gone: Set<string>;
  /** Bumped by each build and on unload: a parse that started under an older one is dropped. */
  generation: number;
  /** The first build has completed (until then it reads every note itself). */
  everReady: boolean;
}

export function liveState(): LiveState {
  return { known: new Map(), unreadable: new Map(), editSeq: new Map(), dirty: new Set(), gone: new Set(), generation: 0, everReady: false };
}

/** What the handlers ask of the indexer. */
export interface LiveHost {
  readonly state: LiveState;
  index(): MaturityIndex;
  rules(): CandidateRules;
  writer(): CacheWriter | null;
  building(): boolean;
  /** The cache key of records made now (the parser build and the settings). */
  cacheKey(): string;
  emit(change: IndexChange, reason: ChangeReason): void;
  /** Announce the unreadable notes again (not while a build runs: it announces its own). */
  publishProgress(): void;
  parse(items: ParseItem[]): Promise<PreparedNote[]>;
  /** The note's text, or null when it went away between the event and the read. */
  read(file: TFile): Promise<string | null>;
}

export function onChanged(host: LiveHost, file: TFile, data: string): void {
  if (file.extension !== 'md') return;
  if (host.building()) host.state.dirty.add(file);
  if (!host.state.everReady) return; // the first build reads it; nothing to update yet
  void refresh(host, file, data, 'edit');
}

/** Bring one note up to date in the live index (text given, or read now). */
async function refresh(host: LiveHost, file: TFile, text: string | null, reason: ChangeReason): Promise<void> {
  const { state } = host;
  const path = file.path;
  if (!host.rules().file(file)) return forget(host, path, reason);
  if (file.stat.size > MAX_NOTE_BYTES) {
    forget(host, path, reason);
    state.unreadable.set(path, tooLarge(file));
    return host.publishProgress();
  }
  const seq = (state.editSeq.get(path) ?? 0) + 1;
  state.editSeq.set(path, seq);
  const generation = state.generation;
  const content = text ?? (await host.read(file));
  if (content === null) return;
  const hash = hashText(content);
  const known = state.known.get(path);
  // The metadata cache re-parsing an unchanged note (start-up, a rebuilt cache) costs nothing.
  if (known && known.hash === hash && host.index().has(path)) return;
  const [prepared] = await host.parse([{ path, text: content }]);
  if (!prepared || generation !== state.generation || state.editSeq.get(path) !== seq || file.path !== path) return;
  const made = { mtime: file.stat.mtime, size: file.stat.size, hash };
  state.known.set(path, made);
  state.unreadable.delete(path);
  host.writer()?.put(path, { ...made, key: host.cacheKey(), prepared });
  host.emit(host.index().upsertNote(path, prepared.note, prepared.keys), reason);
}

function forget(host: LiveHost, path: string, reason: ChangeReason): void {
  host.state.known.delete(path);
  host.state.unreadable.delete(path);
  host.writer()?.delete(path);
  const index = host.index();
  if (index.has(path)) host.emit(index.remove(path), reason);
}

export function onDeleted(host: LiveHost, file: TFile): void {
  if (host.building()) host.state.gone.add(file.path);
  host.state.editSeq.delete(file.path);
  forget(host, file.path, 'delete');
  host.publishProgress();
}

export function onRenamed(host: LiveHost, file: TFile, oldPath: string): void {
  const { state } = host;
  if (host.building()) {
    state.gone.add(oldPath);
    state.dirty.add(file);
  }
  if (!state.everReady) return;
  const known = state.known.get(oldPath);
  state.known.delete(oldPath);
  host.writer()?.delete(oldPath);
  state.unreadable.delete(oldPath);
  const index = host.index();
  if (!index.has(oldPath) || !known || !host.rules().file(file)) {
    // Not indexed under its old name (not markdown, excluded, or not a candidate then): read it now if it is one.
    if (index.has(oldPath)) host.emit(index.remove(oldPath), 'rename');
    void refresh(host, file, null, 'rename');
    return;
  }
  // `changed` does not fire on rename: move the entry, and read the text only if the new path
  // makes a component of a note the index kept no text for.
  const change = index.rename(oldPath, file.path);
  state.known.set(file.path, known);
  const entry = index.entry(file.path);
  if (entry && !change.needsText) {
    const prepared: PreparedNote = { note: entry.note, keys: { reason: entry.reason, identity: entry.identity } };
    host.writer()?.put(file.path, { mtime: known.mtime, size: known.size, hash: known.hash, key: host.cacheKey(), prepared });
  }
  host.emit(change, 'rename');
  if (change.needsText) void refresh(host, file, null, 'rename');
}
