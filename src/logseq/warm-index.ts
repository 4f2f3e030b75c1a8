// What the plugin computes once the graph is read, each in a task of its own, so no view pays for
// it inside one of its own tasks (benchmarks.md, sessions 17–19):
// - before the graph is shown, the components' name order, which every query reads first: taken
//   from the links kept with the cache after one pass when no component came, went or was renamed
//   since (graph-links.ts), else sorted (16–26 ms of CPU at 10k pages in the harness); then the
//   dependency cycles, a slice at a time (`cycleOf` each component: each search covers what it
//   reaches, once), where the whole-graph pass was one task of 17–39 ms at 10k. Before the draw,
//   because the first card reads its own component's cycle, and that search covers everything the
//   component depends on: left to the card, it made the card's first piece a 42–43 ms task;
// - after the first draw, the name keys a start from the kept links left waiting (core
//   link-keys.ts), in slices: no view before it looks a name up (benchmarks.md, session 27);
// - then the links kept for the next start (their export and store): once the
//   views on screen are drawn whole and the thread is idle (`quiet`), so that neither their making
//   nor the garbage they leave lands in a view's pieces (benchmarks.md, session 20).
// The index keeps both until an edit changes them.
import type { MaturityIndex } from '../core/index';
import { frameSlicing } from './graph-queries';
import type { WhenIdle, YieldNow } from './steps';

type Warmed = Pick<MaturityIndex, 'ids' | 'cycles' | 'cycleOf' | 'revision'>;
type Keyed = Pick<MaturityIndex, 'placeNameKeys'>;

export interface WarmUp {
  yieldNow: YieldNow;
  /** A newer load took over, or the graph is no longer shown: stop. */
  stale: () => boolean;
  /** The clock the slices are measured by (tests count with their own). */
  now?: () => number;
  /** Wait until the views are drawn whole and the thread is idle, then run the named step (none: a yield). */
  quiet?: WhenIdle;
}

/** One step after a yield (named `step`; `quietly`: after the wait for quiet), unless the warm-up went stale or the index moved since `revision`; false when it did not run. */
async function step(index: Warmed, revision: number, warm: WarmUp, name: string, run: () => unknown, quietly = false): Promise<boolean> {
  await (quietly && warm.quiet ? warm.quiet(name) : warm.yieldNow(name));
  if (warm.stale() || index.revision() !== revision) return false;
  await run();
  return true;
}

/** Before the graph is shown: the name order in a task of its own, then the cycles in slices. */
export async function beforeFirstDraw(index: Warmed, warm: WarmUp): Promise<void> {
  const revision = index.revision();
  if (!(await step(index, revision, warm, 'warm-up: name order', () => index.ids()))) return;
  await cyclesInSlices(index, revision, warm);
}

/** After the first draw: the links kept for the next start (`keepLinks`). */
export function afterFirstDraw(index: Warmed, keepLinks: () => Promise<void>, warm: WarmUp): Promise<void> {
  return keepLinksInTasks(index, keepLinks, warm, 'warm-up');
}

/**
 * The name order (an edit may have moved it; the links list components in it), then the links
 * kept (`keepLinks`), each in a task named `${label}: …` once the views are drawn and the thread
 * idle (`quiet`): after the first draw, and after each change to the graph (graph-index.ts).
 */
export async function keepLinksInTasks(index: Warmed, keepLinks: () => Promise<void>, warm: WarmUp, label: string): Promise<void> {
  const revision = index.revision();
  if (!(await step(index, revision, warm, `${label}: name order`, () => index.ids(), true))) return;
  await step(index, revision, warm, `${label}: links kept`, keepLinks, true);
}

/**
 * The name keys a start from the kept links left waiting (core link-keys.ts), put in SLICE_MS at a
 * time, each slice after a yield named `step`: after the first draw, or before a start puts in
 * pages the links do not cover (their upserts would otherwise put in every waiting key at once).
 * A lookup or an edit meanwhile puts in what is left itself.
 */
export async function nameKeysInSlices(index: Keyed, warm: Pick<WarmUp, 'yieldNow' | 'stale' | 'now'>, step = 'warm-up: name keys'): Promise<void> {
  const slicing = frameSlicing(warm.yieldNow, warm.now, step);
  do {
    await slicing.yieldNow();
    if (warm.stale()) return;
  } while (!index.placeNameKeys(() => slicing.spent()));
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
