// A kept link resolution (src/core/link-resolution.ts) handed back to a new index: over the same
// notes it resolves nothing and says exactly what an index built from scratch says. Over other
// notes — some gone, some added, some moved to another path, same-name candidates among them —
// what does not fit resolves as usual, and the index still says what one built from scratch says.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateNotes } from '../../bench/generator/vault';
import { createIndex, type LinkResolution, type MaturityIndex } from '../../src/core/index';
import { resetWorkCount } from '../../src/core/work-count';
import { TODAY } from '../helpers/vault';

const BASE = [...generateNotes({ notes: 40, seed: 5 })].map((n) => ({ path: n.path, text: n.text, name: n.component }));
const NAMES = BASE.map((n) => n.name).filter((n): n is string => n !== null);

/** Every note a vault may hold: the generated ones, copies named like others (same-name candidates), moved copies. */
const UNIVERSE: Array<{ path: string; text: string }> = [
  ...BASE,
  ...BASE.slice(0, 12).map((n, i) => ({
    path: `Copies/${i}.md`,
    text: n.text.replace(/^# .*$/m, `# ${NAMES[i % 4]!} Maturity Status`).replace(/^title: .*$/m, `title: ${NAMES[i % 4]!} Maturity Status`),
  })),
  ...BASE.slice(12, 20).map((n) => ({ path: `moved/${n.path}`, text: n.text })),
];

function snapshot(index: MaturityIndex): unknown {
  return {
    ids: index.ids(),
    components: index.ids().map((id) => index.component(id)),
    cycles: index.cycles(),
    edges: [...index.edges()].sort(([a], [b]) => (a < b ? -1 : 1)),
  };
}

/** Index `notes` the way a host's build does: in one batch settled every `slice` notes. */
function build(notes: Array<{ path: string; text: string }>, options: { resolution?: LinkResolution; slice?: number; namesLater?: boolean } = {}): MaturityIndex {
  const index = createIndex({ today: TODAY });
  if (options.resolution) index.adoptLinkResolution(options.resolution, { namesLater: options.namesLater });
  index.beginBatch();
  notes.forEach((n, i) => {
    index.upsert(n.path, n.text);
    if ((i + 1) % (options.slice ?? 7) === 0) {
      index.endBatch();
      index.beginBatch();
    }
  });
  index.endBatch();
  if (options.resolution) index.adoptLinkResolution(null);
  return index;
}

describe('kept link resolution', () => {
  it('over the same notes resolves no dependency and gives the index built from scratch', () => {
    const before = build(UNIVERSE);
    // As a host's build ends: the name order asked for (Obsidian announces every id), then the links kept.
    before.ids();
    const resolution = structuredClone(before.linkResolution());
    expect(resolution.targets.length).toBeGreaterThan(50);
    // Same-name candidates are kept too.
    expect(resolution.candidates.length).toBeGreaterThan(0);
    const work = resetWorkCount();
    const warm = build([...UNIVERSE].reverse(), { resolution, slice: 5 });
    warm.ids();
    const counted = { resolved: work.resolved, nameSorts: work.nameSorts };
    // Nothing resolved, and the name order kept with the links taken as it is: nothing sorted.
    expect(counted).toEqual({ resolved: 0, nameSorts: 0 });
    expect(snapshot(warm)).toEqual(snapshot(build(UNIVERSE)));
  });

  it('takes the kept name order only while it is still the order', () => {
    const kept = build(UNIVERSE);
    kept.ids();
    const resolution = structuredClone(kept.linkResolution());
    const retitle = (n: { path: string; text: string }) => ({ path: n.path, text: n.text.replace(/^# .*$/m, '# Aardvark Maturity Status').replace(/^title: .*$/m, 'title: Aardvark Maturity Status') });
    const retitled = UNIVERSE.map((n, i) => (i === 9 ? retitle(n) : n));
    const fresh = build(retitled).ids();
    // The retitled note moves to the front: the kept order no longer holds.
    expect(fresh).not.toEqual(resolution.ids);
    const forged = { ...resolution, ids: [...resolution.ids].reverse() };
    const doubled = { ...resolution, ids: resolution.ids.map((id, i) => (i === 1 ? resolution.ids[0]! : id)) };
    const cases: Array<[LinkResolution, Array<{ path: string; text: string }>]> = [[resolution, retitled], [forged, UNIVERSE], [doubled, UNIVERSE]];
    for (const [kept, notes] of cases) {
      const work = resetWorkCount();
      const order = build(notes, { resolution: kept }).ids();
      expect(work.nameSorts).toBe(1);
      expect(order).toEqual(build(notes).ids());
    }
  });

  it('over other notes (gone, added, moved, named alike) resolves what does not fit and gives the index built from scratch', () => {
    const subset = fc.subarray(UNIVERSE.map((_, i) => i));
    fc.assert(
      fc.property(subset, subset, fc.integer({ min: 1, max: 12 }), fc.boolean(), (kept, now, slice, namesLater) => {
        const resolution = structuredClone(build(kept.map((i) => UNIVERSE[i]!)).linkResolution());
        const notes = now.map((i) => UNIVERSE[i]!);
        expect(snapshot(build(notes, { resolution, slice, namesLater }))).toEqual(snapshot(build(notes)));
      }),
      { numRuns: 40 },
    );
  });

  it('with names later, puts no name key in while it builds; they go in a slice at a time, or all at once for the first lookup', () => {
    const resolution = structuredClone(build(UNIVERSE).linkResolution());
    const work = resetWorkCount();
    const warm = build(UNIVERSE, { resolution, namesLater: true });
    warm.ids();
    expect({ resolved: work.resolved, keysPlaced: work.keysPlaced }).toEqual({ resolved: 0, keysPlaced: 0 });
    // Slices of 64 components until none is left (the vault has more than one slice's worth).
    let calls = 1;
    while (!warm.placeNameKeys(() => true)) calls++;
    expect(calls).toBe(Math.ceil(resolution.ids.length / 64));
    expect(work.keysPlaced).toBe(resolution.ids.length);
    expect(snapshot(warm)).toEqual(snapshot(build(UNIVERSE)));
    // A reader before any slice (a lookup by name) puts every key in first.
    const unplaced = build(UNIVERSE, { resolution, namesLater: true });
    const scratch = build(UNIVERSE);
    resetWorkCount();
    expect(NAMES.map((name) => unplaced.lookup(name))).toEqual(NAMES.map((name) => scratch.lookup(name)));
    expect(work.keysPlaced).toBe(resolution.ids.length);
    expect(unplaced.placeNameKeys(() => true)).toBe(true);
  });

  it.each([false, true])('after taking a kept resolution, edits are incremental as usual (names later: %s)', (namesLater) => {
    const resolution = build(UNIVERSE).linkResolution();
    const warm = build(UNIVERSE, { resolution, namesLater });
    const renamed = UNIVERSE[3]!;
    const retitled = UNIVERSE[5]!;
    const retitledText = retitled.text.replace(/^# .*$/m, `# ${NAMES[0]!} Maturity Status`).replace(/^title: .*$/m, `title: ${NAMES[0]!} Maturity Status`);
    for (const index of [warm]) {
      index.rename(renamed.path, `Elsewhere/${renamed.path}`, renamed.text);
      index.upsert(retitled.path, retitledText);
      index.remove(UNIVERSE[7]!.path);
    }
    const fresh = build(
      UNIVERSE.filter((n) => n !== UNIVERSE[7])
        .map((n) => (n === renamed ? { path: `Elsewhere/${n.path}`, text: n.text } : n))
        .map((n) => (n === retitled ? { path: n.path, text: retitledText } : n)),
    );
    expect(snapshot(warm)).toEqual(snapshot(fresh));
  });

  it('lists the components as they came when the index has no name order yet: it does not sort to keep its links', () => {
    const index = build(UNIVERSE);
    const work = resetWorkCount();
    const resolution = index.linkResolution();
    expect(work.nameSorts).toBe(0);
    expect(new Set(resolution.ids)).toEqual(new Set(index.ids()));
    expect(resolution.ids).not.toEqual(index.ids());
    // Taken back, that order is not the name order: the index sorts once, and gets it right.
    const warm = build(UNIVERSE, { resolution: structuredClone(resolution) });
    resetWorkCount();
    expect(warm.ids()).toEqual(index.ids());
    expect(work.nameSorts).toBe(1);
  });

  it('refuses data that is no resolution', async () => {
    const { isLinkResolution } = await import('../../src/core/index');
    expect(isLinkResolution(build(BASE).linkResolution())).toBe(true);
    for (const bad of [null, 1, {}, { version: 2, ids: [], ends: [], targets: [], candidates: [] }, { version: 1, ids: ['a'], ends: [], targets: [], candidates: [] }]) {
      expect(isLinkResolution(bad)).toBe(false);
    }
  });
});
