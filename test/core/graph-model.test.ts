// The dependency graph as data: nodes with their stage and state, edges from dependent to
// dependency flagged when they close a cycle, invert the stage order or are optional, a focused
// subset that never points outside itself, and neighbourhoods by hops both ways.
import { describe, expect, it } from 'vitest';
import { buildGraphModel, createIndex, neighbourhood, type MaturityIndex } from '../../src/core/index';
import { TODAY } from '../helpers/vault';

function component(name: string, stage: string, dependencies: string[]): string {
  const deps = dependencies.length ? dependencies.map((d) => `- ${d}`).join('\n') : 'None (foundational component)';
  return `# ${name} Maturity Status\n\n**Current Stage**: ${stage}\n**Owner**: team\n\n## Dependencies\n\n${deps}\n`;
}

/** A chain Web → Api → Db → Disk, Api ⇄ Auth in a cycle, Web → (optional) Search, a lone Docs. */
function vault(): MaturityIndex {
  const index = createIndex({ today: TODAY });
  index.upsert('Web.md', component('Web', 'Production', ['Api', 'Optional: Search']));
  index.upsert('Api.md', component('Api', 'Production', ['Db', 'Auth']));
  index.upsert('Auth.md', component('Auth', 'Production', ['Api']));
  index.upsert('Db.md', component('Db', 'Staging', ['Disk']));
  index.upsert('Disk.md', component('Disk', 'Staging', []));
  index.upsert('Search.md', component('Search', 'Development', []));
  index.upsert('Docs.md', component('Docs', 'Staging (BLOCKED)', []));
  return index;
}

const edgeText = (e: { from: string; to: string; cycle: boolean; inversion: boolean; optional: boolean }) =>
  `${e.from}→${e.to}${e.cycle ? ' cycle' : ''}${e.inversion ? ' inversion' : ''}${e.optional ? ' optional' : ''}`;

describe('buildGraphModel', () => {
  it('draws every component and every edge with what is wrong with it', () => {
    const model = buildGraphModel(vault());
    expect(model.nodes.map((n) => n.id).sort()).toEqual(['Api.md', 'Auth.md', 'Db.md', 'Disk.md', 'Docs.md', 'Search.md', 'Web.md']);
    expect(model.edges.map(edgeText).sort()).toEqual([
      'Api.md→Auth.md cycle',
      'Api.md→Db.md inversion',
      'Auth.md→Api.md cycle',
      'Db.md→Disk.md',
      'Web.md→Api.md',
      'Web.md→Search.md inversion optional',
    ]);
    expect(model.cycles).toEqual([['Api.md', 'Auth.md']]);
  });

  it.each([
    // id, stage, rank, blocked, in a cycle
    ['Web.md', 'production', 2, false, false],
    ['Api.md', 'production', 2, false, true],
    ['Db.md', 'staging', 1, false, false],
    ['Search.md', 'development', 0, false, false],
    ['Docs.md', 'staging', 1, true, false],
  ] as const)('node %s: %s (rank %i), blocked %s, in a cycle %s', (id, stage, rank, blocked, inCycle) => {
    const model = buildGraphModel(vault());
    const node = model.nodes.find((n) => n.id === id)!;
    expect(node).toMatchObject({ stage, rank, blocked });
    expect(node.cycle >= 0).toBe(inCycle);
    if (inCycle) expect(model.cycles[node.cycle]).toContain(id);
    expect(node.errors).toBe(vault().component(id)!.diagnostics.filter((d) => d.severity === 'error').length);
  });

  it('a subset keeps only the edges inside it and the cycles it touches', () => {
    const model = buildGraphModel(vault(), ['Web.md', 'Api.md', 'Disk.md']);
    expect(model.nodes.map((n) => n.id).sort()).toEqual(['Api.md', 'Disk.md', 'Web.md']);
    expect(model.edges.map(edgeText)).toEqual(['Web.md→Api.md']);
    expect(model.cycles).toEqual([['Api.md', 'Auth.md']]);
    expect(buildGraphModel(vault(), ['Docs.md'])).toMatchObject({ edges: [], cycles: [] });
  });
});

describe('neighbourhood', () => {
  it.each([
    ['Db.md', 0, ['Db.md']],
    ['Db.md', 1, ['Api.md', 'Db.md', 'Disk.md']],
    ['Db.md', 2, ['Api.md', 'Auth.md', 'Db.md', 'Disk.md', 'Web.md']],
    ['Db.md', 3, ['Api.md', 'Auth.md', 'Db.md', 'Disk.md', 'Web.md']],
    ['Web.md', 1, ['Api.md', 'Search.md', 'Web.md']],
    ['Docs.md', 5, ['Docs.md']],
  ] as const)('%s within %i hops', (id, hops, expected) => {
    expect([...neighbourhood(vault(), id, hops)].sort()).toEqual(expected);
  });
});
