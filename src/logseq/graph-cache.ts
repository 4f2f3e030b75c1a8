// The Logseq plugin's start-up cache: what the index made of each page (the shared records of
// src/plugin-cache), kept in the plugin frame's IndexedDB, one database per graph. A relaunch takes
// every page whose file text is the version a record was made from, and pulls the text of the
// others only.
//
// A file's version is read without its text (graph-queries.ts `pageVersionsQuery`): the
// transaction that wrote its `:file/content` and the file entity's `:file/created-at`. Logseq
// restores its database as it persisted it, transaction ids included, and every change of a text
// (an edit in the app, the watcher's re-read of a file changed on disk) is a new transaction; a
// re-index makes every file entity anew, with a new creation time. `:file/last-modified-at` alone
// would not do: the first parse of a graph sets none. Versions are read before the texts they
// describe, so a text changed in between is kept under the older version and pulled again next
// time, never the reverse.
import { prepareForIndex, type MaturityIndex } from '../core/index';
import type { KeptLinks } from '../plugin-cache/kept-links';
import { NoteCache, type CachedNote } from '../plugin-cache/note-cache';
import { asRecord, fromRecord, toRecord, type PreparedNote } from '../plugin-cache/note-record';
import type { Slicing } from '../plugin-cache/slicing';
import { digestOf } from './graph-answers';
import { createLinkKeeper } from './graph-links';
import type { PluginSettings } from './settings';
import type { WhenIdle } from './steps';

declare const MATURITY_MAP_BUILD: string | undefined;

/** The parser's build (a digest of the core's sources, set by scripts/targets.mjs); records of another build are not used. */
const BUILD = typeof MATURITY_MAP_BUILD === 'string' ? MATURITY_MAP_BUILD : 'source';

export interface GraphCache {
  /**
   * Every record kept, read in slices, and the links kept with them, read beside them (the first
   * call reads; later ones answer from memory). `onRecords` (first call only) hears the paths of
   * each slice as it is kept: a start takes those pages while the rest is read.
   */
  load(onRecords?: (paths: string[]) => void): Promise<void>;
  /** Resolves once the links kept with the records are read (`takeKeptLinks` answers them), before every record is. */
  linksLoaded(): Promise<void>;
  /** The links kept with the records (graph-links.ts), if they were made under these settings; null: none, not readable, or taken already. */
  takeKeptLinks(): KeptLinks | null;
  /** Is the record kept for `path` the one the kept links were made from (the page may take its links from them)? */
  linksFit(path: string): boolean;
  /**
   * Keep `index`'s resolved links beside the records, once what is being written is written;
   * nothing when those kept were made from the records kept now. Call with the records up to
   * date (after `store`) and the index's name order known (the links list components in it).
   */
  keepLinks(index: MaturityIndex): Promise<void>;
  /** What the last start verified of the graph (kept-pages.ts; checked by its reader), read apart from the records: a small read. */
  keptPages(): Promise<unknown>;
  /** Keep what this start verified (made by `kept`, in that turn), once the records being written are written (call after `store`), in idle time. */
  keepPages(kept: () => unknown): Promise<void>;
  /** The note kept for `path` if it was made from this version of the text with these settings. */
  take(path: string, version: string | undefined): PreparedNote | null;
  /** The digest of the text a kept record was made from. */
  digest(path: string): string | undefined;
  /** The file time (`:file/last-modified-at`, 0 for none) a kept record was made at. */
  mtime(path: string): number | undefined;
  /** Put a text the plugin pulled into `index` and keep its note for the next start (`version`: read before the text was pulled). */
  put(index: MaturityIndex, path: string, content: { text: string; digest: string }, version: string, mtime: number | null): void;
  /**
   * The record kept for `from` now serves `to` (a page renamed, or its file written again, with
   * the text the record was made from), with `prepared`'s keys and this file time; the note's
   * strings are kept (`toRecord` writes a new index string only when the keys moved), not made again.
   */
  move(from: string, to: string, prepared: PreparedNote, mtime: number | null): void;
  /** The page is gone (or no longer a Markdown page): its record goes. */
  drop(path: string): void;
  /**
   * Write what was made and dropped since the last write. After a full read, `paths` are the
   * graph's pages: records of any other path go too.
   */
  store(paths?: ReadonlySet<string>): Promise<void>;
  /** Close the database once the write under way (if any) is done. */
  close(): Promise<void>;
}

/** The key of what a start verified of the graph, beside the links (NoteCache `readBeside`). */
const PAGES_KEY = 1;

/** The key a record is made with: the parser build and the settings that change how notes are read. */
function settingsKey(settings: PluginSettings): string {
  return `${BUILD}:${digestOf(JSON.stringify(settings.core))}`;
}

export interface GraphCacheOptions {
  /** The graph's directory: one database per graph. */
  graph: string;
  settings: () => PluginSettings;
  slicing: Slicing;
  /** Wait for the views drawn and the thread idle, then run the named step (the links' store; none: a yield). */
  quiet?: WhenIdle;
}

/** The graph's cache; null where the frame has no IndexedDB (every start then pulls every page). */
export async function openGraphCache(options: GraphCacheOptions): Promise<GraphCache | null> {
  const store = await NoteCache.open(`maturity-map-logseq/${options.graph}`, options.slicing);
  return store ? createGraphCache(store, options) : null;
}

/** A record's key for a page version under the current settings, the settings' part worked out once per settings object (every page of a start asks). */
function recordKeys(settings: () => PluginSettings): (version: string) => string {
  let keyed: { settings: PluginSettings; key: string } | null = null;
  return (version) => {
    const current = settings();
    if (keyed?.settings !== current) keyed = { settings: current, key: settingsKey(current) };
    return `${keyed.key}@${version}`;
  };
}

/** A kept record as the note it holds, or null: none, made under another key (settings, page version), or damaged. */
function takeRecord(record: CachedNote | undefined, key: string | null): PreparedNote | null {
  if (!record || key === null || record.key !== key) return null;
  try {
    return fromRecord(record);
  } catch {
    return null; // a damaged record: the page is pulled and its record made again
  }
}

/** Parse a pulled text into `index`, which holds the note as its record's strings (read back on first use, as after a warm start); the record. */
function putRecord(index: MaturityIndex, path: string, { text, digest }: { text: string; digest: string }, made: { mtime: number; key: string }): CachedNote {
  const { record, prepared } = asRecord(prepareForIndex(text, path, index.config, index.pipeline));
  index.upsertNote(path, prepared.note, prepared.keys);
  return { ...made, size: text.length, hash: digest, ...record };
}

/** Read every record into `kept`, a slice at a time, telling `onRecords` each slice's paths. */
async function loadAll(cache: NoteCache, kept: Map<string, CachedNote>, options: GraphCacheOptions, onRecords?: (paths: string[]) => void): Promise<void> {
  await cache.readAll(async (records) => {
    for (const [path, record] of records) kept.set(path, record);
    onRecords?.(records.map(([path]) => path));
    await options.slicing.yieldNow();
  });
}

/**
 * The links are stored in a task after the one that made them, in idle time: the store copies the
 * whole record (IndexedDB's structured clone), as long again as making it; together they were a
 * 46–48 ms task at 10k.
 */
function linksStoreTurn(options: GraphCacheOptions, closing: CloseSignal, step = 'cache: links stored'): Promise<void> {
  const turn = options.quiet ? options.quiet(step) : options.slicing.yieldNow();
  // A close (unload, graph switch) does not wait for idle time: what was made is stored now.
  return Promise.race([turn, closing.promise]);
}

interface CloseSignal {
  closed: boolean;
  /** Resolves once closed. */
  promise: Promise<void>;
  close(): void;
}

function closeSignal(): CloseSignal {
  let resolve = () => {};
  const signal: CloseSignal = {
    closed: false,
    promise: new Promise<void>((r) => (resolve = r)),
    close() {
      signal.closed = true;
      resolve();
    },
  };
  return signal;
}

/** Records made since the last write, and paths whose records go: what the next `store` writes. */
interface PendingWrites {
  made: Map<string, CachedNote>;
  gone: Set<string>;
}

const noPendingWrites = (): PendingWrites => ({ made: new Map(), gone: new Set() });

function keepRecord(kept: Map<string, CachedNote>, pending: PendingWrites, path: string, record: CachedNote): void {
  kept.set(path, record);
  pending.made.set(path, record);
  pending.gone.delete(path);
}

function dropRecord(kept: Map<string, CachedNote>, pending: PendingWrites, path: string): void {
  pending.made.delete(path);
  if (kept.delete(path)) pending.gone.add(path);
}

/**
 * What a start verified (`value` makes it), made in one idle turn and stored in the next (each a
 * part of what was one 40–60 ms task at 10k pages). In idle time after the draw, as the links: what
 * a quit leaves unwritten costs the next start its per-page versions, no more.
 */
function storeKeptPages(cache: NoteCache, options: GraphCacheOptions, closing: CloseSignal, value: () => unknown): Promise<void> {
  let made: unknown = null;
  return linksStoreTurn(options, closing, 'cache: pages kept')
    .then(() => (made = value()))
    .then(() => linksStoreTurn(options, closing, 'cache: pages stored'))
    .then(() => cache.writeBeside(PAGES_KEY, made, 'what the start read of the graph'));
}

function createGraphCache(cache: NoteCache, options: GraphCacheOptions): GraphCache {
  const kept = new Map<string, CachedNote>();
  let pending = noPendingWrites();
  let loaded: Promise<void> | null = null;
  let pagesRead: Promise<unknown> | null = null;
  let linksRead: Promise<void> | null = null;
  let writing: Promise<void> = Promise.resolve();
  const closing = closeSignal();
  const keyFor = recordKeys(options.settings);
  const links = createLinkKeeper(kept);
  const drop = (path: string) => dropRecord(kept, pending, path);
  return {
    load(onRecords) {
      // The links in a transaction of their own beside the records' (IndexedDB runs both at once).
      linksRead ??= cache.readLinks().then((stored) => links.read(stored, settingsKey(options.settings())));
      return (loaded ??= Promise.all([loadAll(cache, kept, options, onRecords), linksRead]).then(() => undefined));
    },
    linksLoaded: () => linksRead ?? Promise.resolve(),
    takeKeptLinks: () => links.take(),
    linksFit: (path) => links.fits(path),
    keepLinks(index) {
      const made = closing.closed ? null : links.toStore(index, kept, settingsKey(options.settings()));
      if (made) writing = writing.then(() => linksStoreTurn(options, closing)).then(() => cache.writeLinks(made));
      return writing;
    },
    keptPages: () => (pagesRead ??= cache.readBeside(PAGES_KEY)),
    keepPages(value) {
      writing = writing.then(() => storeKeptPages(cache, options, closing, value));
      return writing;
    },
    take: (path, version) => takeRecord(kept.get(path), version === undefined ? null : keyFor(version)),
    digest: (path) => kept.get(path)?.hash,
    mtime: (path) => kept.get(path)?.mtime,
    put(index, path, content, version, mtime) {
      keepRecord(kept, pending, path, putRecord(index, path, content, { mtime: mtime ?? 0, key: keyFor(version) }));
    },
    move(from, to, prepared, mtime) {
      const record = kept.get(from);
      if (!record) return;
      const moved: CachedNote = { ...record, ...toRecord(prepared), mtime: mtime ?? 0 };
      if (from !== to) drop(from);
      keepRecord(kept, pending, to, moved);
    },
    drop,
    store(paths) {
      if (paths) for (const path of kept.keys()) if (!paths.has(path)) drop(path);
      if (pending.made.size === 0 && pending.gone.size === 0) return writing;
      const { made, gone } = pending;
      pending = noPendingWrites();
      writing = writing.then(() => cache.write(made, gone));
      return writing;
    },
    async close() {
      closing.close();
      // A write under way finishes first (NoteCache.write never throws): a quit right after a start keeps it.
      await writing;
      cache.close();
    },
  };
}
