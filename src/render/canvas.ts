// The dependency graph as a JSON Canvas 1.0 document (the `.canvas` files Obsidian's Canvas opens):
// a file node per component pointing at its note, placed by the graph view's own layered layout,
// coloured by stage; an edge per dependency; a legend row of stage swatches above. Pure (no DOM):
// the CLI (`graph --format canvas`) and the Obsidian command share it.
import { fnv1a } from '../core/hash';
import type { GraphEdge, GraphModel, GraphNode, StageDefinition } from '../core/index';
import { layoutGraph, type PlacedNode } from './graph/layout';

export type CanvasSide = 'top' | 'right' | 'bottom' | 'left';

export interface CanvasFileNode {
  id: string;
  type: 'file';
  file: string;
  x: number;
  y: number;
  width: number;
  height: number;
  color?: string;
}

export interface CanvasTextNode {
  id: string;
  type: 'text';
  text: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface CanvasGroupNode {
  id: string;
  type: 'group';
  label: string;
  x: number;
  y: number;
  width: number;
  height: number;
  color?: string;
}

export interface CanvasEdge {
  id: string;
  fromNode: string;
  fromSide: CanvasSide;
  toNode: string;
  toSide: CanvasSide;
  toEnd: 'arrow';
  color?: string;
  label?: string;
}

export interface JsonCanvas {
  nodes: Array<CanvasFileNode | CanvasTextNode | CanvasGroupNode>;
  edges: CanvasEdge[];
}

/** The legend's sentence; the Obsidian command also recognises its own canvas by it. */
export const CANVAS_LEGEND_TEXT = 'Maturity Map dependencies: each card is a component note, coloured by its stage; arrows point to what it depends on.';

/** A file node's size: room for the note's title and its first lines in Obsidian's preview. */
export const CANVAS_NODE = { width: 400, height: 240 } as const;
/** Extra room around each node, so the layout's gaps suit canvas cards rather than graph chips. */
const PAD = { x: 120, y: 40 } as const;
const LEGEND = { width: 220, height: 60, gap: 20, above: 100 } as const;

export interface CanvasOptions {
  /** The pipeline, for stage colours and the legend. */
  stages: readonly StageDefinition[];
  /** A node's note as a path from the vault root (default: its id). */
  filePath?(id: string): string;
}

/**
 * A canvas colour: the stage's colour when it is hex (`#rgb` widened, alpha dropped), else one of
 * the six presets by the stage's place in the pipeline (orange first, green last, cyan between).
 */
export function canvasColor(stages: readonly StageDefinition[], stage: string | null): string | undefined {
  const index = stages.findIndex((s) => s.id === stage);
  if (index < 0) return undefined;
  const colour = stages[index]!.color.trim().toLowerCase();
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])[0-9a-f]?$/.exec(colour);
  if (short) return `#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}`;
  const long = /^#([0-9a-f]{6})(?:[0-9a-f]{2})?$/.exec(colour);
  if (long) return `#${long[1]}`;
  return index === 0 ? '2' : index === stages.length - 1 ? '4' : '5';
}

/** 16 hex digits from `key`, unique within `taken` (Obsidian's own ids look the same). */
function stableId(key: string, taken: Set<string>): string {
  const base = `${fnv1a(key).toString(16).padStart(8, '0')}${fnv1a(key, 0x01000193).toString(16).padStart(8, '0')}`;
  let id = base;
  for (let n = 1; taken.has(id); n++) id = `${base.slice(0, 12)}${n.toString(16).padStart(4, '0')}`;
  taken.add(id);
  return id;
}

/** Which sides an edge leaves and enters by: across the ranks, or up/down within one. */
function sides(from: PlacedNode, to: PlacedNode): { fromSide: CanvasSide; toSide: CanvasSide } {
  if (from === to) return { fromSide: 'right', toSide: 'top' };
  const dx = to.x - from.x;
  if (Math.abs(dx) > from.width / 2) return dx > 0 ? { fromSide: 'right', toSide: 'left' } : { fromSide: 'left', toSide: 'right' };
  return to.y >= from.y ? { fromSide: 'bottom', toSide: 'top' } : { fromSide: 'top', toSide: 'bottom' };
}

function edgeStyle(edge: GraphEdge): Pick<CanvasEdge, 'color' | 'label'> {
  if (edge.cycle) return { color: '1', label: 'cycle' };
  if (edge.inversion) return { color: '2', label: 'stage inversion' };
  return edge.optional ? { label: 'optional' } : {};
}

function fileNode(node: GraphNode, placed: PlacedNode, id: string, options: CanvasOptions): CanvasFileNode {
  const out: CanvasFileNode = {
    id,
    type: 'file',
    file: options.filePath ? options.filePath(node.id) : node.id,
    x: Math.round(placed.x - CANVAS_NODE.width / 2),
    y: Math.round(placed.y - CANVAS_NODE.height / 2),
    width: CANVAS_NODE.width,
    height: CANVAS_NODE.height,
  };
  const color = canvasColor(options.stages, node.stage);
  if (color) out.color = color;
  return out;
}

/** One swatch per stage present (and "No stage"), and a line on how to read the arrows, above the graph. */
function legend(model: GraphModel, options: CanvasOptions, taken: Set<string>): JsonCanvas['nodes'] {
  const present = new Set(model.nodes.map((n) => n.stage));
  const swatches: Array<{ label: string; color: string | undefined }> = options.stages.filter((s) => present.has(s.id)).map((s) => ({ label: s.name, color: canvasColor(options.stages, s.id) }));
  if (present.has(null)) swatches.push({ label: 'No stage', color: undefined });
  const y = -LEGEND.above - LEGEND.height;
  const nodes: JsonCanvas['nodes'] = swatches.map((s, i) => {
    const group: CanvasGroupNode = { id: stableId(`legend:${s.label}`, taken), type: 'group', label: s.label, x: i * (LEGEND.width + LEGEND.gap), y, width: LEGEND.width, height: LEGEND.height };
    if (s.color) group.color = s.color;
    return group;
  });
  const x = swatches.length * (LEGEND.width + LEGEND.gap);
  nodes.push({ id: stableId('legend:text', taken), type: 'text', text: CANVAS_LEGEND_TEXT, x, y, width: 2 * LEGEND.width + LEGEND.gap, height: LEGEND.height });
  return nodes;
}

export function toCanvas(model: GraphModel, options: CanvasOptions): JsonCanvas {
  const layout = layoutGraph(
    model.nodes.map((n) => ({ id: n.id, width: CANVAS_NODE.width + PAD.x, height: CANVAS_NODE.height + PAD.y })),
    model.edges,
  );
  const taken = new Set<string>();
  const ids = new Map(model.nodes.map((n) => [n.id, stableId(`note:${n.id}`, taken)]));
  const cards = model.nodes.map((n) => fileNode(n, layout.nodes.get(n.id)!, ids.get(n.id)!, options));
  const edges: CanvasEdge[] = model.edges.map((e) => ({
    id: stableId(`edge:${e.from}\u0000${e.to}`, taken),
    fromNode: ids.get(e.from)!,
    toNode: ids.get(e.to)!,
    ...sides(layout.nodes.get(e.from)!, layout.nodes.get(e.to)!),
    toEnd: 'arrow',
    ...edgeStyle(e),
  }));
  return { nodes: model.nodes.length > 0 ? [...legend(model, options, taken), ...cards] : [], edges };
}

export function canvasJSON(canvas: JsonCanvas): string {
  return `${JSON.stringify(canvas, null, '\t')}\n`;
}
