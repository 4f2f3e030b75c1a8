// In Chromium (bench/logseq/draws-chromium.mjs bundles this): the same generated graph as
// `npm run bench:logseq`, indexed with every view built, then the Logseq plugin's two long draws
// timed in a real browser rather than in the harness's happy-dom:
// - the dashboard's first draw (src/render renderDashboard in the frame), with the component list
//   handed to it (the plugin now collects it in the views' slices) and with the list walked in the
//   draw (before), and the style and layout that follow;
// - a graph query's draw (renderGraph of the first N staging components, as a `view=graph` query),
//   its d3-dag layout alone, and the markup the plugin serialises for provideUI;
// - the host's side of a query slot: DOMPurify and the injection of a table of 25 and of 10 rows,
//   and of a graph of 100 and of 50 components, as Logseq's provideUI does them.
import { generateNotes } from '../generator/vault';
import { createIndex, buildGraphModel, type MaturityIndex } from '../../src/core/index';
import DOMPurify from 'dompurify';
import { contextFromIndex, renderDashboard, renderGraph, renderQueryResults, type ViewContext } from '../../src/render/index';
import { layoutEdges, layoutInputs } from '../../src/render/graph/draw';
import { layoutGraph } from '../../src/render/graph/layout';
import { delegateOpen, serializeTrustedTree } from '../../src/logseq/markup';

let index: MaturityIndex = createIndex({});

const ctxOf = (): ViewContext => contextFromIndex(index, { document, onOpen: () => undefined });

/** Style and layout now (what the browser does after the task): the time it takes. */
function layoutNow(): number {
  const t = performance.now();
  void document.body.getBoundingClientRect().height;
  return performance.now() - t;
}

function setUp(notes: number): { components: number } {
  index = createIndex({});
  index.batch(() => {
    for (const n of generateNotes({ notes, seed: 1 })) index.upsert(`pages/${n.path.replace(/\//g, '___')}`, n.text);
  });
  for (const id of index.ids()) index.component(id);
  return { components: index.ids().length };
}

/** The walk over every view the draw used to begin with. */
function walk(): number {
  const t = performance.now();
  ctxOf().components();
  return performance.now() - t;
}

function dashboard(walkInDraw: boolean): { draw: number; layout: number; items: number } {
  const base = ctxOf();
  let kept = walkInDraw ? null : base.components();
  const ctx: ViewContext = { ...base, components: () => (kept ??= base.components()) };
  const t = performance.now();
  const view = renderDashboard(ctx, { title: 'Maturity Map' });
  const main = document.createElement('main');
  main.append(view.element);
  document.body.replaceChildren(main);
  const draw = performance.now() - t;
  const out = { draw, layout: layoutNow(), items: view.element.querySelectorAll('.mm-board-item').length };
  view.destroy();
  return out;
}

function graph(n: number): { draw: number; dag: number; serialise: number; chars: number; layout: number; nodes: number } {
  const ctx = ctxOf();
  const ids = [...index.idsAtStageByName('staging')].slice(0, n);
  let t = performance.now();
  const view = renderGraph(ctx, { ids, wheel: 'modifier' });
  const draw = performance.now() - t;
  t = performance.now();
  const markup = serializeTrustedTree(view.element);
  const serialise = performance.now() - t;
  document.body.replaceChildren(view.element);
  const layout = layoutNow();
  const model = buildGraphModel(ctx, ids);
  t = performance.now();
  layoutGraph(layoutInputs(model), layoutEdges(model), {});
  const dag = performance.now() - t;
  const nodes = view.element.querySelectorAll('.mm-graph-nodes > *').length;
  view.destroy();
  return { draw, dag, serialise, chars: markup.length, layout, nodes };
}

/** Logseq 0.10.15's provideUI (libs/src/helpers.ts setupInjectedUI): DOMPurify over the template, then innerHTML. */
const HOST_PURIFY = { ADD_TAGS: ['iframe'], ALLOW_UNKNOWN_PROTOCOLS: true, ADD_ATTR: ['allow', 'src', 'allowfullscreen', 'frameborder', 'scrolling', 'target'] };

/**
 * The host's side of a query slot in Chromium: a table of `n` staging components (or their graph),
 * serialised as the plugin sends it, then sanitised and injected as Logseq does, and laid out.
 */
async function slotHost(view: 'table' | 'graph', n: number): Promise<{ chars: number; purify: number; inject: number; layout: number }> {
  const ctx = ctxOf();
  const ids = [...index.idsAtStageByName('staging')].slice(0, n);
  let element: HTMLElement;
  if (view === 'graph') {
    const g = renderGraph(ctx, { ids, wheel: 'modifier', focusMenuAtOnce: Infinity });
    await g.ready();
    element = g.element;
  } else element = renderQueryResults(ids.map((id) => index.component(id)!), 'table', ctx, { headingLevel: 2 });
  const root = document.createElement('div');
  root.setAttribute('class', 'mm mm-logseq-slot');
  root.append(element);
  delegateOpen(root, (id) => id, 'slot__bench');
  const markup = serializeTrustedTree(root);
  let t = performance.now();
  const clean = DOMPurify.sanitize(markup, HOST_PURIFY);
  const purify = performance.now() - t;
  t = performance.now();
  const el = document.createElement('div');
  el.innerHTML = clean; // eslint-disable-line no-restricted-properties -- what the host does with the sanitised template.
  document.body.replaceChildren(el);
  const inject = performance.now() - t;
  return { chars: markup.length, purify, inject, layout: layoutNow() };
}

Object.assign(window, { mmBench: { setUp, walk, dashboard, graph, slotHost } });
