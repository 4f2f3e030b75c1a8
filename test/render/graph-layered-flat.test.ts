// The work the large parts' own pipeline saves, counted: a part above the simplex limit is laid
// out on flat lists (layered-flat.ts), not by d3-dag's Sugiyama driver; a small part still is.
import { describe, expect, it } from 'vitest';
import { layoutGraph, layoutWork } from '../../src/render/graph/layout';

describe('layoutGraph of a large part', () => {
  it('lays a part above the simplex limit out without d3-dag’s driver; a small part still uses it', () => {
    // 600 nodes in one part (a chain with links skipping ahead) and, apart, a part of 3.
    const nodes = Array.from({ length: 603 }, (_, i) => ({ id: `c${i}`, width: 120, height: 44 }));
    const edges = [];
    for (let i = 0; i + 1 < 600; i++) edges.push({ from: `c${i}`, to: `c${i + 1}` });
    for (let i = 0; i + 7 < 600; i += 5) edges.push({ from: `c${i}`, to: `c${i + 7}` });
    edges.push({ from: 'c600', to: 'c601' }, { from: 'c601', to: 'c602' });
    const before = { ...layoutWork };
    const result = layoutGraph(nodes, edges);
    expect(result.nodes.size).toBe(603);
    expect(result.edges.size).toBe(edges.length);
    expect(layoutWork.driverParts - before.driverParts).toBe(1);
    expect(layoutWork.flatParts - before.flatParts).toBe(1);
  });
});
