// Reading what Logseq answers: pulled rows, file times, graph-relative paths, the open graph and
// its file-name format; and a digest that tells an unchanged file without keeping its text.
import type { FileNameFormat } from '../core/index';
import { isFileRow, isRecord, type FileRow, type LogseqHost } from './host';
import { isMarkdownPage } from './graph-queries';

/** The host answered nil: no graph is open (yet). Not an empty graph. */
export class GraphNotOpenError extends Error {
  constructor() {
    super('No Logseq graph is open.');
  }
}

/** A datascript query that treats a nil answer as "no graph open". */
export type GraphQuery = (query: string) => Promise<unknown>;

export function graphQuery(host: LogseqHost): GraphQuery {
  return async (q) => {
    const result: unknown = await host.DB.datascriptQuery(q);
    if (result === null || result === undefined) throw new GraphNotOpenError();
    return result;
  };
}

/** A digest of a file's text (FNV-1a and the length): tells an unchanged file without keeping it. */
export function digestOf(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return `${text.length}.${(hash >>> 0).toString(36)}`;
}

/** Each pulled entity of a `[[pull] …]` answer, tolerating a flat `[pull …]` one. */
export function pulledEntities(result: unknown): Record<string, unknown>[] {
  if (!Array.isArray(result)) return [];
  const out: Record<string, unknown>[] = [];
  for (const item of result) {
    const entity: unknown = Array.isArray(item) ? item[0] : item;
    if (isRecord(entity)) out.push(entity);
  }
  return out;
}

/** The Markdown pages' rows of a pull answer. */
export function markdownRows(result: unknown): FileRow[] {
  const out: FileRow[] = [];
  for (const entity of pulledEntities(result)) if (isFileRow(entity) && isMarkdownPage(entity)) out.push(entity);
  return out;
}

/** A pulled page's id and file path (`{:db/id … :block/file {:file/path …}}`), or null. */
export function idAndPath(entity: Record<string, unknown>): { id: number; path: string } | null {
  const file = entity['file'];
  if (typeof entity['id'] !== 'number' || !isRecord(file) || typeof file['path'] !== 'string') return null;
  return { id: entity['id'], path: file['path'] };
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

/** The open graph's directory (null when the host does not say); throws when none is open. */
export async function graphDir(host: LogseqHost): Promise<string | null> {
  const graph: unknown = await host.App.getCurrentGraph();
  if (graph === null || graph === undefined) throw new GraphNotOpenError();
  return isRecord(graph) && typeof graph['path'] === 'string' ? graph['path'] : null;
}
