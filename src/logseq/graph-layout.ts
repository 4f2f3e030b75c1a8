// The dependency graph laid out in a Web Worker in the plugin's frame (Logseq 0.10.x runs plugins
// in an iframe without a `sandbox` attribute, where a Blob-URL worker starts as in any page). The
// worker's source is embedded in index.js by the build (scripts/targets.mjs) and handed in by
// main.ts. One worker while the plugin runs, started with the first graph drawn and terminated
// when the plugin stops; where it cannot run, the graph view lays out in the frame's thread
// (src/render/graph/redraw.ts).
import { createLayoutWorker, type GraphLayouter, type LayoutWorker, type WorkerHost } from '../render/index';

let running: LayoutWorker | null = null;

/** Start the plugin's layout worker (lazily: no thread until a graph is laid out); returns its stop. */
export function startGraphLayout(frame: WorkerHost, source: string): () => void {
  running?.close();
  const worker = createLayoutWorker(source, frame);
  running = worker;
  return () => {
    worker.close();
    if (running === worker) running = null;
  };
}

/** What the views lay graphs out with while the plugin runs (none before it starts or after it stops). */
export function graphLayout(): GraphLayouter | undefined {
  return running?.layout;
}

