// Crossing reduction for the layered layout of large graphs: barycentre sweeps down and up
// over flat arrays. Each layer is reordered by the mean position of its neighbours in the layer
// just placed; a node with no neighbour there keeps its slot. d3-dag's two-layer operator does
// the same ordering but rebuilds maps of every layer and re-walks the graph's links on every pass
// (a third of the 2,000-component layout); here neighbours are listed once and a pass is a sort.
// The flat forms (`depthFirstLayers`, `sweepLayers`) serve the large parts' own pipeline
// (layered-flat.ts); test/helpers/d3-dag-operators.ts wraps them as d3-dag operators (the tests' oracle).

/**
 * Reorder `layer` by the mean position of each node's `neighbours` (in the layer placed before).
 * Nodes with none keep their slots; the others fill the remaining slots in barycentre order
 * (ties keep their current order, so a pass that changes nothing leaves the layer as it was).
 */
function reorder(layer: number[], neighbours: readonly number[][], position: Float64Array, key: Float64Array): void {
  const moving: number[] = [];
  for (let slot = 0; slot < layer.length; slot++) {
    const node = layer[slot]!;
    const near = neighbours[node]!;
    if (near.length === 0) continue;
    let sum = 0;
    for (let i = 0; i < near.length; i++) sum += position[near[i]!]!;
    key[node] = sum / near.length;
    moving.push(node);
  }
  if (moving.length < 2) return;
  // `moving` is in slot order and the sort is stable: ties keep their order.
  moving.sort((a, b) => key[a]! - key[b]!);
  let next = 0;
  for (let slot = 0; slot < layer.length; slot++) {
    if (neighbours[layer[slot]!]!.length === 0) continue;
    layer[slot] = moving[next++]!;
  }
  for (let slot = 0; slot < layer.length; slot++) position[layer[slot]!] = slot;
}

/**
 * `sweeps` barycentre passes over flat layers (node indices, reordered in place), alternating
 * down (each layer by its parents) and up (by its children).
 */
export function sweepLayers(layers: number[][], parents: readonly number[][], children: readonly number[][], sweeps: number): void {
  const position = new Float64Array(parents.length);
  for (const layer of layers) for (let slot = 0; slot < layer.length; slot++) position[layer[slot]!] = slot;
  const key = new Float64Array(parents.length);
  const count = layers.length;
  for (let sweep = 0; sweep < sweeps; sweep++) {
    if (sweep % 2 === 0) for (let i = 1; i < count; i++) reorder(layers[i]!, parents, position, key);
    else for (let i = count - 2; i >= 0; i--) reorder(layers[i]!, children, position, key);
  }
}

/** Pushes `nodes` by how many children they have, most first (a stable sort, as d3-dag's). */
function pushByChildrenDescending(stack: number[], nodes: readonly number[], children: readonly number[][]): void {
  if (nodes.length === 1) stack.push(nodes[0]!);
  else if (nodes.length > 1) stack.push(...nodes.slice().sort((a, b) => children[b]!.length - children[a]!.length));
}

/**
 * d3-dag's `decrossDfs()` (top down) over flat layers: a depth-first search from the nodes with
 * no parents, layer by layer, children with more children first; each layer is then its nodes in
 * the order the search met them. The same order as d3-dag's, node for node, so the drawing does
 * not change with the pipeline that runs it.
 */
export function depthFirstLayers(layers: number[][], parents: readonly number[][], children: readonly number[][], layerOf: ArrayLike<number>): void {
  const stack: number[] = [];
  for (const layer of layers) pushByChildrenDescending(stack, layer.filter((node) => parents[node]!.length === 0), children);
  const seen = new Uint8Array(parents.length);
  for (const layer of layers) layer.length = 0;
  // d3-dag pops from the end of its stack: the last root first, and of a node's children the
  // last pushed (the one with fewest children) first.
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (seen[node]) continue;
    seen[node] = 1;
    layers[layerOf[node]!]!.push(node);
    pushByChildrenDescending(stack, children[node]!, children);
  }
}
