// Dependency graph algorithms over plain adjacency maps: cycles (Tarjan's strongly connected
// components, iterative so a 5k-deep chain cannot overflow the stack) and closures both ways.

export type Adjacency = ReadonlyMap<string, readonly string[]>;

/**
 * Strongly connected components that form cycles: every component of two or more nodes, and
 * single nodes with an edge to themselves. Each cycle's ids are sorted; cycles are sorted.
 */
export function findCycles(nodes: Iterable<string>, edges: Adjacency): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  let counter = 0;

  for (const root of nodes) {
    if (index.has(root)) continue;
    // Explicit DFS stack of [node, next-neighbour position].
    const work: Array<[string, number]> = [[root, 0]];
    index.set(root, counter);
    low.set(root, counter);
    counter++;
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const [node, pos] = frame;
      const next = edges.get(node) ?? [];
      if (pos < next.length) {
        frame[1] = pos + 1;
        const target = next[pos]!;
        if (!index.has(target)) {
          index.set(target, counter);
          low.set(target, counter);
          counter++;
          stack.push(target);
          onStack.add(target);
          work.push([target, 0]);
        } else if (onStack.has(target)) {
          low.set(node, Math.min(low.get(node)!, index.get(target)!));
        }
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1]![0];
        low.set(parent, Math.min(low.get(parent)!, low.get(node)!));
      }
      if (low.get(node) === index.get(node)) {
        const members: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          members.push(member);
        } while (member !== node);
        if (members.length > 1 || (edges.get(node) ?? []).includes(node)) cycles.push(members.sort());
      }
    }
  }
  return cycles.sort((a, b) => (a[0]! < b[0]! ? -1 : a[0]! > b[0]! ? 1 : 0));
}

/** Every node reachable from `start` (not including `start` unless it lies on a cycle), with its distance. */
export function closure(start: string, edges: Adjacency, maxDepth = Infinity): Map<string, number> {
  const seen = new Map<string, number>();
  let frontier = [start];
  let depth = 0;
  while (frontier.length > 0 && depth < maxDepth) {
    depth++;
    const next: string[] = [];
    for (const node of frontier) {
      for (const target of edges.get(node) ?? []) {
        if (!seen.has(target)) {
          seen.set(target, depth);
          next.push(target);
        }
      }
    }
    frontier = next;
  }
  return seen;
}

/** Reverse every edge. */
export function invert(nodes: Iterable<string>, edges: Adjacency): Map<string, string[]> {
  const reverse = new Map<string, string[]>();
  for (const node of nodes) reverse.set(node, []);
  for (const [from, targets] of edges) {
    for (const to of targets) {
      let list = reverse.get(to);
      if (!list) reverse.set(to, (list = []));
      list.push(from);
    }
  }
  return reverse;
}
