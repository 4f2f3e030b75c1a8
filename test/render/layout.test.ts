// The pure layout: layering with promotion (never two linked nodes on one layer, fewer dummy
// nodes than plain longest path), packing of connected parts and a grid of components with no
// edges beside them, for any graph (fast-check), cycles and self-loops included.
import { graph, layeringLongestPath, sugiyama, type GraphNode, type MutGraphNode } from 'd3-dag';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { layoutGraph, type LayoutResult } from '../../src/render/graph/layout';
import { coordStraightened } from '../../src/render/graph/coord';
import { layeringPromoted, longestPathLayers, promote } from '../helpers/d3-dag-operators';
import { packLayout } from '../../src/render/graph/pack';

type Edge = { from: string; to: string };

function dagOf(n: number, edges: Array<[number, number]>) {
  const dag = graph<number, undefined>();
  const nodes: MutGraphNode<number, undefined>[] = [];
  for (let i = 0; i < n; i++) nodes.push(dag.node(i));
  const seen = new Set<string>();
  for (const [a, b] of edges) {
    if (a === b || seen.has(`${a}>${b}`)) continue;
    seen.add(`${a}>${b}`);
    dag.link(nodes[a]!, nodes[b]!);
  }
  return { dag, nodes };
}

/** Layers a node's edges cross beyond the next: the dummy nodes Sugiyama adds. */
function dummies(nodes: readonly GraphNode<number, undefined>[], layer: ReadonlyMap<GraphNode<number, undefined>, number>): number {
  let total = 0;
  for (const n of nodes) for (const c of n.children()) total += Math.abs(layer.get(c)! - layer.get(n)!) - 1;
  return total;
}

const graphs = fc.integer({ min: 1, max: 40 }).chain((n) => fc.tuple(fc.constant(n), fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: 3 * n })));

describe('layering with promotion', () => {
  it('keeps linked nodes on different layers, with no more dummy nodes than longest path, for any graph', () => {
    fc.assert(
      fc.property(graphs, ([n, edges]) => {
        const { nodes } = dagOf(n, edges);
        const layer = longestPathLayers(nodes);
        const before = dummies(nodes, layer);
        promote(nodes, layer);
        for (const node of nodes) for (const child of node.children()) expect(layer.get(child)).not.toBe(layer.get(node));
        expect(dummies(nodes, layer)).toBeLessThanOrEqual(before);
      }),
      { numRuns: 400 },
    );
  });

  it('moves a component up next to the one component that depends on it', () => {
    // 0 → 1 → 2 → 3, and 0 also depends on 4, which has no dependencies: longest path puts 4 on
    // the last layer with 3 (an edge across three layers); promotion moves it next to 0.
    const { nodes } = dagOf(5, [[0, 1], [1, 2], [2, 3], [0, 4]]);
    const layer = longestPathLayers(nodes);
    expect(layer.get(nodes[4]!)).toBe(3);
    expect(dummies(nodes, layer)).toBe(2);
    expect(promote(nodes, layer)).toBeGreaterThan(0);
    expect(layer.get(nodes[4]!)).toBe(1);
    expect(dummies(nodes, layer)).toBe(0);
  });

  it('gives the same coordinates as d3-dag’s longest path where no promotion applies', () => {
    const build = () => dagOf(5, [[0, 1], [1, 2], [0, 3], [3, 2], [2, 4]]).dag;
    const ours = build();
    const theirs = build();
    const layout = (layering: ReturnType<typeof layeringPromoted>) => sugiyama().nodeSize([40, 20]).gap([10, 30]).layering(layering);
    const a = layout(layeringPromoted())(ours);
    const b = sugiyama().nodeSize([40, 20]).gap([10, 30]).layering(layeringLongestPath())(theirs);
    expect(a.height).toBe(b.height);
    expect([...ours.nodes()].map((n) => n.y)).toEqual([...theirs.nodes()].map((n) => n.y));
  });
});

function check(result: LayoutResult, ids: string[], edges: Edge[]): void {
  expect([...result.nodes.keys()].sort()).toEqual([...new Set(ids)].sort());
  const boxes = [...result.nodes.values()];
  for (const b of boxes) {
    expect(b.x - b.width / 2).toBeGreaterThanOrEqual(0);
    expect(b.y - b.height / 2).toBeGreaterThanOrEqual(0);
    expect(b.x + b.width / 2).toBeLessThanOrEqual(result.width);
    expect(b.y + b.height / 2).toBeLessThanOrEqual(result.height);
  }
  // No two boxes overlap.
  const sorted = [...boxes].sort((p, q) => p.x - p.width / 2 - (q.x - q.width / 2));
  for (let i = 0; i < sorted.length; i++) {
    for (let j = i + 1; j < sorted.length && sorted[j]!.x - sorted[j]!.width / 2 < sorted[i]!.x + sorted[i]!.width / 2; j++) {
      const overlapY = Math.abs(sorted[i]!.y - sorted[j]!.y) < (sorted[i]!.height + sorted[j]!.height) / 2;
      expect(overlapY, `${sorted[i]!.id} and ${sorted[j]!.id} overlap`).toBe(false);
    }
  }
  for (const e of edges) if (result.nodes.has(e.from) && result.nodes.has(e.to)) expect(result.edges.has(`${e.from}\u0000${e.to}`)).toBe(true);
}

describe('layoutGraph', () => {
  it('places components with no edges in a grid beside the layered graph, not in one column', () => {
    const ids = ['a', 'b', 'c', 'd', ...Array.from({ length: 12 }, (_, i) => `lone ${i}`)];
    const edges = [{ from: 'a', to: 'b' }, { from: 'b', to: 'c' }, { from: 'a', to: 'd' }];
    const result = layoutGraph(ids.map((id) => box(id)), edges, { aspect: 1400 / 640 });
    check(result, ids, edges);
    const lone = ids.filter((id) => id.startsWith('lone')).map((id) => result.nodes.get(id)!);
    const columns = new Set(lone.map((n) => Math.round(n.x - n.width / 2)));
    const rows = new Set(lone.map((n) => Math.round(n.y)));
    expect(columns.size).toBeGreaterThan(1);
    expect(rows.size).toBeGreaterThan(1);
    // The grid sits beside or below the layered part's box, outside it.
    const layered = ['a', 'b', 'c', 'd'].map((id) => result.nodes.get(id)!);
    const right = Math.max(...layered.map((n) => n.x + n.width / 2));
    const bottom = Math.max(...layered.map((n) => n.y + n.height / 2));
    const beside = Math.min(...lone.map((n) => n.x - n.width / 2)) > right;
    const below = Math.min(...lone.map((n) => n.y - n.height / 2)) > bottom;
    expect(beside || below).toBe(true);
    // Wide rather than tall, as the viewport is.
    expect(result.width / result.height).toBeGreaterThan(1);
  });

  it('packs separate groups side by side toward the viewport’s shape', () => {
    const ids: string[] = [];
    const edges: Edge[] = [];
    for (let g = 0; g < 6; g++) {
      ids.push(`g${g}a`, `g${g}b`, `g${g}c`);
      edges.push({ from: `g${g}a`, to: `g${g}b` }, { from: `g${g}a`, to: `g${g}c` });
    }
    const wide = layoutGraph(ids.map((id) => box(id)), edges, { aspect: 2.2 });
    const tall = layoutGraph(ids.map((id) => box(id)), edges, { aspect: 0.5 });
    check(wide, ids, edges);
    check(tall, ids, edges);
    expect(wide.width / wide.height).toBeGreaterThan(tall.width / tall.height);
  });

  it('lays out any graph without overlaps, with every edge routed (cycles and self-loops too)', () => {
    fc.assert(
      fc.property(graphs, fc.double({ min: 0.3, max: 4, noNaN: true }), ([n, pairs], aspect) => {
        const ids = Array.from({ length: n }, (_, i) => `n${i}`);
        const edges = pairs.map(([a, b]) => ({ from: `n${a}`, to: `n${b}` }));
        check(layoutGraph(ids.map((id, i) => box(id, 130 + (i % 5) * 30)), edges, { aspect }), ids, edges);
      }),
      { numRuns: 150 },
    );
  });
});

const box = (id: string, width = 140) => ({ id, width, height: 44 });

describe('coordStraightened (large parts)', () => {
  const sized = fc.integer({ min: 1, max: 60 }).chain((n) =>
    fc.tuple(fc.constant(n), fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: 3 * n }), fc.array(fc.integer({ min: 10, max: 90 }), { minLength: n, maxLength: n })),
  );

  it('keeps every node its separation from its neighbours on the layer, inside the width, for any graph', () => {
    fc.assert(
      fc.property(sized, ([n, edges, widths]) => {
        const { dag } = dagOf(n, edges);
        // d3-dag checks the coordinates an operator returns too, and throws on an overlap.
        const { width } = sugiyama()
          .nodeSize((node: GraphNode<number, undefined>): [number, number] => [widths[node.data]!, 20])
          .gap([7, 30])
          .layering(layeringPromoted())
          .coord(coordStraightened())(dag);
        const layers = new Map<number, Array<{ x: number; half: number }>>();
        for (const node of dag.nodes()) {
          const half = widths[node.data]! / 2;
          expect(node.x - half).toBeGreaterThanOrEqual(-1e-6);
          expect(node.x + half).toBeLessThanOrEqual(width + 1e-6);
          layers.set(node.y, [...(layers.get(node.y) ?? []), { x: node.x, half }]);
        }
        for (const members of layers.values()) {
          members.sort((a, b) => a.x - b.x);
          for (let i = 1; i < members.length; i++) expect(members[i]!.x - members[i - 1]!.x).toBeGreaterThanOrEqual(members[i]!.half + members[i - 1]!.half + 7 - 1e-6);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('runs a long edge straight past the layers it crosses', () => {
    // 0 → 1 → 2 → 3 → 4, and 0 → 4 past three layers; 5 and 6 crowd the middle layers.
    const { dag, nodes } = dagOf(7, [[0, 1], [1, 2], [2, 3], [3, 4], [0, 4], [0, 5], [5, 6], [6, 3]]);
    sugiyama().nodeSize([40, 20]).gap([10, 30]).layering(layeringPromoted()).coord(coordStraightened())(dag);
    const long = [...nodes[0]!.childLinks()].find((link) => link.target === nodes[4])!;
    const inner = long.points.slice(1, -1).map(([x]) => x);
    expect(inner.length).toBeGreaterThan(1);
    expect(new Set(inner).size).toBe(1);
  });

  it('lays out a part above the simplex limit (400 components) without overlaps', () => {
    const ids = Array.from({ length: 400 }, (_, i) => `c${i}`);
    // Layered like a vault: each component depends on a few in the layers below it.
    const edges: Edge[] = [];
    for (let i = 20; i < 400; i++) for (const k of [1, 7, 19]) if ((i * k) % 3 !== 0) edges.push({ from: `c${i}`, to: `c${(i * k) % i}` });
    check(layoutGraph(ids.map((id, i) => box(id, 120 + (i % 4) * 20)), edges), ids, edges);
  });
});

describe('packLayout', () => {
  it('chooses the grid beside or below, whichever a viewport of the aspect shows larger', () => {
    const beside = packLayout([{ width: 400, height: 400 }], 8, { width: 150, height: 44 }, 3);
    expect(beside.cells[0]!.x).toBeGreaterThan(400);
    const below = packLayout([{ width: 1600, height: 100 }], 8, { width: 150, height: 44 }, 1);
    expect(below.cells[0]!.y).toBeGreaterThan(100);
    const onlyGrid = packLayout([], 30, { width: 150, height: 44 }, 16 / 9);
    expect(onlyGrid.width / onlyGrid.height).toBeGreaterThan(1);
    expect(onlyGrid.cells).toHaveLength(30);
  });
});
