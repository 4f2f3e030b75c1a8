// A query graph's drawing as several pieces: Logseq sanitises and injects each piece in a task of
// its own, and SVG is the costliest markup it parses (50 nodes in one piece held the harness's
// host 32–64 ms: benchmarks.md, sessions 16–17). The first piece is the drawing as drawn (its
// status line, the arrows' markers, the first edges); each later one an <svg> of its own with the
// same viewBox, holding more edges, then the nodes, laid over the first by the styles (styles.ts),
// so the nodes stay above every edge and answer clicks through the layers above them. The later
// layers are injected into a holder inside the first piece: they go when it is written again.
// Each later layer is laid out apart (slots.ts): the host styles and lays out each in a task of
// its own, so the rendering that shows them paints what came since the last frame and styles at
// most one layer, where it styled the dozens injected meanwhile.
import { declareCalls } from './markup';
import type { SlotPiece } from './slot-types';

/**
 * What a layer holds at most, counted in SVG elements (what the host parses and Chromium styles):
 * 18 named nodes (a group, a title, a box and two texts each) or 45 edges with their titles, as
 * the earlier weights allowed; of a large graph's unnamed boxes and lines (graph-labels.ts), 45
 * nodes or 90 edges, so it is drawn in 2.3× fewer host writes.
 */
export const LAYER_ELEMENTS = 90;

/** Edges, then nodes, in the drawing's order, split into layers of at most LAYER_ELEMENTS elements. */
function layersOf(svg: Element): Element[][] {
  const edges = [...(svg.querySelector(':scope > .mm-graph-edges')?.children ?? [])];
  const nodes = [...(svg.querySelector(':scope > .mm-graph-nodes')?.children ?? [])];
  const layers: Element[][] = [[]];
  let weight = 0;
  for (const el of [...edges, ...nodes]) {
    const w = 1 + el.getElementsByTagName('*').length;
    if (weight + w > LAYER_ELEMENTS && layers.at(-1)!.length > 0) {
      layers.push([]);
      weight = 0;
    }
    layers.at(-1)!.push(el);
    weight += w;
  }
  return layers;
}

/** An <svg> like `svg` (its viewBox, its class) with its two groups, holding `items`; no label of its own: the first layer's names the graph. */
function layerSvg(svg: Element, items: readonly Element[]): Element {
  const layer = svg.cloneNode(false) as Element;
  for (const name of ['aria-label', 'tabindex', 'focusable']) layer.removeAttribute(name);
  layer.setAttribute('role', 'none');
  const edges = svg.querySelector(':scope > .mm-graph-edges')!.cloneNode(false) as Element;
  const nodes = svg.querySelector(':scope > .mm-graph-nodes')!.cloneNode(false) as Element;
  for (const item of items) (item.parentElement?.classList.contains('mm-graph-nodes') ? nodes : edges).appendChild(item);
  layer.append(edges, nodes);
  return layer;
}

/**
 * The drawing in `content` (moved out of the canvas, its first piece, known by the key `within`)
 * split into layers: the first keeps what is not in a later one; each later layer is a piece,
 * wrapped in a box of class `cls` (the focus's dimming travels with it), injected into a holder
 * (id `holder`) that the first piece itself holds. So a new drawing's first piece, written over the
 * old one's, takes the old layers away in the same host task: a focus change never shows one
 * drawing's layers over another's (the old layers, in the canvas beside it, stayed until each was
 * written again, one host task apiece).
 */
export function drawingLayers(content: Element, holder: string, within: string, cls: string, serialise: (el: Element) => string): SlotPiece[] {
  const svg = content.querySelector(':scope > svg.mm-graph-svg');
  if (!svg || !svg.querySelector(':scope > .mm-graph-edges') || !svg.querySelector(':scope > .mm-graph-nodes')) return [];
  const later = layersOf(svg).slice(1);
  // How many layers the drawing has: what a reader of the slot (the tests, the bench) waits for.
  content.setAttribute('data-mm-layers', String(later.length + 1));
  if (later.length === 0) return [];
  const box = content.ownerDocument.createElement('div');
  box.setAttribute('class', 'mm-graph-layers');
  box.id = holder;
  content.appendChild(box);
  // Moved out before any piece is serialised: the first piece keeps only its own layer.
  const boxes = later.map((items) => {
    const layer = content.ownerDocument.createElement('div');
    layer.setAttribute('class', `${cls} mm-graph-layer`);
    layer.appendChild(layerSvg(svg, items));
    return layer;
  });
  const markup = (layer: Element) => (roots: number) => {
    declareCalls(layer, roots);
    return serialise(layer);
  };
  return boxes.map((layer, k) => ({ key: `layer-${k + 1}`, container: holder, within, laidOutApart: true, markup: markup(layer) }));
}
