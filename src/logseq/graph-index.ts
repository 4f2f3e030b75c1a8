// The core index fed from a Logseq file graph, incrementally. It parses each page's raw file text
// (`:file/content`, what Obsidian reads too) with the shared core, so both hosts show the same
// stages and counts. Every query runs on Logseq's UI thread, so none of them walks every file's
// text after start-up:
// - start-up lists the pages that have a file (ids only), then pulls their text a chunk at a
//   time and parses in slices that yield;
// - afterwards, changed files are found by `:file/last-modified-at` (set by Logseq on every write
//   it makes and every change its watcher sees) being at or after the newest one already read,
//   and only those are pulled; the pages of components are checked by id for renames and
//   deletions (a small `ground` query);
// - journals, whiteboards and files that are not Markdown are never pulled.
import { createIndex, logseqDiagnostics, type Diagnostic, type FileNameFormat, type MaturityIndex } from '../core/index';
import { isFileRow, isRecord, type FileRow, type LogseqHost } from './host';
import { sameCoreSettings, type PluginSettings } from './settings';

/** Pages per content query: ~0.3 MB of text, a query of a few ms in the app. */
export const PULL_CHUNK = 100;
/** Parse for at most this long before giving the thread back. */
export const SLICE_MS = 20;

const PULL = '(pull ?p [:db/id :block/name :block/original-name {:block/file [:file/path :file/content :file/last-modified-at]}])';
/** Markdown pages only: no journals, no whiteboards (`.edn`), no Org files. */
const MARKDOWN_PAGE = '[?p :block/file ?f] [?f :file/path ?path] [(clojure.string/ends-with? ?path ".md")] (not [?p :block/journal? true])';

/** The ids of every page that has a file (no text: cheap), optionally within a namespace. */
export function pageIdsQuery(namespacePrefix: string): string {
  const prefix = namespacePrefix.trim().toLowerCase().replace(/\/+$/, '');
  if (prefix === '') return '[:find [?p ...] :where [?p :block/file]]';
  return `[:find [?p ...] :where [?p :block/file] [?p :block/name ?n] [(clojure.string/starts-with? ?n ${ednString(`${prefix}/`)})]]`;
}

/** Text and path of these pages (ids inlined: `ground` needs no input parsing). */
export function pagesQuery(ids: readonly number[]): string {
  return `[:find ${PULL} :where [(ground [${ids.map((id) => Math.trunc(id)).join(' ')}]) [?p ...]] ${MARKDOWN_PAGE}]`;
}

/** Pages whose file Logseq wrote or re-read at or after `since`: ids and times only. */
export function changedSinceQuery(since: Date): string {
  return `[:find ?p ?m :where [?f :file/last-modified-at ?m] [(>= ?m #inst ${ednString(since.toISOString())})] [?p :block/file ?f]]`;
}

/** How many pages have a file: a deletion shows as a smaller count (no ids, no text: cheap). */
export const PAGE_COUNT_QUERY = '[:find (count ?p) . :where [?p :block/file]]';

/** Where these pages' files are now (renames), and which are gone (not returned). */
export function whereQuery(ids: readonly number[]): string {
  return `[:find ?p ?path :where [(ground [${ids.map((id) => Math.trunc(id)).join(' ')}]) [?p ...]] [?p :block/file ?f] [?f :file/path ?path]]`;
}

function ednString(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

export interface PageInfo {
  id: number;
  /** Lower-cased page name. */
  name: string;
  originalName: string;
}

/** The host answered nil: no graph is open (yet). Not an empty graph. */
export class GraphNotOpenError extends Error {
  constructor() {
    super('No Logseq graph is open.');
  }
}

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
  /** Pull what changed since the last look; true when a component changed. */
  refreshChanged(): Promise<boolean>;
  /** Apply new settings from the texts already read (no pulls); true when a component changed. */
  reconfigure(settings: PluginSettings): Promise<boolean>;
  resolve(target: string): string | null;
  componentOfPage(pageName: string): string | null;
  pageOf(path: string): PageInfo | null;
  text(path: string): string | null;
  /** What Logseq reads differently in a component's file (empty when the setting is off). */
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
}

/** `[[row] …]` from a pull query, tolerating a flat `[row …]` answer. */
function rows(result: unknown): FileRow[] {
  if (!Array.isArray(result)) return [];
  const out: FileRow[] = [];
  for (const item of result) {
    const row: unknown = Array.isArray(item) ? item[0] : item;
    if (isFileRow(row)) out.push(row);
  }
  return out;
}

/** `:file/last-modified-at` as milliseconds: a Date from the app's file stat, or a number. */
export function timeOf(value: unknown): number | null {
  // By tag, not instanceof: a Date structured-cloned from another window is not this realm's Date.
  if (Object.prototype.toString.call(value) === '[object Date]') return (value as Date).getTime();
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string') {
    const t = Date.parse(value);
    return Number.isNaN(t) ? null : t;
  }
  return null;
}

/** Graph-relative, `/`-separated paths (0.10.x stores relative paths; older graphs absolute ones). */
export function relativePath(path: string, graphDir: string | null): string {
  let p = path.replace(/\\/g, '/');
  const dir = graphDir?.replace(/\\/g, '/').replace(/\/+$/, '');
  if (dir && p.startsWith(`${dir}/`)) p = p.slice(dir.length + 1);
  return p.replace(/^\.?\/+/, '');
}

export async function readFileNameFormat(host: LogseqHost): Promise<FileNameFormat> {
  try {
    const value: unknown = await host.App.getCurrentGraphConfigs('file/name-format');
    if (value === null || value === undefined) return 'legacy';
    return String(value).replace(/^:/, '') === 'triple-lowbar' ? 'triple-lowbar' : 'legacy';
  } catch {
    return 'triple-lowbar'; // unknown: do not warn about a format we could not read
  }
}

async function graphDir(host: LogseqHost): Promise<string | null> {
  const graph: unknown = await host.App.getCurrentGraph();
  if (graph === null || graph === undefined) throw new GraphNotOpenError();
  return isRecord(graph) && typeof graph['path'] === 'string' ? graph['path'] : null;
}

export async function createGraphIndex(host: LogseqHost, initial: PluginSettings, options: GraphIndexOptions): Promise<GraphIndex> {
  let settings = initial;
  let index = createIndex({ ...settings.core, ...(options.today ? { today: options.today } : {}) });
  const now = options.now ?? (() => performance.now());
  const dir = await graphDir(host);
  const format = await readFileNameFormat(host);
  const texts = new Map<string, string>();
  const pages = new Map<string, PageInfo>();
  const pathOfName = new Map<string, string>();
  const pathOfId = new Map<number, string>();
  const seenAt = new Map<number, number | null>();
  const logseqCache = new Map<string, { text: string; diagnostics: Diagnostic[] }>();
  let since: number | null = null;
  /** Pages with a file at the last count; a change means one went (or came). */
  let pageCount = -1;
  let ready = false;
  let pulled = 0;
  let progress: Progress = { done: 0, total: 0 };

  async function query(q: string): Promise<unknown> {
    const result: unknown = await host.DB.datascriptQuery(q);
    if (result === null || result === undefined) throw new GraphNotOpenError();
    return result;
  }

  function forget(path: string): void {
    const page = pages.get(path);
    if (page) {
      if (pathOfName.get(page.name) === path) pathOfName.delete(page.name);
      pathOfId.delete(page.id);
      seenAt.delete(page.id);
    }
    pages.delete(path);
    texts.delete(path);
    logseqCache.delete(path);
    if (index.has(path)) index.remove(path);
  }

  /** Take one pulled row into the maps and the index. */
  function take(row: FileRow): void {
    const content = row.file.content;
    if (typeof content !== 'string') return;
    const prefix = settings.namespacePrefix;
    if (prefix !== '' && !row.name.startsWith(`${prefix}/`)) {
      const old = pathOfId.get(row.id);
      if (old !== undefined) forget(old);
      return;
    }
    const path = relativePath(row.file.path, dir);
    const oldPath = pathOfId.get(row.id);
    // A page renamed in Logseq keeps its id; its file moved. Drop the old path first.
    if (oldPath !== undefined && oldPath !== path) forget(oldPath);
    const page: PageInfo = { id: row.id, name: row.name, originalName: row['original-name'] ?? row.name };
    const old = pages.get(path);
    if (old && old.name !== page.name && pathOfName.get(old.name) === path) pathOfName.delete(old.name);
    pages.set(path, page);
    pathOfName.set(page.name, path);
    pathOfId.set(page.id, path);
    const mtime = timeOf(row.file['last-modified-at']);
    seenAt.set(page.id, mtime);
    if (mtime !== null && (since === null || mtime > since)) since = mtime;
    pulled++;
    if (texts.get(path) !== content) {
      texts.set(path, content);
      index.upsert(path, content);
    }
  }

  /** Take rows in slices of SLICE_MS, yielding between them. */
  async function takeAll(found: FileRow[]): Promise<void> {
    let sliceStart = now();
    for (const row of found) {
      take(row);
      if (now() - sliceStart > SLICE_MS) {
        await options.yieldNow();
        sliceStart = now();
      }
    }
  }

  /** Pull pages by id in chunks; pages that are no longer Markdown pages with a file are dropped. */
  async function pull(ids: readonly number[], onChunk?: () => void): Promise<void> {
    for (let i = 0; i < ids.length; i += PULL_CHUNK) {
      const chunk = ids.slice(i, i + PULL_CHUNK);
      const found = rows(await query(pagesQuery(chunk)));
      await takeAll(found);
      const got = new Set(found.map((r) => r.id));
      for (const id of chunk) {
        const path = pathOfId.get(id);
        if (!got.has(id) && path !== undefined) forget(path);
      }
      onChunk?.();
      await options.yieldNow();
    }
  }

  /**
   * Component pages renamed or deleted without a write we would see. A deletion leaves no
   * `:file/last-modified-at` to find, so the pages are counted first (cheap) and the components
   * checked one by one (a `ground` over their ids: thousands in a large graph) only when the
   * count moved.
   */
  async function checkComponents(): Promise<void> {
    const count = await query(PAGE_COUNT_QUERY);
    if (typeof count === 'number' && count === pageCount) return;
    if (typeof count === 'number') pageCount = count;
    const ids = index.ids().map((id) => pages.get(id)?.id).filter((id): id is number => id !== undefined);
    if (ids.length === 0) return;
    const found = await query(whereQuery(ids));
    const where = new Map<number, string>();
    if (Array.isArray(found)) for (const r of found) if (Array.isArray(r) && typeof r[0] === 'number' && typeof r[1] === 'string') where.set(r[0], relativePath(r[1], dir));
    const moved: number[] = [];
    for (const id of ids) {
      const path = pathOfId.get(id)!;
      const now = where.get(id);
      if (now === undefined) forget(path);
      else if (now !== path) moved.push(id);
    }
    if (moved.length > 0) await pull(moved);
  }

  async function changedIds(): Promise<number[]> {
    if (since === null) return [];
    const found = await query(changedSinceQuery(new Date(since)));
    const ids: number[] = [];
    if (Array.isArray(found)) {
      for (const r of found) {
        if (!Array.isArray(r) || typeof r[0] !== 'number') continue;
        const t = timeOf(r[1]);
        if (!seenAt.has(r[0]) || seenAt.get(r[0]) !== t) ids.push(r[0]);
      }
    }
    return ids;
  }

  async function rebuild(next: PluginSettings): Promise<void> {
    settings = next;
    const fresh = createIndex({ ...settings.core, ...(options.today ? { today: options.today } : {}) });
    let sliceStart = now();
    for (const [path, text] of texts) {
      fresh.upsert(path, text);
      if (now() - sliceStart > SLICE_MS) {
        await options.yieldNow();
        sliceStart = now();
      }
    }
    index = fresh;
    logseqCache.clear();
  }

  return {
    get index() {
      return index;
    },
    get settings() {
      return settings;
    },
    async start(onProgress) {
      const ids = await query(pageIdsQuery(settings.namespacePrefix));
      const all = Array.isArray(ids) ? ids.filter((id): id is number => typeof id === 'number') : [];
      if (settings.namespacePrefix === '') pageCount = all.length;
      progress = { done: 0, total: all.length };
      onProgress?.(progress);
      await pull(all, () => {
        progress = { done: Math.min(all.length, progress.done + PULL_CHUNK), total: all.length };
        onProgress?.(progress);
      });
      since ??= Date.now();
      ready = true;
    },
    ready: () => ready,
    progress: () => progress,
    async refreshChanged() {
      const before = index.revision();
      const ids = await changedIds();
      if (ids.length > 0) await pull(ids);
      await checkComponents();
      return index.revision() !== before;
    },
    async reconfigure(next) {
      if (sameCoreSettings(settings, next)) {
        const shownChanged = next.logseqDiagnostics !== settings.logseqDiagnostics;
        settings = next;
        return shownChanged;
      }
      await rebuild(next);
      return true;
    },
    resolve(target) {
      const byPage = pathOfName.get(target.toLowerCase());
      if (byPage && index.component(byPage)) return byPage;
      return index.lookup(target);
    },
    componentOfPage(pageName) {
      const path = pathOfName.get(pageName.toLowerCase());
      return path && index.component(path) ? path : null;
    },
    pageOf: (path) => pages.get(path) ?? null,
    text: (path) => texts.get(path) ?? null,
    fileNameFormat: () => format,
    filesPulled: () => pulled,
    logseqDiagnostics(id) {
      const component = index.component(id);
      const text = texts.get(id);
      if (!component || text === undefined || !settings.logseqDiagnostics) return [];
      let cached = logseqCache.get(id);
      if (!cached || cached.text !== text) {
        cached = { text, diagnostics: logseqDiagnostics(id, text, { fileNameFormat: format, note: component.note, severity: index.config.severity }) };
        logseqCache.set(id, cached);
      }
      return cached.diagnostics;
    },
  };
}
