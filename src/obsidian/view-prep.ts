// Building component views ahead of a draw, a slice at a time. A view costs ~150 µs, so the first
// open of the dashboard, the graph or a query block after a start built thousands in one task (over
// a second at 10k notes). These are the views' `prepare` steps (live.ts): once they are done the
// views sit in the index's cache and the synchronous fingerprint and draw build none. After an
// edit only the changed views are missing, and a prepare that fits in one slice ends in the task
// that began it.
import type { ComponentQuery, MaturityIndex } from '../core/index';
import { buildViewsInSlices, prepareQueryInSlices, type PreparedQuery } from '../plugin-cache/view-slices';
import { OBSIDIAN_SLICING } from './index/slices';
import type { VaultIndexer } from './vault-indexer';

/** Every component's view: what the dashboard and the graph view read. */
export async function prepareEveryView(indexer: VaultIndexer, cancelled: () => boolean): Promise<boolean> {
  const index = indexer.index;
  const done = await buildViewsInSlices(index, index.ids(), OBSIDIAN_SLICING, cancelled);
  return done && indexer.index === index;
}

/** A query's matches over one index, and how many of them are shown. */
export interface QueryAnswer extends PreparedQuery {
  index: MaturityIndex;
}

/**
 * Run `query` a slice at a time, then build the views of its first `rows()` matches (the rows the
 * block draws). Null when cancelled or when the index was replaced meanwhile.
 */
export async function prepareQuery(indexer: VaultIndexer, query: ComponentQuery, rows: number, cancelled: () => boolean): Promise<QueryAnswer | null> {
  const index = indexer.index;
  const prepared = await prepareQueryInSlices(index, query, rows, OBSIDIAN_SLICING, () => cancelled() || indexer.index !== index);
  return prepared && indexer.index === index ? { index, ...prepared } : null;
}
