// The dashboard: a summary, filters shared by every tab, and five tabs — board, graph, timeline,
// table and every component's card — plus a details panel that shows the selected component's card. Used by
// the standalone HTML page and available to the hosts' dashboard views.
import type { Component } from '../../core/index';
import { renderBoard } from '../board';
import { renderComponentCard } from '../card';
import type { ViewContext } from '../context';
import { clear, h, plural } from '../dom';
import type { GraphOptions, GraphView } from '../graph/view';
import { drawPaged } from '../pages';
import { sortByReadiness } from '../readiness';
import { renderTable } from '../table';
import { renderTimeline } from '../timeline';
import { sizeGridCard } from './card-size';
import { warmCards } from './card-warm';
import { renderFilterBar, renderTabs, TABS, type DashboardTab, type FilterBar, type TabSet } from './controls';
import { filterComponents } from './filter';
import { renderHeader } from './header';
import { FILTER_DRAW_AT_ONCE, PAGE, PER_TASK, sliced, TABLE_SORT_AT_ONCE, TIMELINE_AT_ONCE } from './pacing';

export type { DashboardTab } from './controls';

/** What the dashboard asks of the Graph tab's view. */
export type DashboardGraph = Pick<GraphView, 'element' | 'select' | 'destroy'>;
/**
 * Draws the Graph tab when it is shown. The plugins pass the graph view itself (hosted.ts); the
 * standalone page a loader of its second script, whose code is compiled only then (graph-script.ts).
 */
export type GraphRenderer = (ctx: ViewContext, options: GraphOptions) => DashboardGraph;

export interface DashboardOptions {
  graph: GraphRenderer;
  title?: string;
  /** The tab shown first (default board). */
  tab?: DashboardTab;
  /** Show a details panel with the selected component's card (default true). */
  details?: boolean;
  /** Extra controls for the header (the standalone page's theme switch). */
  headerExtras?: HTMLElement[];
  /**
   * Draw the first panel (the board: its columns sorted out of every component, a page of items
   * each) through this, after the header, summary and filters, instead of in the same task: a host
   * passes its own way of yielding (Obsidian's dashboard at 10k components drew both in one task).
   * Called twice: the filters run in the first task, the panel is drawn in the second. The panels
   * are `aria-busy` until then; a refresh or a filter change draws them at once.
   */
  defer?: (draw: () => void) => void;
  /** With `defer`: told once the first panel is drawn (by the deferred draw, or a refresh or filter change before it). */
  onFirstDraw?: () => void;
}

export interface DashboardView {
  element: HTMLElement;
  /** Show a component's card in the details panel and select it in the graph. */
  show(id: string): void;
  setTab(tab: DashboardTab): void;
  /** Read the context again and redraw. */
  refresh(): void;
  destroy(): void;
}


interface DashboardState {
  readonly ctx: ViewContext;
  readonly options: DashboardOptions;
  readonly root: HTMLElement;
  readonly body: HTMLElement;
  readonly details: HTMLElement;
  readonly filters: FilterBar;
  readonly tabs: TabSet;
  tab: DashboardTab;
  graph: DashboardGraph | null;
  shownId: string | null;
  results: Component[];
  /** Tabs whose panel shows older results: drawn again when next shown. */
  dirty: Set<DashboardTab>;
  /** The first panel is still to be drawn (options.defer). */
  deferred: boolean;
  /** Draws after filtering, counted: one left for the next task is dropped when a later one came (filterChanged). */
  filterDraws: number;
  /** A component has been shown since the panels were last searched: marks may be left to clear. */
  marked: boolean;
}

const MARKED = '.mm-board-item, tr[data-mm-id], .mm-tl-row';

/**
 * Mark the shown component on the board, in the table and on the timeline. With nothing shown and
 * nothing marked (a first open) it searches nothing: the panels' two searches were 2–9 ms of the
 * board's first task in the Obsidian harness at 10k.
 */
function markCurrent(state: DashboardState): void {
  if (!state.shownId && !state.marked) return;
  const holder = state.tabs.panelHolder;
  for (const el of holder.querySelectorAll('.mm-current')) el.classList.remove('mm-current');
  state.marked = state.shownId !== null;
  if (!state.shownId) return;
  for (const el of holder.querySelectorAll(MARKED)) if (el.getAttribute('data-mm-id') === state.shownId) el.classList.add('mm-current');
}

/**
 * Mark the shown component where it is drawn later: the lists draw their pages a part a frame
 * (pages.ts), after the tab's own task has marked what was there.
 */
function markAsDrawn(state: DashboardState, records: readonly MutationRecord[]): void {
  const id = state.shownId;
  if (!id) return;
  for (const record of records) {
    for (const node of record.addedNodes) {
      if (node.nodeType !== 1) continue;
      const el = node as Element;
      if (el.matches(MARKED) && el.getAttribute('data-mm-id') === id) el.classList.add('mm-current');
      for (const inner of el.querySelectorAll(MARKED)) if (inner.getAttribute('data-mm-id') === id) inner.classList.add('mm-current');
    }
  }
}

function renderCards(state: DashboardState, panel: HTMLElement): void {
  const { ctx, results } = state;
  if (results.length === 0) panel.appendChild(h(ctx.document, 'p', { cls: 'mm-empty', text: 'No components match.' }));
  const grid = h(ctx.document, 'div', { cls: 'mm-card-grid' });
  // A card shows the whole component: the context may give lists a lighter one.
  const paged = drawPaged(ctx.document, results, grid, (c) => sizeGridCard(renderComponentCard(ctx.component(c.id) ?? c, ctx, { headingLevel: 2, evidence: 'folded' })), PAGE.cards, 'cards', sliced(ctx, PER_TASK.cards, true));
  panel.appendChild(grid);
  if (paged.more) panel.appendChild(paged.more);
  warmCards(grid, panel);
}

function renderPanel(state: DashboardState, t: DashboardTab): void {
  const { ctx, results } = state;
  const panel = state.tabs.panels.get(t)!;
  clear(panel);
  if (t === 'graph') {
    state.graph?.destroy();
    state.graph = state.options.graph(ctx, { ids: results.map((c) => c.id) });
    panel.appendChild(state.graph.element);
    if (state.shownId) state.graph.select(state.shownId);
    return;
  }
  // Headings one level under the page's h1 (axe: heading-order).
  // A long board draws a page a column, each column's page a part a task; the rest on request.
  if (t === 'board') panel.appendChild(renderBoard(results, ctx, { headingLevel: 2, pageSize: PAGE.board, slicing: sliced(ctx, PER_TASK.board) }));
  else if (t === 'timeline') panel.appendChild(renderTimeline(results, ctx, { headingLevel: 2, pageSize: PAGE.timeline, atOnce: TIMELINE_AT_ONCE, slicing: sliced(ctx, PER_TASK.timeline) }));
  else if (t === 'table') panel.appendChild(renderTable(results, ctx, { pageSize: PAGE.table, slicing: sliced(ctx, PER_TASK.table, true), sortAtOnce: TABLE_SORT_AT_ONCE, fixedColumns: true, ...(state.filters.order.value === 'readiness' ? { sort: { column: 'readiness', order: 'desc' } } : {}) }));
  else renderCards(state, panel);
  markCurrent(state);
}

function setTab(state: DashboardState, next: DashboardTab): void {
  state.tab = next;
  for (const [id, b] of state.tabs.buttons) {
    b.setAttribute('aria-selected', String(id === next));
    b.setAttribute('tabindex', id === next ? '0' : '-1');
  }
  for (const [id, panel] of state.tabs.panels) panel.hidden = id !== next;
  state.root.setAttribute('data-mm-tab', next);
  // Before the deferred first draw there are no results yet: that draw shows this tab.
  if (!state.deferred && state.dirty.delete(next)) renderPanel(state, next);
}

/** The results of the filters now, and their count; every panel is to be drawn again. Returns how many components there are. */
function filterNow(state: DashboardState): number {
  const { ctx, filters } = state;
  state.results = filterComponents(ctx.components(), filters.read(), ctx);
  if (filters.order.value === 'readiness') state.results = sortByReadiness(state.results);
  const total = ctx.ids().length;
  filters.count.textContent = state.results.length === total ? `${plural(total, 'component')}` : `${state.results.length} of ${plural(total, 'component')}`;
  for (const t of TABS) state.dirty.add(t.id);
  return total;
}

/** The shown panel drawn for the results now (if they changed since it was drawn): no draw is left waiting. */
function drawShown(state: DashboardState): void {
  state.filterDraws++;
  state.tabs.panelHolder.removeAttribute('aria-busy');
  setTab(state, state.tab);
}

/** The deferred first draw is done (or overtaken): the panels are no longer busy. */
function endDeferred(state: DashboardState): void {
  state.deferred = false;
  state.tabs.panelHolder.removeAttribute('aria-busy');
}

/** Filter and draw the shown panel at once (a refresh, a filter changed). */
function applyFilters(state: DashboardState): void {
  const first = state.deferred;
  if (first) endDeferred(state);
  filterNow(state);
  drawShown(state);
  if (first) state.options.onFirstDraw?.();
}

/**
 * A filter changed: the results and their count now, and the shown panel at once, or over more
 * than FILTER_DRAW_AT_ONCE components in the host's next task (the panels busy until then). A
 * later change or a refresh meanwhile draws instead of it.
 */
function filterChanged(state: DashboardState): void {
  if (state.deferred) return applyFilters(state);
  if (filterNow(state) <= FILTER_DRAW_AT_ONCE) return drawShown(state);
  const asked = ++state.filterDraws;
  state.tabs.panelHolder.setAttribute('aria-busy', 'true');
  void state.ctx.nextTask().then(() => {
    if (asked === state.filterDraws) drawShown(state);
  });
}

/**
 * The first draw in two of the host's tasks: the filters over every component in one, the shown
 * panel (its first part) in the next. Both in one task were 31–54 ms at 10k pages in the Logseq
 * harness (benchmarks.md, session 18). A refresh or a filter change meanwhile draws at once, and
 * what is left of this draw then does nothing.
 */
function deferFirstDraw(state: DashboardState, defer: (draw: () => void) => void): void {
  state.tabs.panelHolder.setAttribute('aria-busy', 'true');
  defer(() => {
    if (!state.deferred) return;
    filterNow(state);
    defer(() => {
      if (!state.deferred) return;
      endDeferred(state);
      setTab(state, state.tab);
      state.options.onFirstDraw?.();
    });
  });
}

function closeDetails(state: DashboardState): void {
  state.shownId = null;
  clear(state.details);
  state.body.classList.remove('mm-with-details');
  state.graph?.select(null);
  markCurrent(state);
}

/** Show a component's card in the details panel (when there is one) and select it everywhere. */
function show(state: DashboardState, id: string): void {
  const { ctx, details } = state;
  const c = ctx.component(id);
  if (!c) return;
  state.shownId = id;
  if (state.options.details !== false) {
    const close = h(ctx.document, 'button', { cls: 'mm-button mm-details-close', text: '×', attrs: { type: 'button', 'aria-label': 'Close the details', title: 'Close' } });
    close.addEventListener('click', () => closeDetails(state));
    details.replaceChildren(close, renderComponentCard(c, ctx, { headingLevel: 2 }));
    // A new card starts at its top, wherever the previous one was scrolled to.
    details.scrollTop = 0;
    state.body.classList.add('mm-with-details');
  }
  state.graph?.select(id);
  markCurrent(state);
}

/** Title, date, per-stage summary and the host's extras; then problems across the vault. */

export function renderDashboard(ctx: ViewContext, options: DashboardOptions): DashboardView {
  const doc = ctx.document;
  const details = h(doc, 'aside', { cls: 'mm-details', attrs: { 'aria-label': 'Selected component' } });
  const tabs = renderTabs(doc, (tab) => setTab(state, tab));
  const state: DashboardState = {
    ctx,
    options,
    root: h(doc, 'div', { cls: 'mm mm-dashboard' }),
    body: h(doc, 'div', { cls: 'mm-dash-body', children: [tabs.panelHolder, options.details === false ? null : details] }),
    details,
    filters: renderFilterBar(ctx),
    tabs,
    tab: options.tab ?? 'board',
    graph: null,
    shownId: null,
    results: [],
    dirty: new Set(TABS.map((t) => t.id)),
    deferred: options.defer !== undefined,
    filterDraws: 0,
    marked: false,
  };
  for (const el of state.filters.inputs) el.addEventListener(el.type === 'search' ? 'input' : 'change', () => filterChanged(state));
  // Pages drawn later (a part a frame, or on "Show more"): the shown component marked in them too.
  const drawn = typeof doc.defaultView?.MutationObserver === 'function' ? new doc.defaultView.MutationObserver((records) => markAsDrawn(state, records)) : null;
  drawn?.observe(tabs.panelHolder, { childList: true, subtree: true });
  state.root.append(...renderHeader(ctx, options), state.filters.element, tabs.tablist, state.body);
  if (options.defer) deferFirstDraw(state, options.defer);
  else applyFilters(state);
  return {
    element: state.root,
    show: (id) => show(state, id),
    setTab: (tab) => setTab(state, tab),
    refresh: () => applyFilters(state),
    destroy() {
      state.deferred = false;
      state.filterDraws++;
      drawn?.disconnect();
      state.graph?.destroy();
      state.root.remove();
    },
  };
}
