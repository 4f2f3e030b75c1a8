// The standalone page's second script (graph-script.ts runs it when the Graph tab is first drawn):
// the graph view, and the client of the layout worker the page starts from its `mm-layout-worker`
// block. No d3-dag: the layout is that block's, in the worker or, where none can start, run on the
// main thread (graph-script.ts). scripts/targets.mjs bundles it apart from the page's first script,
// takes the modules that script holds from it, and leaves these exports in the `mmGraphScript` global.
export { graphView } from '../graph/view';
export { createLayoutWorker } from '../graph/layout-worker';
/** The page's work counters (the first script's, shared): tests and benchmarks read `graphLayouts` on the page. */
export { workCount } from '../../core/work-count';
