// The dashboard's filter bar (text, stage, blocked, stale, errors, order, count) and its tab list
// (WAI-ARIA tabs pattern: arrows move between tabs, Tab enters the panel).
import type { ViewContext } from '../context';
import { h, uniqueId } from '../dom';
import type { DashboardFilter } from './filter';

export type DashboardTab = 'board' | 'graph' | 'timeline' | 'table' | 'cards';

export const TABS: Array<{ id: DashboardTab; label: string }> = [
  { id: 'board', label: 'Board' },
  { id: 'graph', label: 'Graph' },
  { id: 'timeline', label: 'Timeline' },
  { id: 'table', label: 'Table' },
  { id: 'cards', label: 'Cards' },
];

export interface FilterBar {
  element: HTMLElement;
  /** Every control that changes the results. */
  inputs: Array<HTMLInputElement | HTMLSelectElement>;
  order: HTMLSelectElement;
  count: HTMLElement;
  read(): DashboardFilter;
}

function stageSelect(ctx: ViewContext): HTMLSelectElement {
  const doc = ctx.document;
  const stage = h(doc, 'select', { cls: 'mm-filter-stage', attrs: { 'aria-label': 'Stage' } });
  stage.appendChild(h(doc, 'option', { text: 'Every stage', attrs: { value: '' } }));
  for (const s of ctx.stages) stage.appendChild(h(doc, 'option', { text: s.name, attrs: { value: s.id } }));
  stage.appendChild(h(doc, 'option', { text: 'Unknown stage', attrs: { value: 'unknown' } }));
  return stage;
}

export function renderFilterBar(ctx: ViewContext): FilterBar {
  const doc = ctx.document;
  const text = h(doc, 'input', { cls: 'mm-filter-text', attrs: { type: 'search', placeholder: 'Filter by name, owner, group, tag…', 'aria-label': 'Filter components' } });
  const stage = stageSelect(ctx);
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
  return {
    element: h(doc, 'div', { cls: 'mm-filters', attrs: { role: 'search' }, children: [text, stage, blocked.label, stale.label, errors.label, order, count] }),
    inputs: [text, stage, blocked.box, stale.box, errors.box, order],
    order,
    count,
    read: () => ({ text: text.value, stage: stage.value || undefined, blocked: blocked.box.checked, stale: stale.box.checked, errors: errors.box.checked }),
  };
}

export interface TabSet {
  tablist: HTMLElement;
  panelHolder: HTMLElement;
  panels: Map<DashboardTab, HTMLElement>;
  buttons: Map<DashboardTab, HTMLButtonElement>;
}

export function renderTabs(doc: Document, setTab: (tab: DashboardTab) => void): TabSet {
  const tablist = h(doc, 'div', { cls: 'mm-tabs', attrs: { role: 'tablist', 'aria-label': 'Views' } });
  const panelHolder = h(doc, 'div', { cls: 'mm-panels' });
  const panels = new Map<DashboardTab, HTMLElement>();
  const buttons = new Map<DashboardTab, HTMLButtonElement>();
  TABS.forEach((t, i) => {
    const tabId = uniqueId('mm-tab');
    const panelId = uniqueId('mm-panel');
    const b = h(doc, 'button', { cls: 'mm-tab', text: t.label, attrs: { type: 'button', role: 'tab', id: tabId, 'aria-controls': panelId, 'data-mm-tab': t.id } });
    b.addEventListener('click', () => setTab(t.id));
    b.addEventListener('keydown', (event) => {
      const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
      if (step === 0) return;
      const next = TABS[(i + step + TABS.length) % TABS.length]!;
      event.preventDefault();
      setTab(next.id);
      buttons.get(next.id)?.focus();
    });
    buttons.set(t.id, b);
    tablist.appendChild(b);
    const panel = h(doc, 'div', { cls: `mm-panel mm-panel-${t.id}`, attrs: { role: 'tabpanel', id: panelId, 'aria-labelledby': tabId } });
    panels.set(t.id, panel);
    panelHolder.appendChild(panel);
  });
  return { tablist, panelHolder, panels, buttons };
}
