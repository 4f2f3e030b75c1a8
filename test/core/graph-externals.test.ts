// External dependencies in the graph model: names no component answers to become one node per
// name (merged however they are spelled), with the components that use them; names that resolve
// to a component are never external, even when that component is outside a focused graph.
import { describe, expect, it } from 'vitest';
import { buildGraphModel, createIndex, withoutExternals } from '../../src/core/index';
import { TODAY } from '../helpers/vault';

function component(name: string, dependencies: string[]): string {
  const deps = dependencies.length ? dependencies.map((d) => `- ${d}`).join('\n') : 'None (foundational component)';
  return `# ${name} Maturity Status\n\n**Current Stage**: Staging\n**Owner**: team\n\n## Dependencies\n\n${deps}\n`;
}

function vault() {
  const index = createIndex({ today: TODAY });
  index.upsert('Web.md', component('Web', ['Api', 'Redis', 'Web server']));
  index.upsert('Api.md', component('Api', ['redis', 'Docker_Compose', 'Optional: Web Server']));
  index.upsert('Worker.md', component('Worker', ['REDIS', 'Docker Compose', 'Api']));
  index.upsert('Lone.md', component('Lone', []));
  return index;
}

describe('external dependencies', () => {
  it('merges a name across components and spellings, most used first, with who uses it', () => {
    const model = buildGraphModel(vault());
    expect(model.externals.map((x) => [x.name, x.usedBy])).toEqual([
      ['redis', ['Api.md', 'Web.md', 'Worker.md']],
      ['Docker_Compose', ['Api.md', 'Worker.md']],
      // Spelled as the first component in id order (Api) wrote it.
      ['Web Server', ['Api.md', 'Web.md']],
    ]);
    // One edge per component and name; optional only when every mention is.
    const edges = model.externalEdges.map((e) => `${e.from}→${e.to}${e.optional ? ' optional' : ''}`).sort();
    expect(edges).toEqual([
      'Api.md→external:docker compose',
      'Api.md→external:redis',
      'Api.md→external:web server optional',
      'Web.md→external:redis',
      'Web.md→external:web server',
      'Worker.md→external:docker compose',
      'Worker.md→external:redis',
    ]);
    // Components and their edges are unchanged.
    expect(model.nodes).toHaveLength(4);
    expect(model.edges.map((e) => `${e.from}→${e.to}`).sort()).toEqual(['Web.md→Api.md', 'Worker.md→Api.md']);
  });

  it('keeps only the externals of the components drawn, and never makes a component external', () => {
    const model = buildGraphModel(vault(), ['Web.md']);
    expect(model.externals.map((x) => x.id)).toEqual(['external:redis', 'external:web server']);
    expect(model.externals.every((x) => x.usedBy.length === 1)).toBe(true);
    expect(model.externalEdges.some((e) => e.to.includes('api'))).toBe(false);
  });

  it('can be left out', () => {
    const model = withoutExternals(buildGraphModel(vault()));
    expect(model.externals).toEqual([]);
    expect(model.externalEdges).toEqual([]);
    expect(model.nodes).toHaveLength(4);
  });

  it('keeps hostile names as data, and a name that is only markup never becomes a node of its own id', () => {
    const index = createIndex({ today: TODAY });
    index.upsert('A.md', component('A', ['<img src=x onerror=alert(1)>', '__proto__', 'constructor']));
    const model = buildGraphModel(index);
    // Names as the note's dependency list reads them (Markdown emphasis already undone).
    const names = index.component('A.md')!.dependencies.map((d) => d.name);
    expect(names).toContain('<img src=x onerror=alert(1)>');
    expect(model.externals.map((x) => x.name).sort()).toEqual([...names].sort());
    expect(Object.getPrototypeOf(model.externals)).toBe(Array.prototype);
    expect(model.externals.every((x) => x.id.startsWith('external:'))).toBe(true);
  });
});
