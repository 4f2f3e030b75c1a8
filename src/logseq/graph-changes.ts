// Finding what changed in the graph since the last look, without pulling any text:
// - changed files by `:file/last-modified-at` (set by Logseq on every write it makes and every
//   change its watcher sees) at or after the newest one already read;
// - of those, the Markdown pages (journals and whiteboards are asked about once, by id);
// - renamed or deleted components, checked by id only when the count of pages with a file moved
//   (a deletion leaves no file time to find).
import { idAndPath, pulledEntities, relativePath, timeOf, type GraphQuery } from './graph-answers';
import { changedSinceQuery, kindQuery, PAGE_COUNT_QUERY, WHERE_CHUNK, whereQuery } from './graph-queries';
import type { PageTable } from './page-table';

export interface ChangeFinderOptions {
  query: GraphQuery;
  table: PageTable;
  /** The graph's directory, to make paths relative. */
  dir: string | null;
  /** The paths of the index's components. */
  componentPaths(): string[];
  /** The newest file time already read (null: none yet). */
  since(): number | null;
  /** Pull these pages again (renamed ones). */
  pull(ids: number[]): Promise<void>;
  forget(path: string): void;
  yieldNow(): Promise<void>;
}

export interface ChangeFinder {
  /** Of these pages, the Markdown ones (a page already read is one; others are asked, without text). */
  markdownOnly(ids: number[]): Promise<number[]>;
  /** Markdown pages whose file changed since the last look (not yet read at that time). */
  changedIds(): Promise<number[]>;
  /** Count the pages with a file now (the base for `checkComponents`). */
  countPages(): Promise<void>;
  /** Component pages renamed or deleted without a write we would see: pulled again or forgotten. */
  checkComponents(): Promise<void>;
}

export function createChangeFinder(options: ChangeFinderOptions): ChangeFinder {
  const { query, table } = options;
  /** Changed pages that are no Markdown pages (journals, whiteboards), at the time seen: not asked again. */
  const passedOver = new Map<number, number | null>();
  /** Pages with a file at the last count; a change means one went (or came). */
  let pageCount = -1;

  async function markdownOnly(ids: number[]): Promise<number[]> {
    const unknown = ids.filter((id) => table.pathOfId(id) === undefined);
    if (unknown.length === 0) return ids;
    const markdown = new Set<number>();
    for (const entity of pulledEntities(await query(kindQuery(unknown)))) {
      const page = idAndPath(entity);
      if (page && entity['journal?'] !== true && /\.md$/i.test(page.path)) markdown.add(page.id);
    }
    return ids.filter((id) => table.pathOfId(id) !== undefined || markdown.has(id));
  }

  /** `[[id time] …]` rows not read at that time yet, nor passed over at that time. */
  function unread(found: unknown): Map<number, number | null> {
    const fresh = new Map<number, number | null>();
    if (!Array.isArray(found)) return fresh;
    for (const r of found) {
      if (!Array.isArray(r) || typeof r[0] !== 'number') continue;
      const t = timeOf(r[1]);
      const seen = table.seenAt(r[0]);
      if ((seen === undefined || seen !== t) && passedOver.get(r[0]) !== t) fresh.set(r[0], t);
    }
    return fresh;
  }

  async function changedIds(): Promise<number[]> {
    const since = options.since();
    if (since === null) return [];
    const fresh = unread(await query(changedSinceQuery(new Date(since))));
    if (fresh.size === 0) return [];
    const markdown = await markdownOnly([...fresh.keys()]);
    const kept = new Set(markdown);
    for (const [id, t] of fresh) if (!kept.has(id)) passedOver.set(id, t);
    return markdown;
  }

  async function countPages(): Promise<void> {
    const count = await query(PAGE_COUNT_QUERY);
    if (typeof count === 'number') pageCount = count;
  }

  /** Where each of these pages' files is now (absent: gone), a chunk at a time. */
  async function whereNow(ids: number[]): Promise<Map<number, string>> {
    const where = new Map<number, string>();
    for (let i = 0; i < ids.length; i += WHERE_CHUNK) {
      for (const entity of pulledEntities(await query(whereQuery(ids.slice(i, i + WHERE_CHUNK))))) {
        const page = idAndPath(entity);
        if (page) where.set(page.id, relativePath(page.path, options.dir));
      }
      await options.yieldNow();
    }
    return where;
  }

  async function checkComponents(): Promise<void> {
    const count = await query(PAGE_COUNT_QUERY);
    if (typeof count === 'number' && count === pageCount) return;
    if (typeof count === 'number') pageCount = count;
    const ids = options
      .componentPaths()
      .map((path) => table.byPath(path)?.id)
      .filter((id): id is number => id !== undefined);
    if (ids.length === 0) return;
    const where = await whereNow(ids);
    const moved: number[] = [];
    for (const id of ids) {
      const path = table.pathOfId(id)!;
      const now = where.get(id);
      if (now === undefined) options.forget(path);
      else if (now !== path) moved.push(id);
    }
    if (moved.length > 0) await options.pull(moved);
  }

  return { markdownOnly, changedIds, countPages, checkComponents };
}
