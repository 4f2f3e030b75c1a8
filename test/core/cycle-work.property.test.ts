// Viewing one component must not search the whole graph for cycles: a card asks only whether its
// own component lies on one, so the search enters the components it reaches (its strongly
// connected component lies among them), each once, however many views then ask. The index counts
// the components the search enters (`workCount.cycleVisited`); a whole-graph pass per view, or per
// edit, fails these bounds by orders of magnitude. Views read between edits stay what a fresh
// build of the same notes shows.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { closure, componentToJSON, createIndex, invert, type MaturityIndex } from '../../src/core/index';
import { resetWorkCount } from '../../src/core/work-count';
import { fuzzParameters } from '../helpers/fuzz';

const TODAY = '2026-11-24';
const note = (name: string, deps: string[], stage = 'Staging') =>
  `# ${name} Maturity Status\n\n**Current Stage**: ${stage}\n**Owner**: team\n**Last Updated**: 2026-11-20\n\n**Dependencies**:\n${deps.length ? deps.map((d) => `- [[${d}]]`).join('\n') : '- None'}\n\n### Development → Staging\n\n- [x] done\n`;

/** A 1,000-member ring, a 996-long chain into it, and a small cluster: A → B → C → A, C → D. */
function largeGraph(): MaturityIndex {
  const index = createIndex({ today: TODAY });
  index.batch(() => {
    for (let i = 0; i < 1000; i++) index.upsert(`ring/R${i}.md`, note(`R${i}`, [`R${(i + 1) % 1000}`]));
    for (let i = 0; i < 996; i++) index.upsert(`chain/L${i}.md`, note(`L${i}`, [i + 1 < 996 ? `L${i + 1}` : 'R0']));
    index.upsert('small/A.md', note('A', ['B']));
    index.upsert('small/B.md', note('B', ['C']));
    index.upsert('small/C.md', note('C', ['A', 'D']));
    index.upsert('small/D.md', note('D', []));
  });
  return index;
}

const cycleOf = (index: MaturityIndex, id: string) => index.component(id)!.diagnostics.find((d) => d.code === 'dependency-cycle')?.related ?? null;

describe('cycle search per view', () => {
  it('one card in a 2,000-component graph searches only what that component reaches', () => {
    const index = largeGraph();
    expect(index.ids()).toHaveLength(2000);
    const work = resetWorkCount();
    expect(cycleOf(index, 'small/A.md')).toEqual(['small/A.md', 'small/B.md', 'small/C.md']);
    // A reaches A, B, C and D: four components entered, not 2,000.
    expect(work.cycleVisited).toBe(4);
    expect(cycleOf(index, 'small/C.md')).toEqual(['small/A.md', 'small/B.md', 'small/C.md']);
    expect(cycleOf(index, 'small/D.md')).toBeNull();
    expect(work.cycleVisited).toBe(4);

    // A chain member reaches the rest of the chain and the ring; each is entered once in all.
    expect(cycleOf(index, 'chain/L990.md')).toBeNull();
    expect(work.cycleVisited).toBe(4 + 6 + 1000);
    expect(cycleOf(index, 'ring/R500.md')).toHaveLength(1000);
    index.components();
    expect(index.cycles()).toHaveLength(2);
    expect(work.cycleVisited).toBe(2000);
  });

  it('a member the edit did not touch shows its cycle gone, then back', () => {
    const index = createIndex({ today: TODAY });
    for (const [name, dep] of [['A', 'B'], ['B', 'C'], ['C', 'D'], ['D', 'A']]) index.upsert(`${name}.md`, note(name!, [dep!]));
    expect(cycleOf(index, 'B.md')).toEqual(['A.md', 'B.md', 'C.md', 'D.md']);
    // D no longer depends on A: D, A and C (which links to D) are touched, B is not, yet its cycle is gone.
    index.upsert('D.md', note('D', []));
    expect(cycleOf(index, 'B.md')).toBeNull();
    // Closing the chain again: B, shown outside any cycle, is now on one.
    index.upsert('D.md', note('D', ['A']));
    expect(cycleOf(index, 'B.md')).toEqual(['A.md', 'B.md', 'C.md', 'D.md']);
  });

  it('after an edit a card searches again only what it reaches, and shows the new cycle', () => {
    const index = largeGraph();
    index.components();
    const work = resetWorkCount();
    // D now depends on A: the cycle grows to four members.
    index.upsert('small/D.md', note('D', ['A']));
    expect(cycleOf(index, 'small/B.md')).toEqual(['small/A.md', 'small/B.md', 'small/C.md', 'small/D.md']);
    expect(work.cycleVisited).toBe(4);
    expect(cycleOf(index, 'small/D.md')).toEqual(['small/A.md', 'small/B.md', 'small/C.md', 'small/D.md']);
    // A renamed member: every member's cycle message names it anew, the cycle search is not redone.
    index.upsert('small/C.md', note('Charlie', ['A', 'D']));
    expect(index.component('small/A.md')!.diagnostics.find((d) => d.code === 'dependency-cycle')!.message).toContain('Charlie');
    expect(work.cycleVisited).toBeLessThanOrEqual(8);
    expect(index.vaultDiagnostics().filter((d) => d.code === 'dependency-cycle')).toHaveLength(2);
  });
});

const NAMES = ['A', 'B', 'C', 'D', 'E', 'F'];
// Mostly titled as their file (links resolve, cycles form), sometimes renamed (names in cycle messages change).
const title = fc.oneof({ weight: 4, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.constantFrom(...NAMES, 'Other') });
type Op = { op: 'upsert'; name: string; title: string | null; deps: string[] } | { op: 'remove'; name: string } | { op: 'view'; name: string };
const ops: fc.Arbitrary<Op[]> = fc.array(
  fc.oneof(
    { weight: 4, arbitrary: fc.record({ op: fc.constant('upsert' as const), name: fc.constantFrom(...NAMES), title, deps: fc.array(fc.constantFrom(...NAMES), { minLength: 1, maxLength: 2 }) }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('remove' as const), name: fc.constantFrom(...NAMES) }) },
    { weight: 4, arbitrary: fc.record({ op: fc.constant('view' as const), name: fc.constantFrom(...NAMES) }) },
  ),
  { minLength: 1, maxLength: 40 },
);

/** Cycles by definition, independent of Tarjan: a node's cycle is what it reaches that reaches it back. */
function naiveCycles(index: MaturityIndex): string[][] {
  const edges = index.edges();
  const back = invert(index.ids(), edges);
  const cycles = new Map<string, string[]>();
  for (const id of index.ids()) {
    const down = closure(id, edges);
    const up = closure(id, back);
    const members = [...new Set([id, ...[...down.keys()].filter((other) => up.has(other))])].sort();
    if (members.length > 1 || (edges.get(id) ?? []).includes(id)) cycles.set(members.join('\n'), members);
  }
  return [...cycles.values()].sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
}

describe('views read between edits', () => {
  it('show the cycles a fresh build of the same notes shows', () => {
    fc.assert(
      fc.property(ops, (sequence) => {
        const files = new Map<string, string>();
        const index = createIndex({ today: TODAY });
        for (const step of sequence) {
          const path = `${step.name}.md`;
          if (step.op === 'upsert') {
            files.set(path, note(step.title ?? step.name, step.deps));
            index.upsert(path, files.get(path)!);
          } else if (step.op === 'remove') {
            files.delete(path);
            index.remove(path);
          } else {
            const fresh = createIndex({ today: TODAY });
            for (const [p, text] of [...files].sort()) fresh.upsert(p, text);
            const seen = index.component(path);
            const expected = fresh.component(path);
            expect(seen && componentToJSON(seen, index)).toEqual(expected && componentToJSON(expected, fresh));
            expect(index.cycles()).toEqual(fresh.cycles());
            expect(index.cycles()).toEqual(naiveCycles(fresh));
          }
        }
      }),
      fuzzParameters(2),
    );
  });
});
