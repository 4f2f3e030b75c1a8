// The core index fed from a Logseq file graph, incrementally. It parses each page's raw file text
// (`:file/content`, what Obsidian reads too) with the shared core, so both hosts show the same
// stages and counts. Every query runs on Logseq's UI thread, so none of them walks every file's
// text after start-up:
// - start-up lists the pages that have a file (ids only), then pulls their text a chunk at a
//   time and parses in slices that yield;
// - afterwards only the pages that changed are pulled (graph-changes.ts finds them);
// - journals, whiteboards and files that are not Markdown are never pulled;
// - no page text is kept (a 10k-page graph is ~80 MB of it): a digest tells an unchanged file,
//   and the few texts needed later (a shown card's Logseq reading, a line link, new settings)
//   are pulled again when needed.
import { createIndex, type Diagnostic, type FileNameFormat, type MaturityIndex } from '../core/index';
import type { FileRow, LogseqHost } from './host';
import type { GraphQuery } from './graph-answers';
import { digestOf, graphDir, graphQuery, markdownRows, readFileNameFormat, relativePath, timeOf } from './graph-answers';
import { createChangeFinder, type ChangeFinder } from './graph-changes';
import { PULL_CHUNK, pageIdsQuery, pagesQuery, SLICE_MS, WHERE_CHUNK } from './graph-queries';
import { createLogseqReadings, type LogseqReadings } from './logseq-readings';
import { createPageTable, type PageInfo, type PageTable } from './page-table';
import { sameCoreSettings, type PluginSettings } from './settings';

export { GraphNotOpenError } from './graph-answers';
export { PULL_CHUNK } from './graph-queries';
export type { PageInfo } from './page-table';

export interface Progress {
  done: number;
  total: number;
}

export interface GraphIndex {
  readonly index: MaturityIndex;
  readonly settings: PluginSettings;
  /** Read every page once, a chunk at a time; `progress` is called between chunks. */
  start(progress?: (p: Progress) => void): Promise<void>;
  ready(): boolean;
  progress(): Progress;
  /**
   * Pull what changed since the last look; true when a component changed. A full look (the poll)
   * also checks for deleted pages, which costs a scan of every page: a route change does not.
   */
  refreshChanged(look?: { full: boolean }): Promise<boolean>;
  /**
   * Apply new settings; true when what is shown changed. Settings that change how notes are read
   * re-read the graph in chunks (the old index stays shown meanwhile); the others pull nothing.
   */
  reconfigure(settings: PluginSettings): Promise<boolean>;
  resolve(target: string): string | null;
  componentOfPage(pageName: string): string | null;
  pageOf(path: string): PageInfo | null;
  /** The page's file text, pulled again (none is kept). */
  readText(path: string): Promise<string | null>;
  /**
   * What Logseq reads differently in a component's file (empty when the setting is off). The
   * first time a component is asked for, its text is pulled and `onLateDiagnostics` called once
   * the answer is known; from then on its edits keep the answer current.
   */
  logseqDiagnostics(id: string): Diagnostic[];
  fileNameFormat(): FileNameFormat;
  /** How many files' text this index pulled, in all. */
  filesPulled(): number;
}

export interface GraphIndexOptions {
  today?: string;
  /** Give the thread back (the plugin's frame: a macrotask). */
  yieldNow: () => Promise<void>;
  now?: () => number;
  /** Logseq diagnostics asked for earlier are now known: show them. */
  onLateDiagnostics?: () => void;
}

export async function createGraphIndex(host: LogseqHost, initial: PluginSettings, options: GraphIndexOptions): Promise<GraphIndex> {
  const query = graphQuery(host);
  const dir = await graphDir(host);
  const format = await readFileNameFormat(host);
  const g = createGraphState(initial, options, { query, dir, format });
  const current = () => g.shown ?? g.index;
  return {
    get index() {
      return current();
    },
    get settings() {
      return g.settings;
    },
    start: (onProgress) => start(g, onProgress),
    ready: () => g.ready,
    progress: () => g.progress,
    async refreshChanged(look = { full: true }) {
      const before = g.index.revision();
      const ids = await g.changes.changedIds();
      if (ids.length > 0) await pull(g, ids);
      if (look.full) await g.changes.checkComponents();
      return g.index.revision() !== before;
    },
    reconfigure: (next) => reconfigure(g, next),
    resolve(target) {
      const byPage = g.table.pathOfName(target.toLowerCase());
      if (byPage && current().component(byPage)) return byPage;
      return current().lookup(target);
    },
    componentOfPage(pageName) {
      const path = g.table.pathOfName(pageName.toLowerCase());
      return path && current().component(path) ? path : null;
    },
    pageOf: (path) => g.table.byPath(path) ?? null,
    readText: (path) => readText(g, path),
    fileNameFormat: () => format,
    filesPulled: () => g.pulled,
    logseqDiagnostics: (id) => (g.shown !== null ? [] : g.readings.of(id)),
  };
}

interface GraphEnv {
  query: GraphQuery;
  dir: string | null;
  format: FileNameFormat;
}

/** What the index knows of the graph, and what keeps it current. */
interface GraphState {
  settings: PluginSettings;
  index: MaturityIndex;
  /** While new settings re-read the graph, views keep showing the index of the old ones. */
  shown: MaturityIndex | null;
  /** The newest file time read. */
  since: number | null;
  ready: boolean;
  pulled: number;
  progress: Progress;
  readonly table: PageTable;
  readonly readings: LogseqReadings;
  readonly changes: ChangeFinder;
  readonly env: GraphEnv;
  readonly options: GraphIndexOptions;
}

function newIndex(settings: PluginSettings, options: GraphIndexOptions): MaturityIndex {
  return createIndex({ ...settings.core, ...(options.today ? { today: options.today } : {}) });
}

function createGraphState(initial: PluginSettings, options: GraphIndexOptions, env: GraphEnv): GraphState {
  const table = createPageTable();
  const g: GraphState = {
    settings: initial,
    index: newIndex(initial, options),
    shown: null,
    since: null,
    ready: false,
    pulled: 0,
    progress: { done: 0, total: 0 },
    table,
    env,
    options,
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
      pull: (ids) => pull(g, ids),
      forget: (path) => forget(g, path),
      yieldNow: options.yieldNow,
    }),
  };
  return g;
}

/** List every Markdown page (ids only), then pull them a chunk at a time. */
async function start(g: GraphState, onProgress?: (p: Progress) => void): Promise<void> {
  const ids = await g.env.query(pageIdsQuery(g.settings.namespacePrefix));
  const listed = Array.isArray(ids) ? ids.filter((id): id is number => typeof id === 'number') : [];
  const all: number[] = [];
  for (let i = 0; i < listed.length; i += WHERE_CHUNK) {
    all.push(...(await g.changes.markdownOnly(listed.slice(i, i + WHERE_CHUNK))));
    await g.options.yieldNow();
  }
  // The listing is the count when it lists every page with a file: no second scan of the graph.
  await g.changes.countPages(g.settings.namespacePrefix.trim() === '' ? listed.length : undefined);
  g.progress = { done: 0, total: all.length };
  onProgress?.(g.progress);
  await pull(g, all, () => {
    g.progress = { done: Math.min(all.length, g.progress.done + PULL_CHUNK), total: all.length };
    onProgress?.(g.progress);
  });
  g.since ??= Date.now();
  g.ready = true;
}

function forget(g: GraphState, path: string): void {
  g.table.forget(path);
  g.readings.forget(path);
  if (g.index.has(path)) g.index.remove(path);
}

/** Take one pulled row into the table and the index. */
function take(g: GraphState, row: FileRow): void {
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
  if (g.table.setDigest(path, digestOf(content))) g.index.upsert(path, content);
  g.readings.textRead(path, content);
}

async function readText(g: GraphState, path: string): Promise<string | null> {
  const page = g.table.byPath(path);
  if (!page) return null;
  const row = markdownRows(await g.env.query(pagesQuery([page.id]))).find((r) => r.id === page.id);
  return typeof row?.file.content === 'string' ? row.file.content : null;
}

/** Take rows in slices of SLICE_MS, yielding between them. */
async function takeAll(g: GraphState, found: FileRow[]): Promise<void> {
  const now = g.options.now ?? (() => performance.now());
  let sliceStart = now();
  for (const row of found) {
    take(g, row);
    if (now() - sliceStart > SLICE_MS) {
      await g.options.yieldNow();
      sliceStart = now();
    }
  }
}

/** Pull pages by id in chunks; pages that are no longer Markdown pages with a file are dropped. */
async function pull(g: GraphState, ids: readonly number[], onChunk?: () => void): Promise<void> {
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
    await g.options.yieldNow();
  }
}

/** New settings: those that change how notes are read re-read every page (no text is kept), in chunks. */
async function reconfigure(g: GraphState, next: PluginSettings): Promise<boolean> {
  if (sameCoreSettings(g.settings, next)) {
    const shownChanged = next.logseqDiagnostics !== g.settings.logseqDiagnostics;
    g.settings = next;
    if (shownChanged) g.readings.clear();
    return shownChanged;
  }
  const ids = g.table.pages().map((p) => p.id);
  g.shown = g.index;
  try {
    g.settings = next;
    g.index = newIndex(next, g.options);
    g.table.clearDigests();
    g.readings.clear();
    await pull(g, ids);
  } finally {
    g.shown = null;
  }
  return true;
}
