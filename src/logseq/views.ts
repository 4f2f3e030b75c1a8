// The shared views (src/render) in Logseq: serialised into macro slots, and live in the plugin's
// own frame for the main UI (dashboard with board, table, filters, and the dependency graph).
import type { Component, ComponentQuery } from '../core/index';
import { everyComponent, prepareQueryInSlices } from '../plugin-cache/view-slices';
import {
  cardSectionGroups,
  contextFromIndex,
  renderCardHead,
  renderComponentLink,
  renderDashboard,
  renderDiagnostic,
  renderGraph,
  renderNextProgress,
  renderQueryResults,
  renderStageBadge,
  type CardSection,
  type ViewContext,
} from '../render/index';
import type { DashboardView } from '../render/dashboard/dashboard';
import type { GraphIndex } from './graph-index';
import { graphLayout } from './graph-layout';
import { frameSlicing } from './graph-queries';
import { delegateOpen, noticeElement, serializeTrustedTree } from './markup';
import type { SlotMarkup, SlotPending, SlotPieces, SlotState } from './slots';
import { piecewiseTable, tablePieces } from './table-pieces';
import { drawingLayers } from './graph-layers';

const SEVERITY_RANK = { error: 0, warning: 1, info: 2 } as const;

/** A card section listing what Logseq reads differently in the component's file. */
function logseqSection(graph: GraphIndex): CardSection {
  return (component, ctx) => {
    const diagnostics = [...graph.logseqDiagnostics(component.id)].sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || (a.line ?? 0) - (b.line ?? 0));
    if (diagnostics.length === 0) return null;
    const doc = ctx.document;
    const section = doc.createElement('section');
    section.setAttribute('class', 'mm-card-section mm-logseq-reading');
    const title = doc.createElement('h4');
    title.setAttribute('class', 'mm-section-title');
    title.textContent = `How Logseq reads this note (${diagnostics.length})`;
    const list = doc.createElement('ul');
    list.setAttribute('class', 'mm-diagnostic-list');
    for (const d of diagnostics) list.appendChild(renderDiagnostic(component, d, ctx));
    section.append(title, list);
    return section;
  };
}

/** A view context over the graph index; cards end with Logseq's own reading of the file. */
export type OpenComponent = (id: string, event?: MouseEvent | KeyboardEvent, line?: number) => void;

export function viewContext(graph: GraphIndex, doc: Document, onOpen: OpenComponent, links: 'logseq-route' | 'none'): ViewContext {
  return contextFromIndex(graph.index, {
    document: doc,
    onOpen: (id, event, line) => onOpen(id, event, line),
    href: (id) => {
      const page = graph.pageOf(id);
      return links === 'logseq-route' && page ? `#/page/${encodeURIComponent(page.originalName)}` : null;
    },
    cardSections: [logseqSection(graph)],
    graphLayout: graphLayout(),
  });
}

function slotRoot(doc: Document, child: Element, inline = false): HTMLElement {
  const root = doc.createElement(inline ? 'span' : 'div');
  root.setAttribute('class', inline ? 'mm mm-logseq-slot mm-logseq-inline' : 'mm mm-logseq-slot');
  root.appendChild(child);
  return root;
}

/** Wire a tree's controls to the model (markup.ts); what serialising keeps of them. */
function delegate(graph: GraphIndex, root: HTMLElement, slot: string | null): void {
  delegateOpen(root, (id) => graph.pageOf(id)?.originalName ?? null, slot);
}

function finish(graph: GraphIndex, root: HTMLElement, slot: string | null): string {
  delegate(graph, root, slot);
  return serializeTrustedTree(root);
}

export function noticeMarkup(doc: Document, kind: 'info' | 'warning' | 'error', title: string, lines: string[] = []): string {
  return serializeTrustedTree(slotRoot(doc, noticeElement(doc, kind, title, lines)));
}

/** A notice that work is under way (`aria-busy`): its view follows. */
export function busyElement(doc: Document, title: string): HTMLElement {
  const box = noticeElement(doc, 'info', title);
  box.setAttribute('aria-busy', 'true');
  return box;
}

/** Shown in a slot until the first read of the graph is done. */
export function indexingMarkup(doc: Document, done: number, total: number): string {
  const detail = total > 0 ? ` ${Math.min(done, total)} of ${total} pages` : '';
  return serializeTrustedTree(slotRoot(doc, busyElement(doc, `Maturity Map: indexing…${detail}`)));
}

/** A small button that opens the component's page in Logseq's right sidebar. */
function sidebarButton(doc: Document, graph: GraphIndex, id: string): HTMLElement | null {
  const page = graph.pageOf(id);
  if (!page) return null;
  const button = doc.createElement('button');
  button.setAttribute('type', 'button');
  button.setAttribute('class', 'mm-button mm-sidebar');
  button.setAttribute('data-mm-page-id', String(page.id));
  button.setAttribute('title', `Open ${page.originalName} in the right sidebar`);
  button.setAttribute('aria-label', `Open ${page.originalName} in the right sidebar`);
  button.textContent = '⇥';
  return button;
}

/**
 * A component's card for a slot, in pieces: the head (title, badge, progress) with an empty
 * container per group of sections, then each group's markup, rendered when asked. The slot
 * registry delivers them one task at a time, so neither the plugin's rendering nor Logseq's
 * sanitising and injecting of a long card holds the UI thread in one piece.
 */
export function cardPieces(graph: GraphIndex, id: string, doc: Document, slot: string): SlotMarkup {
  const ctx = viewContext(graph, doc, () => undefined, 'logseq-route');
  const component = ctx.component(id);
  if (!component) return noticeMarkup(doc, 'warning', 'Maturity Map: this component is no longer in the graph.');
  const options = { headingLevel: 2 };
  const card = renderCardHead(component, ctx, options);
  const sidebar = sidebarButton(doc, graph, id);
  if (sidebar) card.querySelector('.mm-card-header')?.appendChild(sidebar);
  const parts = cardSectionGroups(component, ctx, options).map((group, k) => {
    const container = doc.createElement('div');
    container.setAttribute('class', 'mm-card-part');
    container.id = `mm-part-${k}-${slot}`;
    card.appendChild(container);
    const markup = () => {
      // The card's id on the piece's root: its line buttons find their component through it.
      const root = doc.createElement('div');
      root.setAttribute('class', 'mm-card-part-body');
      root.setAttribute('data-mm-id', id);
      root.append(...group());
      return finish(graph, root, slot);
    };
    return { container: container.id, markup };
  });
  return { head: finish(graph, slotRoot(doc, card), slot), parts };
}

/** The inline badge or next-stage progress of a component (`:maturity-badge`, `:maturity-progress`). */
export function inlineMarkup(graph: GraphIndex, id: string, kind: 'badge' | 'progress', doc: Document): string {
  const ctx = viewContext(graph, doc, () => undefined, 'logseq-route');
  const component = ctx.component(id);
  if (!component) return noticeMarkup(doc, 'warning', 'Maturity Map: this component is no longer in the graph.');
  const link = renderComponentLink(id, ctx, component.name);
  link.classList.add('mm-inline-name');
  const shown = kind === 'badge' ? renderStageBadge(component, ctx) : renderNextProgress(component, ctx);
  const wrap = doc.createElement('span');
  wrap.setAttribute('class', `mm-inline mm-inline-${kind}`);
  wrap.setAttribute('data-mm-id', id);
  wrap.append(shown);
  if (kind === 'progress') wrap.prepend(link, doc.createTextNode(' '));
  return finish(graph, slotRoot(doc, wrap, true), null);
}

/**
 * Rows a query's slot shows at first (a graph: components), how many more each "Show more" adds,
 * and the most a `limit` shows at once. The host sanitises and injects a slot's markup in one task
 * of its own, ~3 KB and 30 elements a table row: 25 rows held Logseq's thread 70–90 ms in the
 * harness, ~20 ms in Chromium (benchmarks.md, session 16). A query that asks for `limit=20` sees
 * its 20 rows (the reader asked for them); a larger limit, and a query with none, a page first.
 */
export const QUERY_PAGE = { first: 10, more: 50, limited: 25 } as const;
export const GRAPH_PAGE = { first: 50, more: 50, limited: 100 } as const;
const ZOOM_STEP = 1.25;

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
      const prepared = await prepareQueryInSlices(graph.index, query, shownCount(query, state), slicing, cancelled);
      if (prepared === null) return null;
      await yieldNow();
      if (cancelled()) return null;
      if (slot !== null && piecewiseTable(query) && prepared.shown.length > 0) {
        const table = queryTable(graph, query, doc, prepared, state, slot);
        // Wiring and serialising the head in a task of its own, as below.
        await yieldNow();
        return cancelled() ? null : { head: finish(graph, table.root, slot), parts: table.parts };
      }
      const root = await queryElement(graph, query, doc, prepared, state);
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

/** A table query's slot: its head and its rows in pieces (table-pieces.ts). */
function queryTable(graph: GraphIndex, query: ComponentQuery, doc: Document, results: { ids: readonly string[]; shown: readonly string[] }, state: SlotState, slot: string): ReturnType<typeof tablePieces> {
  const ctx = viewContext(graph, doc, () => undefined, 'logseq-route');
  const shown = results.shown.map((id) => ctx.component(id)).filter((c) => c !== undefined);
  return tablePieces({
    ctx,
    shown,
    more: results.ids.length - results.shown.length,
    nextLimit: results.shown.length + pageOf(query).more,
    state,
    slot,
    version: `${graph.index.revision()}|${graph.index.today()}`,
    wrap: (child) => slotRoot(doc, child),
    finish: (root) => finish(graph, root, slot),
  });
}

/**
 * A graph's slot in pieces: a head (the frame, the legend, "Show more") holding two empty parts,
 * then its toolbar and focus menu, then (into the canvas) the drawing. The host sanitises and
 * injects each in a task of its own; SVG is the costliest markup it parses (benchmarks.md,
 * session 16). A focus, hops or zoom change leaves the head as it was, so only the changed parts
 * are written again and the old drawing stays until the new one replaces it (a head written again
 * emptied the canvas for a task).
 */
function graphPieces(root: HTMLElement, slot: string): string | SlotPieces {
  const canvas = root.querySelector('.mm-graph-canvas');
  if (!canvas) return serializeTrustedTree(root);
  const toolbar = root.querySelector('.mm-graph-toolbar');
  const parts = toolbar ? [slotPart(toolbar, `mm-toolbar-${slot}`, 'mm-graph-controls').part] : [];
  // The focus dims what it does not reach (a class the styles read above the drawing): carried by the drawing's piece, not the head.
  const graph = canvas.closest('.mm-graph');
  const highlighting = graph?.classList.contains(HIGHLIGHTING) === true;
  graph?.classList.remove(HIGHLIGHTING);
  const cls = highlighting ? `mm-graph-drawing ${HIGHLIGHTING}` : 'mm-graph-drawing';
  const drawing = slotPart(canvas, `mm-canvas-${slot}`, cls);
  parts.push(drawing.part, ...drawingLayers(drawing.content, `mm-canvas-${slot}`, cls, serializeTrustedTree));
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
  return { part: { container: id, markup: () => serializeTrustedTree(content) }, content };
}

/** A query's graph, drawn once its layout is back from the plugin's worker (graph-layout.ts), a task or more later. */
async function queryGraph(ctx: ViewContext, shown: readonly Component[], state: SlotState): Promise<HTMLElement> {
  const focus = state.focus && shown.some((c) => c.id === state.focus) ? state.focus : undefined;
  // The slot's markup has no listeners: its focus menu names every component from the start.
  // Drawn in 8 ms slices whatever its size: 50 nodes in one task were 44–65 ms of the harness's frame (benchmarks.md, session 16).
  const graphView = renderGraph(ctx, { ids: shown.map((c) => c.id), wheel: 'modifier', focusMenuAtOnce: Infinity, drawAtOnce: 0, ...(focus ? { focus } : {}), ...(state.hops ? { hops: state.hops } : {}), ...(state.externals === false ? { externals: false } : {}) });
  await graphView.ready();
  const element = graphView.element;
  // The select's value is a property, which does not serialise: mark the option.
  for (const option of element.querySelectorAll('select.mm-graph-focus option')) if (option.getAttribute('value') === (focus ?? '')) option.setAttribute('selected', '');
  zoomGraph(element, state.zoom ?? 0);
  return element;
}

/**
 * The drawn query, not yet serialised: `shown` of the matching `ids` (their views built), and
 * "Show more" when there are more; it asks for a page more (`data-mm-show`, markup.ts).
 */
export async function queryElement(graph: GraphIndex, query: ComponentQuery, doc: Document, results: { ids: readonly string[]; shown: readonly string[] }, state: SlotState = {}): Promise<HTMLElement> {
  const ctx = viewContext(graph, doc, () => undefined, 'logseq-route');
  const shown = results.shown.map((id) => ctx.component(id)).filter((c) => c !== undefined);
  if (shown.length === 0) return slotRoot(doc, noticeElement(doc, 'info', 'Maturity Map: no component matches this query.'));
  const view = query.view ?? 'table';
  const element = view === 'graph' ? await queryGraph(ctx, shown, state) : renderQueryResults(shown, view, ctx, { ...(state.sort ? { sort: state.sort } : {}), headingLevel: 2 });
  const root = slotRoot(doc, element);
  const more = results.ids.length - results.shown.length;
  if (more > 0) {
    const button = doc.createElement('button');
    button.setAttribute('type', 'button');
    button.setAttribute('class', 'mm-button mm-show-more');
    button.setAttribute('data-mm-show', String(results.shown.length + pageOf(query).more));
    button.textContent = `Show more (${more} not shown)`;
    root.appendChild(button);
  }
  return root;
}

export interface MainUI {
  /** Draw again (the components it lists collected a slice at a time before: main-toggle.ts). */
  refresh(): void;
  destroy(): void;
}

/**
 * The dashboard in the plugin's frame; clicking a component opens its page in Logseq. Its list of
 * components is read once per revision of the index (view-slices.ts `everyComponent`): the draw
 * asks for it several times (summary, filters), and each read walked every view's cache entry
 * (~50 ms at 10k). main-toggle.ts collects it in slices before the draw.
 */
export function mountDashboard(mount: HTMLElement, graph: GraphIndex, open: OpenComponent, close: () => void): MainUI {
  const doc = mount.ownerDocument;
  const ctx: ViewContext = { ...viewContext(graph, doc, open, 'none'), components: () => everyComponent(graph.index) };
  const closeButton = doc.createElement('button');
  closeButton.setAttribute('type', 'button');
  closeButton.setAttribute('class', 'mm-logseq-close');
  closeButton.setAttribute('aria-label', 'Close Maturity Map');
  closeButton.textContent = 'Close';
  closeButton.addEventListener('click', close);
  // The board (its columns sorted out of every component) is drawn a task after the header,
  // summary and filters: both in one task were ~120 ms of the frame at 10k pages (benchmarks.md).
  const defer = (draw: () => void) => void ctx.nextTask().then(draw);
  const view: DashboardView = renderDashboard(ctx, { title: 'Maturity Map', headerExtras: [closeButton], defer });
  // The frame is the plugin's page: its content is its main landmark.
  const main = doc.createElement('main');
  main.append(view.element);
  mount.replaceChildren(main);
  return {
    refresh: () => view.refresh(),
    destroy: () => {
      view.destroy();
      mount.replaceChildren();
    },
  };
}
