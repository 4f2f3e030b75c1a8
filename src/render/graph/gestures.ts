// Mouse drag, touch drag and pinch (Pointer Events) and the wheel, moving a ViewBox.
import { panBox, toContent, unitsPerPixel, zoomBox, type ViewBox } from './viewbox';

const DRAG_THRESHOLD = 4;

interface Gesture {
  readonly view: ViewBox;
  readonly pointers: Map<number, { x: number; y: number }>;
  /** The current press moved past the threshold: its click is not a click. */
  dragged: boolean;
  pinchDistance: number;
}

function pinchSpan(g: Gesture): number {
  const [a, b] = [...g.pointers.values()];
  return a && b ? Math.hypot(a.x - b.x, a.y - b.y) : 0;
}

function onPointerDown(g: Gesture, event: PointerEvent): void {
  if (event.pointerType === 'mouse' && event.button !== 0) return;
  g.pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
  if (g.pointers.size === 1) g.dragged = false;
  if (g.pointers.size === 2) g.pinchDistance = pinchSpan(g);
}

function pinch(g: Gesture, event: PointerEvent): void {
  g.pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
  const d = pinchSpan(g);
  const [a, b] = [...g.pointers.values()];
  const mid = a && b ? toContent(g.view, (a.x + b.x) / 2, (a.y + b.y) / 2) : null;
  if (g.pinchDistance > 0 && d > 0) zoomBox(g.view, d / g.pinchDistance, mid ?? undefined);
  g.pinchDistance = d;
  g.dragged = true;
}

function onPointerMove(g: Gesture, event: PointerEvent): void {
  const last = g.pointers.get(event.pointerId);
  if (!last) return;
  if (g.pointers.size === 2) return pinch(g, event);
  const dx = event.clientX - last.x;
  const dy = event.clientY - last.y;
  if (!g.dragged && Math.hypot(dx, dy) < DRAG_THRESHOLD) return;
  if (!g.dragged) {
    g.dragged = true;
    // Capture only once it is a drag: capturing on pointerdown would steal clicks from nodes.
    g.view.svg.setPointerCapture?.(event.pointerId);
    g.view.svg.classList.add('mm-panning');
  }
  g.pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
  const scale = unitsPerPixel(g.view);
  panBox(g.view, -dx * scale, -dy * scale);
}

function onPointerUp(g: Gesture, event: PointerEvent): void {
  g.pointers.delete(event.pointerId);
  if (g.pointers.size < 2) g.pinchDistance = 0;
  if (g.pointers.size === 0) g.view.svg.classList.remove('mm-panning');
}

/** A drag ends in a click on whatever is under the pointer; swallow it. */
function onClickCapture(g: Gesture, event: MouseEvent): void {
  if (!g.dragged) return;
  g.dragged = false;
  event.stopPropagation();
  event.preventDefault();
}

function onWheel(view: ViewBox, wheel: 'always' | 'modifier', event: WheelEvent): void {
  if (wheel === 'modifier' && !event.ctrlKey && !event.metaKey) return;
  event.preventDefault();
  const unit = event.deltaMode === 1 ? 16 : event.deltaMode === 2 ? 400 : 1;
  zoomBox(view, Math.exp((-event.deltaY * unit) / 500), toContent(view, event.clientX, event.clientY) ?? undefined);
}

/** Listen on the view's SVG; returns the function that stops listening. */
export function attachGestures(view: ViewBox, wheel: 'always' | 'modifier'): () => void {
  const g: Gesture = { view, pointers: new Map(), dragged: false, pinchDistance: 0 };
  const svg = view.svg;
  const down = (e: PointerEvent) => onPointerDown(g, e);
  const move = (e: PointerEvent) => onPointerMove(g, e);
  const up = (e: PointerEvent) => onPointerUp(g, e);
  const click = (e: MouseEvent) => onClickCapture(g, e);
  const zoom = (e: WheelEvent) => onWheel(view, wheel, e);
  svg.addEventListener('pointerdown', down);
  svg.addEventListener('pointermove', move);
  svg.addEventListener('pointerup', up);
  svg.addEventListener('pointercancel', up);
  svg.addEventListener('click', click, true);
  svg.addEventListener('wheel', zoom, { passive: false });
  return () => {
    svg.removeEventListener('pointerdown', down);
    svg.removeEventListener('pointermove', move);
    svg.removeEventListener('pointerup', up);
    svg.removeEventListener('pointercancel', up);
    svg.removeEventListener('click', click, true);
    svg.removeEventListener('wheel', zoom);
  };
}
