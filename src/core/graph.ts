// Dependency graph algorithms over plain adjacency maps: cycles (Tarjan's strongly connected
// components, iterative so a 5k-deep chain cannot overflow the stack, and incremental so one
// node's cycle costs only what that node reaches) and closures both ways.
import { workCount } from './work-count';

export type Adjacency = ReadonlyMap<string, readonly string[]>;

/** Cycle membership, found a piece at a time over one unchanging graph. */
export interface CycleFinder {
  /**
   * The cycle `node` lies on (its ids sorted), or null. The first call searches only the nodes
   * `node` reaches (a strongly connected component lies within them); later calls reuse it.
   */
  cycleOf(node: string): string[] | null;
  /** Every cycle among `nodes` and what they reach, as findCycles orders them. */
  all(nodes: Iterable<string>): string[][];
}

/**
 * Tarjan's algorithm started from whichever node is asked about: each search completes every
 * strongly connected component it reaches, so over any sequence of calls each node and edge is
 * visited once in all (counted in `workCount.cycleVisited`). `next` gives a node's targets.
 */
export function createCycleFinder(next: (node: string) => readonly string[]): CycleFinder {
  const tarjan: Tarjan = { next, index: new Map(), low: new Map(), onStack: new Set(), stack: [], membership: new Map(), found: [], counter: 0 };
  return {
    cycleOf(node) {
      workCount.cycleLookups++;
      search(tarjan, node);
      return tarjan.membership.get(node) ?? null;
    },
    all(nodes) {
      for (const node of nodes) search(tarjan, node);
      // Cycles are disjoint, so their first ids differ: a total order.
      return [...tarjan.found].sort((a, b) => (a[0]! < b[0]! ? -1 : a[0]! > b[0]! ? 1 : 0));
    },
  };
}

/** Tarjan's bookkeeping, kept across searches. */
interface Tarjan {
  readonly next: (node: string) => readonly string[];
  readonly index: Map<string, number>;
  readonly low: Map<string, number>;
  readonly onStack: Set<string>;
  readonly stack: string[];
  /** Finished nodes: their cycle, or null. */
  readonly membership: Map<string, string[] | null>;
  readonly found: string[][];
  counter: number;
}

/** A node being searched: its targets and the next one to follow. */
type Frame = [node: string, position: number, targets: readonly string[]];

function enter(tarjan: Tarjan, node: string, work: Frame[]): void {
  workCount.cycleVisited++;
  tarjan.index.set(node, tarjan.counter);
  tarjan.low.set(node, tarjan.counter);
  tarjan.counter++;
  tarjan.stack.push(node);
  tarjan.onStack.add(node);
  work.push([node, 0, tarjan.next(node)]);
}

/** Pop the component rooted at `node` off the stack and record what it is. */
function finish(tarjan: Tarjan, node: string, targets: readonly string[]): void {
  const members: string[] = [];
  let member: string;
  do {
    member = tarjan.stack.pop()!;
    tarjan.onStack.delete(member);
    members.push(member);
  } while (member !== node);
  const cycle = members.length > 1 || targets.includes(node) ? members.sort() : null;
  for (const m of members) tarjan.membership.set(m, cycle);
  if (cycle) tarjan.found.push(cycle);
}

function search(tarjan: Tarjan, root: string): void {
  const { index, low, onStack } = tarjan;
  if (index.has(root)) return;
  const work: Frame[] = [];
  enter(tarjan, root, work);
  while (work.length > 0) {
    const frame = work[work.length - 1]!;
    const [node, pos, targets] = frame;
    if (pos < targets.length) {
      frame[1] = pos + 1;
      const target = targets[pos]!;
      if (!index.has(target)) enter(tarjan, target, work);
      else if (onStack.has(target)) low.set(node, Math.min(low.get(node)!, index.get(target)!));
      continue;
    }
    work.pop();
    if (work.length > 0) {
      const parent = work[work.length - 1]![0];
      low.set(parent, Math.min(low.get(parent)!, low.get(node)!));
    }
    if (low.get(node) === index.get(node)) finish(tarjan, node, targets);
  }
}

/**
 * Strongly connected components that form cycles: every component of two or more nodes, and
 * single nodes with an edge to themselves. Each cycle's ids are sorted; cycles are sorted.
 */
export function findCycles(nodes: Iterable<string>, edges: Adjacency): string[][] {
  return createCycleFinder((node) => edges.get(node) ?? []).all(nodes);
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
