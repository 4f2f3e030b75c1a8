// Hostile dependency graphs: cycles, self-dependencies, duplicate names and 5,000-deep chains.
// The index and the graph code terminate (no recursion to overflow) and report what they find.
import { describe, expect, it } from 'vitest';
import { closure, createIndex, findCycles, invert, scanToJSON } from '../../src/core/index';

const note = (name: string, stage: string, deps: string[]) =>
  `# ${name} Maturity Status\n\n**Current Stage**: ${stage}\n**Owner**: team\n**Last Updated**: 2026-11-20\n\n**Dependencies**:\n${deps.length ? deps.map((d) => `- [[${d}]]`).join('\n') : '- None'}\n\n### Development → Staging\n\n- [x] done\n`;

const codes = (index: ReturnType<typeof createIndex>, id: string) => index.component(id)!.diagnostics.map((d) => d.code);

describe('graph robustness', () => {
  it('a 5,000-deep dependency chain: no cycle, full closure, no stack overflow', () => {
    const n = 5000;
    const index = createIndex({ today: '2026-11-24' });
    for (let i = 0; i < n; i++) index.upsert(`C${i}.md`, note(`C${i}`, 'Staging', i + 1 < n ? [`C${i + 1}`] : []));
    expect(index.ids()).toHaveLength(n);
    expect(index.cycles()).toEqual([]);
    const down = closure('C0.md', index.edges());
    expect(down.size).toBe(n - 1);
    expect(down.get(`C${n - 1}.md`)).toBe(n - 1);
    const up = closure(`C${n - 1}.md`, invert(index.ids(), index.edges()));
    expect(up.size).toBe(n - 1);
    expect(index.component('C0.md')!.dependencies[0]!.id).toBe('C1.md');
    expect(index.component(`C${n - 1}.md`)!.dependents).toEqual([`C${n - 2}.md`]);
    expect(JSON.stringify(scanToJSON(index, 'vault')).length).toBeGreaterThan(n * 100);
  });

  it('closing the chain into a 5,000-member cycle reports one cycle on every member, with bounded messages', () => {
    const n = 5000;
    const index = createIndex({ today: '2026-11-24' });
    for (let i = 0; i < n; i++) index.upsert(`C${i}.md`, note(`C${i}`, 'Staging', [`C${(i + 1) % n}`]));
    const cycles = index.cycles();
    expect(cycles).toHaveLength(1);
    expect(cycles[0]).toHaveLength(n);
    const vault = index.vaultDiagnostics();
    expect(vault).toHaveLength(1);
    expect(vault[0]!.code).toBe('dependency-cycle');
    for (const id of ['C0.md', 'C2500.md', `C${n - 1}.md`]) {
      const d = index.component(id)!.diagnostics.find((x) => x.code === 'dependency-cycle')!;
      expect(d.related).toHaveLength(n);
      // The message names a few members and counts the rest: 5,000 components × 5,000 names would be 250 MB.
      expect(d.message.length).toBeLessThan(1000);
      expect(d.message).toMatch(/and \d+ more/);
    }
    // Breaking one link removes the cycle everywhere.
    index.upsert('C0.md', note('C0', 'Staging', []));
    expect(index.cycles()).toEqual([]);
    expect(codes(index, 'C2500.md')).not.toContain('dependency-cycle');
  });

  it('self-dependency and two-node cycles are reported', () => {
    const index = createIndex({ today: '2026-11-24' });
    index.upsert('Self.md', note('Self', 'Staging', ['Self']));
    index.upsert('A.md', note('A', 'Staging', ['B']));
    index.upsert('B.md', note('B', 'Staging', ['A']));
    expect(codes(index, 'Self.md')).toEqual(expect.arrayContaining(['dependency-self', 'dependency-cycle']));
    expect(index.cycles()).toEqual([['A.md', 'B.md'], ['Self.md']]);
    expect(codes(index, 'A.md')).toContain('dependency-cycle');
    expect(index.component('A.md')!.diagnostics.find((d) => d.code === 'dependency-cycle')!.message).toMatch(/A and B depend on each other/);
  });

  it('duplicate component names: each is warned, links to the name are ambiguous, and 2,000 copies terminate', () => {
    const index = createIndex({ today: '2026-11-24' });
    for (let i = 0; i < 2000; i++) index.upsert(`team${i}/Queue.md`, note('Queue', 'Production', []));
    index.upsert('Api.md', note('Api', 'Staging', ['Queue']));
    expect(codes(index, 'team0/Queue.md')).toContain('duplicate-name');
    const api = index.component('Api.md')!;
    expect(api.dependencies[0]!.id).not.toBeNull();
    expect(api.diagnostics.map((d) => d.code)).toContain('dependency-ambiguous');
    expect(api.diagnostics.find((d) => d.code === 'dependency-ambiguous')!.message.length).toBeLessThan(1000);
    expect(index.component('team1999/Queue.md')!.diagnostics.find((d) => d.code === 'duplicate-name')!.message.length).toBeLessThan(1000);
  });

  it('renaming one of two same-named components updates the ambiguous candidates of its dependents (found by the index fuzzer)', () => {
    const index = createIndex({ today: '2026-11-24' });
    index.upsert('Api.md', note('Ledger', 'Development', []));
    index.upsert('Notes.md', note('Api', 'Development', ['Ledger']));
    index.upsert('pages/Ledger.md', note('Ledger', 'Development', []));
    expect(index.component('Notes.md')!.dependencies[0]!.candidates).toEqual(['pages/Ledger.md', 'Api.md']);
    index.rename('Api.md', 'renamed.md');
    expect(index.component('Notes.md')!.dependencies[0]!.candidates).toEqual(['pages/Ledger.md', 'renamed.md']);
    expect(index.component('Notes.md')!.diagnostics.find((d) => d.code === 'dependency-ambiguous')!.message).not.toContain('Api.md');
  });

  it('findCycles and closure on raw graphs: 100k-node chain, dense cycle, self loops', () => {
    const n = 100_000;
    const chain = new Map<string, string[]>();
    for (let i = 0; i < n; i++) chain.set(`n${i}`, i + 1 < n ? [`n${i + 1}`] : ['n0']);
    const cycles = findCycles(chain.keys(), chain);
    expect(cycles).toHaveLength(1);
    expect(cycles[0]).toHaveLength(n);
    expect(closure('n0', chain).size).toBe(n);
    const dense = new Map<string, string[]>();
    const ids = Array.from({ length: 300 }, (_, i) => `d${i}`);
    for (const id of ids) dense.set(id, ids);
    expect(findCycles(ids, dense)).toEqual([[...ids].sort()]);
    expect(findCycles(['x', 'y'], new Map([['x', ['x']], ['y', ['missing']]]))).toEqual([['x']]);
  });
});
