// Building component views ahead of a draw, a slice at a time. A view costs ~150 µs, so the first
// open of the dashboard, the graph or a query block after a start built thousands in one task (over
// a second at 10k notes). These are the views' `prepare` steps (live.ts): once they are done the
// views sit in the index's cache and the synchronous fingerprint and draw build none. After an
// edit only the changed views are missing, and a prepare that fits in one slice ends in the task
// that began it.
import type { Component, ComponentQuery, MaturityIndex } from '../core/index';
import { sortIdsByColumn, type ViewContext } from '../render/index';
import { componentsInSlices, type PreparedQuery } from '../plugin-cache/view-slices';
import { prepareOrderedQuery, queryOrder, type RowOrder } from '../plugin-cache/query-order';
import { OBSIDIAN_SLICING } from './index/slices';
import type { VaultIndexer } from './vault-indexer';

/**
 * Every component's view, collected in name order as it is built (view-slices.ts
 * componentsInSlices): the list the dashboard's fingerprint, summary and board read
 * (`everyComponent`), so its draw does not walk 9k views back from the index's cache in its task
 * (~10–30 ms at 10k in the harness); then, with `derive`, what the view's fingerprint makes of
 * each (kept per view: summaryFingerprint), so its first draw does not make 9k of them either.
 */
export async function prepareEveryView(indexer: VaultIndexer, cancelled: () => boolean, derive?: (view: Component) => unknown): Promise<boolean> {
  const index = indexer.index;
  const stop = () => cancelled() || indexer.index !== index;
  const views = await componentsInSlices(index, OBSIDIAN_SLICING, stop);
  if (!views) return false;
  if (derive) {
    for (const view of views) {
      if (OBSIDIAN_SLICING.spent()) await OBSIDIAN_SLICING.yieldNow();
      if (stop()) return false;
      derive(view);
    }
  }
  return !stop();
}

/** A query's matches over one index, and how many of them are shown. */
export interface QueryAnswer extends PreparedQuery {
  index: MaturityIndex;
}

export type { RowOrder } from '../plugin-cache/query-order';
export { queryOrder } from '../plugin-cache/query-order';

/**
 * Run `query` a slice at a time, its result in `rows`' order (the query's own by default), then
 * build the views of its first `shown` matches (the rows the block draws). Null when cancelled or
 * when the index was replaced meanwhile.
 */
export async function prepareQuery(indexer: VaultIndexer, query: ComponentQuery, shown: number, cancelled: () => boolean, rows?: { order: RowOrder; ctx: () => ViewContext }): Promise<QueryAnswer | null> {
  const index = indexer.index;
  const stop = () => cancelled() || indexer.index !== index;
  const want = rows?.order ?? queryOrder(query);
  const prepared = await prepareOrderedQuery(index, query, shown, want, OBSIDIAN_SLICING, stop, (ids, order) => (rows?.ctx ? sortIdsByColumn(ids, order, rows.ctx()) : null));
  return prepared && indexer.index === index ? { index, ...prepared } : null;
}

