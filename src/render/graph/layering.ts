// Layering for the layered layout of large graphs: longest path up from the dependencies
// (linear), then a promotion pass that moves each node towards the side with more edges while
// that shortens them (after Nikolov and Tarassov's promotion heuristic). Shorter
// edges mean fewer dummy nodes for every later phase. Edges on a cycle are laid against the flow
// (a depth-first search picks them), so linked nodes never share a layer. The work is done on
// flat index lists (`rankLongestPath`, `promoteRanks`), which the large parts' own pipeline
// (layered-flat.ts) calls directly; test/helpers/d3-dag-operators.ts wraps them as d3-dag operators.

/** A graph as index lists: each node's distinct children and parents, in link order. */
export interface Adjacency {
  children: readonly (readonly number[])[];
  parents: readonly (readonly number[])[];
}

/** The depth-first search's post-order (dependencies first) and the edges it found closing a cycle, in the order found. */
function searchDependencies({ children, parents }: Adjacency): { order: number[]; back: Array<[number, number]>; isBack: Set<number> } {
  const count = children.length;
  const state = new Uint8Array(count); // 1: on the stack, 2: done
  const order: number[] = [];
  const back: Array<[number, number]> = [];
  const isBack = new Set<number>();
  const stackNode: number[] = [];
  const stackNext: number[] = [];
  const visit = (root: number) => {
    if (state[root] !== 0) return;
    // An explicit stack: a 5,000-long dependency chain must not overflow the call stack.
    state[root] = 1;
    stackNode.push(root);
    stackNext.push(0);
    while (stackNode.length > 0) {
      const top = stackNode.length - 1;
      const node = stackNode[top]!;
      const child = children[node]![stackNext[top]!++];
      if (child === undefined) {
        state[node] = 2;
        order.push(node);
        stackNode.pop();
        stackNext.pop();
      } else if (state[child] === 1) {
        back.push([node, child]);
        isBack.add(node * count + child);
      } else if (state[child] === 0) {
        state[child] = 1;
        stackNode.push(child);
        stackNext.push(0);
      }
    }
  };
  // Start from the components nothing depends on, so the search follows dependencies down and the
  // edge that closes a cycle (usually one pointing back up) is the one laid against the flow.
  for (let i = 0; i < count; i++) if (parents[i]!.length === 0) visit(i);
  for (let i = 0; i < count; i++) visit(i);
  return { order, back, isBack };
}

/** Layer of each node (index lists), longest path, cycles broken by a depth-first search. */
export function rankLongestPath(graph: Adjacency): Int32Array {
  const { order, back, isBack } = searchDependencies(graph);
  const count = graph.children.length;
  // Post-order visits dependencies first: a node's height is one more than its highest
  // dependency's, so every component with no dependencies sits on the last layer and each one is
  // as close to its dependencies as its longest chain allows (fewer long edges than counting down
  // from the dependents).
  const height = new Int32Array(count);
  let top = 0;
  for (const node of order) {
    let h = 0;
    const children = graph.children[node]!;
    for (let i = 0; i < children.length; i++) if (!isBack.has(node * count + children[i]!)) h = Math.max(h, height[children[i]!]! + 1);
    height[node] = h;
    top = Math.max(top, h);
  }
  const layer = new Int32Array(count);
  for (let i = 0; i < count; i++) layer[i] = top - height[i]!;
  // A back edge points up: its ends must still be on different layers.
  for (const [from, to] of back) if (layer[from] === layer[to]) layer[from]!++;
  return layer;
}

/** Move nodes towards their heavier side while no edge would reach its own layer; a few passes. Returns the moves. */
export function promoteRanks({ children, parents }: Adjacency, layer: Int32Array, passes = 4): number {
  let moved = 0;
  for (let pass = 0; pass < passes; pass++) {
    let changed = 0;
    for (let node = 0; node < layer.length; node++) {
      const here = layer[node]!;
      let below = Infinity;
      let above = -Infinity;
      // Only nodes whose every edge runs in the layering's direction move: cycles stay as placed.
      let against = false;
      const down = children[node]!.length;
      const up = parents[node]!.length;
      for (let i = 0; i < down; i++) if (layer[children[node]![i]!]! > here) below = Math.min(below, layer[children[node]![i]!]!); else against = true;
      for (let i = 0; i < up; i++) if (layer[parents[node]![i]!]! < here) above = Math.max(above, layer[parents[node]![i]!]!); else against = true;
      if (against) continue;
      const target = down > up ? below - 1 : up > down ? above + 1 : here;
      if (target !== here) {
        layer[node] = target;
        changed++;
      }
    }
    moved += changed;
    if (changed === 0) break;
  }
  return moved;
}

/** Layers renumbered from 0 with the empty ones left out (d3-dag's layers are all occupied). */
export function compactRanks(layer: Int32Array): { layer: Int32Array; count: number } {
  let min = Infinity;
  let max = -Infinity;
  for (const l of layer) {
    min = Math.min(min, l);
    max = Math.max(max, l);
  }
  const used = new Int32Array(Math.max(0, max - min + 1));
  for (const l of layer) used[l - min] = 1;
  let count = 0;
  for (let i = 0; i < used.length; i++) used[i] = used[i] ? count++ : -1;
  return { layer: layer.map((l) => used[l - min]!), count };
}
