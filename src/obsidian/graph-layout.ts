// The dependency graph laid out in a Web Worker: the layout worker's code is kept in main.js by the
// build (scripts/targets.mjs, embedded-code.ts) and started from a Blob URL when a graph is first
// drawn, as the parse workers are. Where workers are missing or fail, the graph view lays out on
// the main thread (src/render/graph/redraw.ts).
import { createLayoutWorker, type LayoutWorker } from '../render/index';
import { layoutWorkerCode } from './embedded-code';

export function startLayoutWorker(): LayoutWorker {
  return createLayoutWorker(layoutWorkerCode(), window);
}
