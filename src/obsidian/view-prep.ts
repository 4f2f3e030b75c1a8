// Building component views ahead of a draw, a slice at a time. A view costs ~150 µs, so the first
// open of the dashboard, the graph or a query block after a start built thousands in one task (over
// a second at 10k notes). These are the views' `prepare` steps (live.ts): once they are done the
// views sit in the index's cache and the synchronous fingerprint and draw build none. After an
// edit only the changed views are missing, and a prepare that fits in one slice ends in the task
// that began it.
import { SORT_KEYS, type Component, type ComponentQuery, type MaturityIndex, type QuerySource } from '../core/index';
import { DEFAULT_COLUMNS, sortByColumn, type SortOrder, type ViewContext } from '../render/index';
import { buildViewsContinued, buildViewsInSlices, prepareQueryInSlices, queryContinued, type PreparedQuery } from '../plugin-cache/view-slices';
import { OBSIDIAN_SLICING } from './index/slices';
import type { VaultIndexer } from './vault-indexer';

/**
 * Every component's view: what the dashboard and the graph view read; then, with `derive`, what
 * the view's fingerprint makes of each (kept per view: summaryFingerprint), so its first draw does
 * not make 9k of them in one task either.
 */
export async function prepareEveryView(indexer: VaultIndexer, cancelled: () => boolean, derive?: (view: Component) => unknown): Promise<boolean> {
  const index = indexer.index;
  const stop = () => cancelled() || indexer.index !== index;
  if (!(await buildViewsInSlices(index, index.ids(), OBSIDIAN_SLICING, stop))) return false;
  if (derive) {
    for (const id of index.ids()) {
      if (OBSIDIAN_SLICING.spent()) await OBSIDIAN_SLICING.yieldNow();
      if (stop()) return false;
      const view = index.component(id);
      if (view) derive(view);
    }
  }
  return !stop();
}

/** A query's matches over one index, and how many of them are shown. */
export interface QueryAnswer extends PreparedQuery {
  index: MaturityIndex;
}

/** The order a result's table shows: a column of the table (DEFAULT_COLUMNS) and a direction. */
export interface RowOrder {
  column: string;
  order: SortOrder;
}

type SortKey = (typeof SORT_KEYS)[number];
const isSortKey = (column: string): column is SortKey => (SORT_KEYS as readonly string[]).includes(column);

/** The order a query's own `sort:` and `order:` give its result. */
export function queryOrder(query: ComponentQuery): RowOrder {
  return { column: query.sort ?? 'name', order: query.order ?? 'asc' };
}

/**
 * Run `query` a slice at a time, its result in `rows`' order (the query's own by default), then
 * build the views of its first `shown` matches (the rows the block draws). Null when cancelled or
 * when the index was replaced meanwhile.
 */
export async function prepareQuery(indexer: VaultIndexer, query: ComponentQuery, shown: number, cancelled: () => boolean, rows?: { order: RowOrder; ctx: () => ViewContext }): Promise<QueryAnswer | null> {
  const index = indexer.index;
  const stop = () => cancelled() || indexer.index !== index;
  const want = rows?.order ?? queryOrder(query);
  const own = queryOrder(query);
  let prepared: PreparedQuery | null;
  if (want.column === own.column && want.order === own.order) prepared = await prepareQueryInSlices(index, query, shown, OBSIDIAN_SLICING, stop);
  // Without a limit the result is every match: the core's query sorts it by a key of its own.
  else if (isSortKey(want.column) && query.limit === undefined) prepared = await prepareQueryInSlices(index, { ...query, sort: want.column, order: want.order }, shown, OBSIDIAN_SLICING, stop);
  else prepared = await reorderedQuery(index, query, shown, want, rows!.ctx, stop);
  return prepared && indexer.index === index ? { index, ...prepared } : null;
}

/** The query's matches (its limit kept: `limit` picks by the query's own order), then sorted by `order`. */
async function reorderedQuery(index: MaturityIndex, query: ComponentQuery, shown: number, order: RowOrder, ctx: () => ViewContext, stop: () => boolean): Promise<PreparedQuery | null> {
  // One slice start: the steps after it go on in the slice under way.
  OBSIDIAN_SLICING.start();
  const matched = await queryContinued(index, query, OBSIDIAN_SLICING, stop);
  const ids = matched && (await reorder(index, matched, order, ctx, stop));
  if (!ids) return null;
  const first = ids.slice(0, shown);
  return (await buildViewsContinued(index, first, OBSIDIAN_SLICING, stop)) ? { ids, shown: first } : null;
}

/**
 * `ids` in `order`: by the core's query sort where it has the key (it reads what the index keeps,
 * and builds views only for readiness), else by the table's column over every view, built first.
 */
async function reorder(index: MaturityIndex, ids: readonly string[], order: RowOrder, ctx: () => ViewContext, stop: () => boolean): Promise<string[] | null> {
  if (isSortKey(order.column)) {
    const within = new Set(ids);
    // A run visits ids in name order (its name sort relies on it).
    const named = index.ids().filter((id) => within.has(id));
    const source: QuerySource = { pipeline: index.pipeline, ids: () => named, idsAtStage: (s) => index.idsAtStage(s), component: (id) => index.component(id), today: () => index.today(), config: index.config, entry: (id) => index.entry(id) };
    return queryContinued(source, { sort: order.column, order: order.order }, OBSIDIAN_SLICING, stop);
  }
  const column = DEFAULT_COLUMNS.find((c) => c.id === order.column);
  if (!column) return [...ids];
  if (!(await buildViewsContinued(index, ids, OBSIDIAN_SLICING, stop))) return null;
  return sortByColumn(ids.flatMap((id) => index.component(id) ?? []), column, order.order, ctx()).map((c) => c.id);
}
