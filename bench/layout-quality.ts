// What a graph layout's drawing is worth, counted from its result alone (no timing): crossings
// between edge segments, the bends long edges take (their dummy points), and how far the edges
// run across the ranks. The layout bench prints them beside the time, so a faster layout is seen
// to draw the same picture.
import type { LayoutResult, Point } from '../src/render/graph/layout-types';

export interface LayoutQuality {
  /** Pairs of edge segments between the same two ranks whose ends are in opposite orders. */
  crossings: number;
  /** Points an edge passes between its two ends (a long edge's dummy nodes). */
  bends: number;
  /** Sum over the segments of |Δy| (across the ranks): how far edges stray from straight. */
  spread: number;
}

/** Inversions of `values` (pairs i < j with values[i] > values[j]), by merge sort. */
function inversions(values: number[]): number {
  if (values.length < 2) return 0;
  const mid = values.length >> 1;
  const left = values.slice(0, mid);
  const right = values.slice(mid);
  let count = inversions(left) + inversions(right);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < left.length && j < right.length) {
    if (right[j]! < left[i]!) {
      values[k++] = right[j++]!;
      count += left.length - i;
    } else values[k++] = left[i++]!;
  }
  while (i < left.length) values[k++] = left[i++]!;
  while (j < right.length) values[k++] = right[j++]!;
  return count;
}

/** Crossings among segments that share their two ranks: sorted by one end, inversions of the other (ties at either end are no crossing). */
function crossingsOf(segments: Array<[number, number]>): number {
  segments.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  return inversions(segments.map((s) => s[1]));
}

export function layoutQuality(layout: LayoutResult): LayoutQuality {
  // Routes are cut at the boxes' sides; the ranks are the node centres', so each route is taken
  // back to run centre to centre and every segment then joins two ranks' x.
  const byGap = new Map<string, Array<[number, number]>>();
  let bends = 0;
  let spread = 0;
  for (const [key, route] of layout.edges) {
    const [from, to] = key.split('\u0000') as [string, string];
    if (from === to) continue;
    const a = layout.nodes.get(from)!;
    const b = layout.nodes.get(to)!;
    const points: Point[] = [a, ...route.slice(1, -1), b];
    bends += points.length - 2;
    for (let i = 0; i + 1 < points.length; i++) {
      const p = points[i]!;
      const q = points[i + 1]!;
      spread += Math.abs(q.y - p.y);
      const gap = `${p.x.toFixed(3)}>${q.x.toFixed(3)}`;
      let list = byGap.get(gap);
      if (!list) byGap.set(gap, (list = []));
      list.push([p.y, q.y]);
    }
  }
  let crossings = 0;
  for (const segments of byGap.values()) crossings += crossingsOf(segments);
  return { crossings, bends, spread: Math.round(spread) };
}
