// Once a load has read the graph the plugin computes what views read first, each in a task of its
// own (warm-index.ts): the name order before the graph is shown; after the first draw the links
// kept for the next start, then the cycles a slice at a time (no card or query reads them; the
// dashboard and the graph view do). Counted with a fake index and a fake clock: each step in its
// own named task, the cycles' searches spread over tasks within the slice budget, none once the
// load is stale or the index moved.
import { describe, expect, it } from 'vitest';
import { createIndex } from '../../src/core/index';
import { resetWorkCount } from '../../src/core/work-count';
import { SLICE_MS } from '../../src/logseq/graph-queries';
import { afterFirstDraw, beforeFirstDraw } from '../../src/logseq/warm-index';
import { generatedGraph } from './generated-graph';

function fakeIndex(components = 3) {
  const log: string[] = [];
  let revision = 1;
  const ids = Array.from({ length: components }, (_, i) => `c${i}`);
  return {
    log,
    bump: () => revision++,
    index: {
      revision: () => revision,
      ids: () => (log.push('ids'), ids),
      cycles: () => (log.push('cycles'), []),
      cycleOf: (id: string) => (log.push(`cycleOf ${id}`), null),
    },
    keepLinks: async () => void log.push('links'),
  };
}

/** A yield that records the step it resumes and what was read before it. */
function recorder(log: string[]) {
  const steps: string[] = [];
  return { steps, yieldNow: async (step?: string) => void steps.push(`${step} after ${log.length}`) };
}

describe('the warm-up after a load', () => {
  it('before the graph is shown reads the name order, then finds the cycles, each after a named yield (the first card reads its own cycle)', async () => {
    const f = fakeIndex(2);
    const r = recorder(f.log);
    await beforeFirstDraw(f.index, { yieldNow: r.yieldNow, stale: () => false });
    expect(f.log).toEqual(['ids', 'ids', 'cycleOf c0', 'cycleOf c1', 'cycles']);
    expect(r.steps).toEqual(['warm-up: name order after 0', 'warm-up: cycles after 1']);
  });

  it('after the first draw keeps the links after a named yield, and nothing else', async () => {
    const f = fakeIndex(2);
    const r = recorder(f.log);
    await afterFirstDraw(f.index, f.keepLinks, { yieldNow: r.yieldNow, stale: () => false });
    expect(f.log).toEqual(['ids', 'links']);
    expect(r.steps).toEqual(['warm-up: name order after 0', 'warm-up: links kept after 1']);
  });

  it('finds the cycles of a generated graph over several tasks, each search within the slice budget, and the index’s cycles are those', async () => {
    const { files } = generatedGraph(300);
    const index = createIndex({});
    for (const [path, text] of files) index.upsert(path, text);
    const expected = createIndex({});
    for (const [path, text] of files) expected.upsert(path, text);
    // A clock that moves 1 ms a component searched: a slice holds SLICE_MS of them.
    let clock = 0;
    const counted = { ...index, cycleOf: (id: string) => ((clock += 1), index.cycleOf(id)), revision: () => index.revision(), ids: () => index.ids(), cycles: () => index.cycles() };
    /** Components searched in each task (the one before each yield). */
    const perTask: number[] = [];
    let searched = 0;
    const work = resetWorkCount();
    const yieldNow = async () => {
      perTask.push(clock - searched);
      searched = clock;
    };
    await beforeFirstDraw(counted, { yieldNow, stale: () => false, now: () => clock });
    perTask.push(clock - searched);
    expect(perTask.length).toBeGreaterThan(index.ids().length / (SLICE_MS + 1));
    expect(Math.max(...perTask)).toBeLessThanOrEqual(SLICE_MS + 1);
    // Each component entered once in all, and cycles() searched nothing more.
    expect(work.cycleVisited).toBe(index.ids().length);
    expect(index.cycles()).toEqual(expected.cycles());
    expect(expected.cycles().length).toBeGreaterThan(0);
  });

  it('leaves the first card no cycle to search: its view visits no component for cycles after the warm-up', async () => {
    const { files } = generatedGraph(300);
    const index = createIndex({});
    for (const [path, text] of files) index.upsert(path, text);
    await beforeFirstDraw(index, { yieldNow: async () => undefined, stale: () => false });
    // The card of a component with dependencies: its cycle search would cover all it depends on.
    const card = index.ids().find((id) => index.entry(id)!.note.dependencies.length > 0)!;
    const work = resetWorkCount();
    expect(index.component(card)).toBeDefined();
    expect(work.cycleVisited).toBe(0);
  });

  it('stops when the load went stale or the index moved', async () => {
    const stale = fakeIndex();
    const warm = { yieldNow: async () => undefined, stale: () => true };
    await beforeFirstDraw(stale.index, warm);
    await afterFirstDraw(stale.index, stale.keepLinks, warm);
    expect(stale.log).toEqual([]);
    const moved = fakeIndex();
    await afterFirstDraw(moved.index, moved.keepLinks, { yieldNow: async () => void (moved.log.length === 1 && moved.bump()), stale: () => false });
    expect(moved.log).toEqual(['ids']);
  });
});

describe('the links kept after the first draw', () => {
  it('with a wait for quiet (views drawn, the thread idle), the name order and the links each wait for it, not a plain yield', async () => {
    const f = fakeIndex(2);
    const r = recorder(f.log);
    const quiet = recorder(f.log);
    await afterFirstDraw(f.index, f.keepLinks, { yieldNow: r.yieldNow, quiet: quiet.yieldNow, stale: () => false });
    expect(f.log).toEqual(['ids', 'links']);
    expect(quiet.steps).toEqual(['warm-up: name order after 0', 'warm-up: links kept after 1']);
    expect(r.steps).toEqual([]);
  });
});
