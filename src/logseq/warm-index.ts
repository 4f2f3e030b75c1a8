// What every view of the whole graph reads first, computed once the graph is read, each in a task
// of its own: the components' name order (a sort of every name: 22–40 ms of CPU at 10k pages in
// the harness collated, 16–26 ms with the core's sort keys, name-order.ts) and the dependency
// cycles (17–34 ms; benchmarks.md, session 18). Left to the first view, each landed in one of its
// tasks (a query's first slice, the dashboard's toggle, the graph's model) on top of its own work
// (benchmarks.md, session 17). The index keeps both until an edit changes them.
import type { MaturityIndex } from '../core/index';

type Warmed = Pick<MaturityIndex, 'ids' | 'cycles' | 'revision'>;

/** Compute the name order and the cycles a task apart; stops when `stale()` (a newer load) or the index moved. */
export async function warmIndex(index: Warmed, yieldNow: () => Promise<void>, stale: () => boolean): Promise<void> {
  const revision = index.revision();
  for (const read of [() => index.ids(), () => index.cycles()]) {
    await yieldNow();
    if (stale() || index.revision() !== revision) return;
    read();
  }
}
