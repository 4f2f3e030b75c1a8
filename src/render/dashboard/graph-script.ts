// The standalone page's second script: the dependency graph's code (the graph view,
// graph-script-entry.ts) is in the page as text, `<script type="text/plain" id="mm-graph-script">`,
// which the browser neither compiles nor runs. It was 60% of the page's one script, whose compile
// was most of its evaluation as the page opens (benchmarks.md, sessions 22 and 23). The first time
// the Graph tab is drawn, the text is run as an inline script of its own: the page's
// Content-Security-Policy allows it by its hash (src/cli/dashboard-page.ts), no URL, no eval. It takes
// the modules it shares with this script from PAGE_MODULES, one copy of each (dom.ts's id counter,
// the work counters), and leaves its exports in a global (scripts/targets.mjs builds it so). Its
// graphs are laid out in a Web Worker started from another text block of the page, as the plugins';
// that block holds the page's one copy of d3-dag, and is run here when no worker can start.
import type { Component } from '../../core/model';
import * as works from '../../core/work-count';
import * as serialize from '../../core/serialize';
import * as stages from '../../core/stages';
import * as text from '../../core/text';
import type { ViewContext } from '../context';
import * as dom from '../dom';
import * as limits from '../graph/limits';
import * as toolbar from '../graph/toolbar';
import type { GraphLayouter, InThreadLayout } from '../graph/layout-request';
import type { createLayoutWorker } from '../graph/layout-worker';
import type { GraphOptions, graphView } from '../graph/view';
import * as stage from '../stage';
import type { DashboardGraph, GraphRenderer } from './dashboard';
import { graphNotice, onlyNotice } from './graph-notice';
import { GRAPH_SCRIPT_ID, LAYOUT_WORKER_ID } from './graph-script-id';

/**
 * Globals named in scripts/targets.mjs: where the graph script finds this script's modules, where
 * it leaves its exports, and where the layout block run on the main thread leaves its layout.
 */
const PAGE_MODULES_GLOBAL = 'mmGraphPageModules';
const EXPORTS_GLOBAL = 'mmGraphScript';
const LAYOUT_BLOCK_GLOBAL = 'mmLayoutBlock';

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
  createLayoutWorker: typeof createLayoutWorker;
}

/**
 * Run the text block `id` of the page as an inline script (allowed by its hash in the page's policy)
 * with `given` in globals while it runs, and take what it leaves in the global `exported`.
 */
function runBlock(doc: Document, id: string, exported: string, given: Record<string, unknown>): unknown {
  const code = doc.getElementById(id)?.textContent;
  const globals = doc.defaultView as unknown as Record<string, unknown> | null;
  if (!code || !globals) throw new Error(`the page has no ${id === GRAPH_SCRIPT_ID ? 'graph script' : 'layout block'}`);
  Object.assign(globals, given);
  const script = doc.createElement('script');
  script.textContent = code;
  try {
    // An inline script runs as it is inserted, or not at all (a policy that does not allow it).
    (doc.head ?? doc.documentElement).appendChild(script);
  } finally {
    script.remove();
    for (const name of Object.keys(given)) delete globals[name];
  }
  return globals[exported];
}

/** Run the graph script (its modules shared with this script handed over) and take its exports. */
function runGraphScript(doc: Document): GraphScript {
  const exported = runBlock(doc, GRAPH_SCRIPT_ID, EXPORTS_GLOBAL, { [PAGE_MODULES_GLOBAL]: PAGE_MODULES }) as Partial<GraphScript> | undefined;
  if (typeof exported?.graphView !== 'function' || typeof exported.createLayoutWorker !== 'function') throw new Error('its script did not run');
  return exported as GraphScript;
}

/**
 * The graph's layout on the main thread, for when no worker can start: the layout block, which is
 * the worker's code, run here as an inline script the first time (allowed by its hash), so the page
 * holds d3-dag once (~113 KB; it was in the graph script too, session 23). Counted as the plugins'
 * layouts in their own thread are (`workCount.graphLayouts`).
 */
function layoutOnThePage(doc: Document): InThreadLayout {
  let layout: InThreadLayout | null = null;
  return (request) => {
    if (!layout) {
      const block = runBlock(doc, LAYOUT_WORKER_ID, LAYOUT_BLOCK_GLOBAL, {}) as { layout?: unknown } | undefined;
      if (typeof block?.layout !== 'function') throw new Error('its layout block did not run');
      layout = block.layout as InThreadLayout;
    }
    works.workCount.graphLayouts++;
    return layout(request);
  };
}

/**
 * The graph script's view, its layouts in a Web Worker started from the page's `mm-layout-worker`
 * block through a Blob URL (the page's CSP allows `worker-src blob:`, nothing else): laying out
 * 1,000 components is ~350 ms of CPU, which was the Graph tab's own task (benchmarks.md, session
 * 23). One worker for the page, started with the first layout. When it cannot run (no block, no
 * Worker, a policy that forbids it, no answer), the view lays out in its own task instead, with the
 * same block's code run on the main thread (render/graph/layout-worker.ts, redraw.ts): the same
 * drawing.
 */
function withLayoutWorker(doc: Document, script: GraphScript): GraphRenderer {
  const source = doc.getElementById(LAYOUT_WORKER_ID)?.textContent;
  const host = doc.defaultView;
  const layout = source && host ? script.createLayoutWorker(source, host).layout : undefined;
  const inThread = layoutOnThePage(doc);
  return (ctx, options) => script.graphView(lightGraphContext(ctx, layout), options, inThread);
}

/**
 * The page's context for its graph: components are the light ones the page paints with, which
 * hold all the graph model reads (name, stage, blockers, dependencies, diagnostics, staleness). The
 * page's `component(id)` joins a component's detail and computes its readiness for its card, ~0.2 ms
 * each: at 1,000 components that was half the Graph tab's task (benchmarks.md, session 23).
 */
function lightGraphContext(ctx: ViewContext, graphLayout: GraphLayouter | undefined): ViewContext {
  // Made when the model first asks (a graph over 2,000 components shows a notice and asks nothing).
  let light: Map<string, Component> | null = null;
  const component = (id: string) => (light ??= new Map(ctx.components().map((c) => [c.id, c]))).get(id);
  return { ...ctx, component, ...(graphLayout ? { graphLayout } : {}) };
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

/**
 * The Graph tab's renderer for the page in `doc`: the graph script runs the first time the tab
 * draws a graph. A tab of more components than the graph draws shows its notice without it
 * (graph-notice.ts): the script runs when the reader focuses on a component there.
 */
export function graphFromScript(doc: Document): GraphRenderer {
  let loaded: GraphRenderer | null = null;
  const load = () => (loaded ??= withLayoutWorker(doc, runGraphScript(doc)));
  return (ctx: ViewContext, options: GraphOptions) => {
    if (loaded) return loaded(ctx, options);
    if (onlyNotice(ctx, options)) return graphNotice(ctx, options, (chosen) => loadedOrFailed(doc, () => load()(ctx, chosen)));
    return graphInNextTask(ctx, options, load);
  };
}

/** The graph view `make` makes with the graph script, or what says that script did not run. */
function loadedOrFailed(doc: Document, make: () => DashboardGraph): DashboardGraph {
  try {
    return make();
  } catch (err) {
    return failedGraph(doc, err);
  }
}
