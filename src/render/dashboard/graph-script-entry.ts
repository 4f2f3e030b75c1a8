// The standalone page's second script (graph-script.ts runs it when the Graph tab is first drawn):
// the graph view. No d3-dag and no layout worker's client: the page's first script starts the
// worker from its `mm-layout-worker` block, or runs that block on the main thread (page-layouts.ts). scripts/page-scripts.mjs bundles it apart from the page's first script,
// takes the modules that script holds from it, and leaves these exports in the `mmGraphScript` global.
export { graphView } from '../graph/view';
/** The page's work counters (the first script's, shared): tests and benchmarks read `graphLayouts` on the page. */
export { workCount } from '../../core/work-count';
