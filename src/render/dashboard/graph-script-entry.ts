// The standalone page's second script (graph-script.ts runs it when the Graph tab is first drawn):
// the graph view with d3-dag. scripts/targets.mjs bundles it apart from the page's first script,
// takes the modules that script holds from it, and leaves these exports in the `mmGraphScript` global.
export { renderGraph } from '../graph/view';
