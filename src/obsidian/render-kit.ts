// The shared views (src/render) as the plugin uses them: a ViewContext over the live index whose
// links open notes the Obsidian way, and the few compositions the plugin shows (the note header,
// a card, query results). Views are the render layer's; nothing here draws its own.
import {
  contextFromIndex,
  renderComponentCard,
  renderCriteriaProgress,
  renderDependencyStrip,
  renderGraph,
  renderQueryResults,
  renderStageBadge,
  type GraphView,
  type LayoutWorker,
  type QueryView,
  type TableOptions,
  type ViewContext,
  type ViewHost,
} from '../render/index';
import type { Component, MaturityIndex } from '../core/index';
import { everyComponent } from '../plugin-cache/view-slices';

export type { ViewContext, GraphView, LayoutWorker, QueryView };

export type OpenNote = (id: string, event?: MouseEvent | KeyboardEvent, line?: number) => void;
export type HoverNote = (id: string, event: MouseEvent, target: HTMLElement) => void;

/** How the plugin keeps the main thread free while a view draws: the graph's layout worker, its way of yielding. */
export type ThreadHelp = Pick<ViewHost, 'graphLayout' | 'nextTask'>;

/** Component links are Obsidian internal links (`a.internal-link` with `data-href`, the note's path); see links.ts. */
export function viewContext(index: MaturityIndex, open: OpenNote, hover: HoverNote, help: ThreadHelp = {}): ViewContext {
  const ctx = contextFromIndex(index, { document: activeDocument, onOpen: open, onHover: hover, href: (id) => id, linkClass: 'internal-link', ...help });
  return { ...ctx, components: () => componentsOf(index) };
}

/** Every component's view, in name order, read once per revision and day of the index (view-slices.ts): a copy each time. */
export function componentsOf(index: MaturityIndex): Component[] {
  return everyComponent(index).slice();
}

/** The header in a component note: badge, criteria progress, dependencies and dependents. */
export function renderHeader(el: HTMLElement, component: Component, ctx: ViewContext): void {
  el.addClass('mm');
  const top = el.createDiv({ cls: 'maturity-map-header-top' });
  top.append(renderStageBadge(component, ctx));
  top.createSpan({ cls: 'maturity-map-header-name', text: component.name });
  el.append(renderCriteriaProgress(component, ctx), renderDependencyStrip(component, ctx));
}

export function renderCard(el: HTMLElement, component: Component, ctx: ViewContext): void {
  // h2: a block may sit right under the note's title; deeper would skip a level there.
  el.append(renderComponentCard(component, ctx, { headingLevel: 2 }));
}

/**
 * Query results; a graph comes back as its handle, which the caller must destroy. `table`: the
 * order a table's rows come in, what its header does (table.ts `onSort`) and how many rows a task
 * draws (`slicing`).
 */
export function renderResults(el: HTMLElement, components: Component[], view: QueryView, ctx: ViewContext, table: Pick<TableOptions, 'sort' | 'onSort' | 'slicing'> = {}): GraphView | null {
  if (view === 'graph') {
    const graph = renderGraph(ctx, { ids: components.map((c) => c.id), wheel: 'modifier' });
    el.append(graph.element);
    return graph;
  }
  el.append(renderQueryResults(components, view, ctx, { headingLevel: 2, ...table }));
  return null;
}

/** Invalid block options, shown where the block is. */
export function renderErrors(el: HTMLElement, title: string, messages: string[]): void {
  const box = el.createDiv({ cls: 'maturity-map-error', attr: { role: 'alert' } });
  box.createEl('strong', { text: title });
  const list = box.createEl('ul');
  for (const m of messages) list.createEl('li', { text: m });
}
