// The layered layout of a large connected part without d3-dag's Sugiyama driver: the same phases
// (promoted longest-path layers, dummy nodes for long edges, depth-first order then barycentre
// sweeps, straightened coordinates) on flat index lists. d3-dag's driver keeps the graph and its
// dummies as linked objects walked by generators: two thirds of the 2,000-component layout were
// that bookkeeping and its garbage. Every order d3-dag would iterate in (its graph's nodes, each
// node's children and parents, its layers before decrossing) is reproduced, so the drawing is
// the one d3-dag's driver gave with the same operators, coordinate for coordinate.
import { straightenedCoords } from './coord';
import { depthFirstLayers, sweepLayers } from './decross';
import { compactRanks, promoteRanks, rankLongestPath, type Adjacency } from './layering';
import type { LayoutNodeInput, PlacedNode, Point } from './layout-types';

export type LayoutEdge = { from: string; to: string };

export interface Part {
  nodes: LayoutNodeInput[];
  edges: LayoutEdge[];
  loops: LayoutEdge[];
}

/** A part laid out left to right; `width` along the ranks, `height` across them. */
export interface Block {
  width: number;
  height: number;
  /** Centres relative to the block's top-left corner. */
  nodes: PlacedNode[];
  edges: Array<{ edge: LayoutEdge; points: Point[] }>;
  loops: LayoutEdge[];
}

export interface Spacing {
  /** Between neighbours on a rank. */
  nodeGap: number;
  /** Between ranks. */
  rankGap: number;
}

/** A graph built link by link, with d3-dag's bookkeeping of which node heads a connected group. */
class LinkedGraph implements Adjacency {
  readonly children: number[][] = [];
  readonly parents: number[][] = [];
  private readonly head: number[] = [];
  private readonly size: number[] = [];

  add(): number {
    this.head.push(this.head.length);
    this.size.push(1);
    this.children.push([]);
    this.parents.push([]);
    return this.head.length - 1;
  }

  private find(node: number): number {
    while (this.head[node] !== node) node = this.head[node] = this.head[this.head[node]!]!;
    return node;
  }

  link(from: number, to: number): void {
    this.children[from]!.push(to);
    this.parents[to]!.push(from);
    const a = this.find(from);
    const b = this.find(to);
    if (a === b) return;
    // d3-dag merges the smaller group into the larger; on a tie the target's group stays.
    if (this.size[a]! > this.size[b]!) {
      this.head[b] = a;
      this.size[a]! += this.size[b]!;
    } else {
      this.head[a] = b;
      this.size[b]! += this.size[a]!;
    }
  }

  /** d3-dag's `nodes()` of a connected graph: depth first from the group's head, children then parents, last pushed first. */
  nodeOrder(): number[] {
    const order: number[] = [];
    const seen = new Uint8Array(this.head.length);
    const stack = this.head.length > 0 ? [this.find(0)] : [];
    for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
      if (seen[node]) continue;
      seen[node] = 1;
      order.push(node);
      const children = this.children[node]!;
      const parents = this.parents[node]!;
      for (let i = 0; i < children.length; i++) stack.push(children[i]!);
      for (let i = 0; i < parents.length; i++) stack.push(parents[i]!);
    }
    return order;
  }
}

/** The part as d3-dag would iterate it: nodes in its `nodes()` order (renumbered so), each node's edges in the order given. */
function orderedPart(part: Part): { nodes: LayoutNodeInput[]; graph: Adjacency; edgesOf: LayoutEdge[][] } {
  const built = new LinkedGraph();
  const index = new Map<string, number>();
  for (const n of part.nodes) index.set(n.id, built.add());
  const edgesFrom = part.nodes.map((): LayoutEdge[] => []);
  for (const e of part.edges) {
    const from = index.get(e.from)!;
    built.link(from, index.get(e.to)!);
    edgesFrom[from]!.push(e);
  }
  const order = built.nodeOrder();
  const rank = new Int32Array(order.length);
  order.forEach((node, at) => (rank[node] = at));
  const renumber = (list: readonly number[]) => list.map((node) => rank[node]!);
  return {
    nodes: order.map((node) => part.nodes[node]!),
    graph: { children: order.map((node) => renumber(built.children[node]!)), parents: order.map((node) => renumber(built.parents[node]!)) },
    edgesOf: order.map((node) => edgesFrom[node]!),
  };
}

/**
 * Layers with room for the edges of a two-node cycle: a layer holding a node linked both ways
 * to the layer before it is moved one further on (as d3-dag does), with all after it.
 */
function spreadLayers(graph: Adjacency, ranks: Int32Array): { layer: Int32Array; count: number } {
  const { layer, count } = compactRanks(ranks);
  const doubled = new Uint8Array(count);
  for (let node = 0; node < layer.length; node++) {
    for (const p of graph.parents[node]!) if (layer[p] === layer[node]! - 1 && graph.children[node]!.includes(p)) doubled[layer[node]!] = 1;
  }
  const shift = new Int32Array(count);
  let extra = 0;
  for (let l = 0; l < count; l++) shift[l] = extra += doubled[l]!;
  return { layer: layer.map((l) => l + shift[l]!), count: count + extra };
}

interface Layered {
  graph: LinkedGraph;
  /** Layer of every node, the part's nodes first, then the dummies. */
  layerOf: number[];
  /** Each edge's dummies, from its source's end. */
  chains: number[][][];
  layerCount: number;
}

/** Dummy nodes along every edge that spans more than one layer, created and linked in d3-dag's order. */
function withDummies(graph: Adjacency, layer: Int32Array, layerCount: number): Layered {
  const sugi = new LinkedGraph();
  const layerOf = Array.from(layer);
  for (let i = 0; i < layer.length; i++) sugi.add();
  const chains: number[][][] = [];
  for (let from = 0; from < layer.length; from++) {
    const targets = graph.children[from]!;
    const fromHere: number[][] = [];
    for (let k = 0; k < targets.length; k++) {
      const to = targets[k]!;
      // A chain runs down from the upper end; an edge pointing up is walked back from its target.
      const down = layer[to]! > layer[from]!;
      const lower = down ? to : from;
      const chain: number[] = [];
      let previous = down ? from : to;
      for (let l = layer[previous]! + 1; l < layer[lower]!; l++) {
        const dummy = sugi.add();
        layerOf.push(l);
        sugi.link(previous, dummy);
        chain.push((previous = dummy));
      }
      sugi.link(previous, lower);
      fromHere.push(down ? chain : chain.reverse());
    }
    chains.push(fromHere);
  }
  return { graph: sugi, layerOf, chains, layerCount };
}

/** Each layer's position across the ranks (d3-dag's `y`: the widest node of a layer sets its depth) and the total depth. */
function rankPositions(nodes: readonly LayoutNodeInput[], { layerOf, layerCount }: Layered, rankGap: number): { at: Float64Array; depth: number } {
  const deepest = new Float64Array(layerCount).fill(-rankGap); // a layer of dummies only takes no room
  for (let i = 0; i < nodes.length; i++) deepest[layerOf[i]!] = Math.max(deepest[layerOf[i]!]!, nodes[i]!.width);
  const at = new Float64Array(layerCount);
  let depth = -rankGap;
  for (let l = 0; l < layerCount; l++) {
    depth += rankGap;
    at[l] = depth + deepest[l]! / 2;
    depth += deepest[l]!;
  }
  return { at, depth };
}

/** Order along each layer: d3-dag's layers as its graph iterates them, its depth-first order, then the sweeps. */
function orderLayers({ graph, layerOf, layerCount }: Layered, sweeps: number): number[][] {
  const layers: number[][] = Array.from({ length: layerCount }, () => []);
  for (const node of graph.nodeOrder()) layers[layerOf[node]!]!.push(node);
  depthFirstLayers(layers, graph.parents, graph.children, layerOf);
  sweepLayers(layers, graph.parents, graph.children, sweeps);
  return layers;
}

/** Positions along the layers: a node's size there is its height, a dummy's nothing; d3-dag's separations. */
function alongLayers(nodes: readonly LayoutNodeInput[], { graph }: Layered, layers: number[][], nodeGap: number): { x: Float64Array; breadth: number } {
  const count = graph.children.length;
  const size = new Float64Array(count);
  const dummy = new Array<boolean>(count);
  for (let node = 0; node < count; node++) {
    dummy[node] = node >= nodes.length;
    size[node] = dummy[node] ? 0 : nodes[node]!.height;
  }
  const gaps: number[][] = [];
  const rightMargins: number[] = [];
  for (const layer of layers) {
    if (layer.length === 0) {
      gaps.push([]);
      rightMargins.push(0);
      continue;
    }
    const between: number[] = [size[layer[0]!]! / 2];
    for (let i = 1; i < layer.length; i++) between.push((size[layer[i - 1]!]! + size[layer[i]!]!) / 2 + nodeGap);
    gaps.push(between);
    rightMargins.push(size[layer[layer.length - 1]!]! / 2);
  }
  const flat = { layers, gaps, rightMargins, parents: graph.parents, children: graph.children, dummy, x: new Float64Array(count) };
  const breadth = straightenedCoords(flat);
  return { x: flat.x, breadth };
}

/** Each edge's route: its source, its dummies, its target (d3-dag's points for the link). */
function routes(edgesOf: readonly LayoutEdge[][], targets: Adjacency['children'], chains: Layered['chains'], point: (node: number) => Point): Block['edges'] {
  const edges: Block['edges'] = [];
  for (let from = 0; from < edgesOf.length; from++) {
    const list = edgesOf[from]!;
    for (let k = 0; k < list.length; k++) {
      const chain = chains[from]![k]!;
      const points = [point(from)];
      for (let i = 0; i < chain.length; i++) points.push(point(chain[i]!));
      points.push(point(targets[from]![k]!));
      edges.push({ edge: list[k]!, points });
    }
  }
  return edges;
}

/** A connected part of more than a few hundred nodes, laid out left to right (see the file comment). */
export function layeredFlat(part: Part, spacing: Spacing, sweeps: number): Omit<Block, 'loops'> {
  const { nodes, graph, edgesOf } = orderedPart(part);
  const ranks = rankLongestPath(graph);
  promoteRanks(graph, ranks);
  const spread = spreadLayers(graph, ranks);
  const layered = withDummies(graph, spread.layer, spread.count);
  const { at, depth } = rankPositions(nodes, layered, spacing.rankGap);
  const { x, breadth } = alongLayers(nodes, layered, orderLayers(layered, sweeps), spacing.nodeGap);
  // d3-dag lays out top to bottom: its x (along a layer) is our y, its y (the rank) our x.
  const point = (node: number): Point => ({ x: at[layered.layerOf[node]!]!, y: x[node]! });
  const placed: PlacedNode[] = [];
  for (let i = 0; i < nodes.length; i++) {
    const { id, width, height } = nodes[i]!;
    placed.push({ id, width, height, x: at[layered.layerOf[i]!]!, y: x[i]! });
  }
  return { width: depth, height: breadth, nodes: placed, edges: routes(edgesOf, graph.children, layered.chains, point) };
}
