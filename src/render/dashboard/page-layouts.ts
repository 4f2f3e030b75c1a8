// Where the standalone page lays its graphs out: in a Web Worker started from its layout block
// (`mm-layout-worker`, the page's one copy of d3-dag) through a Blob URL — the policy allows
// `worker-src blob:` and nothing more — as the plugins do; laying out 1,000 components is ~150 ms
// of CPU, which was the Graph tab's own task (benchmarks.md, session 23). Where no worker can run
// (no Worker, a policy that forbids it, no answer), the view lays out in its own task with the same
// block run on the main thread (text-blocks.ts): the same drawing. The worker can be started before
// the first graph is asked for, so the Graph tab does not wait for its thread and compile.
import { workCount } from '../../core/work-count';
import type { GraphLayouter, InThreadLayout } from '../graph/layout-request';
import { createLayoutWorker, type LayoutWorker } from '../graph/layout-worker';
import { LAYOUT_WORKER_ID } from './page-block-ids';
import { runBlock } from './text-blocks';

/** Where the layout block run on the main thread leaves its layout (esbuild's globalName in scripts/page-scripts.mjs). */
const LAYOUT_BLOCK_GLOBAL = 'mmLayoutBlock';

export interface PageLayouts {
  /** Start the worker now (a no-op once started or failed): its thread and compile ahead of the first layout. */
  start(): void;
  /** The graph context's layouter: the worker. */
  readonly graphLayout: GraphLayouter;
  /** The graph view's layout in its own task, where the worker cannot lay out. */
  readonly inThread: InThreadLayout;
}

/**
 * The layout on the main thread: the layout block, which is the worker's code, run here as an
 * inline script the first time (allowed by its hash), so the page holds d3-dag once (~113 KB; the
 * graph script held a copy too in session 23). Counted as the plugins' layouts in their own thread
 * are (`workCount.graphLayouts`).
 */
function layoutOnThePage(doc: Document): InThreadLayout {
  let layout: InThreadLayout | null = null;
  return (request) => {
    if (!layout) {
      const block = runBlock(doc, LAYOUT_WORKER_ID, 'layout block', LAYOUT_BLOCK_GLOBAL) as { layout?: unknown } | undefined;
      if (typeof block?.layout !== 'function') throw new Error('its layout block did not run');
      layout = block.layout as InThreadLayout;
    }
    workCount.graphLayouts++;
    return layout(request);
  };
}

/** The page's layouts: one worker for the page, made when first started or asked. */
export function pageLayouts(doc: Document): PageLayouts {
  let worker: LayoutWorker | null = null;
  const made = (): LayoutWorker | null => {
    const host = doc.defaultView;
    const source = worker || !host ? null : doc.getElementById(LAYOUT_WORKER_ID)?.textContent;
    if (source && host) worker = createLayoutWorker(source, host);
    return worker;
  };
  return {
    start: () => made()?.start(),
    graphLayout: (request, signal) => made()?.layout(request, signal) ?? Promise.reject(new Error('the page has no layout block')),
    inThread: layoutOnThePage(doc),
  };
}
