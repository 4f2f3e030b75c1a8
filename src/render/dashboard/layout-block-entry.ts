// The standalone page's layout block (`<script type="text/plain" id="mm-layout-worker">`, built by
// scripts/page-scripts.mjs): the page's one copy of d3-dag and the graph layout. Started as a Web Worker
// from a Blob URL (graph-script.ts), it answers layouts as the plugins' worker does. Run on the
// page's main thread as an inline script instead, where no worker can start (a policy without
// `worker-src`, no Worker), it answers nothing and leaves `layout` in the global `mmLayoutBlock`
// (esbuild's globalName), which the graph view then lays out with in its own task.
import { answerLayouts, type WorkerScope } from '../graph/layout-answers';
import { layoutGraph } from '../graph/layout';
import type { InThreadLayout } from '../graph/layout-request';

export const layout: InThreadLayout = (request) => layoutGraph(request.nodes, request.edges, request.options);

const scope = globalThis as unknown as { WorkerGlobalScope?: abstract new () => unknown };
if (typeof scope.WorkerGlobalScope === 'function' && globalThis instanceof scope.WorkerGlobalScope) answerLayouts(globalThis as unknown as WorkerScope, layout);
