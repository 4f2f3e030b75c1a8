// A node of the graph as SVG: a group holding its box, its two lines of text and its title, drawn
// at its place in the drawing's own coordinates.
import type { ExternalNode, GraphNode } from '../../core/index';
import type { ViewContext } from '../context';
import { s } from '../dom';
import { stageInfo } from '../stage';
import { describeExternal, externalStatus, shortName, statusLine } from './node-text';

type Place = { x: number; y: number; width: number; height: number };

/**
 * A node's box around its centre, in the drawing's coordinates: no `transform` on the node. Chromium
 * leaves out of its paint what is off screen only for SVG elements without a transform: with one
 * on each node a 2,000-component drawing's paint took ~95 ms of CPU at its first view, most of it
 * unseen, and ~1 ms without; fitted whole ~120 against ~30 (benchmarks.md, session 24).
 */
function box(place: Place): Place {
  const round = (n: number) => Math.round(n * 10) / 10;
  return { x: round(place.x - place.width / 2), y: round(place.y - place.height / 2), width: place.width, height: place.height };
}

/** A component: a box in its stage's colour with glyph and name, and its status line. */
export function componentNode(ctx: ViewContext, node: GraphNode, place: Place, label: string, named: boolean): SVGGElement {
  const doc = ctx.document;
  const info = stageInfo(ctx, node.stage);
  const status = statusLine(node);
  const { x, y, width, height } = box(place);
  return s(doc, 'g', {
    cls: `mm-node mm-node-rank-${Math.max(-1, Math.min(info.rank, 4))}${node.stage === null ? ' mm-stage-unknown' : ''}${node.blocked ? ' mm-node-blocked' : ''}${node.cycle >= 0 ? ' mm-node-cycle' : ''}`,
    attrs: {
      'data-mm-id': node.id,
      'data-mm-stage': info.id ?? 'unknown',
      tabindex: 0,
      role: 'button',
      'aria-label': label,
    },
    vars: info.color ? { '--mm-stage-color': info.color } : undefined,
    children: [
      named ? s(doc, 'title', { text: `${node.name} — ${status}${node.cycle >= 0 ? ' (part of a dependency cycle)' : ''}` }) : null,
      s(doc, 'rect', { cls: 'mm-node-box', attrs: { x, y, width, height, rx: 8, ry: 8 } }),
      ...(named ? nodeLines(doc, `${info.glyph} ${shortName(node.name)}`, status, x, y) : []),
    ],
  });
}

/** A node's two lines of text, its name and its status, kept two words apart in its text content (its visible label). */
function nodeLines(doc: Document, name: string, status: string, x: number, y: number): Node[] {
  const at = (n: number) => Math.round(n * 10) / 10;
  return [s(doc, 'text', { cls: 'mm-node-name', text: name, attrs: { x: at(x + 10), y: at(y + 18) } }), doc.createTextNode(' '), s(doc, 'text', { cls: 'mm-node-status', text: status, attrs: { x: at(x + 10), y: at(y + 34) } })];
}

/** A grey, dashed box for a dependency outside the vault: its name and how many components use it. */
export function externalNode(doc: Document, node: ExternalNode, place: Place, nodes: Map<string, SVGGElement>, named: boolean): SVGGElement {
  const { x, y, width, height } = box(place);
  const status = externalStatus(node);
  const g = s(doc, 'g', {
    cls: 'mm-xnode',
    attrs: {
      'data-mm-external': node.id,
      tabindex: 0,
      role: 'button',
      'aria-label': describeExternal(node),
    },
    children: [
      named ? s(doc, 'title', { text: `${node.name} — ${status}` }) : null,
      s(doc, 'rect', { cls: 'mm-node-box', attrs: { x, y, width, height, rx: 8, ry: 8 } }),
      ...(named ? nodeLines(doc, `⬚ ${shortName(node.name)}`, status, x, y) : []),
    ],
  });
  nodes.set(node.id, g);
  return g;
}

/** The centre of a node drawn by this module, read back from its box. */
export function nodeCentre(el: SVGGElement): { x: number; y: number } | null {
  const rect = el.querySelector('.mm-node-box');
  const [x, y, width, height] = ['x', 'y', 'width', 'height'].map((name) => Number(rect?.getAttribute(name)));
  return rect && [x, y, width, height].every(Number.isFinite) ? { x: x! + width! / 2, y: y! + height! / 2 } : null;
}
