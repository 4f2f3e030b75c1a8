// What the graph index knows of the graph while it runs (the index, the page table, the change
// finder, the cache), and how it reads pages into it: pulled a chunk at a time, taken in slices.
import { createIndex, MAX_NOTE_BYTES, type FileNameFormat, type MaturityIndex } from '../core/index';
import type { PreparedNote } from '../plugin-cache/note-record';
import type { FileRow } from './host';
import { digestOf, markdownRows, relativePath, timeOf, type GraphQuery } from './graph-answers';
import type { GraphCache } from './graph-cache';
import { createChangeFinder, type ChangeFinder } from './graph-changes';
import type { GraphIndexOptions, Progress } from './graph-index';
import { PULL_CHUNK, pagesQuery, SLICE_MS } from './graph-queries';
import { createLogseqReadings, type LogseqReadings } from './logseq-readings';
import { createPageTable, type PageTable } from './page-table';
import type { PluginSettings } from './settings';

export interface GraphEnv {
  query: GraphQuery;
  dir: string | null;
  format: FileNameFormat;
}

/** What the index knows of the graph, and what keeps it current. */
export interface GraphState {
  settings: PluginSettings;
  index: MaturityIndex;
  /** While new settings re-read the graph, views keep showing the index of the old ones. */
  shown: MaturityIndex | null;
  /** The newest file time read. */
  since: number | null;
  ready: boolean;
  pulled: number;
  /** Pages the start-up took from the cache. */
  taken: number;
  progress: Progress;
  readonly table: PageTable;
  readonly readings: LogseqReadings;
  readonly changes: ChangeFinder;
  readonly env: GraphEnv;
  readonly options: GraphIndexOptions;
  /** The start-up cache (null where the frame has no IndexedDB, or the graph has no directory). */
  readonly cache: GraphCache | null;
  /** While a start-up runs with a cache: file id → the version of its text (`tx:created`), read before the text is pulled. */
  versions: Map<number, string> | null;
  /**
   * While a start-up takes pages from the cache with the links kept beside it (graph-links.ts):
   * the notes taken whose records the links were not made from, put in once the adoption is over.
   */
  adopting: Array<[path: string, prepared: PreparedNote]> | null;
}

export function newIndex(settings: PluginSettings, options: GraphIndexOptions): MaturityIndex {
  return createIndex({ ...settings.core, ...(options.today ? { today: options.today } : {}) });
}

export function createGraphState(initial: PluginSettings, options: GraphIndexOptions, env: GraphEnv, cache: GraphCache | null): GraphState {
  const table = createPageTable();
  const g: GraphState = {
    settings: initial,
    index: newIndex(initial, options),
    shown: null,
    since: null,
    ready: false,
    pulled: 0,
    taken: 0,
    progress: { done: 0, total: 0 },
    table,
    env,
    options,
    cache,
    versions: null,
    adopting: null,
    readings: createLogseqReadings({
      index: () => g.index,
      enabled: () => g.settings.logseqDiagnostics,
      digestOf: (path) => table.digest(path),
      readText: (path) => readText(g, path),
      fileNameFormat: env.format,
      onLate: options.onLateDiagnostics,
    }),
    changes: createChangeFinder({
      query: env.query,
      table,
      dir: env.dir,
      componentPaths: () => g.index.ids(),
      since: () => g.since,
      forget: (path) => forget(g, path),
      yieldNow: options.yieldNow,
    }),
  };
  return g;
}

/** List every Markdown page (ids only), then pull them a chunk at a time. */
export function forget(g: GraphState, path: string): void {
  g.cache?.drop(path);
  g.table.forget(path);
  g.readings.forget(path);
  if (g.index.has(path)) g.index.remove(path);
}

/** Take one pulled row into the table and the index. */
export function take(g: GraphState, row: FileRow): void {
  const content = row.file.content;
  if (typeof content !== 'string') return;
  const prefix = g.settings.namespacePrefix;
  const oldPath = g.table.pathOfId(row.id);
  if (prefix !== '' && !row.name.startsWith(`${prefix}/`)) {
    if (oldPath !== undefined) forget(g, oldPath);
    return;
  }
  const path = relativePath(row.file.path, g.env.dir);
  // A page renamed in Logseq keeps its id; its file moved. Drop the old path first.
  if (oldPath !== undefined && oldPath !== path) forget(g, oldPath);
  const mtime = timeOf(row.file['last-modified-at']);
  g.table.record({ id: row.id, name: row.name, originalName: row['original-name'] ?? row.name }, path, mtime, row.file.id);
  if (mtime !== null && (g.since === null || mtime > g.since)) g.since = mtime;
  g.pulled++;
  const digest = digestOf(content);
  // The same text again is parsed only to make the record a versioned pull found missing (dropped by a pull without versions).
  if (g.table.setDigest(path, digest) || lacksRecord(g, path, row.file.id)) putText(g, path, { text: content, digest }, row.file.id, mtime);
  g.readings.textRead(path, content);
}

/** Pulled with its version (a look with a cache), and no record of that version is kept. */
function lacksRecord(g: GraphState, path: string, fileId: number | undefined): boolean {
  const version = fileId === undefined ? undefined : g.versions?.get(fileId);
  return version !== undefined && g.cache?.take(path, version) === null;
}

/** A pulled text into the index; during a full read with a cache, its note is kept for the next start too. */
function putText(g: GraphState, path: string, content: { text: string; digest: string }, fileId: number | undefined, mtime: number | null): void {
  const version = fileId === undefined ? undefined : g.versions?.get(fileId);
  if (!g.cache || version === undefined || content.text.length > MAX_NOTE_BYTES) {
    g.cache?.drop(path); // a record made from another text
    g.index.upsert(path, content.text);
    return;
  }
  g.cache.put(g.index, path, content, version, mtime);
}

export async function readText(g: GraphState, path: string): Promise<string | null> {
  const page = g.table.byPath(path);
  if (!page) return null;
  const row = markdownRows(await g.env.query(pagesQuery([page.id]))).find((r) => r.id === page.id);
  return typeof row?.file.content === 'string' ? row.file.content : null;
}

/** Take rows in slices of SLICE_MS, yielding between them. */
export async function takeAll(g: GraphState, found: FileRow[]): Promise<void> {
  await inSlices(g, found, (row) => take(g, row), 'pull: pages parsed');
}

/**
 * `each` over `items` in slices of SLICE_MS, giving the thread back between them; each slice is
 * one index batch, so names shared by many pages are resolved once a slice, not once a page.
 */
export async function inSlices<T>(g: GraphState, items: Iterable<T>, each: (item: T) => void, step = 'pages taken in'): Promise<void> {
  const now = g.options.now ?? (() => performance.now());
  let sliceStart = now();
  // The index batched (new settings may replace g.index while this runs: its batch ends on it).
  const index = g.index;
  index.beginBatch();
  try {
    for (const item of items) {
      each(item);
      if (now() - sliceStart > SLICE_MS) {
        index.endBatch();
        await g.options.yieldNow(step);
        index.beginBatch();
        sliceStart = now();
      }
    }
  } finally {
    index.endBatch();
  }
}

/** Pull pages by id in chunks; pages that are no longer Markdown pages with a file are dropped. */
export async function pull(g: GraphState, ids: readonly number[], onChunk?: () => void): Promise<void> {
  for (let i = 0; i < ids.length; i += PULL_CHUNK) {
    const chunk = ids.slice(i, i + PULL_CHUNK);
    const found = markdownRows(await g.env.query(pagesQuery(chunk)));
    await takeAll(g, found);
    const got = new Set(found.map((r) => r.id));
    for (const id of chunk) {
      const path = g.table.pathOfId(id);
      if (!got.has(id) && path !== undefined) forget(g, path);
    }
    onChunk?.();
    await g.options.yieldNow('pull: next chunk');
  }
}

/** New settings: those that change how notes are read re-read every page (no text is kept), in chunks. */
