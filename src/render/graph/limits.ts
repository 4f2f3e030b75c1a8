// How much one graph view draws, and what it says above that: small and free of the view's code, so
// the standalone page's first script can show a graph too large to draw (its notice and controls,
// dashboard/graph-notice.ts) without running the graph script.
import { count, plural } from '../dom';

/**
 * Components the graph lays out at most. The layout of 2,000 takes about 280 ms (the renderer
 * bench), and grows faster than the count: 9,000 held Chromium for 78 s. Above this, the reader
 * narrows the list or focuses on one component's neighbourhood.
 */
export const MAX_GRAPH_COMPONENTS = 2000;

/**
 * Components the focus menu holds from the start. Its 2,000 options were 160 ms of Chromium's
 * style and layout in the task after the view opened (bench/graph-chromium.mjs); a reader who
 * opens the menu gets every name then.
 */
export const FOCUS_MENU_AT_ONCE = 300;

/** Hops around a focused component unless the reader chose others. */
export const DEFAULT_HOPS = 2;

/** What stands in place of a graph of `total` components, more than `most`. */
export function tooManyText(total: number, most: number): string {
  return `${plural(total, 'component')} are more than the graph draws at once (${count(most)}). Narrow the list with filters or query options, or choose a component under Focus to see its neighbourhood.`;
}
