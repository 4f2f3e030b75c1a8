// The core index fed from a Logseq file graph, incrementally. It parses each page's raw file text
// (`:file/content`, what Obsidian reads too) with the shared core, so both hosts show the same
// stages and counts. Every query runs on Logseq's UI thread, so none of them walks every file's
// text after start-up:
// - start-up lists the pages that have a file (ids only), takes what the cache kept of pages whose
//   text is unchanged (graph-cache.ts), then pulls the others' text a chunk at a time and parses
//   in slices that yield (graph-start.ts);
// - afterwards only the pages that changed are pulled (graph-changes.ts finds them);
// - journals, whiteboards and files that are not Markdown are never pulled;
// - no page text is kept (a 10k-page graph is ~80 MB of it): a digest tells an unchanged file,
//   and the few texts needed later (a shown card's Logseq reading, a line link, new settings)
//   are pulled again when needed.
import type { Diagnostic, FileNameFormat, MaturityIndex } from '../core/index';
import type { LogseqHost } from './host';
import { graphDir, graphQuery, readFileNameFormat } from './graph-answers';
import { openGraphCache, type GraphCache } from './graph-cache';
import { frameSlicing } from './graph-queries';
import { pullChanged, start } from './graph-start';
import { createGraphState, newIndex, pull, readText, type GraphState } from './graph-state';
import type { PageInfo } from './page-table';
import { sameCoreSettings, type PluginSettings } from './settings';
import type { WhenIdle, YieldNow } from './steps';
import { keepLinksInTasks } from './warm-index';

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
   * first time a component is asked for, its text is pulled and `onLateDiagnostics` called (with its id) once
   * the answer is known; from then on its edits keep the answer current.
   */
  logseqDiagnostics(id: string): Diagnostic[];
  fileNameFormat(): FileNameFormat;
  /** How many files' text this index pulled, in all. */
  filesPulled(): number;
  /**
   * Keep the index's resolved links beside the cache for the next start (graph-links.ts), with
   * its name order known; nothing without a cache, while new settings re-read the graph, or when
   * those kept were made from the records kept now.
   */
  keepLinks(): Promise<void>;
  /** Stop using the cache (the graph is switched or the plugin unloads); what it is writing is written first. */
  close(): Promise<void>;
}

export interface GraphIndexOptions {
  today?: string;
  /** Give the thread back (the plugin's frame: a macrotask), naming the step that resumes. */
  yieldNow: YieldNow;
  now?: () => number;
  /** A component's Logseq diagnostics asked for earlier are now known: show them. */
  onLateDiagnostics?: (id: string) => void;
  /** Wait until the views are drawn and the thread idle, then run the named step (the links kept for the next start do; none: a yield). */
  quiet?: WhenIdle;
}

export async function createGraphIndex(host: LogseqHost, initial: PluginSettings, options: GraphIndexOptions): Promise<GraphIndex> {
  const query = graphQuery(host);
  const dir = await graphDir(host);
  const format = await readFileNameFormat(host);
  const g = createGraphState(initial, options, { query, dir, format }, await openCache(dir, () => g.settings, options));
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
      const ids = await g.changes.changedIds(look.full);
      if (ids.length > 0) await pullChanged(g, ids);
      // Pages renamed before their file was written again: pulled with their versions, as any other.
      const moved = look.full ? await g.changes.checkComponents() : [];
      if (moved.length > 0) await pullChanged(g, moved);
      const changed = g.index.revision() !== before;
      // The links kept for the next start follow, in tasks of their own (not awaited: the views redraw first).
      if (changed) void keepLinksLater(g);
      return changed;
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
    keepLinks: () => keepLinks(g),
    close: async () => g.cache?.close(),
    logseqDiagnostics: (id) => (g.shown !== null ? [] : g.readings.of(id)),
  };
}

function keepLinks(g: GraphState): Promise<void> {
  return g.cache && g.shown === null ? g.cache.keepLinks(g.index) : Promise.resolve();
}

/** After pages changed: the name order (an edit may have moved it), then the links kept, each in a task of its own once the views are redrawn and the thread idle. */
function keepLinksLater(g: GraphState): Promise<void> {
  const { yieldNow, quiet } = g.options;
  return keepLinksInTasks(g.index, () => keepLinks(g), { yieldNow, quiet, stale: () => g.shown !== null }, 'links');
}

/** The graph's cache, in slices as the rest of the plugin's work; none for a graph with no directory to name it by. */
async function openCache(dir: string | null, settings: () => PluginSettings, options: GraphIndexOptions): Promise<GraphCache | null> {
  if (dir === null) return null;
  const slicing = frameSlicing(options.yieldNow, options.now, 'cache: records read');
  return openGraphCache({ graph: dir, settings, slicing, quiet: options.quiet });
}

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
    // No record is kept of this read (no versions are asked): the next start reads these pages once and keeps them.
    await pull(g, ids);
  } finally {
    g.shown = null;
  }
  return true;
}
