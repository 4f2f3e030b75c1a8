// The cold index's work per note does not grow with the vault (issue #20 item 3's 50k row): a
// generated vault five times larger costs the same unit work per note — dependencies resolved,
// their spellings keyed, name keys placed, ids visited when keys change, candidates ranked and
// compared. Session 29 found the 50k cold index's extra time per note in the collector, not in
// this work (docs/benchmarks.md); this pins that the index itself stays linear as vaults grow.
import { describe, expect, it } from 'vitest';
import { createIndex } from '../../src/core/index';
import { resetWorkCount, totalWork, type WorkCount } from '../../src/core/work-count';
import { generateNotes } from '../../bench/generator/vault';

const TODAY = '2026-11-24';
const SMALL = 300;
const LARGE = 1500;

/** A cold build as the hosts make it (one batch), the work it counted, and what it found. */
function coldBuild(notes: number): { work: WorkCount; total: number; components: number; edges: number } {
  const texts = [...generateNotes({ notes, seed: 1 })];
  const index = createIndex({ today: TODAY });
  const count = resetWorkCount();
  index.batch(() => {
    for (const note of texts) index.upsert(note.path, note.text);
  });
  // A copy: the counters are one shared object, zeroed by the next build.
  const work = { ...count };
  let edges = 0;
  for (const targets of index.edges().values()) edges += targets.length;
  return { work, total: totalWork(work), components: index.ids().length, edges };
}

const PER_NOTE: Array<keyof WorkCount> = ['resolved', 'dependencyNamesKeyed', 'keysPlaced', 'visited', 'ranked', 'compared'];

describe('the cold index at two vault sizes', () => {
  it('does the same work per note in a vault five times larger', () => {
    const small = coldBuild(SMALL);
    const large = coldBuild(LARGE);
    // The builds did the work measured: components found and their dependencies resolved to edges.
    expect(small.components).toBeGreaterThan(SMALL * 0.9);
    expect(large.components).toBeGreaterThan(LARGE * 0.9);
    expect(small.work.resolved).toBeGreaterThan(SMALL);
    expect(large.edges / large.components).toBeGreaterThan(1);
    for (const kind of PER_NOTE) {
      // Within 10% (and a twentieth of a unit a note, for kinds near none): the vaults' mix of notes differs a little by size.
      expect(large.work[kind] / LARGE, kind).toBeLessThanOrEqual((small.work[kind] / SMALL) * 1.1 + 0.05);
    }
    expect(large.total / LARGE).toBeLessThanOrEqual((small.total / SMALL) * 1.1 + 0.05);
  });
});
