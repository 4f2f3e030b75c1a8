// The interactive dependency graph: toolbar (focus, hops, zoom), legend, and the SVG. Hover or
// keyboard focus highlights a node's transitive dependencies and dependents; click selects and
// opens; focus mode shows one component and its neighbours N hops away.
import type { ViewContext } from '../context';
import { h } from '../dom';
import type { Labelled } from './draw';
import { highlight, select } from './highlight';
import type { InThreadLayout } from './layout-request';
import type { LayoutResult } from './layout-types';
import { DRAW_SLICE, drawView, resetView, type DrawOptions } from './redraw';
import { DEFAULT_HOPS, FOCUS_MENU_AT_ONCE, MAX_GRAPH_COMPONENTS } from './limits';
import { graphScope, type GraphScope } from './scope';
import { emptyModel, nameOf, type GraphActions, type GraphState } from './state';
import { createControls, focusMenu, renderLegend, renderToolbar, type GraphControls } from './toolbar';

export { renderLegend } from './toolbar';
export { FOCUS_MENU_AT_ONCE, MAX_GRAPH_COMPONENTS } from './limits';

export interface GraphOptions {
  /** The components to draw (default: all). Focus mode stays within them. */
  ids?: readonly string[];
  /** Start focused on this component. */
  focus?: string;
  /** Hops around the focused component (default 2). */
  hops?: number;
  /** See PanZoomOptions.wheel; default `always`. Use `modifier` inside scrolling notes. */
  wheel?: 'always' | 'modifier';
  /** Show the toolbar and legend (default true). */
  toolbar?: boolean;
  /** Draw the external dependencies, one grey node per name (default true; the toolbar toggles it). */
  externals?: boolean;
  /** Components laid out at most (default MAX_GRAPH_COMPONENTS); above, a notice says how to narrow them. */
  maxComponents?: number;
  /**
   * Components the focus menu names as the view opens (default FOCUS_MENU_AT_ONCE); above, it is
   * filled when the reader opens it. Markup serialised without listeners (Logseq's slots) passes
   * Infinity: nothing would fill it later.
   */
  focusMenuAtOnce?: number;
  /**
   * Nodes and edges drawn in the layout's task without a time budget (default DRAW_SLICE); a
   * larger drawing comes a slice a task. A host whose DOM is slow to build (the Logseq plugin's
   * frame, whose drawing is then serialised) passes 0: every drawing in 8 ms slices.
   */
  drawAtOnce?: number;
  /**
   * Which nodes each drawing names, asked once its layout is known (draw.ts Labelled); default
   * all. A host that cannot show names at the drawing's size (Logseq's slot above a few hundred
   * components, whose whole graph fits its canvas at a few pixels a box) names fewer.
   */
  labels?: (layout: LayoutResult) => Labelled;
  /**
   * The arrow markers' ids end with this, unique in the document (default: a counter). A host that
   * serialises the drawing (Logseq's slot) names them after the view, so the same drawing gives the
   * same markup each time and is not written again.
   */
  markerScope?: string;
}

export interface GraphView {
  element: HTMLElement;
  /** Show only `id` and its neighbours within `hops`; null shows everything again. */
  focus(id: string | null, hops?: number): void;
  /** Highlight a component's closure (null clears). Does not open anything. */
  highlight(id: string | null): void;
  /** Select a component: a sticky highlight that hover returns to. */
  select(id: string | null): void;
  selected(): string | null;
  /** Read the context again (after the index changed) and redraw. */
  refresh(): void;
  /** What a draw now would show, for the focus and hops the reader chose (scope.ts). */
  scope(): GraphScope;
  /**
   * Resolves once the latest draw is on screen: its layout back (from the host's worker) and every
   * node and edge drawn. A graph laid out and drawn in one task is ready at once.
   */
  ready(): Promise<void>;
  fit(): void;
  destroy(): void;
}

function createState(ctx: ViewContext, options: GraphOptions): GraphState {
  const doc = ctx.document;
  return {
    ctx,
    root: h(doc, 'div', { cls: 'mm mm-graph' }),
    canvas: h(doc, 'div', { cls: 'mm-graph-canvas' }),
    status: h(doc, 'span', { cls: 'mm-graph-status', attrs: { 'aria-live': 'polite' } }),
    model: emptyModel(),
    drawn: null,
    panzoom: null,
    forward: new Map(),
    backward: new Map(),
    lit: [],
    focusId: options.focus ?? null,
    hops: options.hops ?? DEFAULT_HOPS,
    selectedId: null,
    showExternals: options.externals ?? true,
    touched: false,
    generation: 0,
    abort: null,
    work: null,
    destroyed: false,
  };
}

function wireControls(state: GraphState, controls: GraphControls, actions: GraphActions, redraw: () => void): void {
  controls.focusSelect.addEventListener('change', () => actions.focus(controls.focusSelect.value || null));
  controls.externalToggle.addEventListener('change', () => {
    state.showExternals = controls.externalToggle.checked;
    state.touched = false;
    redraw();
  });
  controls.hopsInput.addEventListener('change', () => {
    const value = Number(controls.hopsInput.value);
    if (Number.isFinite(value) && value >= 1) actions.focus(state.focusId, Math.min(9, value));
  });
}

/** Fit once the element gets a size (it is built detached), unless the user already moved it. */
function observeSize(state: GraphState): ResizeObserver | null {
  const RO = (state.ctx.document.defaultView as (Window & { ResizeObserver?: typeof ResizeObserver }) | null)?.ResizeObserver;
  if (!RO) return null;
  const observer = new RO(() => resetView(state));
  observer.observe(state.canvas);
  return observer;
}

/** Wait out the view's work, and the work of any draw asked for meanwhile. */
async function settled(state: GraphState): Promise<void> {
  for (let work = state.work; work; work = state.work) await work;
}

/**
 * The graph view, laying out in this thread with `layoutInThread` when the context has no layouter
 * or it rejects. The plugins call it through `renderGraph` (render.ts: d3-dag in this thread); the
 * standalone page's graph script with its layout block run on the main thread (the page's one copy
 * of d3-dag, dashboard/graph-script.ts).
 */
export function graphView(ctx: ViewContext, options: GraphOptions, layoutInThread: InThreadLayout): GraphView {
  const state = createState(ctx, options);
  const controls = createControls(ctx.document, state.hops, state.showExternals);
  const baseIds = () => options.ids ?? ctx.ids();
  const drawOptions: DrawOptions = { wheel: options.wheel ?? 'always', maxComponents: options.maxComponents ?? MAX_GRAPH_COMPONENTS, drawAtOnce: options.drawAtOnce ?? DRAW_SLICE, layoutInThread, ...(options.labels ? { labels: options.labels } : {}), ...(options.markerScope !== undefined ? { markerScope: options.markerScope } : {}) };
  const redraw = () => {
    drawView(state, drawOptions, actions, baseIds());
    controls.focusSelect.value = state.focusId ?? '';
  };
  const actions: GraphActions = {
    highlight: (id) => highlight(state, id),
    select: (id) => select(state, id),
    focus: (id, nextHops) => {
      state.focusId = id && ctx.nameOf(id) !== undefined ? id : null;
      if (nextHops !== undefined && nextHops >= 1) {
        state.hops = Math.floor(nextHops);
        controls.hopsInput.value = String(state.hops);
      }
      redraw();
      if (state.focusId) select(state, state.focusId);
    },
  };
  wireControls(state, controls, actions, redraw);
  if (options.toolbar !== false) {
    state.root.appendChild(renderToolbar(ctx.document, controls, { zoomBy: (f) => state.panzoom?.zoomBy(f), fit: () => state.panzoom?.fit() }));
    state.root.appendChild(renderLegend(ctx));
  }
  state.root.appendChild(state.canvas);
  const fillFocus = focusMenu(ctx.document, controls.focusSelect, { ids: baseIds, name: (id) => nameOf(state, id), focused: () => state.focusId }, Math.min(options.focusMenuAtOnce ?? FOCUS_MENU_AT_ONCE, drawOptions.maxComponents));
  fillFocus();
  redraw();
  if (state.focusId) select(state, state.focusId);
  const resize = observeSize(state);
  return {
    element: state.root,
    focus: actions.focus,
    highlight: actions.highlight,
    select: actions.select,
    selected: () => state.selectedId,
    refresh: () => {
      fillFocus();
      redraw();
    },
    scope: () => graphScope(ctx, baseIds(), { focus: state.focusId, hops: state.hops, maxComponents: drawOptions.maxComponents }),
    ready: () => settled(state),
    fit: () => state.panzoom?.fit(),
    destroy: () => {
      state.destroyed = true;
      state.abort?.abort();
      resize?.disconnect();
      state.panzoom?.destroy();
      state.root.remove();
    },
  };
}
