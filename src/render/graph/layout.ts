// Layered (Sugiyama) layout of the dependency graph with d3-dag: dependents on the left, their
// dependencies to the right. Pure (no DOM), so it can be measured and swapped on its own.
import {
  aggMean,
  coordGreedy,
  coordSimplex,
  decrossDfs,
  graph,
  layeringLongestPath,
  layeringSimplex,
  sugiyama,
  twolayerAgg,
  twolayerGreedy,
  type Decross,
  type GraphNode,
  type MutGraphNode,
  type SugiNode,
} from 'd3-dag';

export interface LayoutNodeInput {
  id: string;
  width: number;
  height: number;
}

export interface Point {
  x: number;
  y: number;
}

export interface PlacedNode extends LayoutNodeInput {
  /** Centre of the node. */
  x: number;
  y: number;
}

export interface LayoutResult {
  width: number;
  height: number;
  nodes: Map<string, PlacedNode>;
  /** Route of each edge, keyed `from\u0000to`. */
  edges: Map<string, Point[]>;
}

export function edgeKey(from: string, to: string): string {
  return `${from}\u0000${to}`;
}

type LayoutEdge = { from: string; to: string };

/** Network-simplex layering (shortest edges) costs ~50 ms at 500 nodes, 0.4 s at 1,000 and 2.5 s at 2,000; longest-path stays linear. */
const SIMPLEX_LAYERING_MAX = 500;
/** Simplex coordinates (straight long edges) solve a linear program: ~0.1 s at 150 nodes, seconds at 500; greedy stays linear. */
const SIMPLEX_COORD_MAX = 150;
/**
 * Barycentre sweeps, alternating down and up. Crossings in a 2,000-component generated vault: 8
 * sweeps 304k, 4 sweeps 352k; dagre had 568k without its crossing reduction and 374k with it (2.7 s).
 * Above 1,000 nodes four sweeps keep the layout of 2,000 within ~250 ms.
 */
const SWEEPS = 8;
const SWEEPS_LARGE = 4;
const SWEEPS_LARGE_ABOVE = 1000;

const GAP_BETWEEN_NODES = 14;
const GAP_BETWEEN_RANKS = 60;
const MARGIN = 16;

/**
 * Crossing reduction: d3-dag's depth-first initial order, then its two-layer operators swept down
 * and up. This is `decrossTwoLayer` without its bookkeeping of the best order so far, which counts
 * crossings over every pair of nodes in a layer: quadratic, seconds once a layer holds a few
 * hundred nodes (a 2,000-component vault has layers of ~1,000 with the long edges' dummies).
 */
function sweepDecross(greedy: boolean, sweeps: number): Decross<LayoutNodeInput, LayoutEdge> {
  const initial = decrossDfs();
  const barycentre = twolayerAgg().aggregator(aggMean);
  const order = greedy ? twolayerGreedy().base(barycentre) : barycentre;
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

export function layoutGraph(nodes: readonly LayoutNodeInput[], edges: readonly LayoutEdge[]): LayoutResult {
  const dag = graph<LayoutNodeInput, LayoutEdge>();
  const byId = new Map<string, MutGraphNode<LayoutNodeInput, LayoutEdge>>();
  for (const n of nodes) if (!byId.has(n.id)) byId.set(n.id, dag.node(n));
  const loops: LayoutEdge[] = [];
  const linked = new Set<string>();
  for (const e of edges) {
    const from = byId.get(e.from);
    const to = byId.get(e.to);
    if (!from || !to || linked.has(edgeKey(e.from, e.to))) continue;
    linked.add(edgeKey(e.from, e.to));
    // d3-dag has no self-loops; they are drawn here after the layout.
    if (from === to) loops.push(e);
    else dag.link(from, to, e);
  }

  // d3-dag lays out top to bottom: a node's size along its layer is our height, and x and y are
  // swapped below (the same as its tweakDirection('LR'), done while the points are copied anyway).
  const size = (node: GraphNode<LayoutNodeInput, LayoutEdge>): [number, number] => [node.data.height, node.data.width];
  const count = byId.size;
  const { width, height } = sugiyama()
    .nodeSize(size)
    .gap([GAP_BETWEEN_NODES, GAP_BETWEEN_RANKS])
    .layering(count > SIMPLEX_LAYERING_MAX ? layeringLongestPath() : layeringSimplex())
    .decross(sweepDecross(count <= SIMPLEX_LAYERING_MAX, count > SWEEPS_LARGE_ABOVE ? SWEEPS_LARGE : SWEEPS))
    .coord(count > SIMPLEX_COORD_MAX ? coordGreedy() : coordSimplex())(dag);

  const placed = new Map<string, PlacedNode>();
  for (const node of dag.nodes()) placed.set(node.data.id, { ...node.data, x: node.y + MARGIN, y: node.x + MARGIN });
  const routes = new Map<string, Point[]>();
  for (const link of dag.links()) {
    // Centre to centre, through the dummy nodes of a long edge; cut at the two boxes' sides.
    const route = link.points.map(([x, y]) => ({ x: y + MARGIN, y: x + MARGIN }));
    const from = placed.get(link.data.from)!;
    const to = placed.get(link.data.to)!;
    route[0] = leaveBox(from, route[1]!);
    route[route.length - 1] = leaveBox(to, route[route.length - 2]!);
    routes.set(edgeKey(link.data.from, link.data.to), route);
  }
  for (const e of loops) routes.set(edgeKey(e.from, e.to), selfLoop(placed.get(e.from)!));
  // A loop off the last rank reaches past the layout's right edge.
  const loopRoom = loops.length > 0 ? 24 : 0;
  return { width: Math.max(1, height + 2 * MARGIN + loopRoom), height: Math.max(1, width + 2 * MARGIN), nodes: placed, edges: routes };
}
