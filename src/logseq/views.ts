// The shared views (src/render) in Logseq: serialised into macro slots, and live in the plugin's
// own frame for the main UI (dashboard with board, table, filters, and the dependency graph).
import { runQuery, type ComponentQuery } from '../core/index';
import { contextFromIndex, renderComponentCard, renderDashboard, renderDiagnostic, renderQueryResults, type CardSection, type ViewContext } from '../render/index';
import type { DashboardView } from '../render/dashboard/dashboard';
import type { GraphIndex } from './graph-index';
import { delegateOpen, noticeElement, serializeTrustedTree } from './markup';

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
export function viewContext(graph: GraphIndex, doc: Document, onOpen: (id: string) => void, links: 'logseq-route' | 'none'): ViewContext {
  return contextFromIndex(graph.index, {
    document: doc,
    onOpen: (id) => onOpen(id),
    href: (id) => {
      const page = graph.pageOf(id);
      return links === 'logseq-route' && page ? `#/page/${encodeURIComponent(page.originalName)}` : null;
    },
    cardSections: [logseqSection(graph)],
  });
}

function slotRoot(doc: Document, child: Element): HTMLElement {
  const root = doc.createElement('div');
  root.setAttribute('class', 'mm mm-logseq-slot');
  root.appendChild(child);
  return root;
}

function finish(graph: GraphIndex, root: HTMLElement): string {
  delegateOpen(root, (id) => graph.pageOf(id)?.originalName ?? null);
  return serializeTrustedTree(root);
}

export function noticeMarkup(doc: Document, kind: 'info' | 'warning' | 'error', title: string, lines: string[] = []): string {
  return serializeTrustedTree(slotRoot(doc, noticeElement(doc, kind, title, lines)));
}

/** A component's card for a slot. */
export function cardMarkup(graph: GraphIndex, id: string, doc: Document): string {
  const ctx = viewContext(graph, doc, () => undefined, 'logseq-route');
  const component = ctx.component(id);
  if (!component) return noticeMarkup(doc, 'warning', 'Maturity Map: this component is no longer in the graph.');
  return finish(graph, slotRoot(doc, renderComponentCard(component, ctx, { headingLevel: 3 })));
}

/** Query results for a slot, in the view the query names (table by default). */
export function queryMarkup(graph: GraphIndex, query: ComponentQuery, doc: Document): string {
  const ctx = viewContext(graph, doc, () => undefined, 'logseq-route');
  const results = runQuery(graph.index, query);
  if (results.length === 0) return noticeMarkup(doc, 'info', 'Maturity Map: no component matches this query.');
  return finish(graph, slotRoot(doc, renderQueryResults(results, query.view ?? 'table', ctx)));
}

export interface MainUI {
  refresh(): void;
  destroy(): void;
}

/** The dashboard in the plugin's frame; clicking a component opens its page in Logseq. */
export function mountDashboard(mount: HTMLElement, graph: GraphIndex, open: (id: string) => void, close: () => void): MainUI {
  const doc = mount.ownerDocument;
  const ctx = viewContext(graph, doc, open, 'none');
  const closeButton = doc.createElement('button');
  closeButton.setAttribute('type', 'button');
  closeButton.setAttribute('class', 'mm-logseq-close');
  closeButton.setAttribute('aria-label', 'Close Maturity Map');
  closeButton.textContent = 'Close';
  closeButton.addEventListener('click', close);
  const view: DashboardView = renderDashboard(ctx, { title: 'Maturity Map', headerExtras: [closeButton] });
  mount.replaceChildren(view.element);
  return {
    refresh: () => view.refresh(),
    destroy: () => {
      view.destroy();
      mount.replaceChildren();
    },
  };
}
