// The standalone page's second script: the dependency graph's code (the graph view,
// graph-script-entry.ts) is in the page as text, `<script type="text/plain" id="mm-graph-script">`,
// which the browser neither compiles nor runs. It was 60% of the page's one script, whose compile
// was most of its evaluation as the page opens (benchmarks.md, sessions 22 and 23). The first time
// the Graph tab is drawn, the text is run as an inline script of its own: the page's
// Content-Security-Policy allows it by its hash (src/cli/dashboard-page.ts), no URL, no eval. It takes
// the modules it shares with this script from PAGE_MODULES, one copy of each (dom.ts's id counter,
// the work counters), and leaves its exports in a global (scripts/targets.mjs builds it so). Its
// graphs are laid out where the page lays out (page-layouts.ts): in a Web Worker started from
// another text block of the page, the page's one copy of d3-dag, as the plugins do.
import type { Component } from '../../core/model';
import * as works from '../../core/work-count';
import * as serialize from '../../core/serialize';
import * as stages from '../../core/stages';
import * as text from '../../core/text';
import type { ViewContext } from '../context';
import * as dom from '../dom';
import * as limits from '../graph/limits';
import * as toolbar from '../graph/toolbar';
import type { GraphLayouter } from '../graph/layout-request';
import type { GraphOptions, graphView } from '../graph/view';
import * as stage from '../stage';
import type { DashboardGraph, GraphRenderer } from './dashboard';
import { graphNotice, onlyNotice } from './graph-notice';
import { GRAPH_SCRIPT_ID } from './page-block-ids';
import { pageLayouts, type PageLayouts } from './page-layouts';
import { runBlock } from './text-blocks';

/** Globals named in scripts/page-scripts.mjs: where the graph script finds this script's modules, and where it leaves its exports. */
const PAGE_MODULES_GLOBAL = 'mmGraphPageModules';
const EXPORTS_GLOBAL = 'mmGraphScript';

/**
 * The modules of this script the graph script imports, by their path in the repository (the build
 * resolves each of its imports of them to this table, and fails when one is missing here).
 */
export const PAGE_MODULES: Readonly<Record<string, unknown>> = {
  'src/core/serialize.ts': serialize,
  'src/core/stages.ts': stages,
  'src/core/text.ts': text,
  'src/core/work-count.ts': works,
  'src/render/dom.ts': dom,
  'src/render/graph/limits.ts': limits,
  'src/render/graph/toolbar.ts': toolbar,
  'src/render/stage.ts': stage,
};

export interface GraphScript {
  graphView: typeof graphView;
}

/** Run the graph script (its modules shared with this script handed over) and take its exports. */
function runGraphScript(doc: Document): GraphScript {
  const exported = runBlock(doc, GRAPH_SCRIPT_ID, 'graph script', EXPORTS_GLOBAL, { [PAGE_MODULES_GLOBAL]: PAGE_MODULES }) as Partial<GraphScript> | undefined;
  if (typeof exported?.graphView !== 'function') throw new Error('its script did not run');
  return exported as GraphScript;
}

/** The graph script's view over the page's light components, laid out where the page lays out (page-layouts.ts). */
function withPageLayouts(script: GraphScript, layouts: PageLayouts): GraphRenderer {
  // Started as the graph script runs, if it was not already: a task or more before the first layout.
  layouts.start();
  return (ctx, options) => script.graphView(lightGraphContext(ctx, layouts.graphLayout), options, layouts.inThread);
}

/**
 * The page's context for its graph: components are the light ones the page paints with, which
 * hold all the graph model reads (name, stage, blockers, dependencies, diagnostics, staleness). The
 * page's `component(id)` joins a component's detail and computes its readiness for its card, ~0.2 ms
 * each: at 1,000 components that was half the Graph tab's task (benchmarks.md, session 23).
 */
function lightGraphContext(ctx: ViewContext, graphLayout: GraphLayouter): ViewContext {
  // Made when the model first asks (a graph over 2,000 components shows a notice and asks nothing).
  let light: Map<string, Component> | null = null;
  const component = (id: string) => (light ??= new Map(ctx.components().map((c) => [c.id, c]))).get(id);
  return { ...ctx, component, graphLayout };
}

/** In place of the graph when its script cannot run: the other tabs still work. */
function failedGraph(doc: Document, err: unknown): DashboardGraph {
  const element = dom.h(doc, 'div', { cls: 'mm mm-graph' });
  element.appendChild(dom.h(doc, 'p', { cls: 'mm-empty mm-graph-failed', text: `The graph could not be loaded (${err instanceof Error ? err.message : String(err)}). The other views still show every component.` }));
  return { element, select: () => undefined, destroy: () => element.remove() };
}

/**
 * The graph in the task after the tab's: the script's compile and top level (10–14 ms of CPU) are
 * not added to the task that shows the tab (at 10k components, ~22 ms of CPU with the graph's
 * notice; benchmarks.md, session 23). Until then a busy placeholder stands in the panel and keeps
 * what is selected.
 */
function graphInNextTask(ctx: ViewContext, options: GraphOptions, load: () => GraphRenderer): DashboardGraph {
  const doc = ctx.document;
  const element = dom.h(doc, 'div', { cls: 'mm mm-graph', attrs: { 'aria-busy': 'true' } });
  element.appendChild(dom.h(doc, 'p', { cls: 'mm-empty', text: 'Loading the graph…' }));
  let view: DashboardGraph | null = null;
  let selected: string | null = null;
  let destroyed = false;
  void ctx.nextTask().then(() => {
    if (destroyed) return;
    view = loadedOrFailed(doc, () => load()(ctx, options));
    if (selected !== null) view.select(selected);
    element.replaceWith(view.element);
  });
  return {
    element,
    select: (id) => {
      selected = id;
      view?.select(id);
    },
    destroy: () => {
      destroyed = true;
      view?.destroy();
      element.remove();
    },
  };
}

/** The standalone page's graph: the Graph tab's renderer, and its layout worker's early start. */
export interface PageGraph {
  /**
   * The Graph tab's renderer: the graph script runs the first time the tab draws a graph. A tab of
   * more components than the graph draws shows its notice without it (graph-notice.ts); the script
   * runs when the reader focuses on a component there.
   */
  render: GraphRenderer;
  /**
   * Start the layout worker ahead of the first Graph tab, when a page of `components` would draw a
   * graph (the page calls it once idle after its first paint); its thread's start and its compile
   * were in the first tab's wait.
   */
  startWorker(components: number): void;
}

export function pageGraph(doc: Document): PageGraph {
  const layouts = pageLayouts(doc);
  let loaded: GraphRenderer | null = null;
  const load = () => (loaded ??= withPageLayouts(runGraphScript(doc), layouts));
  const render = (ctx: ViewContext, options: GraphOptions) => {
    if (loaded) return loaded(ctx, options);
    if (onlyNotice(ctx, options)) return graphNotice(ctx, options, (chosen) => loadedOrFailed(doc, () => load()(ctx, chosen)));
    return graphInNextTask(ctx, options, load);
  };
  return { render, startWorker: (components) => (components <= limits.MAX_GRAPH_COMPONENTS ? layouts.start() : undefined) };
}

/** The graph view `make` makes with the graph script, or what says that script did not run. */
function loadedOrFailed(doc: Document, make: () => DashboardGraph): DashboardGraph {
  try {
    return make();
  } catch (err) {
    return failedGraph(doc, err);
  }
}
