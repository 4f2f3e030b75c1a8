// The graph layout's flat phases (src/render/graph: layering.ts, decross.ts) wrapped as d3-dag
// operators, for tests only: run inside d3-dag's own Sugiyama driver they are the oracle the large
// parts' flat pipeline (layered-flat.ts) is checked against, and they let the phases be tested on
// d3-dag graphs. The products call the flat forms directly.
import type { Decross, Graph, GraphNode, Layering, Separation, SugiNode } from 'd3-dag';
import { sweepLayers } from '../../src/render/graph/decross';
import { compactRanks, promoteRanks, rankLongestPath, type Adjacency } from '../../src/render/graph/layering';

interface FlatLayers {
  /** Per layer, flat node indices in the current order. */
  layers: number[][];
  parents: number[][];
  children: number[][];
}

function flattenLayers<N, L>(layers: SugiNode<N, L>[][]): { flat: FlatLayers; nodes: SugiNode<N, L>[] } {
  const index = new Map<SugiNode<N, L>, number>();
  const nodes: SugiNode<N, L>[] = [];
  for (const layer of layers) for (const node of layer) index.set(node, nodes.push(node) - 1);
  const flat: FlatLayers = {
    layers: layers.map((layer) => layer.map((node) => index.get(node)!)),
    parents: nodes.map((node) => [...node.parents()].map((p) => index.get(p)!)),
    children: nodes.map((node) => [...node.children()].map((c) => index.get(c)!)),
  };
  return { flat, nodes };
}

/**
 * `initial` (d3-dag's depth-first order), then `sweeps` barycentre passes alternating down (each
 * layer by its parents) and up (by its children). Writes the order back into d3-dag's layers.
 */
export function barycentreSweeps<N, L>(initial: Decross<N, L>, sweeps: number): Decross<N, L> {
  return (layers: SugiNode<N, L>[][]) => {
    initial(layers);
    const { flat, nodes } = flattenLayers(layers);
    sweepLayers(flat.layers, flat.parents, flat.children, sweeps);
    flat.layers.forEach((order, i) => {
      const layer = layers[i]!;
      order.forEach((node, slot) => (layer[slot] = nodes[node]!));
    });
  };
}

function adjacencyOf<N, L>(nodes: readonly GraphNode<N, L>[]): Adjacency {
  const index = new Map<GraphNode<N, L>, number>(nodes.map((n, i) => [n, i]));
  return {
    children: nodes.map((n) => [...n.children()].map((c) => index.get(c)!)),
    parents: nodes.map((n) => [...n.parents()].map((p) => index.get(p)!)),
  };
}

/** `rankLongestPath` over d3-dag nodes. */
export function longestPathLayers<N, L>(nodes: readonly GraphNode<N, L>[]): Map<GraphNode<N, L>, number> {
  const layer = rankLongestPath(adjacencyOf(nodes));
  return new Map(nodes.map((n, i) => [n, layer[i]!]));
}

/** `promoteRanks` over d3-dag nodes and their layers (updated in place). */
export function promote<N, L>(nodes: readonly GraphNode<N, L>[], layer: Map<GraphNode<N, L>, number>, passes = 4): number {
  const ranks = Int32Array.from(nodes, (n) => layer.get(n)!);
  const moved = promoteRanks(adjacencyOf(nodes), ranks, passes);
  nodes.forEach((n, i) => layer.set(n, ranks[i]!));
  return moved;
}

/**
 * The operator: integer layers turned into `y` coordinates that respect `sep` between every
 * pair of nodes on consecutive layers (the widest node of each layer sets the distance).
 */
export function layeringPromoted<N, L>(): Layering<N, L> {
  return (<NN extends N, LL extends L>(dag: Graph<NN, LL>, sep: Separation<NN, LL>): number => {
    const nodes = [...dag.nodes()];
    if (nodes.length === 0) return 0;
    const graph = adjacencyOf(nodes);
    const ranks = rankLongestPath(graph);
    promoteRanks(graph, ranks);
    const { layer, count } = compactRanks(ranks);
    const layers: GraphNode<NN, LL>[][] = Array.from({ length: count }, () => []);
    nodes.forEach((node, i) => layers[layer[i]!]!.push(node));
    let y = 0;
    let previous: GraphNode<NN, LL> | undefined;
    for (const members of layers) {
      let step = 0;
      let widest = members[0]!;
      for (const node of members) {
        step = Math.max(step, sep(previous, node));
        if (sep(node, undefined) > sep(widest, undefined)) widest = node;
      }
      y += step;
      for (const node of members) node.y = y;
      previous = widest;
    }
    return y + (previous ? sep(previous, undefined) : 0);
  }) as Layering<N, L>;
}
