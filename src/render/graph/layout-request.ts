// What a graph view asks of a layout, as plain data, so the same question can be answered in this
// thread (`layoutHere`) or posted to a Web Worker (layout-worker.ts): the layout is pure
// computation, and at 2,000 components it held the main thread for a quarter of a second.
import { workCount } from '../../core/work-count';
import { layoutGraph, type LayoutNodeInput, type LayoutOptions, type LayoutResult } from './layout';

export interface LayoutRequest {
  nodes: LayoutNodeInput[];
  edges: Array<{ from: string; to: string }>;
  options: LayoutOptions;
}

/**
 * Lays a graph out somewhere else (the host's worker). Rejects when it cannot (no worker, the
 * worker failed, `signal` aborted): the view then lays out in its own thread.
 */
export type GraphLayouter = (request: LayoutRequest, signal?: AbortSignal) => Promise<LayoutResult>;

/**
 * The layout in the view's own thread, when it has no layouter or its layouter rejected: for the
 * plugins `layoutHere`; the standalone page runs its layout block here instead, so that the page
 * holds d3-dag once (render/dashboard/graph-script.ts).
 */
export type InThreadLayout = (request: LayoutRequest) => LayoutResult;

/** The layout in this thread: what a worker runs, and the plugins' fallback. */
export function layoutHere(request: LayoutRequest): LayoutResult {
  workCount.graphLayouts++;
  return layoutGraph(request.nodes, request.edges, request.options);
}
