// Component views built a slice at a time. A view costs ~150 µs (its note read back whole, its
// diagnostics and readiness), so a dashboard or query over 10k components that asked for every
// view in one go held the host's thread for a second and a half. Both plugins run the same steps
// here with their own slicing; once built, a view stays in the index's cache until an edit
// changes it, so the synchronous draw that follows builds none. Both functions start a slice:
// call them at the start of a task the host began (a draw, an event, a message).
import { createQueryRun, type Component, type ComponentQuery, type IsReady, type MaturityIndex, type QuerySource } from '../core/index';
import type { Slicing } from './slicing';

/**
 * Build the views of `ids` (those not in the index's cache), yielding when the slice is spent.
 * Resolves true when every view is built, false when `cancelled()` stopped it first.
 */
export async function buildViewsInSlices(index: Pick<QuerySource, 'component'>, ids: readonly string[], slicing: Slicing, cancelled: () => boolean = () => false): Promise<boolean> {
  slicing.start();
  return buildViewsContinued(index, ids, slicing, cancelled);
}

/** The views of `ids`, going on in the slice under way (no new slice begins here). */
export async function buildViewsContinued(index: Pick<QuerySource, 'component'>, ids: readonly string[], slicing: Slicing, cancelled: () => boolean): Promise<boolean> {
  for (const id of ids) {
    if (slicing.spent()) await slicing.yieldNow();
    if (cancelled()) return false;
    index.component(id);
  }
  return !cancelled();
}

/**
 * Run a query a slice at a time: the ids it matches in result order (limit applied), or null when
 * `cancelled()` stopped it. Views a filter or the order needs are built on the way; the views of
 * the results shown are the caller's to build (buildViewsInSlices) before drawing them.
 */
export async function queryInSlices(index: QuerySource, query: ComponentQuery, slicing: Slicing, cancelled: () => boolean = () => false, isReady?: IsReady): Promise<string[] | null> {
  slicing.start();
  return queryContinued(index, query, slicing, cancelled, isReady);
}

/** queryInSlices going on in the slice under way (no new slice begins here). */
export async function queryContinued(index: QuerySource, query: ComponentQuery, slicing: Slicing, cancelled: () => boolean, isReady?: IsReady): Promise<string[] | null> {
  const run = createQueryRun(index, query, isReady);
  while (!run.step(() => cancelled() || slicing.spent())) {
    if (cancelled()) return null;
    await slicing.yieldNow();
  }
  // A run in another order ends with a sort of all it found (9k by stage or readiness: 25–30 ms
  // in the Obsidian harness): that gets a task of its own, not the end of the slice that visited
  // them (a stage sort's visits fit in one slice, so the two made one task of ~50 ms).
  if ((query.sort ?? 'name') !== 'name') await slicing.yieldNow();
  return cancelled() ? null : run.result();
}

/** A query's matches and the first `rows` of them, whose views are built: what a view of it draws. */
export interface PreparedQuery {
  ids: readonly string[];
  shown: readonly string[];
}

/**
 * What a host's query view needs before it draws, a slice at a time: the query run, then the views
 * of the rows it shows (the same slices go on from one to the other). Null when cancelled.
 */
export async function prepareQueryInSlices(index: QuerySource, query: ComponentQuery, rows: number, slicing: Slicing, cancelled: () => boolean = () => false): Promise<PreparedQuery | null> {
  slicing.start();
  const ids = await queryContinued(index, query, slicing, cancelled);
  if (ids === null) return null;
  const shown = ids.slice(0, rows);
  return (await buildViewsContinued(index, shown, slicing, cancelled)) ? { ids, shown } : null;
}

/** What listing every component reads of an index. */
type ListedIndex = Pick<MaturityIndex, 'revision' | 'today' | 'ids' | 'component' | 'components'>;

/** Every component of an index (its `components()`), as it was at one revision and day. */
const listed = new WeakMap<ListedIndex, { revision: number; today: string; list: Component[] }>();

/**
 * The index's `components()`, read once per revision and day: reading 9k views back from the
 * index's cache checks each one's cycle (~1–2 µs), and a dashboard's draw asks for the list
 * several times (its fingerprint, its summary, its filters, its board). Not to be changed in place.
 */
export function everyComponent(index: ListedIndex): Component[] {
  const revision = index.revision();
  const today = index.today();
  let kept = listed.get(index);
  if (!kept || kept.revision !== revision || kept.today !== today) {
    kept = { revision, today, list: index.components() };
    listed.set(index, kept);
  }
  return kept.list;
}

/**
 * The list last collected for the index (`componentsInSlices`, or `everyComponent`), even when the
 * index moved since: for a host that collects the list again after every change and then draws
 * again (Logseq's dashboard, main-toggle.ts), a draw that lands between an edit and that
 * collection shows the list as it was instead of walking every view in its own task. Nothing
 * collected yet: `everyComponent`.
 */
export function lastCollected(index: ListedIndex): Component[] {
  return listed.get(index)?.list ?? everyComponent(index);
}

/**
 * `everyComponent(index)` a slice at a time, views not built yet built on the way, so the draw
 * that reads it next walks none. Null when `cancelled()` stopped it.
 */
export async function componentsInSlices(index: ListedIndex, slicing: Slicing, cancelled: () => boolean = () => false): Promise<Component[] | null> {
  const revision = index.revision();
  const today = index.today();
  const list: Component[] = [];
  slicing.start();
  for (const id of index.ids()) {
    if (slicing.spent()) await slicing.yieldNow();
    if (cancelled()) return null;
    const component = index.component(id);
    if (component) list.push(component);
  }
  // Kept only if the index did not move meanwhile (an edit between two slices).
  if (index.revision() === revision && index.today() === today) listed.set(index, { revision, today, list });
  return list;
}
