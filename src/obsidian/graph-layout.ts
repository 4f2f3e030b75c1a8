// The dependency graph laid out in a Web Worker: the layout worker's source is embedded in main.js
// by the build (scripts/targets.mjs) and started from a Blob URL when a graph is first drawn, as
// the parse workers are. Where workers are missing or fail, the graph view lays out on the main
// thread (src/render/graph/redraw.ts).
import layoutWorkerSource from 'maturity-map:layout-worker';
import { createLayoutWorker, type LayoutWorker } from '../render/index';

export function startLayoutWorker(): LayoutWorker {
  return createLayoutWorker(layoutWorkerSource, window);
}
