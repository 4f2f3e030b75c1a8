// In Chromium (bench/graph-chromium.mjs bundles this once against this checkout's src and once
// against the commit before the graph left the main thread): a generated vault indexed with every
// view built, then the graph view of its first N components by name opened in the page, as a
// plugin's graph view opens it, with the browser's own `longtask` entries watched until it is
// drawn, and its `long-animation-frame` entries (a frame's tasks with its style, layout and paint).
// Written against the renderer API both checkouts share; the layout worker, when the page has one
// (`window.mmGraphLayout`, set by the page before this script), is handed in as the host does.
import { generateNotes } from './generator/vault';
import { buildGraphModel, createIndex, type MaturityIndex } from '../src/core/index';
import { contextFromIndex, layoutGraph, renderGraph, type GraphLayouter } from '../src/render/index';
import { layoutEdges, layoutInputs } from '../src/render/graph/draw';

interface GraphLayoutGlobal {
  mmGraphLayout?: { layout: GraphLayouter; fallbackReason(): string | null; answered(): number };
}

let index: MaturityIndex = createIndex({});
const tasks: Array<{ start: number; duration: number }> = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) tasks.push({ start: e.startTime, duration: e.duration });
}).observe({ entryTypes: ['longtask'] });
/** Long animation frames (50 ms and more from a frame's first task to its paint: style, layout and paint included). */
const longFrames: Array<{ start: number; duration: number }> = [];
if (PerformanceObserver.supportedEntryTypes.includes('long-animation-frame')) {
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) longFrames.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'long-animation-frame' });
}

function setUp(notes: number): { components: number } {
  index = createIndex({});
  index.batch(() => {
    for (const n of generateNotes({ notes, seed: 1 })) index.upsert(n.path, n.text);
  });
  for (const id of index.ids()) index.component(id);
  return { components: index.ids().length };
}

const frames = (n: number) => new Promise<void>((resolve) => {
  const step = (left: number) => (left === 0 ? resolve() : requestAnimationFrame(() => step(left - 1)));
  step(n);
});
const idle = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Open the graph of the first `n` components; until every node is drawn and painted, then quiet. */
async function open(n: number): Promise<{ nodes: number; drawnMs: number; longest: number; over50: number; longestFrame: number; framesOver50: number; worker: string }> {
  const worker = (window as unknown as GraphLayoutGlobal).mmGraphLayout;
  const ctx = contextFromIndex(index, { document, onOpen: () => undefined, ...(worker ? { graphLayout: worker.layout } : {}) });
  const ids = index.ids().slice(0, n);
  document.body.replaceChildren();
  await idle(300);
  const from = tasks.length;
  const framesFrom = longFrames.length;
  const t0 = performance.now();
  const view = renderGraph(ctx, { ids }) as ReturnType<typeof renderGraph> & { ready?: () => Promise<void> };
  document.body.append(view.element);
  if (view.ready) await view.ready();
  await frames(2);
  const drawnMs = performance.now() - t0;
  await idle(500);
  const mine = tasks.slice(from).filter((t) => t.start >= t0 - 1);
  const myFrames = longFrames.slice(framesFrom).filter((f) => f.start >= t0 - 1);
  const nodes = view.element.querySelectorAll('.mm-graph-nodes > g').length;
  return {
    nodes,
    drawnMs,
    longest: Math.max(0, ...mine.map((t) => t.duration)),
    // Long-task entries are the tasks of 50 ms and more.
    over50: mine.length,
    longestFrame: Math.max(0, ...myFrames.map((f) => f.duration)),
    framesOver50: myFrames.length,
    worker: worker ? (worker.fallbackReason() ?? `worker (${worker.answered()} answered)`) : 'none',
  };
}

/** The reference, same page, same run: the same graph's layout alone on the main thread (pure script, no DOM). */
function reference(n: number): number {
  const model = buildGraphModel(contextFromIndex(index, { document, onOpen: () => undefined }), index.ids().slice(0, n));
  const t = performance.now();
  layoutGraph(layoutInputs(model), layoutEdges(model), {});
  return performance.now() - t;
}

Object.assign(window, { mmGraph: { setUp, open, reference } });
