// Browser entry for the Chromium XSS suite: renders every shared view over the snapshot embedded in
// the page (the hostile vault), so that a payload treated as markup anywhere would run here.
import { checkSnapshot } from '../../../src/core/snapshot';
import {
  contextFromSnapshot,
  renderBoard,
  renderComponentCard,
  renderCriteriaProgress,
  renderDashboard,
  renderDependencyStrip,
  renderGraph,
  renderLegend,
  renderList,
  renderQueryResults,
  renderReadiness,
  renderStageBadge,
  renderStageTag,
  renderTable,
} from '../../../src/render/index';

const opened: string[] = [];
const snapshot = checkSnapshot(JSON.parse(document.getElementById('mm-data')!.textContent ?? 'null'));
const ctx = contextFromSnapshot(snapshot, { document, onOpen: (id) => opened.push(id), href: (id) => `#component=${encodeURIComponent(id)}` });
const app = document.getElementById('app')!;
const section = (name: string, ...children: Array<Node | null>) => {
  const el = document.createElement('section');
  el.setAttribute('data-view', name);
  for (const child of children) if (child) el.appendChild(child);
  app.appendChild(el);
};

const components = ctx.components();
section('cards', ...components.map((c) => renderComponentCard(c, ctx)));
section('badges', ...components.map((c) => renderStageBadge(c, ctx, { flagLabels: true })), ...components.map((c) => renderStageTag(c.note.stage?.id ?? null, ctx, c.name)));
section('progress', ...components.map((c) => renderCriteriaProgress(c, ctx)));
section('readiness', ...components.map((c) => renderReadiness(c, ctx)));
section('strips', ...components.map((c) => renderDependencyStrip(c, ctx)));
section('table', renderTable(components, ctx));
section('list', renderList(components, ctx));
section('board', renderBoard(components, ctx, { sort: 'readiness' }));
for (const view of ['table', 'list', 'board', 'graph'] as const) section(`query-${view}`, renderQueryResults(components, view, ctx));
const graph = renderGraph(ctx);
section('graph', graph.element, renderLegend(ctx));
const dashboard = renderDashboard(ctx, { title: snapshot.root });
section('dashboard', dashboard.element);

Object.assign(window, {
  __mmViews: {
    opened,
    ids: components.map((c) => c.id),
    show: (id: string) => dashboard.show(id),
    setTab: (tab: 'board' | 'graph' | 'table' | 'cards') => dashboard.setTab(tab),
    focusGraph: (id: string) => {
      graph.focus(id, 1);
      graph.select(id);
    },
  },
  __mmReady: true,
});
