// @vitest-environment happy-dom
// The graph view in the built plugin lays its graph out in a Web Worker (the harness's worker is a
// real thread running the source the plugin starts from its Blob URL, test/helpers/worker-threads.ts),
// draws exactly what the in-thread layout draws, draws a large graph a slice of nodes and edges a
// task, falls back to laying out on the main thread without workers, and leaves no worker behind.
import { describe, expect, it } from 'vitest';
import { buildGraphModel, type MaturityIndex } from '../../src/core/index';
import { contextFromIndex, renderGraph } from '../../src/render/index';
import { DRAW_SLICE } from '../../src/render/graph/redraw';
import type { Harness } from './harness/app';
import { liveWorkers, workerSources } from './harness/node-host';
import { dispose, startHarness, useHarnessSession, whenClosed } from './helpers';
import { atEachTask, element, generatedFiles, nextTask } from './view-work';

useHarnessSession();

const indexOf = (h: Harness) => (h.plugin as unknown as { indexer: { index: MaturityIndex } }).indexer.index;
/** The layout worker's source carries its answer's message type; the parse worker's does not. */
const layoutSources = () => workerSources.filter((source) => source.includes('laid-out'));
const drawnElements = (root: Element) => root.querySelectorAll('.mm-graph-nodes > g, .mm-graph-edges > path').length;

/** Where the drawing puts things: each node's place and each edge's route. */
function geometry(root: Element): string[] {
  const nodes = [...root.querySelectorAll('.mm-graph-nodes > g')].map((g) => `${g.getAttribute('data-mm-id') ?? g.getAttribute('data-mm-external')} ${['x', 'y', 'width', 'height'].map((a) => g.querySelector('.mm-node-box')?.getAttribute(a)).join(',')}`);
  const edges = [...root.querySelectorAll('.mm-graph-edges > path')].map((p) => `${p.getAttribute('data-from')} → ${p.getAttribute('data-to')} ${p.getAttribute('d')}`);
  return [...nodes, ...edges];
}

/** Open the graph view and wait until it has drawn every node and edge (not busy). */
async function openGraph(h: Harness): Promise<Element> {
  await h.command('open-graph');
  const body = await element(() => document.querySelector('.maturity-map-graph-body .mm-graph-canvas:not([aria-busy]) svg'));
  await h.settle();
  return body.closest('.maturity-map-graph-body')!;
}

/** The same graph laid out and drawn in this thread, from the source (no worker). */
function inThreadGeometry(index: MaturityIndex): string[] {
  const view = renderGraph(contextFromIndex(index, { document, onOpen: () => {} }));
  const out = geometry(view.element);
  view.destroy();
  return out;
}

describe('the graph view in the plugin', () => {
  it('lays the graph out in a worker started from the bundle, and draws what the in-thread layout draws', async () => {
    const h = await startHarness();
    const before = layoutSources().length;
    const body = await openGraph(h);
    // One layout worker started, from the layout source the build embeds in main.js.
    expect(layoutSources().length).toBe(before + 1);
    const drawn = geometry(body);
    expect(drawn.length).toBeGreaterThan(indexOf(h).ids().length);
    expect(drawn).toEqual(inThreadGeometry(indexOf(h)));
  });

  it('lays out on the main thread where there are no workers, the same drawing', async () => {
    const h = await startHarness({ workers: false });
    const before = workerSources.length;
    const body = await openGraph(h);
    expect(workerSources.length).toBe(before);
    expect(body.querySelector('.mm-empty')).toBeNull();
    expect(geometry(body)).toEqual(inThreadGeometry(indexOf(h)));
  });

  it('draws a large graph a slice of nodes and edges a task', async () => {
    const h = await startHarness({ files: generatedFiles() });
    const model = buildGraphModel(indexOf(h));
    const total = model.nodes.length + model.edges.length + model.externals.length + model.externalEdges.length;
    expect(total).toBeGreaterThan(2 * DRAW_SLICE);
    const perTask: number[] = [];
    let before = 0;
    const count = () => drawnElements(document.body);
    await atEachTask(
      () => {
        if (count() > before) perTask.push(count() - before);
        before = count();
      },
      async () => {
        await h.command('open-graph');
        await element(() => document.querySelector('.maturity-map-graph-body .mm-graph-canvas:not([aria-busy]) svg'));
      },
    );
    expect(count()).toBe(total);
    expect(Math.max(...perTask)).toBeLessThanOrEqual(DRAW_SLICE);
    expect(perTask.length).toBeGreaterThanOrEqual(Math.ceil(total / DRAW_SLICE));
  });

  it('terminates its layout worker when the plugin unloads', async () => {
    const h = await startHarness();
    await openGraph(h);
    expect([...liveWorkers].filter((w) => w.source?.includes('laid-out'))).toHaveLength(1);
    dispose(h);
    await whenClosed();
    await nextTask();
    expect(liveWorkers.size).toBe(0);
  });
});
