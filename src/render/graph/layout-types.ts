// What a graph layout takes and gives, and the key of an edge's route: plain data, no d3-dag. The
// views draw and highlight through these; the standalone page's graph script holds them without
// the layout itself, which is in the page's layout block (render/dashboard/layout-block-entry.ts).

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

export interface LayoutOptions {
  /** Width ÷ height of the space the graph is shown in (default 16/9): the parts are packed to suit it. */
  aspect?: number;
}

export function edgeKey(from: string, to: string): string {
  return `${from}\u0000${to}`;
}
