// The id of the standalone page's graph script block: the CLI writes it (src/cli/dashboard-page.ts),
// the page's first script runs it (graph-script.ts). A module of its own: the CLI imports no DOM code.
export const GRAPH_SCRIPT_ID = 'mm-graph-script';
