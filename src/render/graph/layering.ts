// A layering operator for d3-dag's Sugiyama layout: longest path up from the dependencies
// (linear), then a promotion pass that moves each node towards the side with more edges while
// that shortens them (after Nikolov and Tarassov's promotion heuristic). Shorter
// edges mean fewer dummy nodes for every later phase. Edges on a cycle are laid against the flow
// (a depth-first search picks them), so linked nodes never share a layer.
import type { Graph, GraphNode, Layering, Separation } from 'd3-dag';

/** Layer indices by node: longest path, cycles broken by a depth-first search. */
export function longestPathLayers<N, L>(nodes: readonly GraphNode<N, L>[]): Map<GraphNode<N, L>, number> {
  const state = new Map<GraphNode<N, L>, 1 | 2>(); // 1: on the stack, 2: done
  const order: GraphNode<N, L>[] = []; // post-order: dependencies before dependents
  const back = new Set<string>();
  const key = new Map<GraphNode<N, L>, number>(nodes.map((n, i) => [n, i]));
  // Start from the components nothing depends on, so the search follows dependencies down and the
  // edge that closes a cycle (usually one pointing back up) is the one laid against the flow.
  const roots = [...nodes.filter((n) => n.nparents() === 0), ...nodes];
  for (const root of roots) {
    if (state.has(root)) continue;
    // An explicit stack: a 5,000-long dependency chain must not overflow the call stack.
    const stack: Array<{ node: GraphNode<N, L>; children: GraphNode<N, L>[]; next: number }> = [{ node: root, children: [...root.children()], next: 0 }];
    state.set(root, 1);
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const child = top.children[top.next++];
      if (child === undefined) {
        state.set(top.node, 2);
        order.push(top.node);
        stack.pop();
      } else if (state.get(child) === 1) {
        back.add(`${key.get(top.node)}>${key.get(child)}`);
      } else if (!state.has(child)) {
        state.set(child, 1);
        stack.push({ node: child, children: [...child.children()], next: 0 });
      }
    }
  }
  // Post-order visits dependencies first: a node's height is one more than its highest
  // dependency's, so every component with no dependencies sits on the last layer and each one is
  // as close to its dependencies as its longest chain allows (fewer long edges than counting down
  // from the dependents).
  const height = new Map<GraphNode<N, L>, number>();
  let top = 0;
  for (const node of order) {
    let h = 0;
    for (const child of node.children()) {
      if (!back.has(`${key.get(node)}>${key.get(child)}`)) h = Math.max(h, height.get(child)! + 1);
    }
    height.set(node, h);
    top = Math.max(top, h);
  }
  const layer = new Map<GraphNode<N, L>, number>();
  for (const node of nodes) layer.set(node, top - height.get(node)!);
  // A back edge points up: its ends must still be on different layers.
  for (const edge of back) {
    const [from, to] = edge.split('>').map((i) => nodes[Number(i)]!);
    if (layer.get(from!) === layer.get(to!)) layer.set(from!, layer.get(from!)! + 1);
  }
  return layer;
}

/** Move nodes towards their heavier side while no edge would reach its own layer; a few passes. */
export function promote<N, L>(nodes: readonly GraphNode<N, L>[], layer: Map<GraphNode<N, L>, number>, passes = 4): number {
  let moved = 0;
  for (let pass = 0; pass < passes; pass++) {
    let changed = 0;
    for (const node of nodes) {
      const here = layer.get(node)!;
      const below = [...node.children()].map((c) => layer.get(c)!).filter((l) => l > here);
      const above = [...node.parents()].map((p) => layer.get(p)!).filter((l) => l < here);
      // Only nodes whose every edge runs in the layering's direction move: cycles stay as placed.
      if (below.length !== node.nchildren() || above.length !== node.nparents()) continue;
      let target = here;
      if (below.length > above.length) target = Math.min(...below) - 1;
      else if (above.length > below.length) target = above.length > 0 ? Math.max(...above) + 1 : 0;
      if (target !== here) {
        layer.set(node, target);
        changed++;
      }
    }
    moved += changed;
    if (changed === 0) break;
  }
  return moved;
}

/**
 * The operator: integer layers turned into `y` coordinates that respect `sep` between every
 * pair of nodes on consecutive layers (the widest node of each layer sets the distance).
 */
export function layeringPromoted<N, L>(): Layering<N, L> {
  return (<NN extends N, LL extends L>(dag: Graph<NN, LL>, sep: Separation<NN, LL>): number => {
    const nodes = [...dag.nodes()];
    if (nodes.length === 0) return 0;
    const layer = longestPathLayers(nodes);
    promote(nodes, layer);
    let min = Infinity;
    for (const l of layer.values()) min = Math.min(min, l);
    const layers: GraphNode<NN, LL>[][] = [];
    for (const [node, l] of layer) (layers[l - min] ??= []).push(node);
    let y = 0;
    let previous: GraphNode<NN, LL> | undefined;
    for (const members of layers) {
      if (!members) continue;
      let step = 0;
      let widest = members[0]!;
      for (const node of members) {
        step = Math.max(step, sep(previous, node));
        if (sep(node, undefined) > sep(widest, undefined)) widest = node;
      }
      y += step;
      for (const node of members) node.y = y;
      previous = widest;
    }
    return y + (previous ? sep(previous, undefined) : 0);
  }) as Layering<N, L>;
}
