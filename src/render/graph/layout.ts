// Layered (Sugiyama) layout of the dependency graph with d3-dag: dependents on the left, their
// dependencies to the right. Each connected group is laid out on its own (above 500 nodes without
// d3-dag's driver, the same phases on flat lists: layered-flat.ts) and the groups are packed
// together, components with no edges in a grid beside them (pack.ts). Pure (no DOM): the canvas
// export and the benchmark call `layoutGraph` directly.
import {
  aggMean,
  coordSimplex,
  decrossDfs,
  graph,
  layeringSimplex,
  sugiyama,
  twolayerAgg,
  twolayerGreedy,
  type Decross,
  type GraphNode,
  type MutGraphNode,
  type SugiNode,
} from 'd3-dag';
import { coordStraightened } from './coord';
import { layeredFlat, type Block, type LayoutEdge, type Part } from './layered-flat';
import { edgeKey, type LayoutNodeInput, type LayoutOptions, type LayoutResult, type PlacedNode, type Point } from './layout-types';
import { packLayout, type Offset } from './pack';

export { edgeKey, type LayoutNodeInput, type LayoutOptions, type LayoutResult, type PlacedNode, type Point } from './layout-types';

/**
 * Network-simplex layering (shortest edges) costs ~50 ms at 500 nodes, 0.4 s at 1,000 and 2.5 s
 * at 2,000; above, longest path with promotion (layering.ts) stays linear.
 */
const SIMPLEX_LAYERING_MAX = 500;
/** Simplex coordinates (straight long edges) solve a linear program: ~0.1 s at 150 nodes, seconds at 500; coord.ts stays linear. */
const SIMPLEX_COORD_MAX = 150;
/**
 * Barycentre sweeps, alternating down and up. Crossings between adjacent layers in a
 * 2,000-component generated vault (the largest part): 8 sweeps 344k, 4 sweeps 363k (d3-dag's
 * two-layer operator: 345k and 369k). Above 1,000 nodes four sweeps.
 */
const SWEEPS = 8;
const SWEEPS_LARGE = 4;
const SWEEPS_LARGE_ABOVE = 1000;

/** Parts laid out by each pipeline since the module loaded: tests count them (work, not time). */
export const layoutWork = { driverParts: 0, flatParts: 0 };

const GAP_BETWEEN_NODES = 14;
const GAP_BETWEEN_RANKS = 60;
const MARGIN = 16;
/** Room for a self-loop drawn off a node's right side. */
const LOOP_ROOM = 24;

/**
 * Crossing reduction for parts up to the simplex limit: d3-dag's depth-first initial order, then
 * its greedy two-layer operator over barycentres swept down and up. This is `decrossTwoLayer`
 * without its bookkeeping of the best order so far, which counts crossings over every pair of
 * nodes in a layer: quadratic, seconds once a layer holds a few hundred nodes. Larger parts use
 * the flat sweeps of decross.ts.
 */
function greedyDecross(sweeps: number): Decross<LayoutNodeInput, LayoutEdge> {
  const initial = decrossDfs();
  const order = twolayerGreedy().base(twolayerAgg().aggregator(aggMean));
  return (layers: SugiNode<LayoutNodeInput, LayoutEdge>[][]) => {
    initial(layers);
    for (let sweep = 0; sweep < sweeps; sweep++) {
      if (sweep % 2 === 0) for (let i = 0; i + 1 < layers.length; i++) order(layers[i]!, layers[i + 1]!, true);
      else for (let i = layers.length - 1; i > 0; i--) order(layers[i - 1]!, layers[i]!, false);
    }
  };
}

/**
 * Where a route from a node's centre towards `next` leaves the node's box through its left or
 * right side (ranks run left to right), so the arrowhead is not hidden under the node.
 */
function leaveBox(node: PlacedNode, next: Point): Point {
  const half = node.width / 2;
  const dx = next.x - node.x;
  if (Math.abs(dx) <= half) return { x: node.x, y: node.y };
  const y = node.y + ((next.y - node.y) * half) / Math.abs(dx);
  return { x: node.x + Math.sign(dx) * half, y: Math.min(Math.max(y, node.y - node.height / 2), node.y + node.height / 2) };
}

/** A component that depends on itself: a small loop off its right side, back into its top. */
function selfLoop(node: PlacedNode): Point[] {
  const right = node.x + node.width / 2;
  const top = node.y - node.height / 2;
  return [
    { x: right, y: node.y - node.height / 4 },
    { x: right + 18, y: top - 14 },
    { x: node.x + node.width / 4, y: top },
  ];
}

/** Connected groups of nodes (edges either way), in the order of their first node; a node alone is a part of one. */
function splitParts(nodes: readonly LayoutNodeInput[], edges: readonly LayoutEdge[]): Part[] {
  const index = new Map<string, number>();
  const unique: LayoutNodeInput[] = [];
  for (const n of nodes) {
    if (index.has(n.id)) continue;
    index.set(n.id, unique.length);
    unique.push(n);
  }
  const parent = unique.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  const linked = new Set<string>();
  const kept: Array<[number, LayoutEdge]> = [];
  for (const e of edges) {
    const a = index.get(e.from);
    const b = index.get(e.to);
    if (a === undefined || b === undefined || linked.has(edgeKey(e.from, e.to))) continue;
    linked.add(edgeKey(e.from, e.to));
    kept.push([a, e]);
    parent[find(a)] = find(b);
  }
  const partOf = new Map<number, Part>();
  const parts: Part[] = [];
  unique.forEach((n, i) => {
    const root = find(i);
    let part = partOf.get(root);
    if (!part) {
      part = { nodes: [], edges: [], loops: [] };
      partOf.set(root, part);
      parts.push(part);
    }
    part.nodes.push(n);
  });
  for (const [a, e] of kept) {
    const part = partOf.get(find(a))!;
    // d3-dag has no self-loops; they are drawn after the layout.
    if (e.from === e.to) part.loops.push(e);
    else part.edges.push(e);
  }
  return parts;
}

/** One connected part, left to right: d3-dag's Sugiyama driver up to the simplex limit, above it the same phases on flat lists (layered-flat.ts). */
function layered(part: Part): Block {
  const count = part.nodes.length;
  // A loop off the last rank reaches past the part's right edge.
  const loopRoom = part.loops.length > 0 ? LOOP_ROOM : 0;
  if (count > SIMPLEX_LAYERING_MAX) {
    layoutWork.flatParts++;
    const block = layeredFlat(part, { nodeGap: GAP_BETWEEN_NODES, rankGap: GAP_BETWEEN_RANKS }, count > SWEEPS_LARGE_ABOVE ? SWEEPS_LARGE : SWEEPS);
    return { ...block, width: block.width + loopRoom, loops: part.loops };
  }
  layoutWork.driverParts++;
  const dag = graph<LayoutNodeInput, LayoutEdge>();
  const byId = new Map<string, MutGraphNode<LayoutNodeInput, LayoutEdge>>();
  for (const n of part.nodes) byId.set(n.id, dag.node(n));
  for (const e of part.edges) dag.link(byId.get(e.from)!, byId.get(e.to)!, e);
  // d3-dag lays out top to bottom: a node's size along its layer is our height, and x and y are
  // swapped below (the same as its tweakDirection('LR'), done while the points are copied anyway).
  const size = (node: GraphNode<LayoutNodeInput, LayoutEdge>): [number, number] => [node.data.height, node.data.width];
  const { width, height } = sugiyama()
    .nodeSize(size)
    .gap([GAP_BETWEEN_NODES, GAP_BETWEEN_RANKS])
    .layering(layeringSimplex())
    .decross(greedyDecross(SWEEPS))
    .coord(count > SIMPLEX_COORD_MAX ? coordStraightened() : coordSimplex())(dag);
  const nodes: PlacedNode[] = [];
  for (const node of dag.nodes()) nodes.push({ ...node.data, x: node.y, y: node.x });
  const edges: Block['edges'] = [];
  for (const link of dag.links()) edges.push({ edge: link.data, points: link.points.map(([x, y]) => ({ x: y, y: x })) });
  return { width: height + loopRoom, height: width, nodes, edges, loops: part.loops };
}

/** A component with no edges to others, alone in its grid cell (left-aligned). */
function lone(part: Part): Block {
  const node = part.nodes[0]!;
  return { width: node.width + (part.loops.length > 0 ? LOOP_ROOM : 0), height: node.height, nodes: [{ ...node, x: node.width / 2, y: node.height / 2 }], edges: [], loops: part.loops };
}

function place(block: Block, offset: Offset, placed: Map<string, PlacedNode>, routes: Map<string, Point[]>): void {
  const dx = offset.x + MARGIN;
  const dy = offset.y + MARGIN;
  for (const n of block.nodes) placed.set(n.id, { ...n, x: n.x + dx, y: n.y + dy });
  for (const { edge, points } of block.edges) {
    // Centre to centre, through the dummy nodes of a long edge; cut at the two boxes' sides.
    const route = points.map((p) => ({ x: p.x + dx, y: p.y + dy }));
    route[0] = leaveBox(placed.get(edge.from)!, route[1]!);
    route[route.length - 1] = leaveBox(placed.get(edge.to)!, route[route.length - 2]!);
    routes.set(edgeKey(edge.from, edge.to), route);
  }
  for (const e of block.loops) routes.set(edgeKey(e.from, e.to), selfLoop(placed.get(e.from)!));
}

export function layoutGraph(nodes: readonly LayoutNodeInput[], edges: readonly LayoutEdge[], options: LayoutOptions = {}): LayoutResult {
  const parts = splitParts(nodes, edges);
  const groups = parts.filter((p) => p.nodes.length > 1).map(layered);
  const singles = parts.filter((p) => p.nodes.length === 1).map(lone);
  const cell = { width: Math.max(0, ...singles.map((b) => b.width)), height: Math.max(0, ...singles.map((b) => b.height)) };
  const aspect = options.aspect !== undefined && Number.isFinite(options.aspect) && options.aspect > 0 ? options.aspect : 16 / 9;
  const packing = packLayout(groups, singles.length, cell, aspect);
  const placed = new Map<string, PlacedNode>();
  const routes = new Map<string, Point[]>();
  groups.forEach((block, i) => place(block, packing.blocks[i]!, placed, routes));
  singles.forEach((block, i) => place(block, packing.cells[i]!, placed, routes));
  return { width: Math.max(1, packing.width + 2 * MARGIN), height: Math.max(1, packing.height + 2 * MARGIN), nodes: placed, edges: routes };
}
