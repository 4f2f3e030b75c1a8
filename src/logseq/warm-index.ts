// What the plugin computes once the graph is read, each in a task of its own, so no view pays for
// it inside one of its own tasks (benchmarks.md, sessions 17–19):
// - before the graph is shown, the components' name order, which every query reads first: taken
//   from the links kept with the cache after one pass when no component came, went or was renamed
//   since (graph-links.ts), else sorted (16–26 ms of CPU at 10k pages in the harness);
// - after the first draw, the links kept for the next start (their export and store), then the
//   dependency cycles: no card, query table or board reads them (a card asks only for its own
//   component's cycle), only the dashboard's findings and the graph view, which would otherwise
//   find them in a task of theirs. Found a slice at a time (`cycleOf` each component: each search
//   covers what it reaches, once), where the whole-graph pass was one task of 17–39 ms at 10k.
// The index keeps both until an edit changes them.
import type { MaturityIndex } from '../core/index';
import { frameSlicing } from './graph-queries';
import type { YieldNow } from './steps';

type Warmed = Pick<MaturityIndex, 'ids' | 'cycles' | 'cycleOf' | 'revision'>;

export interface WarmUp {
  yieldNow: YieldNow;
  /** A newer load took over, or the graph is no longer shown: stop. */
  stale: () => boolean;
  /** The clock the slices are measured by (tests count with their own). */
  now?: () => number;
}

/** One step after a yield (named `step`), unless the warm-up went stale or the index moved since `revision`; false when it did not run. */
async function step(index: Warmed, revision: number, warm: WarmUp, name: string, run: () => unknown): Promise<boolean> {
  await warm.yieldNow(name);
  if (warm.stale() || index.revision() !== revision) return false;
  await run();
  return true;
}

/** The name order, in a task of its own (before the graph is shown). */
export async function warmNameOrder(index: Warmed, warm: WarmUp): Promise<void> {
  await step(index, index.revision(), warm, 'warm-up: name order', () => index.ids());
}

/** After the first draw: the links kept for the next start (`keepLinks`), then the cycles in slices. */
export async function afterFirstDraw(index: Warmed, keepLinks: () => Promise<void>, warm: WarmUp): Promise<void> {
  const revision = index.revision();
  if (!(await step(index, revision, warm, 'warm-up: name order', () => index.ids()))) return;
  if (!(await step(index, revision, warm, 'warm-up: links kept', keepLinks))) return;
  await cyclesInSlices(index, revision, warm);
}

/** Every component's cycle, SLICE_MS a task, then the list of them (every search done: a sort of the cycles found). */
async function cyclesInSlices(index: Warmed, revision: number, warm: WarmUp): Promise<void> {
  const slicing = frameSlicing(warm.yieldNow, warm.now, 'warm-up: cycles');
  await slicing.yieldNow();
  for (const id of index.ids()) {
    if (slicing.spent()) {
      await slicing.yieldNow();
      if (warm.stale() || index.revision() !== revision) return;
    }
    index.cycleOf(id);
  }
  index.cycles();
}
