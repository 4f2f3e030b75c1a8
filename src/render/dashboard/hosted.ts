// The dashboard as the plugins mount it: its Graph tab drawn by the graph view of the same bundle.
// The standalone page passes a loader of its second script instead (main.ts, graph-script.ts).
import type { ViewContext } from '../context';
import { renderGraph } from '../graph/render';
import { renderDashboard as renderWithGraph, type DashboardOptions as PageDashboardOptions, type DashboardView } from './dashboard';

export type DashboardOptions = Omit<PageDashboardOptions, 'graph'>;

export function renderDashboard(ctx: ViewContext, options: DashboardOptions = {}): DashboardView {
  return renderWithGraph(ctx, { ...options, graph: renderGraph });
}
