// Drawing a laid-out graph model as SVG: nodes coloured by stage with a glyph and the stage's name
// (colour is never the only signal), edges dependent → dependency, cycles dashed and inversions
// dotted, each with a <title> that says what it is.
import type { GraphEdge, GraphModel, GraphNode } from '../../core/index';
import type { ViewContext } from '../context';
import { s, uniqueId } from '../dom';
import { edgeKey, type LayoutNodeInput, type LayoutResult, type Point } from './layout-types';
import { componentNode, externalNode } from './node-shapes';
import { describeNode, externalWidth, NODE_HEIGHT, nodeWidth } from './node-text';

export { describeExternal, describeNode, externalStatus, externalWidth, NODE_HEIGHT, nodeWidth } from './node-text';
export { nodeCentre } from './node-shapes';

/** The layout's boxes: components, then the external dependencies (empty when hidden). */
export function layoutInputs(model: GraphModel): LayoutNodeInput[] {
  return [...model.nodes.map((n) => ({ id: n.id, width: nodeWidth(n), height: NODE_HEIGHT })), ...model.externals.map((n) => ({ id: n.id, width: externalWidth(n), height: NODE_HEIGHT }))];
}

/** Every edge the layout routes: between components, and to external dependencies. */
export function layoutEdges(model: GraphModel): Array<{ from: string; to: string }> {
  return [...model.edges, ...model.externalEdges];
}

/** Smooth path through the layout's control points. */
export function edgePath(points: readonly Point[]): string {
  if (points.length === 0) return '';
  const f = (n: number) => Math.round(n * 10) / 10;
  let d = `M${f(points[0]!.x)},${f(points[0]!.y)}`;
  if (points.length === 2) return `${d} L${f(points[1]!.x)},${f(points[1]!.y)}`;
  for (let i = 1; i < points.length - 1; i++) {
    const p = points[i]!;
    const next = points[i + 1]!;
    const end = i === points.length - 2 ? next : { x: (p.x + next.x) / 2, y: (p.y + next.y) / 2 };
    d += ` Q${f(p.x)},${f(p.y)} ${f(end.x)},${f(end.y)}`;
  }
  return d;
}

export function edgeTitle(edge: GraphEdge, names: Map<string, GraphNode>): string {
  const from = names.get(edge.from);
  const to = names.get(edge.to);
  const base = `${from?.name ?? edge.from} depends on ${to?.name ?? edge.to}${edge.optional ? ' (optional)' : ''}`;
  const notes: string[] = [];
  if (edge.cycle) notes.push(edge.from === edge.to ? 'depends on itself' : 'part of a dependency cycle');
  if (edge.inversion) notes.push(`stage inversion: ${from?.stageName ?? '?'} depends on ${to?.stageName ?? '?'}`);
  return notes.length > 0 ? `${base} — ${notes.join('; ')}` : base;
}

export interface DrawnGraph {
  svg: SVGSVGElement;
  nodes: Map<string, SVGGElement>;
  /** Edge elements by `from\u0000to`. */
  edges: Map<string, SVGPathElement>;
}

function marker(doc: Document, id: string, cls: string): SVGMarkerElement {
  return s(doc, 'marker', {
    cls,
    attrs: { id, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse', markerUnits: 'userSpaceOnUse' },
    children: [s(doc, 'path', { attrs: { d: 'M0,0 L10,5 L0,10 z' } })],
  });
}

type ArrowIds = Record<'normal' | 'cycle' | 'inversion' | 'external', string>;

/**
 * Which nodes a drawing names: each of those its box with its name, status line and title, and an
 * edge between two of them its arrow and title; any other node its box alone (its group keeps its
 * accessible name), an edge its line alone. A drawing whose names cannot be read (a Logseq slot's
 * 2,000 components, a box under a pixel tall) then costs the host's style and layout a box a node
 * (GraphOptions.labels). Default: all.
 */
export type Labelled = (id: string) => boolean;
const EVERY_LABEL: Labelled = () => true;

/**
 * A drawing under way: the SVG and its two layers are there from the start; `step` adds up to
 * `most` more nodes and edges (nodes first, so what can be pointed at shows first) and returns the
 * nodes it added. A view draws a large graph a few hundred elements a task (view.ts).
 */
export interface GraphDrawing {
  readonly drawn: DrawnGraph;
  /** Nodes and edges in all. */
  readonly total: number;
  /** Drawn so far. */
  done(): number;
  /** `spent` is asked after each element: true ends the step early (a time budget). */
  step(most: number, spent?: () => boolean): Array<[string, SVGGElement]>;
}

/** Draw every node and edge now (one task): the canvas export's and the tests' way. */
export function drawGraph(model: GraphModel, layout: LayoutResult, ctx: ViewContext, label: string): DrawnGraph {
  const drawing = startDrawing(model, layout, ctx, label);
  drawing.step(Infinity);
  return drawing.drawn;
}

type DrawItem = () => [string, SVGGElement] | null;

/** The arrow markers' ids: `scope`'s when given (GraphOptions.markerScope), else numbered. */
function arrowIds(scope: string | undefined): ArrowIds {
  const id = (prefix: string) => (scope === undefined ? uniqueId(prefix) : `${prefix}-${scope}`);
  return { normal: id('mm-arrow'), cycle: id('mm-arrow-cycle'), inversion: id('mm-arrow-inversion'), external: id('mm-arrow-external') };
}

export function startDrawing(model: GraphModel, layout: LayoutResult, ctx: ViewContext, label: string, labelled: Labelled = EVERY_LABEL, markerScope?: string): GraphDrawing {
  const doc = ctx.document;
  const ids = arrowIds(markerScope);
  const svg = s(doc, 'svg', {
    cls: 'mm-graph-svg',
    attrs: { role: 'group', 'aria-label': label, tabindex: 0, focusable: 'true' },
    children: [s(doc, 'defs', { children: [marker(doc, ids.normal, 'mm-marker'), marker(doc, ids.cycle, 'mm-marker mm-marker-cycle'), marker(doc, ids.inversion, 'mm-marker mm-marker-inversion'), marker(doc, ids.external, 'mm-marker mm-marker-external')] })],
  });
  const edgeLayer = s(doc, 'g', { cls: 'mm-graph-edges' });
  const nodeLayer = s(doc, 'g', { cls: 'mm-graph-nodes' });
  svg.append(edgeLayer, nodeLayer);
  const drawn: DrawnGraph = { svg, nodes: new Map(), edges: new Map() };
  const items = [...nodeItems(ctx, model, layout, drawn, nodeLayer, labelled), ...edgeItems(doc, model, layout, ids, drawn, edgeLayer, labelled)];
  let next = 0;
  return {
    drawn,
    total: items.length,
    done: () => next,
    step(most, spent) {
      const added: Array<[string, SVGGElement]> = [];
      for (const end = Math.min(items.length, next + most); next < end; ) {
        const node = items[next++]!();
        if (node) added.push(node);
        if (spent?.()) break;
      }
      return added;
    },
  };
}

/** A step per component and per external dependency, each adding its node to the layer. */
function nodeItems(ctx: ViewContext, model: GraphModel, layout: LayoutResult, drawn: DrawnGraph, layer: SVGGElement, labelled: Labelled): DrawItem[] {
  const { outCount, inCount } = degrees(model);
  const items: DrawItem[] = model.nodes.map((node) => () => {
    const place = layout.nodes.get(node.id);
    if (!place) return null;
    const g = componentNode(ctx, node, place, describeNode(node, outCount.get(node.id) ?? 0, inCount.get(node.id) ?? 0), labelled(node.id));
    drawn.nodes.set(node.id, g);
    layer.appendChild(g);
    return [node.id, g];
  });
  for (const node of model.externals) {
    items.push(() => {
      const place = layout.nodes.get(node.id);
      if (!place) return null;
      const g = externalNode(ctx.document, node, place, drawn.nodes, labelled(node.id));
      layer.appendChild(g);
      return [node.id, g];
    });
  }
  return items;
}

/** A step per routed edge: a path with its arrow and a title, keyed by edgeKey. */
function edgeItems(doc: Document, model: GraphModel, layout: LayoutResult, ids: ArrowIds, drawn: DrawnGraph, layer: SVGGElement, labelled: Labelled): DrawItem[] {
  const byId = new Map(model.nodes.map((n) => [n.id, n]));
  const externalById = new Map(model.externals.map((n) => [n.id, n]));
  const add = (from: string, to: string, cls: string, arrow: string, title: () => string): DrawItem => () => {
    const points = layout.edges.get(edgeKey(from, to));
    if (!points) return null;
    // Between two unnamed boxes a line alone: its arrow and title would be a pixel or less.
    const full = labelled(from) && labelled(to);
    const path = s(doc, 'path', {
      cls,
      attrs: { d: edgePath(points), ...(full ? { 'marker-end': `url(#${arrow})` } : {}), 'data-from': from, 'data-to': to },
      children: full ? [s(doc, 'title', { text: title() })] : [],
    });
    drawn.edges.set(edgeKey(from, to), path);
    layer.appendChild(path);
    return null;
  };
  const items = model.edges.map((edge) => {
    const kind = edge.cycle ? 'cycle' : edge.inversion ? 'inversion' : 'normal';
    const cls = `mm-edge${edge.cycle ? ' mm-edge-cycle' : ''}${edge.inversion ? ' mm-edge-inversion' : ''}${edge.optional ? ' mm-edge-optional' : ''}`;
    return add(edge.from, edge.to, cls, ids[kind], () => edgeTitle(edge, byId));
  });
  for (const edge of model.externalEdges) {
    const title = () => `${byId.get(edge.from)?.name ?? edge.from} depends on ${externalById.get(edge.to)?.name ?? edge.to} (external${edge.optional ? ', optional' : ''})`;
    items.push(add(edge.from, edge.to, 'mm-xedge', ids.external, title));
  }
  return items;
}

/** How many edges leave and enter each node (externals included), for the nodes' labels. */
function degrees(model: GraphModel): { outCount: Map<string, number>; inCount: Map<string, number> } {
  const outCount = new Map<string, number>();
  const inCount = new Map<string, number>();
  for (const e of [...model.edges, ...model.externalEdges]) {
    outCount.set(e.from, (outCount.get(e.from) ?? 0) + 1);
    inCount.set(e.to, (inCount.get(e.to) ?? 0) + 1);
  }
  return { outCount, inCount };
}
