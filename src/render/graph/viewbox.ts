// The SVG viewBox as plain data and the moves on it (fit, zoom around a point, pan). The browser
// maps the viewBox onto the element, so nothing here needs the element attached except measuring.
import type { Point } from './layout-types';

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface ViewBox {
  readonly svg: SVGSVGElement;
  content: { width: number; height: number };
  box: Box;
  /** The box width at "fit": zoom levels are relative to it. */
  fitWidth: number;
  onChange?(level: number): void;
}

/** Room around the content in the fitted viewBox (content units). */
export const PAD = 24;
const MIN_WIDTH = 80;

export function createViewBox(svg: SVGSVGElement, width: number, height: number, onChange?: (level: number) => void): ViewBox {
  return { svg, content: { width, height }, box: { x: 0, y: 0, w: width, h: height }, fitWidth: width, onChange };
}

/** The element's size on screen, or null while it has none (detached or hidden). */
export function screenRect(view: ViewBox): DOMRect | null {
  const r = view.svg.getBoundingClientRect();
  return r.width > 0 && r.height > 0 ? r : null;
}

export function applyBox(view: ViewBox): void {
  const { box } = view;
  view.svg.setAttribute('viewBox', `${round(box.x)} ${round(box.y)} ${round(box.w)} ${round(box.h)}`);
  view.onChange?.(view.fitWidth / box.w);
}

/** Screen pixels → content units, honouring preserveAspectRatio="xMidYMid meet". */
export function toContent(view: ViewBox, clientX: number, clientY: number): Point | null {
  const r = screenRect(view);
  if (!r) return null;
  const { box } = view;
  const scale = Math.max(box.w / r.width, box.h / r.height);
  const offsetX = (r.width - box.w / scale) / 2;
  const offsetY = (r.height - box.h / scale) / 2;
  return { x: box.x + (clientX - r.left - offsetX) * scale, y: box.y + (clientY - r.top - offsetY) * scale };
}

export function unitsPerPixel(view: ViewBox): number {
  const r = screenRect(view);
  return r ? Math.max(view.box.w / r.width, view.box.h / r.height) : 1;
}

export function fitBox(view: ViewBox): void {
  const w = view.content.width + PAD * 2;
  const h = view.content.height + PAD * 2;
  const r = screenRect(view);
  const aspect = r ? r.width / r.height : w / h;
  // Match the element's aspect so the viewBox is exactly what is visible.
  view.box = w / h > aspect ? { x: -PAD, y: -PAD - (w / aspect - h) / 2, w, h: w / aspect } : { x: -PAD - (h * aspect - w) / 2, y: -PAD, w: h * aspect, h };
  view.fitWidth = view.box.w;
  applyBox(view);
}

/** Fit, unless that makes the content smaller than `minPixelsPerUnit`: then its top-left corner. */
export function resetBox(view: ViewBox, minPixelsPerUnit: number): void {
  fitBox(view);
  const r = screenRect(view);
  if (!r || r.width / view.box.w >= minPixelsPerUnit) return;
  view.box = { x: -PAD, y: -PAD, w: r.width / minPixelsPerUnit, h: r.height / minPixelsPerUnit };
  applyBox(view);
}

export function zoomBox(view: ViewBox, factor: number, center?: Point): void {
  const { box } = view;
  const nextW = Math.min(view.fitWidth * 2, Math.max(MIN_WIDTH, box.w / factor));
  const k = nextW / box.w;
  const c = center ?? { x: box.x + box.w / 2, y: box.y + box.h / 2 };
  view.box = { x: c.x - (c.x - box.x) * k, y: c.y - (c.y - box.y) * k, w: nextW, h: box.h * k };
  applyBox(view);
}

export function panBox(view: ViewBox, dx: number, dy: number): void {
  view.box = { ...view.box, x: view.box.x + dx, y: view.box.y + dy };
  applyBox(view);
}

export function centerBox(view: ViewBox, p: Point): void {
  view.box = { ...view.box, x: p.x - view.box.w / 2, y: p.y - view.box.h / 2 };
  applyBox(view);
}

export function boxContains(box: Box, p: Point, margin = 0): boolean {
  return p.x >= box.x + margin && p.x <= box.x + box.w - margin && p.y >= box.y + margin && p.y <= box.y + box.h - margin;
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
