// One build of the index, beside the live one: list the candidate notes, take every note whose
// cache record matches its file (with the keys the record keeps: nothing is classified or
// identified again), read and parse the rest (in a worker), then catch up with what changed in the
// vault meanwhile. Work on the main thread runs in slices (slices.ts); links are resolved slice by
// slice, so completing the build is no long task either.
import type { App, TFile } from 'obsidian';
import { createIndex, type IndexOptions } from '../../core/index';
import type { CandidateRules } from './candidates';
import { hashText } from './hash';
import { MAX_NOTE_BYTES, sameFile, tooLarge, unreadable, type Generation, type IndexProgress, type PendingWrite } from './indexer-state';
import type { NoteCache } from '../../plugin-cache/note-cache';
import { fromRecord, type PreparedNote } from '../../plugin-cache/note-record';
import { keptResolution } from './links';
import type { ParseItem } from './parser-pool';
import { sliced, sliceSpent, startSlice, yieldToUI } from './slices';

/** Texts per parse request (a worker message). */
const PARSE_BATCH = 24;
/** Files read at once. */
const READ_BATCH = 48;

/** What a build needs of the indexer. */
export interface BuildHost {
  app: App;
  options: IndexOptions;
  rules: CandidateRules;
  cache: Promise<NoteCache | null>;
  /** Parser build + settings: records made with another key are not used. */
  key: string;
  progress: IndexProgress;
  publishProgress(): void;
  parse(items: ParseItem[]): Promise<PreparedNote[]>;
  read(file: TFile): Promise<string | null>;
  /** False once a newer build (or unloading) took over: this one stops. */
  current(): boolean;
  /** Files changed or renamed, and paths deleted, while the build runs (emptied as they are caught up). */
  dirty: Set<TFile>;
  gone: Set<string>;
}

export interface BuildResult extends Generation {
  /** Records to store: every note parsed. */
  writes: Map<string, PendingWrite>;
  /** Cached paths no longer in the vault (their records go). */
  stale: string[];
  fromCache: number;
  parsed: number;
  /** Whether the links resolved when the cache was written were taken back (nothing changed since). */
  linksKept: boolean;
  /** Whether changes made while the build ran were applied to it. */
  caughtUp: boolean;
}

/** Build a new generation; null when a newer build took over. */
export async function buildGeneration(host: BuildHost): Promise<BuildResult | null> {
  const next: BuildResult = { index: createIndex(host.options), known: new Map(), unreadable: new Map(), writes: new Map(), stale: [], fromCache: 0, parsed: 0, linksKept: false, caughtUp: false };
  // One batch, settled slice by slice (settleSoFar): names shared by many notes are resolved once per slice, not once per note.
  next.index.beginBatch();
  const candidates = await sliced(host.app.vault.getMarkdownFiles(), (f) => host.rules.file(f));
  if (!host.current()) return null;
  host.progress.total = candidates.length;
  host.publishProgress();

  const cachedPaths = await loadCache(host, candidates, next);
  if (cachedPaths === null) return null;
  const toParse = candidates.filter((f) => !next.known.has(f.path));
  next.parsed = toParse.length;
  if (!(await parseInto(host, next, toParse))) return null;
  // The name order, sorted in a task of its own (the catch-up rarely changes it).
  await yieldToUI();
  next.index.ids();
  await yieldToUI();
  if (!(await catchUp(host, next))) return null;
  const live = new Set(candidates.map((f) => f.path));
  next.stale = cachedPaths.filter((p) => !live.has(p));
  return next;
}

/** Fill `next` from the cache records that match their file; returns every cached path, or null when a newer build took over. */
async function loadCache(host: BuildHost, candidates: TFile[], next: BuildResult): Promise<string[] | null> {
  const cache = await host.cache;
  const paths: string[] = [];
  if (!cache) return paths;
  const byPath = new Map(candidates.map((f) => [f.path, f]));
  // Nothing changed since the links were kept: the notes from the cache take their resolved links from them.
  const kept = keptResolution(await cache.readLinks(), host.key, byPath);
  if (kept) next.index.adoptLinkResolution(kept, { namesLater: true });
  next.linksKept = kept !== null;
  await cache.readAll(async (records) => {
    if (!host.current()) return;
    startSlice();
    for (const [path, record] of records) {
      paths.push(path);
      const file = byPath.get(path);
      if (!file || record.key !== host.key || record.mtime !== file.stat.mtime || record.size !== file.stat.size) continue;
      const { note, keys } = fromRecord(record);
      next.index.upsertNote(path, note, keys);
      // The record has the file state the index keeps (mtime, size, hash): no copy a note.
      next.known.set(path, record);
      next.fromCache++;
      host.progress.done++;
      if (sliceSpent()) {
        settleSoFar(next);
        await yieldToUI();
      }
    }
    settleSoFar(next);
    host.publishProgress();
  });
  // What did not fit the kept links resolves with the next slice's settle.
  if (kept) next.index.adoptLinkResolution(null);
  return host.current() ? paths : null;
}

interface ReadFile {
  file: TFile;
  text: string;
  hash: string;
  mtime: number;
  size: number;
}

/** Read `files` (a batch), skipping the too large and the unreadable; null when a newer build took over. */
async function readBatch(host: BuildHost, next: BuildResult, files: TFile[]): Promise<ReadFile[] | null> {
  const batch: ReadFile[] = [];
  for (const file of files) {
    if (file.stat.size > MAX_NOTE_BYTES) {
      next.unreadable.set(file.path, tooLarge(file));
      continue;
    }
    const { mtime, size } = file.stat;
    const text = await host.read(file);
    if (!host.current()) return null;
    if (text === null) next.unreadable.set(file.path, unreadable(file, 'it could not be read'));
    else batch.push({ file, text, hash: hashText(text), mtime, size });
    if (sliceSpent()) await yieldToUI();
  }
  return batch;
}

/** Parse `part` and add its notes to `next` as they come back. */
async function parsePart(host: BuildHost, next: BuildResult, part: ReadFile[]): Promise<void> {
  // No new slice here: a worker's answer starts one where it arrives (parser-pool.ts), and notes
  // parsed on the main thread come back inside the task that parsed them, whose slice runs on.
  const notes = await host.parse(part.map((b) => ({ path: b.file.path, text: b.text })));
  if (!host.current()) return;
  part.forEach((b, n) => {
    const prepared = notes[n];
    if (!prepared) return;
    next.index.upsertNote(b.file.path, prepared.note, prepared.keys);
    next.known.set(b.file.path, { mtime: b.mtime, size: b.size, hash: b.hash });
    next.writes.set(b.file.path, { mtime: b.mtime, size: b.size, key: host.key, hash: b.hash, prepared });
  });
  settleSoFar(next);
  host.progress.done += part.length;
  host.publishProgress();
}

/** Read and parse `files` into `next`, a batch at a time. False when a newer build took over. */
async function parseInto(host: BuildHost, next: BuildResult, files: TFile[]): Promise<boolean> {
  const inFlight: Array<Promise<void>> = [];
  for (let start = 0; start < files.length; start += READ_BATCH) {
    const batch = await readBatch(host, next, files.slice(start, start + READ_BATCH));
    if (batch === null) return false;
    for (let i = 0; i < batch.length; i += PARSE_BATCH) inFlight.push(parsePart(host, next, batch.slice(i, i + PARSE_BATCH)));
    // Keep the worker fed without reading the whole vault into memory first.
    if (inFlight.length > 8) await Promise.all(inFlight.splice(0, inFlight.length - 4));
  }
  await Promise.all(inFlight);
  return host.current();
}

/** Apply what happened to the vault while the build ran: renames, deletes, edits. */
async function catchUp(host: BuildHost, next: BuildResult): Promise<boolean> {
  const { vault } = host.app;
  for (let round = 0; round < 5 && (host.dirty.size > 0 || host.gone.size > 0); round++) {
    const gone = [...host.gone];
    const dirty = [...host.dirty];
    next.caughtUp = true;
    host.gone.clear();
    host.dirty.clear();
    for (const path of gone) {
      if (next.index.has(path)) next.index.remove(path);
      next.known.delete(path);
      next.writes.delete(path);
    }
    const present = dirty.filter((f) => vault.getFileByPath(f.path) === f);
    const stale = present.filter((f) => host.rules.file(f) && !sameFile(next.known.get(f.path), f));
    for (const f of present) if (!host.rules.file(f) && next.index.has(f.path)) next.index.remove(f.path);
    next.parsed += stale.length;
    if (!(await parseInto(host, next, stale))) return false;
  }
  return host.current();
}

/**
 * Resolve the links of the notes added so far, so the work is spread over the build's slices
 * instead of falling into one long task when it completes. Ending the batch settles and reports
 * (nobody listens to an index being built); a new batch starts at once.
 */
function settleSoFar(next: Generation): void {
  next.index.endBatch();
  next.index.beginBatch();
}
