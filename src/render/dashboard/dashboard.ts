// The dashboard: a summary, filters shared by every tab, and five tabs — board, graph, timeline,
// table and every component's card — plus a details panel that shows the selected component's card. Used by
// the standalone HTML page and available to the hosts' dashboard views.
import type { Component } from '../../core/index';
import { renderBoard } from '../board';
import { renderComponentCard, renderDiagnostic } from '../card';
import type { ViewContext } from '../context';
import { clear, h, plural, uniqueId } from '../dom';
import { renderGraph, type GraphView } from '../graph/view';
import { sortByReadiness } from '../readiness';
import { stageInfo } from '../stage';
import { renderTable } from '../table';
import { renderTimeline } from '../timeline';
import { filterComponents, type DashboardFilter } from './filter';

export type DashboardTab = 'board' | 'graph' | 'timeline' | 'table' | 'cards';

export interface DashboardOptions {
  title?: string;
  /** The tab shown first (default board). */
  tab?: DashboardTab;
  /** Show a details panel with the selected component's card (default true). */
  details?: boolean;
  /** Extra controls for the header (the standalone page's theme switch). */
  headerExtras?: HTMLElement[];
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

const TABS: Array<{ id: DashboardTab; label: string }> = [
  { id: 'board', label: 'Board' },
  { id: 'graph', label: 'Graph' },
  { id: 'timeline', label: 'Timeline' },
  { id: 'table', label: 'Table' },
  { id: 'cards', label: 'Cards' },
];

/** Board items per column drawn before the first paint: more than a tall screen shows. */
const BOARD_FIRST_ITEMS = 30;

function summary(components: readonly Component[], ctx: ViewContext): HTMLElement {
  const doc = ctx.document;
  const list = h(doc, 'ul', { cls: 'mm-summary', attrs: { 'aria-label': 'Components per stage' } });
  for (const stage of [...ctx.stages.map((s) => s.id), null]) {
    const count = components.filter((c) => (c.note.stage?.id ?? null) === stage).length;
    if (stage === null && count === 0) continue;
    const info = stageInfo(ctx, stage);
    list.appendChild(h(doc, 'li', {
      cls: `mm-summary-item mm-stage${stage === null ? ' mm-stage-unknown' : ''}`,
      vars: info.color ? { '--mm-stage-color': info.color } : undefined,
      children: [h(doc, 'span', { cls: 'mm-stage-glyph', text: info.glyph, attrs: { 'aria-hidden': 'true' } }), h(doc, 'strong', { text: String(count) }), doc.createTextNode(` ${info.name}`)],
    }));
  }
  let errors = 0;
  let warnings = 0;
  for (const c of components) {
    for (const d of c.diagnostics) {
      if (d.severity === 'error') errors++;
      else if (d.severity === 'warning') warnings++;
    }
  }
  list.appendChild(h(doc, 'li', { cls: 'mm-summary-item mm-error-text', text: `✖ ${plural(errors, 'error')}` }));
  list.appendChild(h(doc, 'li', { cls: 'mm-summary-item mm-warn-text', text: `▲ ${plural(warnings, 'warning')}` }));
  return list;
}

export function renderDashboard(ctx: ViewContext, options: DashboardOptions = {}): DashboardView {
  const doc = ctx.document;
  const root = h(doc, 'div', { cls: 'mm mm-dashboard' });
  let tab: DashboardTab = options.tab ?? 'board';
  let graph: GraphView | null = null;
  let shownId: string | null = null;
  const dirty = new Set<DashboardTab>(TABS.map((t) => t.id));

  // Filters shared by every tab.
  const text = h(doc, 'input', { cls: 'mm-filter-text', attrs: { type: 'search', placeholder: 'Filter by name, owner, group, tag…', 'aria-label': 'Filter components' } });
  const stage = h(doc, 'select', { cls: 'mm-filter-stage', attrs: { 'aria-label': 'Stage' } });
  stage.appendChild(h(doc, 'option', { text: 'Every stage', attrs: { value: '' } }));
  for (const s of ctx.stages) stage.appendChild(h(doc, 'option', { text: s.name, attrs: { value: s.id } }));
  stage.appendChild(h(doc, 'option', { text: 'Unknown stage', attrs: { value: 'unknown' } }));
  const check = (label: string, cls: string) => {
    const box = h(doc, 'input', { cls, attrs: { type: 'checkbox' } });
    return { box, label: h(doc, 'label', { cls: 'mm-filter-check', children: [box, doc.createTextNode(` ${label}`)] }) };
  };
  const blocked = check('Blocked', 'mm-filter-blocked');
  const stale = check('Stale', 'mm-filter-stale');
  const errors = check('Has errors', 'mm-filter-errors');
  const count = h(doc, 'span', { cls: 'mm-filter-count mm-muted', attrs: { 'aria-live': 'polite' } });
  const order = h(doc, 'select', { cls: 'mm-filter-order', attrs: { 'aria-label': 'Order' } });
  order.append(h(doc, 'option', { text: 'By name', attrs: { value: 'name' } }), h(doc, 'option', { text: 'By readiness', attrs: { value: 'readiness' } }));

  const filter = (): DashboardFilter => ({
    text: text.value,
    stage: stage.value || undefined,
    blocked: blocked.box.checked,
    stale: stale.box.checked,
    errors: errors.box.checked,
  });
  let results: Component[] = [];

  // Tabs (WAI-ARIA tabs pattern: arrows move between tabs, Tab enters the panel).
  const tablist = h(doc, 'div', { cls: 'mm-tabs', attrs: { role: 'tablist', 'aria-label': 'Views' } });
  const panels = new Map<DashboardTab, HTMLElement>();
  const buttons = new Map<DashboardTab, HTMLButtonElement>();
  const panelHolder = h(doc, 'div', { cls: 'mm-panels' });
  for (const t of TABS) {
    const tabId = uniqueId('mm-tab');
    const panelId = uniqueId('mm-panel');
    const b = h(doc, 'button', { cls: 'mm-tab', text: t.label, attrs: { type: 'button', role: 'tab', id: tabId, 'aria-controls': panelId, 'data-mm-tab': t.id } });
    b.addEventListener('click', () => setTab(t.id));
    b.addEventListener('keydown', (event) => {
      const i = TABS.findIndex((x) => x.id === t.id);
      const next = event.key === 'ArrowRight' ? TABS[(i + 1) % TABS.length] : event.key === 'ArrowLeft' ? TABS[(i - 1 + TABS.length) % TABS.length] : undefined;
      if (!next) return;
      event.preventDefault();
      setTab(next.id);
      buttons.get(next.id)?.focus();
    });
    buttons.set(t.id, b);
    tablist.appendChild(b);
    const panel = h(doc, 'div', { cls: `mm-panel mm-panel-${t.id}`, attrs: { role: 'tabpanel', id: panelId, 'aria-labelledby': tabId } });
    panels.set(t.id, panel);
    panelHolder.appendChild(panel);
  }

  // The details panel appears when a component is selected and closes with its button.
  const details = h(doc, 'aside', { cls: 'mm-details', attrs: { 'aria-label': 'Selected component' } });
  const closeDetails = () => {
    shownId = null;
    clear(details);
    body.classList.remove('mm-with-details');
    graph?.select(null);
    markCurrent();
  };

  /** Mark the shown component on the board and in the table. */
  function markCurrent(): void {
    for (const el of panelHolder.querySelectorAll('.mm-current')) el.classList.remove('mm-current');
    if (!shownId) return;
    for (const el of panelHolder.querySelectorAll('.mm-board-item, tr[data-mm-id], .mm-tl-row')) if (el.getAttribute('data-mm-id') === shownId) el.classList.add('mm-current');
  }

  function renderPanel(t: DashboardTab): void {
    const panel = panels.get(t)!;
    if (t === 'graph') {
      graph?.destroy();
      clear(panel);
      graph = renderGraph(ctx, { ids: results.map((c) => c.id) });
      panel.appendChild(graph.element);
      if (shownId) graph.select(shownId);
      return;
    }
    clear(panel);
    // Headings one level under the page's h1 (axe: heading-order).
    // A long board draws its first screen first; the rest of each column follows, 100 items a task.
    if (t === 'board') panel.appendChild(renderBoard(results, ctx, { headingLevel: 2, firstItems: BOARD_FIRST_ITEMS, onLaterItems: markCurrent }));
    else if (t === 'timeline') panel.appendChild(renderTimeline(results, ctx, { headingLevel: 2 }));
    else if (t === 'table') panel.appendChild(renderTable(results, ctx, order.value === 'readiness' ? { sort: { column: 'readiness', order: 'desc' } } : {}));
    else {
      if (results.length === 0) panel.appendChild(h(doc, 'p', { cls: 'mm-empty', text: 'No components match.' }));
      const grid = h(doc, 'div', { cls: 'mm-card-grid' });
      // A card shows the whole component: the context may give lists a lighter one.
      for (const c of results) grid.appendChild(renderComponentCard(ctx.component(c.id) ?? c, ctx, { headingLevel: 2 }));
      panel.appendChild(grid);
    }
    markCurrent();
  }

  function setTab(next: DashboardTab): void {
    tab = next;
    for (const [id, b] of buttons) {
      b.setAttribute('aria-selected', String(id === tab));
      b.setAttribute('tabindex', id === tab ? '0' : '-1');
    }
    for (const [id, panel] of panels) panel.hidden = id !== tab;
    root.setAttribute('data-mm-tab', tab);
    if (dirty.has(tab)) {
      dirty.delete(tab);
      renderPanel(tab);
    }
  }

  function applyFilters(): void {
    results = filterComponents(ctx.components(), filter(), ctx);
    if (order.value === 'readiness') results = sortByReadiness(results);
    const total = ctx.ids().length;
    count.textContent = results.length === total ? `${plural(total, 'component')}` : `${results.length} of ${plural(total, 'component')}`;
    for (const t of TABS) dirty.add(t.id);
    setTab(tab);
  }

  for (const el of [text, stage, blocked.box, stale.box, errors.box, order]) el.addEventListener(el === text ? 'input' : 'change', applyFilters);

  const header = h(doc, 'header', {
    cls: 'mm-dash-header',
    children: [
      h(doc, 'div', { cls: 'mm-dash-title', children: [h(doc, 'h1', { text: options.title ?? 'Maturity Map' }), h(doc, 'p', { cls: 'mm-muted', text: `As of ${ctx.today()}` })] }),
      summary(ctx.components(), ctx),
      ...(options.headerExtras ?? []),
    ],
  });
  root.appendChild(header);
  const vaultProblems = ctx.vaultDiagnostics();
  if (vaultProblems.length > 0) {
    root.appendChild(h(doc, 'ul', { cls: 'mm-vault-problems mm-diagnostic-list', attrs: { 'aria-label': 'Problems across the vault' }, children: vaultProblems.map((d) => renderDiagnostic(null, d, ctx)) }));
  }
  root.appendChild(h(doc, 'div', { cls: 'mm-filters', attrs: { role: 'search' }, children: [text, stage, blocked.label, stale.label, errors.label, order, count] }));
  root.appendChild(tablist);
  const body = h(doc, 'div', { cls: 'mm-dash-body', children: [panelHolder, options.details === false ? null : details] });
  root.appendChild(body);
  applyFilters();

  return {
    element: root,
    show(id) {
      const c = ctx.component(id);
      if (!c) return;
      shownId = id;
      if (options.details !== false) {
        const close = h(doc, 'button', { cls: 'mm-button mm-details-close', text: '×', attrs: { type: 'button', 'aria-label': 'Close the details', title: 'Close' } });
        close.addEventListener('click', closeDetails);
        details.replaceChildren(close, renderComponentCard(c, ctx, { headingLevel: 2 }));
        // A new card starts at its top, wherever the previous one was scrolled to.
        details.scrollTop = 0;
        body.classList.add('mm-with-details');
      }
      graph?.select(id);
      markCurrent();
    },
    setTab,
    refresh: applyFilters,
    destroy() {
      graph?.destroy();
      root.remove();
    },
  };
}
