// Pan and zoom by moving the SVG viewBox: mouse drag, touch drag and pinch (Pointer Events), the
// wheel, and calls for buttons and keys. No inline styles and no transform bookkeeping: the
// browser maps the viewBox onto the element, so it works the same detached, in Obsidian and on
// mobile. (d3-zoom would add ~54 KB to the Obsidian bundle; @panzoom/panzoom writes inline styles
// and needs the element attached when it starts.)
import { attachGestures } from './gestures';
import type { Point } from './layout-types';
import { boxContains, centerBox, createViewBox, fitBox, panBox, resetBox, screenRect, unitsPerPixel, zoomBox } from './viewbox';

export interface PanZoomOptions {
  /** `always`: the wheel zooms; `modifier`: only with Ctrl/⌘ (so notes still scroll). */
  wheel?: 'always' | 'modifier';
  /** Called after every change with the zoom level (1 = the whole graph fits). */
  onChange?(level: number): void;
}

export interface PanZoom {
  /** Show the whole content. */
  fit(): void;
  /**
   * The starting view: the whole content when it is readable at that size, else its top-left
   * corner at `minPixelsPerUnit` (a 600-node graph fitted whole is a smear of 3 px boxes).
   */
  reset(minPixelsPerUnit: number): void;
  /** Zoom in by `factor` (> 1 in, < 1 out) around `center` in content units (default: the view's centre). */
  zoomBy(factor: number, center?: Point): void;
  /** Move the view by content units. */
  panBy(dx: number, dy: number): void;
  /** Centre the view on a content point without zooming. */
  centerOn(point: Point): void;
  /** True when the point lies inside the visible area (with a margin). */
  isVisible(point: Point, margin?: number): boolean;
  level(): number;
  /** Screen pixels per content unit, or null while the element has no size (detached). */
  pixelsPerUnit(): number | null;
  setContentSize(width: number, height: number): void;
  destroy(): void;
}

export function attachPanZoom(svg: SVGSVGElement, width: number, height: number, options: PanZoomOptions = {}): PanZoom {
  const view = createViewBox(svg, width, height, options.onChange);
  const detach = attachGestures(view, options.wheel ?? 'always');
  svg.setAttribute('preserveAspectRatio', 'xMidYMid meet');
  fitBox(view);
  return {
    fit: () => fitBox(view),
    reset: (minPixelsPerUnit) => resetBox(view, minPixelsPerUnit),
    zoomBy: (factor, center) => zoomBox(view, factor, center),
    panBy: (dx, dy) => panBox(view, dx, dy),
    centerOn: (p) => centerBox(view, p),
    isVisible: (p, margin = 0) => boxContains(view.box, p, margin),
    level: () => view.fitWidth / view.box.w,
    pixelsPerUnit: () => (screenRect(view) ? 1 / unitsPerPixel(view) : null),
    setContentSize: (w, h) => {
      view.content = { width: w, height: h };
      fitBox(view);
    },
    destroy: detach,
  };
}
