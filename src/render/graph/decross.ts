// Crossing reduction for d3-dag's Sugiyama layout of large graphs: barycentre sweeps down and up
// over flat arrays. Each layer is reordered by the mean position of its neighbours in the layer
// just placed; a node with no neighbour there keeps its slot. d3-dag's two-layer operator does
// the same ordering but rebuilds maps of every layer and re-walks the graph's links on every pass
// (a third of the 2,000-component layout); here neighbours are listed once and a pass is a sort.
import type { Decross, SugiNode } from 'd3-dag';

interface FlatLayers {
  /** Per layer, flat node indices in the current order. */
  layers: number[][];
  /** Position of each node in its layer. */
  position: Float64Array;
  parents: number[][];
  children: number[][];
}

function flattenLayers<N, L>(layers: SugiNode<N, L>[][]): { flat: FlatLayers; nodes: SugiNode<N, L>[] } {
  const index = new Map<SugiNode<N, L>, number>();
  const nodes: SugiNode<N, L>[] = [];
  for (const layer of layers) for (const node of layer) index.set(node, nodes.push(node) - 1);
  const position = new Float64Array(nodes.length);
  const flat: FlatLayers = {
    layers: layers.map((layer) => layer.map((node, i) => {
      const at = index.get(node)!;
      position[at] = i;
      return at;
    })),
    position,
    parents: nodes.map((node) => [...node.parents()].map((p) => index.get(p)!)),
    children: nodes.map((node) => [...node.children()].map((c) => index.get(c)!)),
  };
  return { flat, nodes };
}

/**
 * Reorder `layer` by the mean position of each node's `neighbours` (in the layer placed before).
 * Nodes with none keep their slots; the others fill the remaining slots in barycentre order
 * (ties keep their current order, so a pass that changes nothing leaves the layer as it was).
 */
function reorder(layer: number[], neighbours: readonly number[][], position: Float64Array, key: Float64Array): void {
  const moving: number[] = [];
  for (const node of layer) {
    const near = neighbours[node]!;
    if (near.length === 0) continue;
    let sum = 0;
    for (const other of near) sum += position[other]!;
    key[node] = sum / near.length;
    moving.push(node);
  }
  if (moving.length < 2) return;
  moving.sort((a, b) => key[a]! - key[b]! || position[a]! - position[b]!);
  let next = 0;
  for (let slot = 0; slot < layer.length; slot++) {
    if (neighbours[layer[slot]!]!.length === 0) continue;
    layer[slot] = moving[next++]!;
  }
  for (let slot = 0; slot < layer.length; slot++) position[layer[slot]!] = slot;
}

/**
 * `initial` (d3-dag's depth-first order), then `sweeps` barycentre passes alternating down (each
 * layer by its parents) and up (by its children). Writes the order back into d3-dag's layers.
 */
export function barycentreSweeps<N, L>(initial: Decross<N, L>, sweeps: number): Decross<N, L> {
  return (layers: SugiNode<N, L>[][]) => {
    initial(layers);
    const { flat, nodes } = flattenLayers(layers);
    const count = flat.layers.length;
    const key = new Float64Array(nodes.length);
    for (let sweep = 0; sweep < sweeps; sweep++) {
      if (sweep % 2 === 0) for (let i = 1; i < count; i++) reorder(flat.layers[i]!, flat.parents, flat.position, key);
      else for (let i = count - 2; i >= 0; i--) reorder(flat.layers[i]!, flat.children, flat.position, key);
    }
    flat.layers.forEach((order, i) => {
      const layer = layers[i]!;
      order.forEach((node, slot) => (layer[slot] = nodes[node]!));
    });
  };
}
