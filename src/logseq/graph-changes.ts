// Finding what changed in the graph since the last look, without pulling any text:
// - changed files by `:file/last-modified-at` (set by Logseq on every write it makes and every
//   change its watcher sees) at or after the newest one already read; a known file is mapped to
//   its page here, an unknown one (a new page, a journal, a whiteboard) is asked about once, by id;
// - on a poll only (one scan of every page: not on every route change), files made since the
//   start whatever their file time (a file renamed on disk keeps its old mtime), and renamed or
//   deleted components, checked by id when the count of pages with a file moved (a deletion
//   leaves no file time to find).
// It pulls nothing itself: it hands back page ids, which the caller pulls with their versions, so
// what it pulls is kept for the next start.
import { isRecord } from './host';
import { idAndPath, pulledEntities, relativePath, timeOf, type GraphQuery } from './graph-answers';
import { changedFilesQuery, createdFilesQuery, filePagesQuery, kindQuery, PAGE_COUNT_QUERY, WHERE_CHUNK, whereQuery } from './graph-queries';
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
  forget(path: string): void;
  yieldNow(): Promise<void>;
}

export interface ChangeFinder {
  /** Of these pages, the Markdown ones (a page already read is one; others are asked, without text). */
  markdownOnly(ids: number[]): Promise<number[]>;
  /**
   * Markdown pages whose file changed since the last look (not yet read at that time); with
   * `full` (the poll), also the pages of files made since the start, whatever their file time.
   */
  changedIds(full?: boolean): Promise<number[]>;
  /** Files the app makes from now on are found by `changedIds(true)` (the start-up's beginning, in ms). */
  startedAt(ms: number): void;
  /**
   * The pages with a file now (the base for `checkComponents`): `known` when the caller just
   * listed every one of them (start-up with no namespace), else counted by a query.
   */
  countPages(known?: number): Promise<void>;
  /** Component pages deleted (forgotten here) or renamed without a write we would see (their ids, to pull). */
  checkComponents(): Promise<number[]>;
}

/** What the finder remembers between looks. */
interface FinderState {
  readonly options: ChangeFinderOptions;
  /** Changed files that are no Markdown pages' (journals, whiteboards, config), at the time seen: not asked again. */
  readonly passedOver: Map<number, number | null>;
  /** Pages with a file at the last count; a change means one went (or came). */
  pageCount: number;
  /** The newest `:file/created-at` looked at (null: not started). */
  createdSince: number | null;
}

export function createChangeFinder(options: ChangeFinderOptions): ChangeFinder {
  const state: FinderState = { options, passedOver: new Map(), pageCount: -1, createdSince: null };
  return {
    markdownOnly: (ids) => markdownOnly(options, ids),
    changedIds: (full = false) => changedIds(state, full),
    startedAt: (ms) => {
      state.createdSince = ms;
    },
    countPages: async (known) => {
      const count = known ?? (await options.query(PAGE_COUNT_QUERY));
      if (typeof count === 'number') state.pageCount = count;
    },
    checkComponents: () => checkComponents(state),
  };
}

async function markdownOnly({ query, table }: ChangeFinderOptions, ids: number[]): Promise<number[]> {
  const unknown = ids.filter((id) => table.pathOfId(id) === undefined);
  if (unknown.length === 0) return ids;
  const markdown = new Set<number>();
  for (const entity of pulledEntities(await query(kindQuery(unknown)))) {
    const page = idAndPath(entity);
    if (page && entity['journal?'] !== true && /\.md$/i.test(page.path)) markdown.add(page.id);
  }
  return ids.filter((id) => table.pathOfId(id) !== undefined || markdown.has(id));
}

/** Changed files: the known pages whose file time moved, and the files not known (with their times). */
function sortChanged(state: FinderState, found: unknown): { pages: number[]; unknownFiles: Map<number, number | null> } {
  const { table } = state.options;
  const pages: number[] = [];
  const unknownFiles = new Map<number, number | null>();
  if (!Array.isArray(found)) return { pages, unknownFiles };
  for (const r of found) {
    if (!Array.isArray(r) || typeof r[0] !== 'number') continue;
    const t = timeOf(r[1]);
    const page = table.pageOfFile(r[0]);
    if (page !== undefined) {
      if (table.seenAt(page) !== t) pages.push(page);
    } else if (state.passedOver.get(r[0]) !== t) unknownFiles.set(r[0], t);
  }
  return { pages, unknownFiles };
}

/** The Markdown pages of files not known yet; the other files are passed over at this time. */
async function pagesOfFiles(state: FinderState, files: Map<number, number | null>): Promise<number[]> {
  const pages: number[] = [];
  const ids = [...files.keys()];
  for (let i = 0; i < ids.length; i += WHERE_CHUNK) {
    for (const entity of pulledEntities(await state.options.query(filePagesQuery(ids.slice(i, i + WHERE_CHUNK))))) {
      const owners = entity['_file'];
      const owner: unknown = Array.isArray(owners) ? owners[0] : owners;
      if (typeof entity['id'] !== 'number' || typeof entity['path'] !== 'string') continue;
      // A journal's, a whiteboard's or another file's: not asked again at this time.
      if (!/\.md$/i.test(entity['path']) || (isRecord(owner) && owner['journal?'] === true)) state.passedOver.set(entity['id'], files.get(entity['id']) ?? null);
      // A Markdown file whose page is not in the database yet (the app parses it after storing the text) is asked again next look.
      else if (isRecord(owner) && typeof owner['id'] === 'number') pages.push(owner['id']);
    }
  }
  return pages;
}

/** Rows `[file, time]` of the files made since the last such look; moves the mark on to the newest. */
async function createdRows(state: FinderState): Promise<unknown[]> {
  if (state.createdSince === null) return [];
  const found = await state.options.query(createdFilesQuery(state.createdSince));
  const rows: unknown[] = [];
  for (const r of Array.isArray(found) ? found : []) {
    if (!Array.isArray(r) || typeof r[2] !== 'number') continue;
    state.createdSince = Math.max(state.createdSince, r[2]);
    // 0 stands for no file time (datascript's get-else takes no nil): as the page table keeps it.
    rows.push([r[0], r[1] === 0 ? null : r[1]]);
  }
  return rows;
}

async function changedIds(state: FinderState, full: boolean): Promise<number[]> {
  const since = state.options.since();
  if (since === null) return [];
  const stamped: unknown = await state.options.query(changedFilesQuery(new Date(since)));
  const rows = [...(Array.isArray(stamped) ? stamped : []), ...(full ? await createdRows(state) : [])];
  const { pages, unknownFiles } = sortChanged(state, rows);
  if (unknownFiles.size > 0) {
    const added = await pagesOfFiles(state, unknownFiles);
    // New pages move the count: a deletion before the next count would cancel out. Check all then.
    if (added.length > 0) state.pageCount = -1;
    pages.push(...added);
  }
  return [...new Set(pages)];
}

/** Where each of these pages' files is now (absent: gone), a chunk at a time. */
async function whereNow(options: ChangeFinderOptions, ids: number[]): Promise<Map<number, string>> {
  const where = new Map<number, string>();
  for (let i = 0; i < ids.length; i += WHERE_CHUNK) {
    for (const entity of pulledEntities(await options.query(whereQuery(ids.slice(i, i + WHERE_CHUNK))))) {
      const page = idAndPath(entity);
      if (page) where.set(page.id, relativePath(page.path, options.dir));
    }
    await options.yieldNow();
  }
  return where;
}

async function checkComponents(state: FinderState): Promise<number[]> {
  const { options } = state;
  const count = await options.query(PAGE_COUNT_QUERY);
  if (typeof count === 'number' && count === state.pageCount) return [];
  if (typeof count === 'number') state.pageCount = count;
  const ids = options
    .componentPaths()
    .map((path) => options.table.byPath(path)?.id)
    .filter((id): id is number => id !== undefined);
  if (ids.length === 0) return [];
  const where = await whereNow(options, ids);
  const moved: number[] = [];
  for (const id of ids) {
    const path = options.table.pathOfId(id)!;
    const now = where.get(id);
    if (now === undefined) options.forget(path);
    else if (now !== path) moved.push(id);
  }
  return moved;
}
