// Once a load has read the graph the plugin computes what views read first, each in a task of its
// own (warm-index.ts): the name order before the graph is shown; after the first draw the links
// kept for the next start, then the cycles (no card or query reads them; the dashboard and the
// graph view do). Counted with a fake index: each read in its own task, named, none once the load
// is stale or the index moved.
import { describe, expect, it } from 'vitest';
import { afterFirstDraw, warmNameOrder } from '../../src/logseq/warm-index';

function fakeIndex() {
  const log: string[] = [];
  let revision = 1;
  return {
    log,
    bump: () => revision++,
    index: {
      revision: () => revision,
      ids: () => (log.push('ids'), []),
      cycles: () => (log.push('cycles'), []),
    },
    keepLinks: async () => void log.push('links'),
  };
}

describe('the warm-up after a load', () => {
  it('reads the name order in a task of its own before the graph is shown, and nothing else', async () => {
    const f = fakeIndex();
    const steps: string[] = [];
    await warmNameOrder(f.index, async (step) => void steps.push(`${step} after ${f.log.length}`), () => false);
    expect(f.log).toEqual(['ids']);
    expect(steps).toEqual(['warm-up: name order after 0']);
  });

  it('after the first draw keeps the links, then reads the cycles, each after a named yield', async () => {
    const f = fakeIndex();
    const steps: string[] = [];
    await afterFirstDraw(f.index, f.keepLinks, async (step) => void steps.push(`${step} after ${f.log.join(',')}`), () => false);
    expect(f.log).toEqual(['ids', 'links', 'cycles']);
    // Nothing read before the first yield, one read between two yields.
    expect(steps).toEqual(['warm-up: name order after ', 'warm-up: links kept after ids', 'warm-up: cycles after ids,links']);
  });

  it('stops when the load went stale or the index moved', async () => {
    const stale = fakeIndex();
    await warmNameOrder(stale.index, async () => undefined, () => true);
    await afterFirstDraw(stale.index, stale.keepLinks, async () => undefined, () => true);
    expect(stale.log).toEqual([]);
    const moved = fakeIndex();
    await afterFirstDraw(moved.index, moved.keepLinks, async () => void (moved.log.length === 1 && moved.bump()), () => false);
    expect(moved.log).toEqual(['ids']);
  });
});
