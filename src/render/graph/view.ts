// The interactive dependency graph: toolbar (focus, hops, zoom), legend, and the SVG. Hover or
// keyboard focus highlights a node's transitive dependencies and dependents; click selects and
// opens; focus mode shows one component and its neighbours N hops away.
import { invert } from '../../core/graph';
import { buildGraphModel, EXTERNAL_PREFIX, neighbourhood, withoutExternals } from '../../core/graph-model';
import type { ViewContext } from '../context';
import { clear, count as formatCount, h, plural } from '../dom';
import { drawGraph, layoutEdges, layoutInputs } from './draw';
import { highlight, select } from './highlight';
import { graphKeys, wireExternal, wireNode } from './input';
import { layoutGraph } from './layout';
import { attachPanZoom } from './panzoom';
import { emptyModel, nameOf, type GraphActions, type GraphState } from './state';
import { createControls, fillFocusOptions, renderLegend, renderToolbar, type GraphControls } from './toolbar';

export { renderLegend } from './toolbar';

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
  fit(): void;
  destroy(): void;
}

/**
 * Components the graph lays out at most. The layout of 2,000 takes about 280 ms (the renderer
 * bench), and grows faster than the count: 9,000 held Chromium for 78 s. Above this, the reader
 * narrows the list or focuses on one component's neighbourhood.
 */
export const MAX_GRAPH_COMPONENTS = 2000;

const FAR_PIXELS_PER_UNIT = 0.45;
/** The smallest scale the graph starts at: 13px names stay about 9px tall. */
const READABLE_PIXELS_PER_UNIT = 0.7;

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
    hops: options.hops ?? 2,
    selectedId: null,
    showExternals: options.externals ?? true,
    touched: false,
  };
}

/** Far out, names give way to shapes (CSS on `mm-graph-far`). */
function onZoom(state: GraphState): void {
  const ppu = state.panzoom?.pixelsPerUnit();
  state.root.classList.toggle('mm-graph-far', ppu !== null && ppu !== undefined && ppu < FAR_PIXELS_PER_UNIT);
}

function graphLabel(state: GraphState): string {
  const { model } = state;
  const externals = model.externals.length > 0 ? `, ${plural(model.externals.length, 'external dependency', 'external dependencies')} (grey)` : '';
  return `Dependency graph: ${plural(model.nodes.length, 'component')}, ${plural(model.edges.length, 'dependency', 'dependencies')}${externals}. Arrows point from a component to what it depends on. Tab to a component; Enter opens it, F focuses on it; plus and minus zoom, arrow keys pan, 0 fits.`;
}

/** Build the model for what is in view, lay it out and draw it, replacing what was drawn. */
function draw(state: GraphState, options: GraphOptions, actions: GraphActions, baseIds: readonly string[]): void {
  const { ctx, canvas } = state;
  const wanted = state.focusId ? [...neighbourhood(ctx, state.focusId, state.hops)].filter((id) => baseIds.includes(id)) : baseIds;
  const most = options.maxComponents ?? MAX_GRAPH_COMPONENTS;
  if (wanted.length > most) {
    drawTooMany(state, wanted.length, most);
    return;
  }
  const full = buildGraphModel(ctx, wanted);
  state.model = state.showExternals ? full : withoutExternals(full);
  state.root.classList.toggle('mm-graph-hide-external', !state.showExternals);
  // Pack the parts for the canvas's shape once it has one (16:9 while the view is detached).
  const aspect = canvas.clientWidth > 0 && canvas.clientHeight > 0 ? canvas.clientWidth / canvas.clientHeight : undefined;
  const edges = layoutEdges(state.model);
  const layout = layoutGraph(layoutInputs(state.model), edges, { aspect });
  state.forward = new Map();
  for (const e of edges) {
    const list = state.forward.get(e.from);
    if (list) list.push(e.to);
    else state.forward.set(e.from, [e.to]);
  }
  state.backward = invert([...state.model.nodes.map((n) => n.id), ...state.model.externals.map((n) => n.id)], state.forward);
  state.panzoom?.destroy();
  clear(canvas);
  canvas.appendChild(state.status);
  state.lit = [];
  const drawn = drawGraph(state.model, layout, ctx, graphLabel(state));
  state.drawn = drawn;
  if (state.model.nodes.length === 0) canvas.appendChild(h(ctx.document, 'p', { cls: 'mm-empty', text: 'No components to draw.' }));
  canvas.appendChild(drawn.svg);
  for (const [id, el] of drawn.nodes) (id.startsWith(EXTERNAL_PREFIX) ? wireExternal : wireNode)(state, actions, id, el);
  drawn.svg.addEventListener('keydown', graphKeys(state, actions));
  state.panzoom = attachPanZoom(drawn.svg, layout.width, layout.height, { wheel: options.wheel ?? 'always', onChange: () => onZoom(state) });
  state.panzoom.reset(READABLE_PIXELS_PER_UNIT);
  drawn.svg.addEventListener('pointerdown', () => (state.touched = true));
  state.touched = false;
  if (state.selectedId && !drawn.nodes.has(state.selectedId)) state.selectedId = null;
  select(state, state.selectedId);
  onZoom(state);
}

/** In place of a graph too large to lay out: what to do instead. */
function drawTooMany(state: GraphState, total: number, most: number): void {
  const { ctx, canvas } = state;
  state.panzoom?.destroy();
  state.panzoom = null;
  state.drawn = null;
  state.model = emptyModel();
  state.forward = new Map();
  state.backward = new Map();
  state.lit = [];
  state.selectedId = null;
  clear(canvas);
  canvas.appendChild(state.status);
  canvas.appendChild(h(ctx.document, 'p', {
    cls: 'mm-empty mm-graph-too-many',
    text: `${plural(total, 'component')} are more than the graph draws at once (${formatCount(most)}). Narrow the list with filters or query options, or choose a component under Focus to see its neighbourhood.`,
  }));
}

/**
 * The focus menu's filler. Above the graph's size it holds the focused component only until the
 * reader opens it (focus or pointer): 9,000 options were a third of a second of the tab's layout.
 */
function focusMenu(state: GraphState, select: HTMLSelectElement, baseIds: () => readonly string[], most: number): () => void {
  const doc = state.ctx.document;
  const name = (id: string) => nameOf(state, id);
  let pending = false;
  const fillAll = () => {
    if (!pending) return;
    pending = false;
    const value = select.value;
    fillFocusOptions(doc, select, baseIds(), name);
    select.value = value;
  };
  select.addEventListener('focus', fillAll);
  select.addEventListener('pointerdown', fillAll);
  return () => {
    const ids = baseIds();
    pending = ids.length > most;
    fillFocusOptions(doc, select, pending ? ids.filter((id) => id === state.focusId) : ids, name);
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
  const observer = new RO(() => {
    if (!state.touched) state.panzoom?.reset(READABLE_PIXELS_PER_UNIT);
    onZoom(state);
  });
  observer.observe(state.canvas);
  return observer;
}

export function renderGraph(ctx: ViewContext, options: GraphOptions = {}): GraphView {
  const state = createState(ctx, options);
  const controls = createControls(ctx.document, state.hops, state.showExternals);
  const baseIds = () => options.ids ?? ctx.ids();
  const redraw = () => {
    draw(state, options, actions, baseIds());
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
  const fillFocus = focusMenu(state, controls.focusSelect, baseIds, options.maxComponents ?? MAX_GRAPH_COMPONENTS);
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
    fit: () => state.panzoom?.fit(),
    destroy: () => {
      resize?.disconnect();
      state.panzoom?.destroy();
      state.root.remove();
    },
  };
}
