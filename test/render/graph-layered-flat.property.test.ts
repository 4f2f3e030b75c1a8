// The large parts' own pipeline (layered-flat.ts) against d3-dag's Sugiyama driver running the
// same operators: for any connected graph, cycles and two-way links included, the same nodes,
// coordinates and edge routes in the same order (the drawing does not change with the pipeline).
import { decrossDfs, graph, sugiyama, type GraphNode, type MutGraphNode } from 'd3-dag';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { coordStraightened } from '../../src/render/graph/coord';
import { barycentreSweeps } from '../helpers/d3-dag-operators';
import { layeredFlat, type Part } from '../../src/render/graph/layered-flat';
import { layeringPromoted } from '../helpers/d3-dag-operators';
import type { LayoutNodeInput } from '../../src/render/graph/layout-types';

const GAPS = { nodeGap: 14, rankGap: 60 };

/** What layout.ts did with every part before: d3-dag's driver with our operators, left to right. */
function throughD3(part: Part, sweeps: number): ReturnType<typeof layeredFlat> {
  const dag = graph<LayoutNodeInput, Part['edges'][number]>();
  const byId = new Map<string, MutGraphNode<LayoutNodeInput, Part['edges'][number]>>();
  for (const n of part.nodes) byId.set(n.id, dag.node(n));
  for (const e of part.edges) dag.link(byId.get(e.from)!, byId.get(e.to)!, e);
  const size = (node: GraphNode<LayoutNodeInput, unknown>): [number, number] => [node.data.height, node.data.width];
  const { width, height } = sugiyama()
    .nodeSize(size)
    .gap([GAPS.nodeGap, GAPS.rankGap])
    .layering(layeringPromoted())
    .decross(barycentreSweeps(decrossDfs(), sweeps))
    .coord(coordStraightened())(dag);
  return {
    width: height,
    height: width,
    nodes: [...dag.nodes()].map((node) => ({ ...node.data, x: node.y, y: node.x })),
    edges: [...dag.links()].map((link) => ({ edge: link.data, points: link.points.map(([x, y]) => ({ x: y, y: x })) })),
  };
}

/** A connected part: each node after the first linked to an earlier one (either way), then more links; no self-loops, no repeats. */
const parts = fc.integer({ min: 2, max: 45 }).chain((n) =>
  fc
    .tuple(
      fc.array(fc.tuple(fc.integer({ min: 30, max: 200 }), fc.integer({ min: 20, max: 60 })), { minLength: n, maxLength: n }),
      fc.array(fc.tuple(fc.nat(1_000_000), fc.boolean()), { minLength: n - 1, maxLength: n - 1 }),
      fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: 3 * n }),
    )
    .map(([sizes, tree, extra]): Part => {
      const nodes = sizes.map(([width, height], i) => ({ id: `n${i}`, width, height }));
      const pairs: Array<[number, number]> = tree.map(([pick, up], k) => (up ? [k + 1, pick % (k + 1)] : [pick % (k + 1), k + 1]));
      const seen = new Set<string>();
      const edges: Part['edges'] = [];
      for (const [a, b] of [...pairs, ...extra]) {
        if (a === b || seen.has(`${a}>${b}`)) continue;
        seen.add(`${a}>${b}`);
        edges.push({ from: `n${a}`, to: `n${b}` });
      }
      return { nodes, edges, loops: [] };
    }),
);

describe('layeredFlat', () => {
  it('gives d3-dag’s driver’s layout with the same operators, coordinate for coordinate, for any connected graph', () => {
    fc.assert(
      fc.property(parts, fc.integer({ min: 0, max: 8 }), (part, sweeps) => {
        expect(layeredFlat(part, GAPS, sweeps)).toEqual(throughD3(part, sweeps));
      }),
      { numRuns: 300 },
    );
  });
});
