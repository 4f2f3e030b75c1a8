// What the plugin computes once the graph is read, each in a task of its own, so no view pays for
// it inside one of its own tasks (benchmarks.md, sessions 17–19):
// - before the graph is shown, the components' name order, which every query reads first: taken
//   from the links kept with the cache after one pass when no component came, went or was renamed
//   since (graph-links.ts), else sorted (16–26 ms of CPU at 10k pages in the harness);
// - after the first draw, the links kept for the next start (their export and store), then the
//   dependency cycles (17–34 ms at 10k): no card, query table or board reads them (a card asks
//   only for its own component's cycle), only the dashboard's findings and the graph view, which
//   would otherwise compute them in a task of theirs.
// The index keeps both until an edit changes them.
import type { MaturityIndex } from '../core/index';
import type { YieldNow } from './steps';

type Warmed = Pick<MaturityIndex, 'ids' | 'cycles' | 'revision'>;

/** One step after a yield (named `step`), unless `stale()` (a newer load) or the index moved since `revision`; false when it did not run. */
async function step(index: Warmed, revision: number, yieldNow: YieldNow, stale: () => boolean, name: string, run: () => unknown): Promise<boolean> {
  await yieldNow(name);
  if (stale() || index.revision() !== revision) return false;
  await run();
  return true;
}

/** The name order, in a task of its own (before the graph is shown). */
export async function warmNameOrder(index: Warmed, yieldNow: YieldNow, stale: () => boolean): Promise<void> {
  await step(index, index.revision(), yieldNow, stale, 'warm-up: name order', () => index.ids());
}

/** After the first draw: the links kept for the next start (`keepLinks`), then the cycles, each in a task of its own. */
export async function afterFirstDraw(index: Warmed, keepLinks: () => Promise<void>, yieldNow: YieldNow, stale: () => boolean): Promise<void> {
  const revision = index.revision();
  if (!(await step(index, revision, yieldNow, stale, 'warm-up: name order', () => index.ids()))) return;
  if (!(await step(index, revision, yieldNow, stale, 'warm-up: links kept', keepLinks))) return;
  await step(index, revision, yieldNow, stale, 'warm-up: cycles', () => index.cycles());
}
