// Layered layout of the dependency graph with dagre: dependents on the left, their dependencies
// to the right. Pure (no DOM), so it can be measured and swapped on its own.
import dagre from '@dagrejs/dagre';

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

/** Above this many nodes dagre's network-simplex ranking costs seconds to minutes (1,000 nodes: ~3 min); longest-path stays near a second. */
const LARGE_GRAPH = 150;
/** Above this many, dagre's crossing-minimisation sweeps dominate (2,000 nodes: 11 s → 3 s without). */
const HUGE_GRAPH = 400;

export function layoutGraph(nodes: readonly LayoutNodeInput[], edges: ReadonlyArray<{ from: string; to: string }>): LayoutResult {
  const g = new dagre.graphlib.Graph();
  const large = nodes.length > LARGE_GRAPH;
  g.setGraph({ rankdir: 'LR', nodesep: 14, ranksep: large ? 60 : 80, edgesep: 8, marginx: 16, marginy: 16, ranker: large ? 'longest-path' : 'network-simplex' });
  g.setDefaultEdgeLabel(() => ({}));
  for (const n of nodes) g.setNode(n.id, { width: n.width, height: n.height });
  for (const e of edges) if (g.hasNode(e.from) && g.hasNode(e.to)) g.setEdge(e.from, e.to);
  dagre.layout(g, nodes.length > HUGE_GRAPH ? { disableOptimalOrderHeuristic: true } : {});

  const placed = new Map<string, PlacedNode>();
  for (const n of nodes) {
    const label = g.node(n.id);
    placed.set(n.id, { ...n, x: label.x ?? 0, y: label.y ?? 0 });
  }
  const routes = new Map<string, Point[]>();
  for (const e of edges) {
    const label = g.hasEdge(e.from, e.to) ? g.edge(e.from, e.to) : undefined;
    if (label?.points) routes.set(edgeKey(e.from, e.to), label.points.map((p: Point) => ({ x: p.x, y: p.y })));
  }
  const graph = g.graph();
  return { width: Math.max(1, graph.width ?? 1), height: Math.max(1, graph.height ?? 1), nodes: placed, edges: routes };
}
