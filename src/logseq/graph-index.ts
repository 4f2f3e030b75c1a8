// The core index fed from a Logseq file graph. It parses each page's raw file text
// (`:file/content`, what Obsidian reads too) with the shared core, so both hosts show the same
// stages and counts; Logseq's own reading of the same bytes adds "what Logseq will see"
// diagnostics. Reads are diffed by content, so a refresh re-parses only files that changed.
import { createIndex, logseqDiagnostics, type Diagnostic, type FileNameFormat, type MaturityIndex } from '../core/index';
import { isFileRow, isRecord, type FileRow, type LogseqHost } from './host';
import type { PluginSettings } from './settings';

const PULL = '(pull ?p [:db/id :block/name :block/original-name {:block/file [:file/path :file/content]}])';
/** Every page that has a file, with the file's path and text. */
export const FILES_QUERY = `[:find ${PULL} :where [?p :block/name] [?p :block/file ?f]]`;
/** The same for a few pages, by entity id (ids are inlined: `ground` needs no input parsing). */
export function pagesQuery(ids: number[]): string {
  return `[:find ${PULL} :where [(ground [${ids.map((id) => Math.trunc(id)).join(' ')}]) [?p ...]] [?p :block/file ?f]]`;
}

export interface PageInfo {
  id: number;
  /** Lower-cased page name. */
  name: string;
  originalName: string;
}

export interface GraphIndex {
  readonly index: MaturityIndex;
  readonly settings: PluginSettings;
  /** Re-read every file; true when a component changed. */
  refreshAll(): Promise<boolean>;
  /** Re-read the files of these pages; true when a component changed. */
  refreshPages(pageIds: number[]): Promise<boolean>;
  /** The component a macro argument or page name names. */
  resolve(target: string): string | null;
  componentOfPage(pageName: string): string | null;
  pageOf(path: string): PageInfo | null;
  /**
   * What Logseq reads differently in a component's file (empty when the setting is off). Kept
   * apart from the component's own diagnostics, so both hosts count the same problems.
   */
  logseqDiagnostics(id: string): Diagnostic[];
  fileNameFormat(): FileNameFormat;
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
  try {
    const graph = await host.App.getCurrentGraph();
    return isRecord(graph) && typeof graph['path'] === 'string' ? graph['path'] : null;
  } catch {
    return null;
  }
}

export async function createGraphIndex(host: LogseqHost, settings: PluginSettings, today?: string): Promise<GraphIndex> {
  const index = createIndex({ ...settings.core, ...(today ? { today } : {}) });
  const format = await readFileNameFormat(host);
  const dir = await graphDir(host);
  const texts = new Map<string, string>();
  const pages = new Map<string, PageInfo>();
  const pathOfName = new Map<string, string>();
  const pathOfId = new Map<number, string>();
  const logseqCache = new Map<string, { text: string; diagnostics: Diagnostic[] }>();

  function apply(found: FileRow[], complete: boolean, scope?: Set<number>): boolean {
    const before = index.revision();
    const seen = new Set<string>();
    for (const row of found) {
      const content = row.file.content;
      if (typeof content !== 'string') continue;
      const path = relativePath(row.file.path, dir);
      seen.add(path);
      const page: PageInfo = { id: row.id, name: row.name, originalName: row['original-name'] ?? row.name };
      const old = pages.get(path);
      if (old && old.name !== page.name) pathOfName.delete(old.name);
      pages.set(path, page);
      pathOfName.set(page.name, path);
      pathOfId.set(page.id, path);
      if (texts.get(path) !== content) {
        texts.set(path, content);
        index.upsert(path, content);
      }
    }
    const stale = complete ? [...texts.keys()].filter((p) => !seen.has(p)) : [...(scope ?? [])].map((id) => pathOfId.get(id)).filter((p): p is string => p !== undefined && !seen.has(p));
    for (const path of stale) {
      const page = pages.get(path);
      if (page) {
        pathOfName.delete(page.name);
        pathOfId.delete(page.id);
      }
      pages.delete(path);
      texts.delete(path);
      logseqCache.delete(path);
      index.remove(path);
    }
    return index.revision() !== before;
  }

  async function query(q: string): Promise<FileRow[]> {
    return rows(await host.DB.datascriptQuery(q));
  }

  return {
    index,
    settings,
    refreshAll: async () => apply(await query(FILES_QUERY), true),
    refreshPages: async (ids) => {
      const wanted = [...new Set(ids.filter((id) => Number.isInteger(id)))];
      if (wanted.length === 0) return false;
      return apply(await query(pagesQuery(wanted)), false, new Set(wanted));
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
    fileNameFormat: () => format,
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
