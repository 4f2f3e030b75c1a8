// Which nodes a query slot's drawing names. A slot shows up to 2,000 components (Show more), and
// its whole graph fits the canvas: at 2,000 a box is under a pixel tall and its two lines of text
// a fifth of one, yet each was styled, shaped and laid out by Logseq's thread (a 583 ms layout in
// one task: benchmarks.md, session 20). Above SLOT_NAMES_UP_TO components a node is named only
// where the slot's zoom makes its name readable, and only within the view; up to it, every node
// is named, as before.
import { EXTERNAL_PREFIX } from '../core/graph-model';
import { GRAPH_VIEW_PAD, type Labelled, type LayoutResult } from '../render/index';

/** Components a slot's drawing names all of, whatever its zoom. */
export const SLOT_NAMES_UP_TO = 300;
/** The largest canvas a slot's drawing is assumed to fill (CSS px): a wide page's block, the canvas's 640 px cap. */
const CANVAS = { width: 1200, height: 640 };
/** Below this scale a 13 px name is under 6 px (the shared view's `mm-graph-far` scale, redraw.ts). */
const READABLE_PIXELS_PER_UNIT = 0.45;

const NONE: Labelled = () => false;

/** The content a slot shows at `zoom` steps of `step` (as query-slot.ts zoomGraph moves the viewBox), on the assumed canvas. */
function visibleBox(layout: LayoutResult, zoom: number, step: number): { x: number; y: number; w: number; h: number; pixelsPerUnit: number } {
  const scale = step ** -zoom;
  const w = (layout.width + GRAPH_VIEW_PAD * 2) * scale;
  const h = (layout.height + GRAPH_VIEW_PAD * 2) * scale;
  const cx = layout.width / 2;
  const cy = layout.height / 2;
  // preserveAspectRatio meet: the canvas shows more than the viewBox along one side.
  const pixelsPerUnit = Math.min(CANVAS.width / w, CANVAS.height / h);
  const vw = CANVAS.width / pixelsPerUnit;
  const vh = CANVAS.height / pixelsPerUnit;
  return { x: cx - vw / 2, y: cy - vh / 2, w: vw, h: vh, pixelsPerUnit };
}

/** The slot's rule for GraphOptions.labels, or undefined (every node named) up to SLOT_NAMES_UP_TO components. */
export function slotLabels(shown: number, zoom: number, step: number): ((layout: LayoutResult) => Labelled) | undefined {
  if (shown <= SLOT_NAMES_UP_TO) return undefined;
  return (layout) => {
    let components = 0;
    for (const id of layout.nodes.keys()) if (!id.startsWith(EXTERNAL_PREFIX)) components++;
    // A focus drew a neighbourhood: named as any small graph.
    if (components <= SLOT_NAMES_UP_TO) return () => true;
    const view = visibleBox(layout, zoom, step);
    if (!(view.pixelsPerUnit >= READABLE_PIXELS_PER_UNIT)) return NONE;
    return (id) => {
      const p = layout.nodes.get(id);
      return p !== undefined && Math.abs(p.x - (view.x + view.w / 2)) <= (view.w + p.width) / 2 && Math.abs(p.y - (view.y + view.h / 2)) <= (view.h + p.height) / 2;
    };
  };
}
