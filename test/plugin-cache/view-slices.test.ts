// Views built a slice at a time (src/plugin-cache/view-slices.ts): the slicing is asked after
// every view, a slice ends when it says so, the thread is given back between slices, a cancel
// stops at the next view, and a query run in slices answers as the same query run at once.
import { describe, expect, it } from 'vitest';
import { createIndex, queryIds, type ComponentQuery, type MaturityIndex } from '../../src/core/index';
import { resetWorkCount, workCount } from '../../src/core/work-count';
import type { Slicing } from '../../src/plugin-cache/slicing';
import { buildViewsInSlices, componentsInSlices, everyComponent, prepareQueryInSlices, queryInSlices } from '../../src/plugin-cache/view-slices';
import { generateNotes } from '../../bench/generator/vault';

function generatedIndex(notes: number, seed: number): MaturityIndex {
  const index = createIndex({ today: '2026-11-01' });
  index.batch(() => {
    for (const note of generateNotes({ notes, seed })) index.upsert(note.path, note.text);
  });
  return index;
}

/** A slice ends after `viewsPerSlice` views built; records how many each slice built. */
function countingSlicing(viewsPerSlice: number): Slicing & { slices: number[] } {
  let builtAtStart = workCount.viewsBuilt;
  const slices: number[] = [];
  return {
    slices,
    start: () => void (builtAtStart = workCount.viewsBuilt),
    spent: () => workCount.viewsBuilt - builtAtStart >= viewsPerSlice,
    yieldNow: async () => {
      slices.push(workCount.viewsBuilt - builtAtStart);
      await new Promise((resolve) => setTimeout(resolve, 0));
      builtAtStart = workCount.viewsBuilt;
    },
  };
}

describe('views in slices', () => {
  it('builds every view, no slice more than the slicing allows, and none twice', async () => {
    const index = generatedIndex(300, 11);
    const ids = index.ids();
    resetWorkCount();
    const slicing = countingSlicing(25);
    expect(await buildViewsInSlices(index, ids, slicing)).toBe(true);
    expect(workCount.viewsBuilt).toBe(ids.length);
    expect(slicing.slices.length).toBe(Math.ceil(ids.length / 25) - 1);
    expect(Math.max(...slicing.slices)).toBe(25);
    // Built: asking again builds nothing and never yields.
    const again = countingSlicing(25);
    expect(await buildViewsInSlices(index, ids, again)).toBe(true);
    expect(workCount.viewsBuilt).toBe(ids.length);
    expect(again.slices).toEqual([]);
  });

  it('stops at the next view once cancelled', async () => {
    const index = generatedIndex(200, 12);
    resetWorkCount();
    const slicing = countingSlicing(10);
    let cancelled = false;
    const built = buildViewsInSlices(index, index.ids(), { ...slicing, yieldNow: async () => { await slicing.yieldNow(); cancelled = slicing.slices.length >= 3; } }, () => cancelled);
    expect(await built).toBe(false);
    expect(workCount.viewsBuilt).toBe(30);
  });

  it('runs a query in slices to the answer the same query gives at once', async () => {
    const index = generatedIndex(300, 13);
    const queries: ComponentQuery[] = [
      { text: 'e', limit: 20 },
      { stage: ['staging'], hasErrors: true },
      { stage: ['development', 'production'], sort: 'readiness', order: 'desc' },
      { blocked: false, order: 'desc', limit: 7 },
    ];
    const expected = queries.map((q) => queryIds(generatedIndex(300, 13), q));
    for (const [k, query] of queries.entries()) {
      const slicing = countingSlicing(15);
      expect(await queryInSlices(index, query, slicing)).toEqual(expected[k]);
      expect(slicing.slices.every((n) => n <= 15)).toBe(true);
    }
  });

  it('prepares a query view: its matches, the views of the rows shown, the slices going on from the run to the views', async () => {
    const index = generatedIndex(300, 15);
    const query: ComponentQuery = { text: 'e' };
    const expected = queryIds(generatedIndex(300, 15), query);
    expect(expected.length).toBeGreaterThan(5);
    resetWorkCount();
    const slicing = countingSlicing(10);
    let starts = 0;
    const prepared = await prepareQueryInSlices(index, query, 5, { ...slicing, start: () => (starts++, slicing.start()) });
    expect(prepared).toEqual({ ids: expected, shown: expected.slice(0, 5) });
    // A text search builds no view; the five shown are built, and asking for them builds none again.
    expect(workCount.viewsBuilt).toBe(5);
    for (const id of prepared!.shown) index.component(id);
    expect(workCount.viewsBuilt).toBe(5);
    expect(starts).toBe(1);
    expect(slicing.slices.every((n) => n <= 10)).toBe(true);
  });

  it('answers null once cancelled', async () => {
    const index = generatedIndex(200, 14);
    const slicing = countingSlicing(5);
    let cancelled = false;
    const answer = queryInSlices(index, { hasErrors: true }, { ...slicing, yieldNow: async () => { await slicing.yieldNow(); cancelled = true; } }, () => cancelled);
    expect(await answer).toBeNull();
  });
});

describe('every component, listed once per revision', () => {
  it('componentsInSlices lists what components() does, in slices, and everyComponent reads that list until the index moves', async () => {
    const index = generatedIndex(120, 5);
    let walks = 0;
    const counted: MaturityIndex = Object.assign(Object.create(index) as MaturityIndex, { components: () => (walks++, index.components()) });
    const slicing = countingSlicing(25);
    const list = await componentsInSlices(counted, slicing);
    expect(list!.map((c) => c.id)).toEqual(index.components().map((c) => c.id));
    expect(slicing.slices.length).toBeGreaterThan(1);
    expect(everyComponent(counted)).toBe(list);
    expect(everyComponent(counted)).toBe(list);
    expect(walks).toBe(0);
    const first = index.ids()[0]!;
    index.remove(first);
    expect(everyComponent(counted).map((c) => c.id)).not.toContain(first);
    expect(walks).toBe(1);
  });
});
