// A coordinate operator for d3-dag's Sugiyama layout of large graphs (positions along each layer):
// nodes pulled towards the mean of their neighbours, one sweep down and one up, then the dummy
// chains of long edges straightened a bounded number of times. d3-dag's coordGreedy repeats its
// straightening until nothing moves, up to once per layer over the whole graph (a third of the
// 2,000-component layout); here every sweep is linear and there are a fixed few.
import type { Coord, SugiNode, SugiSeparation } from 'd3-dag';

/** Sweeps down and up that straighten long edges (each one linear in nodes and dummies). */
const STRAIGHTEN_SWEEPS = 2;

export interface Flat {
  /** Per layer, the flat indices of its nodes in layer order. */
  layers: number[][];
  /** Per layer, the least distance between node i-1 and node i (index 0: the left margin). */
  gaps: number[][];
  /** Per layer, the right margin after its last node. */
  rightMargins: number[];
  parents: number[][];
  children: number[][];
  dummy: boolean[];
  x: Float64Array;
}

function flatten<N, L>(layers: SugiNode<N, L>[][], sep: SugiSeparation<N, L>): { flat: Flat; nodes: SugiNode<N, L>[] } {
  const index = new Map<SugiNode<N, L>, number>();
  const nodes: SugiNode<N, L>[] = [];
  for (const layer of layers) for (const node of layer) index.set(node, nodes.push(node) - 1);
  const flat: Flat = {
    layers: layers.map((layer) => layer.map((node) => index.get(node)!)),
    gaps: layers.map((layer) => layer.map((node, i) => sep(i === 0 ? undefined : layer[i - 1], node))),
    rightMargins: layers.map((layer) => (layer.length === 0 ? 0 : sep(layer[layer.length - 1], undefined))),
    parents: nodes.map((node) => [...node.parents()].map((p) => index.get(p)!)),
    children: nodes.map((node) => [...node.children()].map((c) => index.get(c)!)),
    dummy: nodes.map((node) => node.data.role === 'link'),
    x: new Float64Array(nodes.length),
  };
  return { flat, nodes };
}

/**
 * Place one layer as near its wanted positions as its gaps allow, in its order: packed from the
 * left (each at least its gap after the one before) and from the right, then the mean of the two
 * (both keep every gap, so their mean does).
 */
function pack(order: readonly number[], gaps: readonly number[], wanted: Float64Array, x: Float64Array): void {
  const n = order.length;
  if (n === 0) return;
  const fromRight = new Float64Array(n);
  fromRight[n - 1] = wanted[order[n - 1]!]!;
  for (let i = n - 2; i >= 0; i--) fromRight[i] = Math.min(wanted[order[i]!]!, fromRight[i + 1]! - gaps[i + 1]!);
  let left = -Infinity;
  for (let i = 0; i < n; i++) {
    left = i === 0 ? wanted[order[0]!]! : Math.max(wanted[order[i]!]!, left + gaps[i]!);
    x[order[i]!] = (left + fromRight[i]!) / 2;
  }
}

/**
 * The position a node wants in a sweep, from its neighbours on the layer just placed (parents
 * going down, children going up): their mean, or with `straighten` the one before a dummy when
 * both are dummies (a long edge runs straight); null to stay where it is.
 */
function wantedAt(flat: Flat, node: number, near: readonly number[], straighten: boolean): number | null {
  if (near.length === 0) return null;
  const { x } = flat;
  if (straighten) return flat.dummy[node] && flat.dummy[near[0]!] ? x[near[0]!]! : null;
  let sum = 0;
  for (let i = 0; i < near.length; i++) sum += x[near[i]!]!;
  return sum / near.length;
}

/** One sweep over the layers (down or up): each node moves towards `wantedAt` (see there) as its layer's gaps allow. */
function sweep(flat: Flat, down: boolean, straighten: boolean): void {
  const wanted = flat.x.slice();
  const count = flat.layers.length;
  const neighbours = down ? flat.parents : flat.children;
  for (let step = 1; step < count; step++) {
    const layer = down ? step : count - 1 - step;
    const order = flat.layers[layer]!;
    for (let i = 0; i < order.length; i++) {
      const node = order[i]!;
      wanted[node] = wantedAt(flat, node, neighbours[node]!, straighten) ?? flat.x[node]!;
    }
    pack(order, flat.gaps[layer]!, wanted, flat.x);
  }
}

/**
 * Positions along the layers for flat layers (see the file comment): writes `flat.x` with the
 * least position 0 and returns the width every layer fits in, margins included.
 */
export function straightenedCoords(flat: Flat): number {
  const { x } = flat;
  // Start packed to the left, then follow the neighbours down and up.
  flat.layers.forEach((order, layer) => {
    let at = 0;
    order.forEach((node, i) => (x[node] = at += flat.gaps[layer]![i]!));
  });
  sweep(flat, true, false);
  sweep(flat, false, false);
  // A dummy follows the dummy before it: long edges run straight.
  for (let i = 0; i < STRAIGHTEN_SWEEPS; i++) {
    sweep(flat, true, true);
    sweep(flat, false, true);
  }
  let min = Infinity;
  let max = -Infinity;
  flat.layers.forEach((order, layer) => {
    if (order.length === 0) return;
    min = Math.min(min, x[order[0]!]! - flat.gaps[layer]![0]!);
    max = Math.max(max, x[order[order.length - 1]!]! + flat.rightMargins[layer]!);
  });
  for (let i = 0; i < x.length; i++) x[i] = x[i]! - min;
  return max - min;
}

/** The operator (see the file comment). Keeps every separation d3-dag asks for. */
export function coordStraightened<N, L>(): Coord<N, L> {
  return (<NN extends N, LL extends L>(layers: SugiNode<NN, LL>[][], sep: SugiSeparation<NN, LL>): number => {
    const { flat, nodes } = flatten(layers, sep);
    const width = straightenedCoords(flat);
    nodes.forEach((node, i) => (node.x = flat.x[i]!));
    return width;
  }) as Coord<N, L>;
}
