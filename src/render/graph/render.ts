// The graph view as the plugins and query blocks draw it: where the host gives no layouter, or its
// layouter rejects (no Worker, a policy that forbids blob workers), the view lays out with d3-dag
// in its own thread. The standalone page builds the view from view.ts with its own fallback (its
// layout block run on the main thread, render/dashboard/graph-script.ts), so its graph script holds
// no d3-dag.
import type { ViewContext } from '../context';
import { layoutHere } from './layout-request';
import { graphView, type GraphOptions, type GraphView } from './view';

export function renderGraph(ctx: ViewContext, options: GraphOptions = {}): GraphView {
  return graphView(ctx, options, layoutHere);
}
