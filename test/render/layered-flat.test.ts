// The work the large parts' own pipeline saves, counted: a part above the simplex limit builds no
// d3-dag Sugiyama layout (layered-flat.ts lays it out), a small part still does.
import type * as d3dag from 'd3-dag';
import { sugiyama } from 'd3-dag';
import { describe, expect, it, vi } from 'vitest';
import { layoutGraph } from '../../src/render/graph/layout';

vi.mock('d3-dag', async (importOriginal) => {
  const actual = await importOriginal<typeof d3dag>();
  return { ...actual, sugiyama: vi.fn(actual.sugiyama) };
});

describe('layoutGraph of a large part', () => {
  it('lays a part above the simplex limit out without d3-dag’s driver; a small part still uses it', () => {
    // 600 nodes in one part (a chain with links skipping ahead) and, apart, a part of 3.
    const nodes = Array.from({ length: 603 }, (_, i) => ({ id: `c${i}`, width: 120, height: 44 }));
    const edges = [];
    for (let i = 0; i + 1 < 600; i++) edges.push({ from: `c${i}`, to: `c${i + 1}` });
    for (let i = 0; i + 7 < 600; i += 5) edges.push({ from: `c${i}`, to: `c${i + 7}` });
    edges.push({ from: 'c600', to: 'c601' }, { from: 'c601', to: 'c602' });
    vi.mocked(sugiyama).mockClear();
    const result = layoutGraph(nodes, edges);
    expect(result.nodes.size).toBe(603);
    expect(result.edges.size).toBe(edges.length);
    expect(vi.mocked(sugiyama)).toHaveBeenCalledTimes(1);
  });
});
