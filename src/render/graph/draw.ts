// Drawing a laid-out graph model as SVG: nodes coloured by stage with a glyph and the stage's name
// (colour is never the only signal), edges dependent → dependency, cycles dashed and inversions
// dotted, each with a <title> that says what it is.
import type { ExternalNode, GraphEdge, GraphModel, GraphNode } from '../../core/index';
import type { ViewContext } from '../context';
import { s, uniqueId } from '../dom';
import { stageInfo } from '../stage';
import { edgeKey, type LayoutNodeInput, type LayoutResult, type Point } from './layout-types';

export const NODE_HEIGHT = 44;
const MAX_NAME = 28;

/** Width from the text it holds (13px bold name with its glyph, 11px status line); no DOM measuring. */
export function nodeWidth(node: GraphNode): number {
  const name = (Math.min(node.name.length, MAX_NAME) + 2) * 8.2;
  const status = statusLine(node).length * 6.6;
  return Math.round(Math.min(290, Math.max(130, name + 24, status + 24)));
}

/** An external node's width: its name and "external · used by N". */
export function externalWidth(node: ExternalNode): number {
  const name = (Math.min(node.name.length, MAX_NAME) + 2) * 8.2;
  const status = externalStatus(node).length * 6.6;
  return Math.round(Math.min(290, Math.max(110, name + 24, status + 24)));
}

export function externalStatus(node: ExternalNode): string {
  return `external · used by ${node.usedBy.length}`;
}

/** The layout's boxes: components, then the external dependencies (empty when hidden). */
export function layoutInputs(model: GraphModel): LayoutNodeInput[] {
  return [...model.nodes.map((n) => ({ id: n.id, width: nodeWidth(n), height: NODE_HEIGHT })), ...model.externals.map((n) => ({ id: n.id, width: externalWidth(n), height: NODE_HEIGHT }))];
}

/** Every edge the layout routes: between components, and to external dependencies. */
export function layoutEdges(model: GraphModel): Array<{ from: string; to: string }> {
  return [...model.edges, ...model.externalEdges];
}

function shortName(name: string): string {
  return name.length > MAX_NAME ? `${name.slice(0, MAX_NAME - 1)}…` : name;
}

/** The status line's marks after the stage name: a glyph and the words it stands for. */
function nodeStatus(node: GraphNode): Array<{ glyph: string; words: string }> {
  const parts: Array<{ glyph: string; words: string }> = [];
  if (node.blocked) parts.push({ glyph: '⊘', words: 'blocked' });
  if (node.stale) parts.push({ glyph: '◷', words: 'stale' });
  if (node.errors > 0) parts.push({ glyph: '✖', words: `${node.errors} ${node.errors === 1 ? 'error' : 'errors'}` });
  if (node.cycle >= 0) parts.push({ glyph: '↻', words: 'cycle' });
  return parts;
}

function statusLine(node: GraphNode): string {
  return [node.stageName, ...nodeStatus(node).map((p) => `${p.glyph} ${p.words}`)].join(' · ');
}

/**
 * A node's accessible name: its visible words in their order (WCAG 2.5.3, "label in name"), then
 * what the box does not show: its edge counts and, when the name is cut short, the full name.
 */
export function describeNode(node: GraphNode, dependsOn: number, usedBy: number): string {
  const shown = shortName(node.name);
  const parts = [shown, node.stageName, ...nodeStatus(node).map((p) => p.words), `depends on ${dependsOn}`, `used by ${usedBy}`];
  if (shown !== node.name) parts.push(`full name ${node.name}`);
  return parts.join(', ');
}

/** An external node's accessible name: its visible words first (WCAG 2.5.3), then what they mean. */
export function describeExternal(node: ExternalNode): string {
  const shown = shortName(node.name);
  const full = shown !== node.name ? `, full name ${node.name}` : '';
  return `${shown}, external, used by ${node.usedBy.length}${full}; a dependency outside the vault`;
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

/** A component: a box in its stage's colour with glyph and name, and its status line. */
function componentNode(ctx: ViewContext, node: GraphNode, place: { x: number; y: number; width: number; height: number }, label: string, named: boolean): SVGGElement {
  const doc = ctx.document;
  const info = stageInfo(ctx, node.stage);
  const status = statusLine(node);
  const x = -place.width / 2;
  const y = -place.height / 2;
  return s(doc, 'g', {
    cls: `mm-node mm-node-rank-${Math.max(-1, Math.min(info.rank, 4))}${node.stage === null ? ' mm-stage-unknown' : ''}${node.blocked ? ' mm-node-blocked' : ''}${node.cycle >= 0 ? ' mm-node-cycle' : ''}`,
    attrs: {
      'data-mm-id': node.id,
      'data-mm-stage': info.id ?? 'unknown',
      transform: `translate(${Math.round(place.x * 10) / 10},${Math.round(place.y * 10) / 10})`,
      tabindex: 0,
      role: 'button',
      'aria-label': label,
    },
    vars: info.color ? { '--mm-stage-color': info.color } : undefined,
    children: [
      named ? s(doc, 'title', { text: `${node.name} — ${status}${node.cycle >= 0 ? ' (part of a dependency cycle)' : ''}` }) : null,
      s(doc, 'rect', { cls: 'mm-node-box', attrs: { x, y, width: place.width, height: place.height, rx: 8, ry: 8 } }),
      ...(named ? nodeLines(doc, `${info.glyph} ${shortName(node.name)}`, status, x, y) : []),
    ],
  });
}

/** A node's two lines of text, its name and its status, kept two words apart in its text content (its visible label). */
function nodeLines(doc: Document, name: string, status: string, x: number, y: number): Node[] {
  return [s(doc, 'text', { cls: 'mm-node-name', text: name, attrs: { x: x + 10, y: y + 18 } }), doc.createTextNode(' '), s(doc, 'text', { cls: 'mm-node-status', text: status, attrs: { x: x + 10, y: y + 34 } })];
}

/** A grey, dashed box for a dependency outside the vault: its name and how many components use it. */
function externalNode(doc: Document, node: ExternalNode, place: { x: number; y: number; width: number; height: number }, nodes: Map<string, SVGGElement>, named: boolean): SVGGElement {
  const x = -place.width / 2;
  const y = -place.height / 2;
  const status = externalStatus(node);
  const g = s(doc, 'g', {
    cls: 'mm-xnode',
    attrs: {
      'data-mm-external': node.id,
      transform: `translate(${Math.round(place.x * 10) / 10},${Math.round(place.y * 10) / 10})`,
      tabindex: 0,
      role: 'button',
      'aria-label': describeExternal(node),
    },
    children: [
      named ? s(doc, 'title', { text: `${node.name} — ${status}` }) : null,
      s(doc, 'rect', { cls: 'mm-node-box', attrs: { x, y, width: place.width, height: place.height, rx: 8, ry: 8 } }),
      ...(named ? nodeLines(doc, `⬚ ${shortName(node.name)}`, status, x, y) : []),
    ],
  });
  nodes.set(node.id, g);
  return g;
}
