// The graph query's layout in the Logseq plugin (built bundle, fake 0.10.x host): in a Web Worker
// the plugin starts in its frame from a Blob URL (the harness's worker is a real thread running
// that source, test/helpers/worker-threads.ts), serialised once the layout is back; the same
// drawing as the frame's own layout where the frame has no workers; no worker left once the
// plugin unloads.
import { afterEach, describe, expect, it } from 'vitest';
import { EXAMPLE_VAULT } from '../helpers/vault';
import { filesOf, frameWorkers, loadPlugin, macro, type Loaded } from './harness';

const files = filesOf(EXAMPLE_VAULT);
const GRAPH = '{{renderer :maturity-query, view=graph}}';
let t: Loaded | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
});

const layoutWorkers = () => [...frameWorkers.live].filter((w) => w.source?.includes('laid-out'));

/** Where the slot's drawing puts things: each node's place and each edge's route. */
function geometry(root: Element): string[] {
  const nodes = [...root.querySelectorAll('.mm-graph-nodes > g')].map((g) => `${g.getAttribute('data-mm-id') ?? g.getAttribute('data-mm-external')} ${['x', 'y', 'width', 'height'].map((a) => g.querySelector('.mm-node-box')?.getAttribute(a)).join(',')}`);
  const edges = [...root.querySelectorAll('.mm-graph-edges > path')].map((p) => `${p.getAttribute('data-from')} → ${p.getAttribute('data-to')} ${p.getAttribute('d')}`);
  return [...nodes, ...edges];
}

async function graphQuery(workers: boolean): Promise<{ drawn: string[]; layoutsPosted: number; started: number }> {
  const posted = frameWorkers.counts.posted;
  const started = frameWorkers.sources.filter((s) => s.includes('laid-out')).length;
  t = await loadPlugin({ files, workers });
  const { el } = await macro(t, 'Daily/2026-11-20.md', GRAPH);
  const out = { drawn: geometry(el), layoutsPosted: frameWorkers.counts.posted - posted, started: frameWorkers.sources.filter((s) => s.includes('laid-out')).length - started };
  if (workers) expect(layoutWorkers()).toHaveLength(1);
  await t.close();
  t = null;
  return out;
}

describe('the graph query in the Logseq plugin', () => {
  it('is laid out in a worker in the frame, and draws what the frame itself lays out', async () => {
    const inWorker = await graphQuery(true);
    expect(inWorker.started).toBe(1);
    expect(inWorker.layoutsPosted).toBe(1);
    const inFrame = await graphQuery(false);
    expect(inFrame.started).toBe(0);
    expect(inFrame.layoutsPosted).toBe(0);
    expect(inWorker.drawn.length).toBeGreaterThan(20);
    expect(inWorker.drawn).toEqual(inFrame.drawn);
    // The plugin unloaded (close): its worker with it.
    expect(layoutWorkers()).toHaveLength(0);
  });
});
