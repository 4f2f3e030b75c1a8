// After a load the plugin computes the index's name order and cycles, each in a task of its own
// (warm-index.ts), so the first query, dashboard or graph does not pay for them inside one of its
// own tasks. Counted with a fake index: each read in its own task, none once the load is stale or
// the index moved.
import { describe, expect, it } from 'vitest';
import { warmIndex } from '../../src/logseq/warm-index';

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
  };
}

describe('warmIndex', () => {
  it('reads the name order, then the cycles, each after a yield', async () => {
    const f = fakeIndex();
    const yields: number[] = [];
    await warmIndex(f.index, async () => void yields.push(f.log.length), () => false);
    expect(f.log).toEqual(['ids', 'cycles']);
    // Nothing read before the first yield, one read between two yields.
    expect(yields).toEqual([0, 1]);
  });

  it('stops when the load went stale or the index moved', async () => {
    const stale = fakeIndex();
    await warmIndex(stale.index, async () => undefined, () => true);
    expect(stale.log).toEqual([]);
    const moved = fakeIndex();
    await warmIndex(moved.index, async () => void (moved.log.length === 1 && moved.bump()), () => false);
    expect(moved.log).toEqual(['ids']);
  });
});
