// Crossing reduction for large parts: barycentre sweeps over flat arrays keep every layer a
// permutation of itself (for any graph), add no crossings to d3-dag's depth-first start on a
// fixed sample of graphs, and order a plain case as a barycentre method must.
import { decrossDfs, graph, sugiyama, type Decross, type MutGraphNode, type SugiNode } from 'd3-dag';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { coordStraightened } from '../../src/render/graph/coord';
import { barycentreSweeps } from '../helpers/d3-dag-operators';
import { layeringPromoted } from '../helpers/d3-dag-operators';

type Layers = SugiNode<number, undefined>[][];

/** Crossings between adjacent layers: pairs of links whose ends are in opposite orders. */
function crossings(layers: Layers): number {
  let total = 0;
  for (let i = 0; i + 1 < layers.length; i++) {
    const below = new Map(layers[i + 1]!.map((n, k) => [n, k]));
    const links: Array<[number, number]> = [];
    layers[i]!.forEach((n, k) => {
      for (const c of n.children()) links.push([k, below.get(c)!]);
    });
    for (let a = 0; a < links.length; a++) for (let b = a + 1; b < links.length; b++) if ((links[a]![0] - links[b]![0]) * (links[a]![1] - links[b]![1]) < 0) total++;
  }
  return total;
}

/** Lay `edges` out with `decross` and report the layers it left (as ids) and their crossings. */
function orderWith(n: number, edges: Array<[number, number]>, decross: Decross<number, undefined>): { ids: number[][]; crossings: number } {
  const dag = graph<number, undefined>();
  const nodes: MutGraphNode<number, undefined>[] = [];
  for (let i = 0; i < n; i++) nodes.push(dag.node(i));
  const seen = new Set<string>();
  for (const [a, b] of edges) {
    if (a === b || seen.has(`${a}>${b}`) || seen.has(`${b}>${a}`)) continue;
    seen.add(`${a}>${b}`);
    dag.link(nodes[a]!, nodes[b]!);
  }
  let seenLayers: Layers = [];
  let count = 0;
  const watched: Decross<number, undefined> = (layers) => {
    decross(layers);
    seenLayers = layers;
    count = crossings(layers);
  };
  sugiyama().nodeSize([10, 10]).layering(layeringPromoted()).decross(watched).coord(coordStraightened())(dag);
  return { ids: seenLayers.map((layer) => layer.map((s) => (s.data.role === 'node' ? s.data.node.data : -1))), crossings: count };
}

const graphs = fc.integer({ min: 2, max: 40 }).chain((n) => fc.tuple(fc.constant(n), fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: 3 * n })));

describe('barycentreSweeps', () => {
  it('keeps each layer a permutation of itself, for any graph', () => {
    fc.assert(
      fc.property(graphs, ([n, edges]) => {
        const start = orderWith(n, edges, decrossDfs());
        const swept = orderWith(n, edges, barycentreSweeps(decrossDfs(), 4));
        expect(swept.ids.map((layer) => [...layer].sort((a, b) => a - b))).toEqual(start.ids.map((layer) => [...layer].sort((a, b) => a - b)));
      }),
      { numRuns: 150 },
    );
  });

  it('adds no crossings to the depth-first order on 2,000 random graphs', () => {
    // Barycentre ordering is a heuristic with no such guarantee in general, so this is pinned to
    // one seed's graphs (it held on every seed tried), not claimed for any graph.
    fc.assert(
      fc.property(graphs, ([n, edges]) => {
        expect(orderWith(n, edges, barycentreSweeps(decrossDfs(), 4)).crossings).toBeLessThanOrEqual(orderWith(n, edges, decrossDfs()).crossings);
      }),
      { numRuns: 2000, seed: 20261204 },
    );
  });

  it('untangles a crossing the depth-first order leaves', () => {
    // 3→2, 1→2, 4→0, 1→0 (5 stands alone): depth-first puts [3, 4, 1] over [5, 2, 0], one crossing.
    const edges: Array<[number, number]> = [[1, 0], [3, 2], [1, 2], [4, 0]];
    expect(orderWith(6, edges, decrossDfs()).crossings).toBe(1);
    expect(orderWith(6, edges, barycentreSweeps(decrossDfs(), 2)).crossings).toBe(0);
  });
});
