// The ids of the standalone page's blocks: the data (its header and a text block a chunk) and the
// two text blocks the graph needs. The CLI writes them (src/cli/dashboard-page.ts), the page's
// first script reads them (page-data.ts, graph-script.ts). A module of its own: the CLI imports no
// DOM code.
import type { DashboardChunkList } from '../../core/dashboard-data';

/** The data's header (JSON): the encoded data without its chunks. */
export const DATA_ID = 'mm-data';

/** The text block of chunk `k` of a list of the data (base64). */
export function dataChunkId(list: DashboardChunkList, k: number): string {
  return `${DATA_ID}-${list}-${k}`;
}

/** The graph's script (the graph view and d3-dag), run when the Graph tab is first drawn. */
export const GRAPH_SCRIPT_ID = 'mm-graph-script';
/** The graph layout worker's source (render/graph/layout-worker-entry.ts), started from a Blob URL. */
export const LAYOUT_WORKER_ID = 'mm-layout-worker';
