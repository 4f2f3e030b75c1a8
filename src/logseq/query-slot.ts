// A query's macro slot in Logseq: the query run a slice at a time, its table in pieces
// (table-pieces.ts), its graph in pieces and layers (graph-layers.ts), or its board or list whole;
// "Show more" asks for a page more. The view context and the slot's wrapping come from views.ts.
import type { Component, ComponentQuery } from '../core/index';
import { prepareQueryInSlices, type PreparedQuery } from '../plugin-cache/view-slices';
import { prepareOrderedQuery, queryOrder, type ColumnSort, type RowOrder } from '../plugin-cache/query-order';
import type { Slicing } from '../plugin-cache/slicing';
import { renderGraph, renderQueryResults, sortIdsByColumn, type ViewContext } from '../render/index';
import type { GraphIndex } from './graph-index';
import { frameSlicing } from './graph-queries';
import { declareCalls, noticeElement, serializeTrustedTree, showMoreButton } from './markup';
import type { SlotPending, SlotPiece, SlotPieces, SlotState } from './slot-types';
import { piecewiseTable, tablePieces } from './table-pieces';
import { drawingLayers } from './graph-layers';
import { slotLabels } from './graph-labels';
import { FOCUS_MENU, fillBoundedFocusMenu, findField } from './graph-focus-menu';
import { busyElement, delegate, finish, slotRoot, viewContext } from './views';

/**
 * Rows a query's slot shows at first (a graph: components), how many more each "Show more" adds,
 * and the most a `limit` shows at once. The host sanitises and injects a slot's markup in one task
 * of its own, ~3 KB and 30 elements a table row: 25 rows held Logseq's thread 70–90 ms in the
 * harness, ~20 ms in Chromium (benchmarks.md, session 16). A query that asks for `limit=20` sees
 * its 20 rows (the reader asked for them); a larger limit, and a query with none, a page first.
 */
export const QUERY_PAGE = { first: 10, more: 50, limited: 25 } as const;
export const GRAPH_PAGE = { first: 50, more: 50, limited: 100 } as const;
export const ZOOM_STEP = 1.25;

/** Zoom the serialised graph's viewBox around its centre (its own pan/zoom needs listeners). */
function zoomGraph(root: Element, steps: number): void {
  const svg = root.querySelector('.mm-graph-canvas svg');
  const box = svg?.getAttribute('viewBox')?.split(/\s+/).map(Number);
  if (!svg || !box || box.length !== 4 || box.some((n) => !Number.isFinite(n)) || steps === 0) return;
  const [x, y, w, h] = box as [number, number, number, number];
  const scale = ZOOM_STEP ** -steps;
  const nw = w * scale;
  const nh = h * scale;
  svg.setAttribute('viewBox', `${(x + (w - nw) / 2).toFixed(1)} ${(y + (h - nh) / 2).toFixed(1)} ${nw.toFixed(1)} ${nh.toFixed(1)}`);
}

function pageOf(query: ComponentQuery): { first: number; more: number; limited: number } {
  return query.view === 'graph' ? GRAPH_PAGE : QUERY_PAGE;
}

/** How many of a query's results a slot shows: a page (a limit's rows, up to `limited`), or as many as "Show more" asked for, never past `limit`. */
function shownCount(query: ComponentQuery, state: SlotState): number {
  const page = pageOf(query);
  const first = query.limit === undefined ? page.first : Math.min(query.limit, page.limited);
  return Math.min(query.limit ?? Infinity, state.limit ?? first);
}

/**
 * A query for a slot, run a slice at a time: the ids it matches (views built only where a filter
 * or the order needs them), then the views of those shown, then the view drawn from them, then
 * its markup. The whole graph's views are never built in one task; a placeholder shows meanwhile.
 */
export function queryView(graph: GraphIndex, query: ComponentQuery, doc: Document, slot: string | null = null, state: SlotState = {}): SlotPending {
  return {
    placeholder: serializeTrustedTree(slotRoot(doc, busyElement(doc, 'Maturity Map: running the query…'))),
    async ready(cancelled, yieldNow) {
      // The run, the views, the drawing and the markup each start a task of their own: the event
      // that asked for the query (a slot mounted, a change) ends first, and no slice's work adds to the draw.
      await yieldNow();
      const slicing = frameSlicing(yieldNow);
      const prepared = await prepareSlot(graph, doc, query, shownCount(query, state), state, slicing, cancelled);
      if (prepared === null) return null;
      await yieldNow();
      if (cancelled()) return null;
      if (slot !== null && piecewiseTable(query) && prepared.shown.length > 0) {
        const table = queryTable(graph, query, doc, prepared, state, slot);
        // Wiring and serialising the head in a task of its own, as below.
        await yieldNow();
        return cancelled() ? null : { head: finish(graph, table.root, slot), parts: table.parts };
      }
      const root = await queryElement(graph, query, doc, prepared, state, slot);
      // Wiring a graph's nodes to the model is ~40 ms of attribute writes in the harness's DOM
      // (happy-dom): neither it nor the serialising adds to the draw's task.
      await yieldNow();
      if (cancelled()) return null;
      delegate(graph, root, slot);
      await yieldNow();
      if (cancelled()) return null;
      return query.view === 'graph' && slot !== null ? graphPieces(root, slot) : serializeTrustedTree(root);
    },
  };
}

/** The order a query's table shows: the sort its header asked for, else the query's own. */
function tableOrder(query: ComponentQuery, state: SlotState): RowOrder {
  return state.sort ?? queryOrder(query);
}

/**
 * The query's matches and the views of the first `rows`: for a table, in the order its header
 * asked for, the whole result sorted (as Obsidian's query block: plugin-cache/query-order.ts), so
 * its rows are the first of that order and Show more goes on in it; other views in the query's own.
 */
function prepareSlot(graph: GraphIndex, doc: Document, query: ComponentQuery, rows: number, state: SlotState, slicing: Slicing, cancelled: () => boolean): Promise<PreparedQuery | null> {
  if (!piecewiseTable(query)) return prepareQueryInSlices(graph.index, query, rows, slicing, cancelled);
  const columnSort: ColumnSort = (ids, order) => sortIdsByColumn(ids, order, viewContext(graph, doc, () => undefined, 'none'));
  return prepareOrderedQuery(graph.index, query, rows, tableOrder(query, state), slicing, cancelled, columnSort);
}

/** A table query's slot: its head and its rows in pieces (table-pieces.ts). */
function queryTable(graph: GraphIndex, query: ComponentQuery, doc: Document, results: { ids: readonly string[]; shown: readonly string[] }, state: SlotState, slot: string): ReturnType<typeof tablePieces> {
  const ctx = viewContext(graph, doc, () => undefined, 'logseq-route');
  const shown = results.shown.map((id) => ctx.component(id)).filter((c) => c !== undefined);
  return tablePieces({
    ctx,
    shown,
    more: results.ids.length - results.shown.length,
    nextLimit: results.shown.length + pageOf(query).more,
    sort: tableOrder(query, state),
    slot,
    version: `${graph.index.revision()}|${graph.index.today()}`,
    wrap: (child) => slotRoot(doc, child),
    finish: (root, roots) => finish(graph, root, slot, roots),
  });
}

/**
 * A graph's slot in pieces: a head (the frame, the legend, "Show more") holding empty parts,
 * then its toolbar and focus menu, its Find field (a large graph's), then (into the canvas) the drawing. The host sanitises and
 * injects each in a task of its own; SVG is the costliest markup it parses (benchmarks.md,
 * session 16). A focus, hops or zoom change leaves the head as it was, so only the changed parts
 * are written again and the old drawing stays until the new one replaces it (a head written again
 * emptied the canvas for a task).
 */
function graphPieces(root: HTMLElement, slot: string): string | SlotPieces {
  const canvas = root.querySelector('.mm-graph-canvas');
  if (!canvas) return serializeTrustedTree(root);
  const toolbar = root.querySelector('.mm-graph-toolbar');
  const parts: SlotPiece[] = toolbar ? [{ ...slotPart(toolbar, `mm-toolbar-${slot}`, 'mm-graph-controls').part, key: 'toolbar' }] : [];
  // The Find field is written once a head (its stamp never changes): the reader's Enter draws the
  // slot again, and the field keeps its focus and caret while only the menu beside it is new.
  const finder = root.querySelector('.mm-graph-finder');
  if (finder) parts.push({ ...slotPart(finder, `mm-find-${slot}`, 'mm-graph-find-body').part, key: 'find', stamp: 'find' });
  // The focus dims what it does not reach (a class the styles read above the drawing): carried by the drawing's piece, not the head.
  const graph = canvas.closest('.mm-graph');
  const highlighting = graph?.classList.contains(HIGHLIGHTING) === true;
  graph?.classList.remove(HIGHLIGHTING);
  const cls = highlighting ? `mm-graph-drawing ${HIGHLIGHTING}` : 'mm-graph-drawing';
  const drawing = slotPart(canvas, `mm-canvas-${slot}`, cls);
  parts.push({ ...drawing.part, key: 'drawing' }, ...drawingLayers(drawing.content, `mm-layers-${slot}`, 'drawing', cls, serializeTrustedTree));
  return { head: serializeTrustedTree(root), parts };
}

const HIGHLIGHTING = 'mm-graph-highlighting';

/** Move `container`'s content into a piece of its own; the container stays in the head, empty until the piece is in. */
function slotPart(container: Element, id: string, cls: string): { part: SlotPieces['parts'][number]; content: Element } {
  const content = container.ownerDocument.createElement('div');
  content.setAttribute('class', cls);
  content.append(...container.childNodes);
  container.id = id;
  container.classList.add('mm-slot-part');
  const markup = (roots: number) => {
    declareCalls(content, roots);
    return serializeTrustedTree(content);
  };
  return { part: { container: id, markup }, content };
}

/** A query's graph, drawn once its layout is back from the plugin's worker (graph-layout.ts), a task or more later. */
async function queryGraph(ctx: ViewContext, shown: readonly Component[], state: SlotState, slot: string | null): Promise<HTMLElement> {
  const focus = state.focus && shown.some((c) => c.id === state.focus) ? state.focus : undefined;
  const ids = shown.map((c) => c.id);
  // The slot's markup has no listeners: up to a page of components its focus menu names them all
  // from the start; above, a bounded menu and a Find field that asks the model (graph-focus-menu.ts).
  // Drawn in 8 ms slices whatever its size: 50 nodes in one task were 44–65 ms of the harness's frame (benchmarks.md, session 16).
  // Above a few hundred components, names only where the zoom lets them be read (graph-labels.ts).
  // Arrow markers named after the slot: the same drawing serialises the same, and the registry does
  // not write it (and every layer within it) again when only the menu changed (a Find) or nothing did.
  const labels = slotLabels(ids.length, state.zoom ?? 0, ZOOM_STEP);
  const graphView = renderGraph(ctx, { ids, wheel: 'modifier', focusMenuAtOnce: FOCUS_MENU.listAllUpTo, drawAtOnce: 0, ...(labels ? { labels } : {}), ...(slot !== null ? { markerScope: slot } : {}), ...(focus ? { focus } : {}), ...(state.hops ? { hops: state.hops } : {}), ...(state.externals === false ? { externals: false } : {}) });
  await graphView.ready();
  const element = graphView.element;
  const select = element.querySelector<HTMLSelectElement>('select.mm-graph-focus');
  if (select && ids.length > FOCUS_MENU.listAllUpTo) {
    fillBoundedFocusMenu(ctx, select, ids, focus ?? null, state.find);
    element.querySelector('.mm-graph-toolbar')?.before(findField(ctx.document, state.find));
  }
  // The select's value is a property, which does not serialise: mark the option.
  else for (const option of select?.querySelectorAll('option') ?? []) if (option.getAttribute('value') === (focus ?? '')) option.setAttribute('selected', '');
  zoomGraph(element, state.zoom ?? 0);
  return element;
}

/**
 * The drawn query, not yet serialised: `shown` of the matching `ids` (their views built), and
 * "Show more" when there are more; it asks for a page more (`data-mm-show`, markup.ts).
 */
export async function queryElement(graph: GraphIndex, query: ComponentQuery, doc: Document, results: { ids: readonly string[]; shown: readonly string[] }, state: SlotState = {}, slot: string | null = null): Promise<HTMLElement> {
  const ctx = viewContext(graph, doc, () => undefined, 'logseq-route');
  const shown = results.shown.map((id) => ctx.component(id)).filter((c) => c !== undefined);
  if (shown.length === 0) return slotRoot(doc, noticeElement(doc, 'info', 'Maturity Map: no component matches this query.'));
  const view = query.view ?? 'table';
  const element = view === 'graph' ? await queryGraph(ctx, shown, state, slot) : renderQueryResults(shown, view, ctx, { sort: tableOrder(query, state), onSort: () => undefined, headingLevel: 2 });
  const root = slotRoot(doc, element);
  const more = results.ids.length - results.shown.length;
  if (more > 0) root.appendChild(showMoreButton(doc, more, results.shown.length + pageOf(query).more));
  return root;
}
