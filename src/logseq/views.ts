// The shared views (src/render) in Logseq: the view context, cards, badges and notices serialised
// into macro slots (a query's slot: query-slot.ts), and the dashboard live in the plugin's own frame.
import { lastCollected } from '../plugin-cache/view-slices';
import {
  cardSectionGroups,
  contextFromIndex,
  renderCardHead,
  renderComponentLink,
  renderDashboard,
  renderDiagnostic,
  renderNextProgress,
  renderStageBadge,
  type CardSection,
  type ViewContext,
} from '../render/index';
import type { DashboardView } from '../render/dashboard/dashboard';
import type { GraphIndex } from './graph-index';
import { graphLayout } from './graph-layout';
import { declareCalls, delegateOpen, noticeElement, serializeTrustedTree } from './markup';
import type { SlotMarkup } from './slot-types';
import { frameYield } from './steps';

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
    // The shared views' own steps (a graph's drawing slices, the dashboard's deferred draw) named
    // for profilers and the bench's task clock, as the plugin's own yields are (steps.ts).
    ...(doc.defaultView ? { nextTask: viewStep(doc.defaultView) } : {}),
  });
}

/** A shared view's yield in the frame: a zero timer named `view: next step`. */
function viewStep(frame: Window): () => Promise<void> {
  const yieldNow = frameYield(frame);
  return () => yieldNow('view: next step');
}

export function slotRoot(doc: Document, child: Element, inline = false): HTMLElement {
  const root = doc.createElement(inline ? 'span' : 'div');
  root.setAttribute('class', inline ? 'mm mm-logseq-slot mm-logseq-inline' : 'mm mm-logseq-slot');
  root.appendChild(child);
  return root;
}

/** Wire a tree's controls to the model (markup.ts); what serialising keeps of them. */
export function delegate(graph: GraphIndex, root: HTMLElement, slot: string | null): void {
  delegateOpen(root, (id) => graph.pageOf(id)?.originalName ?? null, slot);
}

/** The tree wired and serialised; `roots`: how many injected roots will hold it (a slot piece's, declareCalls). */
export function finish(graph: GraphIndex, root: HTMLElement, slot: string | null, roots = 1): string {
  delegate(graph, root, slot);
  declareCalls(root, roots);
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
    const markup = (roots: number) => {
      // The card's id on the piece's root: its line buttons find their component through it.
      const root = doc.createElement('div');
      root.setAttribute('class', 'mm-card-part-body');
      root.setAttribute('data-mm-id', id);
      root.append(...group());
      return finish(graph, root, slot, roots);
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
 * Put a component's Logseq reading into its cards under `root` (the Cards tab's), in place of the
 * one each shows: a card's last section, as drawing the card now would place it (card.ts,
 * `cardSectionGroups`).
 */
function showReading(root: HTMLElement, graph: GraphIndex, ctx: ViewContext, id: string): void {
  const component = ctx.component(id);
  if (!component) return;
  for (const card of root.querySelectorAll('article.mm-card')) {
    if (card.getAttribute('data-mm-id') !== id) continue;
    card.querySelector(':scope > .mm-logseq-reading')?.remove();
    const section = logseqSection(graph)(component, ctx);
    if (section) card.appendChild(section);
  }
}

export interface MainUI {
  /** Draw again (the components it lists collected a slice at a time before: main-toggle.ts). */
  refresh(): void;
  /** The component's Logseq reading is known now: its cards drawn before show it. */
  readingKnown(id: string): void;
  destroy(): void;
}

/**
 * The dashboard in the plugin's frame; clicking a component opens its page in Logseq. Its list of
 * components is the one main-toggle.ts collected in slices before the draw (view-slices.ts
 * `lastCollected`): the draw asks for it several times (summary, filters), and a walk of every
 * view's cache entry is ~50 ms at 10k. After an edit the list is collected again and the
 * dashboard drawn again; a draw in between shows the list as collected.
 */
export function mountDashboard(mount: HTMLElement, graph: GraphIndex, open: OpenComponent, close: () => void): MainUI {
  const doc = mount.ownerDocument;
  const ctx: ViewContext = { ...viewContext(graph, doc, open, 'none'), components: () => lastCollected(graph.index) };
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
    readingKnown: (id) => showReading(main, graph, ctx, id),
    destroy: () => {
      view.destroy();
      mount.replaceChildren();
    },
  };
}
