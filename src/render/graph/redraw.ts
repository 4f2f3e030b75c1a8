// Drawing the graph view: the model of what is in view, its layout — from the host's worker when
// it has one, else in this task — and the SVG, a slice of nodes and edges a task when it is large.
// Each draw has a generation: a layout or a slice that belongs to an older draw (a refresh or a
// focus came in meanwhile) is dropped, so an old graph never replaces a newer one.
import { invert } from '../../core/graph';
import { buildGraphModel, EXTERNAL_PREFIX, withoutExternals, type GraphModel } from '../../core/graph-model';
import { clear, h, plural } from '../dom';
import { layoutEdges, layoutInputs, startDrawing, type GraphDrawing, type Labelled } from './draw';
import { select, updateStatus } from './highlight';
import { graphKeys, wireExternal, wireNode } from './input';
import type { LayoutResult } from './layout-types';
import type { InThreadLayout, LayoutRequest } from './layout-request';
import { tooManyText } from './limits';
import { attachPanZoom } from './panzoom';
import { graphScope } from './scope';
import { emptyModel, type GraphActions, type GraphState } from './state';

/** What a draw needs from the view's options. */
export interface DrawOptions {
  wheel: 'always' | 'modifier';
  maxComponents: number;
  /** Elements drawn at once in the layout's task (GraphOptions.drawAtOnce); more, a slice a task. */
  drawAtOnce: number;
  /** Which nodes a drawing names (GraphOptions.labels); default all. */
  labels?: (layout: LayoutResult) => Labelled;
  /** The arrow markers' ids end with this (GraphOptions.markerScope); default numbered. */
  markerScope?: string;
  /** The layout in this thread when there is no layouter or it rejected (graph/render.ts, the page's graph script). */
  layoutInThread: InThreadLayout;
}

/**
 * Nodes and edges drawn in one task at most: a graph of up to 250 elements (a 100-component
 * query) is drawn in the task that laid it out, unless the host asks for slices
 * (GraphOptions.drawAtOnce); a larger one a slice a task.
 */
export const DRAW_SLICE = 250;
/**
 * A slice also ends once it has run this long: a node (a group, its box, two texts, a title) costs
 * Chromium ~0.1 ms to build and several times that in style, layout and paint in the frame after
 * (bench/graph-chromium.mjs), an edge much less; happy-dom is slower still.
 */
export const DRAW_SLICE_MS = 8;
/**
 * Slices are a frame apart: with only a task between them, Chromium ran several back to back and
 * its next frame styled, laid out and painted all of them at once (frames of 100-300 ms at 1k-2k
 * components, benchmarks.md session 24). Without a frame in this long (a hidden document), the
 * next slice comes anyway.
 */
const FRAME_WAIT_MS = 100;

const FAR_PIXELS_PER_UNIT = 0.45;
/** The smallest scale the graph starts at: 13px names stay about 9px tall. */
const READABLE_PIXELS_PER_UNIT = 0.7;

/** Far out, names give way to shapes (CSS on `mm-graph-far`). */
export function onZoom(state: GraphState): void {
  const ppu = state.panzoom?.pixelsPerUnit();
  state.root.classList.toggle('mm-graph-far', ppu !== null && ppu !== undefined && ppu < FAR_PIXELS_PER_UNIT);
}

/** The starting view, unless the reader moved it. */
export function resetView(state: GraphState): void {
  if (!state.touched) state.panzoom?.reset(READABLE_PIXELS_PER_UNIT);
  onZoom(state);
}

function graphLabel(model: GraphModel): string {
  const externals = model.externals.length > 0 ? `, ${plural(model.externals.length, 'external dependency', 'external dependencies')} (grey)` : '';
  return `Dependency graph: ${plural(model.nodes.length, 'component')}, ${plural(model.edges.length, 'dependency', 'dependencies')}${externals}. Arrows point from a component to what it depends on. Tab to a component; Enter opens it, F focuses on it; plus and minus zoom, arrow keys pan, 0 fits.`;
}

/** Work on the view is under way (`aria-busy`, which the hosts and their tests wait on). */
function setBusy(state: GraphState, busy: boolean): void {
  if (busy) state.canvas.setAttribute('aria-busy', 'true');
  else state.canvas.removeAttribute('aria-busy');
}

/** A new draw begins: whatever the last one still had in flight is dropped. */
function nextGeneration(state: GraphState): number {
  state.abort?.abort();
  state.abort = null;
  return ++state.generation;
}

function isCurrent(state: GraphState, generation: number): boolean {
  return !state.destroyed && state.generation === generation;
}

/**
 * Build the model for what is in view, lay it out and draw it, replacing what was drawn. With the
 * host's layouter everything after the count is in later tasks: the model (~30 ms at 2,000
 * components) in the next one, so the task that opened or refreshed the view stays short.
 */
export function drawView(state: GraphState, options: DrawOptions, actions: GraphActions, baseIds: readonly string[]): void {
  const generation = nextGeneration(state);
  const { ctx } = state;
  const scope = graphScope(ctx, baseIds, { focus: state.focusId, hops: state.hops, maxComponents: options.maxComponents });
  if (scope.kind === 'too-many') {
    drawTooMany(state, scope.total, scope.most);
    return;
  }
  const wanted = scope.ids;
  const layouter = ctx.graphLayout;
  if (!layouter || wanted.length === 0) {
    // An older draw may have left the canvas busy; this one is done in this task (unless it slices).
    setBusy(state, false);
    const { model, request } = modelInView(state, wanted);
    const layout = layoutOrNotice(state, options, request);
    if (layout) show(state, options, actions, model, layout, generation);
    return;
  }
  setBusy(state, true);
  if (!state.drawn) {
    // Nothing drawn yet (or a notice): say what is coming, in the status line's place.
    clear(state.canvas);
    state.canvas.appendChild(state.status);
    updateStatus(state, `Laying out ${plural(wanted.length, 'component')}…`);
  }
  const abort = typeof AbortController === 'function' ? new AbortController() : null;
  state.abort = abort;
  const later = async (): Promise<void> => {
    await ctx.nextTask();
    if (!isCurrent(state, generation)) return;
    const { model, request } = modelInView(state, wanted);
    return layouter(request, abort?.signal).then(
      // The answer's task read the result (structured clone of every point): the drawing starts in the next.
      async (layout) => {
        if (isCurrent(state, generation)) await ctx.nextTask();
        return isCurrent(state, generation) ? show(state, options, actions, model, layout, generation) : undefined;
      },
      // No worker, or it failed: the same layout here, so the view is never left blank.
      () => {
        if (!isCurrent(state, generation)) return undefined;
        const layout = layoutOrNotice(state, options, request);
        return layout ? show(state, options, actions, model, layout, generation) : undefined;
      },
    );
  };
  track(state, generation, later());
}

/** The graph model of `wanted` (externals as the toolbar says) and what its layout is asked. */
function modelInView(state: GraphState, wanted: readonly string[]): { model: GraphModel; request: LayoutRequest } {
  const full = buildGraphModel(state.ctx, wanted);
  const model = state.showExternals ? full : withoutExternals(full);
  const { canvas } = state;
  // Pack the parts for the canvas's shape once it has one (16:9 while the view is detached).
  const aspect = canvas.clientWidth > 0 && canvas.clientHeight > 0 ? canvas.clientWidth / canvas.clientHeight : undefined;
  return { model, request: { nodes: layoutInputs(model), edges: layoutEdges(model), options: { aspect } } };
}

/** The layout in this task; when even that fails, a notice says so in place of the graph. */
function layoutOrNotice(state: GraphState, options: DrawOptions, request: LayoutRequest): LayoutResult | null {
  try {
    return options.layoutInThread(request);
  } catch (err) {
    showNotice(state, `The graph could not be laid out (${err instanceof Error ? err.message : String(err)}). The other views still show every component.`, 'mm-graph-failed');
    return null;
  }
}

/** Keep `work` as the view's work under way until it ends (unless a newer draw's work replaced it). */
function track(state: GraphState, generation: number, work: Promise<void>): void {
  const settled = work.finally(() => {
    if (state.work === settled) state.work = null;
    if (isCurrent(state, generation)) setBusy(state, false);
  });
  state.work = settled;
}

/** Replace what is drawn with `model` at `layout`: at once when it is small, else a slice a task. */
function show(state: GraphState, options: DrawOptions, actions: GraphActions, model: GraphModel, layout: LayoutResult, generation: number): Promise<void> | void {
  adoptModel(state, model);
  state.panzoom?.destroy();
  clear(state.canvas);
  state.canvas.appendChild(state.status);
  state.lit = [];
  const drawing = startDrawing(model, layout, state.ctx, graphLabel(model), options.labels?.(layout), options.markerScope);
  const { svg } = drawing.drawn;
  state.drawn = drawing.drawn;
  if (model.nodes.length === 0) state.canvas.appendChild(h(state.ctx.document, 'p', { cls: 'mm-empty', text: 'No components to draw.' }));
  state.canvas.appendChild(svg);
  svg.addEventListener('keydown', graphKeys(state, actions));
  state.panzoom = attachPanZoom(svg, layout.width, layout.height, { wheel: options.wheel, onChange: () => onZoom(state) });
  state.touched = false;
  resetView(state);
  svg.addEventListener('pointerdown', () => (state.touched = true));
  if (drawing.total <= Math.min(options.drawAtOnce, DRAW_SLICE)) {
    drawStep(state, actions, drawing, DRAW_SLICE);
    finish(state);
    return;
  }
  setBusy(state, true);
  const sliced = drawInSlices(state, actions, drawing, generation);
  track(state, generation, sliced);
  return sliced;
}

/** The model drawn from now on, with its edges both ways for highlighting. */
function adoptModel(state: GraphState, model: GraphModel): void {
  state.model = model;
  state.root.classList.toggle('mm-graph-hide-external', !state.showExternals);
  state.forward = new Map();
  for (const e of layoutEdges(model)) {
    const list = state.forward.get(e.from);
    if (list) list.push(e.to);
    else state.forward.set(e.from, [e.to]);
  }
  state.backward = invert([...model.nodes.map((n) => n.id), ...model.externals.map((n) => n.id)], state.forward);
}

/** Draw up to `most` more elements and wire the nodes among them (they answer input at once). */
function drawStep(state: GraphState, actions: GraphActions, drawing: GraphDrawing, most: number, spent?: () => boolean): void {
  for (const [id, el] of drawing.step(most, spent)) {
    (id.startsWith(EXTERNAL_PREFIX) ? wireExternal : wireNode)(state, actions, id, el);
    if (id === state.selectedId) el.classList.add('mm-selected');
  }
}

/** A frame after the last slice's, then a task: the browser styles, lays out and paints one slice before the next is drawn. */
function nextFrame(state: GraphState): Promise<void> {
  const view = state.ctx.document.defaultView;
  if (!view || typeof view.requestAnimationFrame !== 'function') return state.ctx.nextTask();
  return new Promise<void>((resolve) => {
    let timer = 0;
    const go = () => {
      if (timer === 0) return;
      view.clearTimeout(timer);
      timer = 0;
      void state.ctx.nextTask().then(resolve);
    };
    // A document that is not shown has no frames: the drawing goes on without them.
    timer = view.setTimeout(go, FRAME_WAIT_MS);
    view.requestAnimationFrame(go);
  });
}

async function drawInSlices(state: GraphState, actions: GraphActions, drawing: GraphDrawing, generation: number): Promise<void> {
  updateStatus(state, `Drawing ${plural(drawing.total, 'node and edge', 'nodes and edges')}…`);
  for (;;) {
    const started = performance.now();
    drawStep(state, actions, drawing, DRAW_SLICE, () => performance.now() - started > DRAW_SLICE_MS);
    if (drawing.done() >= drawing.total) break;
    await nextFrame(state);
    if (!isCurrent(state, generation)) return;
  }
  finish(state);
}

/** Every element is in: the selection (if its component is still drawn) and the status line. */
function finish(state: GraphState): void {
  if (state.selectedId && !state.drawn?.nodes.has(state.selectedId)) state.selectedId = null;
  select(state, state.selectedId);
  onZoom(state);
}

/** In place of a graph too large to lay out: what to do instead. */
function drawTooMany(state: GraphState, total: number, most: number): void {
  showNotice(state, tooManyText(total, most), 'mm-graph-too-many');
}

/** A notice where the graph would be; nothing drawn, nothing selected. */
function showNotice(state: GraphState, text: string, cls: string): void {
  state.panzoom?.destroy();
  state.panzoom = null;
  state.drawn = null;
  state.model = emptyModel();
  state.forward = new Map();
  state.backward = new Map();
  state.lit = [];
  state.selectedId = null;
  setBusy(state, false);
  clear(state.canvas);
  state.canvas.appendChild(state.status);
  state.canvas.appendChild(h(state.ctx.document, 'p', { cls: `mm-empty ${cls}`, text }));
}
