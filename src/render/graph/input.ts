// Pointer and keyboard input on a drawn graph: nodes open, focus and highlight; the SVG pans and
// zooms from the keyboard.
import { nodeCentre } from './node-shapes';
import type { GraphActions, GraphState } from './state';

function wireHighlight(state: GraphState, actions: GraphActions, id: string, el: SVGGElement): void {
  el.addEventListener('mouseenter', () => actions.highlight(id));
  el.addEventListener('mouseleave', () => actions.highlight(state.selectedId));
  el.addEventListener('blur', () => actions.highlight(state.selectedId));
}

/** A component: hover or focus highlights, click or Enter selects and opens, F focuses on it. */
export function wireNode(state: GraphState, actions: GraphActions, id: string, el: SVGGElement): void {
  wireHighlight(state, actions, id, el);
  el.addEventListener('focus', () => {
    actions.highlight(id);
    const place = nodeCentre(el);
    if (place && state.panzoom && !state.panzoom.isVisible(place, 40)) state.panzoom.centerOn(place);
  });
  el.addEventListener('click', (event) => {
    actions.select(id);
    state.ctx.onOpen(id, event);
  });
  el.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      actions.select(id);
      state.ctx.onOpen(id, event);
    } else if (event.key === 'f' || event.key === 'F') {
      event.preventDefault();
      actions.focus(id, state.hops);
    }
  });
  const onHover = state.ctx.onHover;
  if (onHover) el.addEventListener('mouseover', (event) => onHover(id, event, el as unknown as HTMLElement));
}

/** An external dependency has no note: hover or Enter shows which components use it. */
export function wireExternal(state: GraphState, actions: GraphActions, id: string, el: SVGGElement): void {
  wireHighlight(state, actions, id, el);
  el.addEventListener('focus', () => actions.highlight(id));
  const toggle = () => actions.select(state.selectedId === id ? null : id);
  el.addEventListener('click', toggle);
  el.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    event.preventDefault();
    toggle();
  });
}

/** Plus and minus zoom, arrows pan, 0 fits, Escape clears the selection, then the focus. */
export function graphKeys(state: GraphState, actions: GraphActions): (event: KeyboardEvent) => void {
  return (event) => {
    const panzoom = state.panzoom;
    if (!panzoom || event.ctrlKey || event.metaKey || event.altKey) return;
    const step = 60 / (panzoom.pixelsPerUnit() ?? 1);
    const keyActions: Record<string, () => void> = {
      '+': () => panzoom.zoomBy(1.25),
      '=': () => panzoom.zoomBy(1.25),
      '-': () => panzoom.zoomBy(0.8),
      '0': () => panzoom.fit(),
      ArrowLeft: () => panzoom.panBy(-step, 0),
      ArrowRight: () => panzoom.panBy(step, 0),
      ArrowUp: () => panzoom.panBy(0, -step),
      ArrowDown: () => panzoom.panBy(0, step),
      Escape: () => (state.selectedId || !state.focusId ? actions.select(null) : actions.focus(null)),
    };
    const action = keyActions[event.key];
    if (!action) return;
    event.preventDefault();
    state.touched = true;
    action();
  };
}
