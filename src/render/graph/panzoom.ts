// Pan and zoom by moving the SVG viewBox: mouse drag, touch drag and pinch (Pointer Events), the
// wheel, and calls for buttons and keys. No inline styles and no transform bookkeeping: the
// browser maps the viewBox onto the element, so it works the same detached, in Obsidian and on
// mobile. (d3-zoom would add ~54 KB to the Obsidian bundle; @panzoom/panzoom writes inline styles
// and needs the element attached when it starts.)
import type { Point } from './layout';

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

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

const DRAG_THRESHOLD = 4;

export function attachPanZoom(svg: SVGSVGElement, width: number, height: number, options: PanZoomOptions = {}): PanZoom {
  let content = { width, height };
  let box: Box = { x: 0, y: 0, w: width, h: height };
  let fitWidth = width;
  const pointers = new Map<number, { x: number; y: number }>();
  let dragged = false;
  let pinchDistance = 0;

  const rect = () => {
    const r = svg.getBoundingClientRect();
    return r.width > 0 && r.height > 0 ? r : null;
  };

  const apply = () => {
    svg.setAttribute('viewBox', `${round(box.x)} ${round(box.y)} ${round(box.w)} ${round(box.h)}`);
    options.onChange?.(fitWidth / box.w);
  };

  /** Screen pixels → content units, honouring preserveAspectRatio="xMidYMid meet". */
  const toContent = (clientX: number, clientY: number): Point | null => {
    const r = rect();
    if (!r) return null;
    const scale = Math.max(box.w / r.width, box.h / r.height);
    const offsetX = (r.width - box.w / scale) / 2;
    const offsetY = (r.height - box.h / scale) / 2;
    return { x: box.x + (clientX - r.left - offsetX) * scale, y: box.y + (clientY - r.top - offsetY) * scale };
  };
  const unitsPerPixel = () => {
    const r = rect();
    return r ? Math.max(box.w / r.width, box.h / r.height) : 1;
  };

  const fit = () => {
    const pad = 24;
    const w = content.width + pad * 2;
    const h = content.height + pad * 2;
    const r = rect();
    const aspect = r ? r.width / r.height : w / h;
    // Match the element's aspect so the viewBox is exactly what is visible.
    box = w / h > aspect ? { x: -pad, y: -pad - (w / aspect - h) / 2, w, h: w / aspect } : { x: -pad - (h * aspect - w) / 2, y: -pad, w: h * aspect, h };
    fitWidth = box.w;
    apply();
  };

  const reset = (minPixelsPerUnit: number) => {
    fit();
    const r = rect();
    if (!r || r.width / box.w >= minPixelsPerUnit) return;
    box = { x: -24, y: -24, w: r.width / minPixelsPerUnit, h: r.height / minPixelsPerUnit };
    apply();
  };

  const zoomBy = (factor: number, center?: Point) => {
    const minWidth = 80;
    const maxWidth = fitWidth * 2;
    const nextW = Math.min(maxWidth, Math.max(minWidth, box.w / factor));
    const k = nextW / box.w;
    const c = center ?? { x: box.x + box.w / 2, y: box.y + box.h / 2 };
    box = { x: c.x - (c.x - box.x) * k, y: c.y - (c.y - box.y) * k, w: nextW, h: box.h * k };
    apply();
  };

  const panBy = (dx: number, dy: number) => {
    box = { ...box, x: box.x + dx, y: box.y + dy };
    apply();
  };

  const onPointerDown = (event: PointerEvent) => {
    if (event.pointerType === 'mouse' && event.button !== 0) return;
    pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
    if (pointers.size === 1) dragged = false;
    if (pointers.size === 2) pinchDistance = distance();
  };
  const distance = () => {
    const [a, b] = [...pointers.values()];
    return a && b ? Math.hypot(a.x - b.x, a.y - b.y) : 0;
  };
  const onPointerMove = (event: PointerEvent) => {
    const last = pointers.get(event.pointerId);
    if (!last) return;
    if (pointers.size === 2) {
      pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
      const d = distance();
      const [a, b] = [...pointers.values()];
      const mid = a && b ? toContent((a.x + b.x) / 2, (a.y + b.y) / 2) : null;
      if (pinchDistance > 0 && d > 0) zoomBy(d / pinchDistance, mid ?? undefined);
      pinchDistance = d;
      dragged = true;
      return;
    }
    const dx = event.clientX - last.x;
    const dy = event.clientY - last.y;
    if (!dragged && Math.hypot(dx, dy) < DRAG_THRESHOLD) return;
    if (!dragged) {
      dragged = true;
      // Capture only once it is a drag: capturing on pointerdown would steal clicks from nodes.
      svg.setPointerCapture?.(event.pointerId);
      svg.classList.add('mm-panning');
    }
    pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
    const scale = unitsPerPixel();
    panBy(-dx * scale, -dy * scale);
  };
  const onPointerUp = (event: PointerEvent) => {
    pointers.delete(event.pointerId);
    if (pointers.size < 2) pinchDistance = 0;
    if (pointers.size === 0) svg.classList.remove('mm-panning');
  };
  // A drag ends in a click on whatever is under the pointer; swallow it.
  const onClickCapture = (event: MouseEvent) => {
    if (!dragged) return;
    dragged = false;
    event.stopPropagation();
    event.preventDefault();
  };
  const onWheel = (event: WheelEvent) => {
    if (options.wheel === 'modifier' && !event.ctrlKey && !event.metaKey) return;
    event.preventDefault();
    const unit = event.deltaMode === 1 ? 16 : event.deltaMode === 2 ? 400 : 1;
    zoomBy(Math.exp((-event.deltaY * unit) / 500), toContent(event.clientX, event.clientY) ?? undefined);
  };

  svg.addEventListener('pointerdown', onPointerDown);
  svg.addEventListener('pointermove', onPointerMove);
  svg.addEventListener('pointerup', onPointerUp);
  svg.addEventListener('pointercancel', onPointerUp);
  svg.addEventListener('click', onClickCapture, true);
  svg.addEventListener('wheel', onWheel, { passive: false });
  svg.setAttribute('preserveAspectRatio', 'xMidYMid meet');
  fit();

  return {
    fit,
    reset,
    zoomBy,
    panBy,
    centerOn: (p) => {
      box = { ...box, x: p.x - box.w / 2, y: p.y - box.h / 2 };
      apply();
    },
    isVisible: (p, margin = 0) => p.x >= box.x + margin && p.x <= box.x + box.w - margin && p.y >= box.y + margin && p.y <= box.y + box.h - margin,
    level: () => fitWidth / box.w,
    pixelsPerUnit: () => {
      const r = rect();
      return r ? 1 / Math.max(box.w / r.width, box.h / r.height) : null;
    },
    setContentSize: (w, h) => {
      content = { width: w, height: h };
      fit();
    },
    destroy: () => {
      svg.removeEventListener('pointerdown', onPointerDown);
      svg.removeEventListener('pointermove', onPointerMove);
      svg.removeEventListener('pointerup', onPointerUp);
      svg.removeEventListener('pointercancel', onPointerUp);
      svg.removeEventListener('click', onClickCapture, true);
      svg.removeEventListener('wheel', onWheel);
    },
  };
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
