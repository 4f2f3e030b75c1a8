// The ids of the standalone page's two text blocks the graph needs: the CLI writes them
// (src/cli/dashboard-page.ts), the page's first script reads them (graph-script.ts). A module of
// its own: the CLI imports no DOM code.
/** The graph's script (the graph view and d3-dag), run when the Graph tab is first drawn. */
export const GRAPH_SCRIPT_ID = 'mm-graph-script';
/** The graph layout worker's source (render/graph/layout-worker-entry.ts), started from a Blob URL. */
export const LAYOUT_WORKER_ID = 'mm-layout-worker';
