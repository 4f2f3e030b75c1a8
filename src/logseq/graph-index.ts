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
// - journals, whiteboards and files that are not Markdown are never pulled;
// - no page text is kept (a 10k-page graph is ~80 MB of it): a digest tells an unchanged file,
//   and the few texts needed later (a shown card's Logseq reading, a line link, new settings)
//   are pulled again when needed.
import { createIndex, logseqDiagnostics, type Diagnostic, type FileNameFormat, type MaturityIndex } from '../core/index';
import { isFileRow, isRecord, type FileRow, type LogseqHost } from './host';
import { sameCoreSettings, type PluginSettings } from './settings';

/**
 * Pages per content query: ~0.2 MB of text. The host runs the query, pulls and clones the text
 * in one task on its UI thread, and the frame takes the reply in one task: both grow with the
 * chunk, and both must stay well under 50 ms (measured by `npm run bench:logseq`).
 */
export const PULL_CHUNK = 25;
/** Pages per path query (paths only: small). */
export const WHERE_CHUNK = 500;
/** Parse for at most this long before giving the thread back. */
export const SLICE_MS = 8;

const PULL = '(pull ?p [:db/id :block/name :block/original-name :block/journal? {:block/file [:file/path :file/content :file/last-modified-at]}])';

/**
 * The ids of every page that has a file (no text), optionally within a namespace. Once, at
 * start-up; one clause (one scan), no join: which of them are Markdown pages is asked by id.
 */
export function pageIdsQuery(namespacePrefix: string): string {
  const prefix = namespacePrefix.trim().toLowerCase().replace(/\/+$/, '');
  if (prefix === '') return '[:find [?p ...] :where [?p :block/file]]';
  return `[:find [?p ...] :where [?p :block/file] [?p :block/name ?n] [(clojure.string/starts-with? ?n ${ednString(`${prefix}/`)})]]`;
}

/** Path and kind of these pages, no text: tells which changed pages are Markdown pages. */
export function kindQuery(ids: readonly number[]): string {
  return `[:find (pull ?p [:db/id :block/journal? {:block/file [:file/path]}]) :in $ :where [(ground [${ids.map((id) => Math.trunc(id)).join(' ')}]) [?p ...]]]`;
}

/**
 * Text and path of these pages (ids inlined: `ground` needs no input parsing). Nothing but the
 * pull: datascript resolves a clause like `[?p :block/file ?f]` by scanning every page's datom
 * and joining, which costs as much for 25 pages as for the whole graph; a pull looks each one up.
 * Journals, whiteboards and Org files are left out by `isMarkdownPage` on the answer. `:in $`
 * spelled out: with no clause reading the database, datascript would otherwise expect no input.
 */
export function pagesQuery(ids: readonly number[]): string {
  return `[:find ${PULL} :in $ :where [(ground [${ids.map((id) => Math.trunc(id)).join(' ')}]) [?p ...]]]`;
}

/** Markdown pages only: no journals, no whiteboards (`.edn`), no Org files. */
export function isMarkdownPage(row: FileRow): boolean {
  return row['journal?'] !== true && /\.md$/i.test(row.file.path);
}

/** Pages whose file Logseq wrote or re-read at or after `since`: ids and times only. */
export function changedSinceQuery(since: Date): string {
  return `[:find ?p ?m :where [?f :file/last-modified-at ?m] [(>= ?m #inst ${ednString(since.toISOString())})] [?p :block/file ?f]]`;
}

/** How many pages have a file: a deletion shows as a smaller count (no ids, no text: cheap). */
export const PAGE_COUNT_QUERY = '[:find (count ?p) . :where [?p :block/file]]';

/** Where these pages' files are now (renames), and which are gone (no file in the answer); pulls only. */
export function whereQuery(ids: readonly number[]): string {
  return `[:find (pull ?p [:db/id {:block/file [:file/path]}]) :in $ :where [(ground [${ids.map((id) => Math.trunc(id)).join(' ')}]) [?p ...]]]`;
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

/** A digest of a file's text (FNV-1a and the length): tells an unchanged file without keeping it. */
export function digestOf(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return `${text.length}.${(hash >>> 0).toString(36)}`;
}

/** `[[row] …]` from a pull query, tolerating a flat `[row …]` answer. */
function rows(result: unknown): FileRow[] {
  if (!Array.isArray(result)) return [];
  const out: FileRow[] = [];
  for (const item of result) {
    const row: unknown = Array.isArray(item) ? item[0] : item;
    if (isFileRow(row) && isMarkdownPage(row)) out.push(row);
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
  const digests = new Map<string, string>();
  const pages = new Map<string, PageInfo>();
  const pathOfName = new Map<string, string>();
  const pathOfId = new Map<number, string>();
  const seenAt = new Map<number, number | null>();
  /** Changed pages that are no Markdown pages (journals, whiteboards), at the time seen: not asked again. */
  const passedOver = new Map<number, number | null>();
  const logseqCache = new Map<string, { digest: string; diagnostics: Diagnostic[] }>();
  /** Components whose Logseq diagnostics were asked for (a card shown): kept current on edits. */
  const wanted = new Set<string>();
  const fetching = new Set<string>();
  /** While new settings re-read the graph, views keep showing the index of the old ones. */
  let shown: MaturityIndex | null = null;
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
    digests.delete(path);
    logseqCache.delete(path);
    wanted.delete(path);
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
    const digest = digestOf(content);
    if (digests.get(path) !== digest) {
      digests.set(path, digest);
      index.upsert(path, content);
    }
    if (wanted.has(path)) remember(path, content);
  }

  /** Logseq's reading of a component's text, kept under the text's digest. */
  function remember(path: string, content: string): void {
    const component = index.component(path);
    if (!component || !settings.logseqDiagnostics) return;
    const digest = digestOf(content);
    if (logseqCache.get(path)?.digest === digest) return;
    logseqCache.set(path, { digest, diagnostics: logseqDiagnostics(path, content, { fileNameFormat: format, note: component.note, severity: index.config.severity }) });
  }

  async function readText(path: string): Promise<string | null> {
    const page = pages.get(path);
    if (!page) return null;
    const row = rows(await query(pagesQuery([page.id]))).find((r) => r.id === page.id);
    return typeof row?.file.content === 'string' ? row.file.content : null;
  }

  /** Pull a component's text once to work out its Logseq diagnostics, then say so. */
  function fetchDiagnostics(path: string): void {
    if (fetching.has(path)) return;
    fetching.add(path);
    void readText(path)
      .then((content) => {
        if (content === null) return;
        remember(path, content);
        // Shown only when it is the text the index holds (a newer one arrives with the next look).
        if (logseqCache.get(path)?.digest === digests.get(path)) options.onLateDiagnostics?.();
      })
      .catch(() => undefined)
      .finally(() => fetching.delete(path));
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
    const where = new Map<number, string>();
    for (let i = 0; i < ids.length; i += WHERE_CHUNK) {
      const found = await query(whereQuery(ids.slice(i, i + WHERE_CHUNK)));
      if (!Array.isArray(found)) continue;
      for (const item of found) {
        const r: unknown = Array.isArray(item) ? item[0] : item;
        if (!isRecord(r) || typeof r['id'] !== 'number' || !isRecord(r['file']) || typeof r['file']['path'] !== 'string') continue;
        where.set(r['id'], relativePath(r['file']['path'], dir));
      }
      await options.yieldNow();
    }
    const moved: number[] = [];
    for (const id of ids) {
      const path = pathOfId.get(id)!;
      const now = where.get(id);
      if (now === undefined) forget(path);
      else if (now !== path) moved.push(id);
    }
    if (moved.length > 0) await pull(moved);
  }

  /** Of these changed pages, the Markdown ones (a page already read is one; others are asked, without text). */
  async function markdownOnly(ids: number[]): Promise<number[]> {
    const unknown = ids.filter((id) => !pathOfId.has(id));
    if (unknown.length === 0) return ids;
    const markdown = new Set<number>();
    const found = await query(kindQuery(unknown));
    if (Array.isArray(found)) {
      for (const item of found) {
        const r: unknown = Array.isArray(item) ? item[0] : item;
        if (!isRecord(r) || typeof r['id'] !== 'number' || r['journal?'] === true || !isRecord(r['file'])) continue;
        if (typeof r['file']['path'] === 'string' && /\.md$/i.test(r['file']['path'])) markdown.add(r['id']);
      }
    }
    return ids.filter((id) => pathOfId.has(id) || markdown.has(id));
  }

  async function changedIds(): Promise<number[]> {
    if (since === null) return [];
    const found = await query(changedSinceQuery(new Date(since)));
    const ids: number[] = [];
    const times = new Map<number, number | null>();
    if (Array.isArray(found)) {
      for (const r of found) {
        if (!Array.isArray(r) || typeof r[0] !== 'number') continue;
        const t = timeOf(r[1]);
        if ((!seenAt.has(r[0]) || seenAt.get(r[0]) !== t) && passedOver.get(r[0]) !== t) ids.push(r[0]);
        else continue;
        times.set(r[0], t);
      }
    }
    if (ids.length === 0) return ids;
    const markdown = await markdownOnly(ids);
    const kept = new Set(markdown);
    for (const id of ids) if (!kept.has(id)) passedOver.set(id, times.get(id) ?? null);
    return markdown;
  }

  /** New settings change how notes are read: read every page again (no text is kept), in chunks. */
  async function rebuild(next: PluginSettings): Promise<void> {
    const ids = [...pages.values()].map((p) => p.id);
    shown = index;
    try {
      settings = next;
      index = createIndex({ ...settings.core, ...(options.today ? { today: options.today } : {}) });
      digests.clear();
      logseqCache.clear();
      await pull(ids);
    } finally {
      shown = null;
    }
  }

  return {
    get index() {
      return shown ?? index;
    },
    get settings() {
      return settings;
    },
    async start(onProgress) {
      const ids = await query(pageIdsQuery(settings.namespacePrefix));
      const listed = Array.isArray(ids) ? ids.filter((id): id is number => typeof id === 'number') : [];
      const all: number[] = [];
      for (let i = 0; i < listed.length; i += WHERE_CHUNK) {
        all.push(...(await markdownOnly(listed.slice(i, i + WHERE_CHUNK))));
        await options.yieldNow();
      }
      const count = await query(PAGE_COUNT_QUERY);
      if (typeof count === 'number') pageCount = count;
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
        if (shownChanged) logseqCache.clear();
        return shownChanged;
      }
      await rebuild(next);
      return true;
    },
    resolve(target) {
      const current = shown ?? index;
      const byPage = pathOfName.get(target.toLowerCase());
      if (byPage && current.component(byPage)) return byPage;
      return current.lookup(target);
    },
    componentOfPage(pageName) {
      const path = pathOfName.get(pageName.toLowerCase());
      return path && (shown ?? index).component(path) ? path : null;
    },
    pageOf: (path) => pages.get(path) ?? null,
    readText,
    fileNameFormat: () => format,
    filesPulled: () => pulled,
    logseqDiagnostics(id) {
      if (!settings.logseqDiagnostics || shown !== null || !index.component(id)) return [];
      wanted.add(id);
      const cached = logseqCache.get(id);
      if (cached?.digest !== digests.get(id)) fetchDiagnostics(id);
      return cached?.diagnostics ?? [];
    },
  };
}
