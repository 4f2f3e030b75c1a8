// A query's result in the order a table's header asked for, a slice at a time: both plugins' query
// views draw the first rows of a longer result, so a header sorts the whole result, then the view
// shows its first rows and "Show more" goes on in that order (it never sorts only the rows drawn).
// Where the core's query has the key (SORT_KEYS: what the index keeps of a note, readiness from
// views) its sort is used (ranks by the index's name order, no name collated per comparison);
// another column of the table (open blockers, problems) is the host's to sort, over every match's
// view, built in slices first.
import { SORT_KEYS, type ComponentQuery, type MaturityIndex, type QuerySource } from '../core/index';
import type { Slicing } from './slicing';
import { buildViewsContinued, prepareQueryInSlices, queryContinued, type PreparedQuery } from './view-slices';

/** The order a result's table shows: a column of the table and a direction. */
export interface RowOrder {
  column: string;
  order: 'asc' | 'desc';
}

/**
 * The host's sort of a table column the core's query has no key for, over views already built:
 * the ids in that order, or null when the table has no such column (the result keeps its order).
 */
export type ColumnSort = (ids: readonly string[], order: RowOrder) => string[] | null;

/** What an ordered run reads of the index. */
type OrderIndex = Pick<MaturityIndex, 'pipeline' | 'ids' | 'idsAtStage' | 'component' | 'today' | 'config' | 'entry'>;

type SortKey = (typeof SORT_KEYS)[number];
const isSortKey = (column: string): column is SortKey => (SORT_KEYS as readonly string[]).includes(column);

/** The order a query's own `sort` and `order` give its result. */
export function queryOrder(query: Pick<ComponentQuery, 'sort' | 'order'>): RowOrder {
  return { column: query.sort ?? 'name', order: query.order ?? 'asc' };
}

/**
 * Run `query` a slice at a time, its result in `want`'s order, then build the views of its first
 * `rows` matches (the rows a view draws). Null when cancelled. Starts a slice: call it at the start
 * of a task the host began.
 */
export async function prepareOrderedQuery(index: OrderIndex, query: ComponentQuery, rows: number, want: RowOrder, slicing: Slicing, cancelled: () => boolean, columnSort: ColumnSort): Promise<PreparedQuery | null> {
  const own = queryOrder(query);
  if (want.column === own.column && want.order === own.order) return prepareQueryInSlices(index, query, rows, slicing, cancelled);
  // Without a limit the result is every match: the core's query sorts it by a key of its own.
  if (isSortKey(want.column) && query.limit === undefined) return prepareQueryInSlices(index, { ...query, sort: want.column, order: want.order }, rows, slicing, cancelled);
  // Otherwise the query's own matches (a `limit` picks by the query's own order), then sorted.
  slicing.start();
  const matched = await queryContinued(index, query, slicing, cancelled);
  const ids = matched && (await reorder(index, matched, want, slicing, cancelled, columnSort));
  if (!ids) return null;
  const first = ids.slice(0, rows);
  return (await buildViewsContinued(index, first, slicing, cancelled)) ? { ids, shown: first } : null;
}

/**
 * `ids` in `order`: by the core's query sort where it has the key (it reads what the index keeps,
 * and builds views only for readiness), else by the host's column sort over every view, built first.
 */
async function reorder(index: OrderIndex, ids: readonly string[], order: RowOrder, slicing: Slicing, cancelled: () => boolean, columnSort: ColumnSort): Promise<string[] | null> {
  if (isSortKey(order.column)) {
    const within = new Set(ids);
    // A run visits ids in name order (its name sort relies on it).
    const named = index.ids().filter((id) => within.has(id));
    const source: QuerySource = { pipeline: index.pipeline, ids: () => named, idsAtStage: (s) => index.idsAtStage(s), component: (id) => index.component(id), today: () => index.today(), config: index.config, entry: (id) => index.entry(id) };
    return queryContinued(source, { sort: order.column, order: order.order }, slicing, cancelled);
  }
  if (!(await buildViewsContinued(index, ids, slicing, cancelled))) return null;
  // The host's sort of every view gets a task of its own, not the end of the last slice's.
  await slicing.yieldNow();
  if (cancelled()) return null;
  return columnSort(ids, order) ?? [...ids];
}
