// The dependency graph as plain data, for drawing (SVG, Mermaid, DOT) and JSON: which components,
// which edges (dependent → dependency), and which edges close a cycle or invert the stage order.
import { closure, invert } from './graph';
import type { Component, StageId } from './model';
import { isBlocked } from './serialize';
import { compareStages, stageName, type Pipeline } from './stages';
import type { MaturityIndex } from './vault-index';

/** What the graph reads: a live index or a snapshot-backed view context. */
export type GraphSource = Pick<MaturityIndex, 'pipeline' | 'ids' | 'component' | 'edges' | 'cycles'>;

export interface GraphNode {
  id: string;
  name: string;
  stage: StageId | null;
  stageName: string;
  /** Position of the stage in the pipeline, -1 when unknown. */
  rank: number;
  blocked: boolean;
  stale: boolean;
  errors: number;
  /** Index of the cycle this node belongs to in `GraphModel.cycles`, or -1. */
  cycle: number;
}

export interface GraphEdge {
  /** The dependent. */
  from: string;
  /** The dependency. */
  to: string;
  /** Both ends lie on the same dependency cycle (or the edge is a self-loop). */
  cycle: boolean;
  /** The dependent is at a more mature stage than its dependency. */
  inversion: boolean;
  optional: boolean;
}

export interface GraphModel {
  nodes: GraphNode[];
  edges: GraphEdge[];
  cycles: string[][];
}

/**
 * The graph over `ids` (default: every component). Edges leave the set only when both ends are
 * in it, so a focused view never points at an invisible node.
 */
export function buildGraphModel(source: GraphSource, ids?: Iterable<string>): GraphModel {
  const wanted = ids ? new Set(ids) : null;
  const order = source.ids().filter((id) => !wanted || wanted.has(id));
  const included = new Set(order);
  const cycles = source.cycles().filter((cycle) => cycle.some((id) => included.has(id)));
  const cycleOf = new Map<string, number>();
  cycles.forEach((cycle, i) => cycle.forEach((id) => cycleOf.set(id, i)));

  const components = new Map<string, Component>();
  for (const id of order) {
    const c = source.component(id);
    if (c) components.set(id, c);
  }
  const nodes = [...components.values()].map((c) => toNode(c, source.pipeline, cycleOf.get(c.id) ?? -1, source));
  const edges: GraphEdge[] = [];
  const allEdges = source.edges();
  for (const [from, component] of components) {
    for (const to of allEdges.get(from) ?? []) {
      if (!components.has(to)) continue;
      const fromCycle = cycleOf.get(from);
      const optional = component.dependencies.some((d) => d.id === to && d.optional) && !component.dependencies.some((d) => d.id === to && !d.optional);
      edges.push({
        from,
        to,
        cycle: from === to || (fromCycle !== undefined && fromCycle === cycleOf.get(to)),
        inversion: compareStages(source.pipeline, component.note.stage?.id ?? null, components.get(to)!.note.stage?.id ?? null) === 1,
        optional,
      });
    }
  }
  return { nodes, edges, cycles };
}

function toNode(c: Component, pipeline: Pipeline, cycle: number, source: GraphSource): GraphNode {
  const stage = c.note.stage?.id ?? null;
  return {
    id: c.id,
    name: c.name,
    stage,
    stageName: stageName(pipeline, stage),
    rank: stage === null ? -1 : pipeline.rank.get(stage) ?? -1,
    blocked: isBlocked(c, source),
    stale: c.stale,
    errors: c.diagnostics.filter((d) => d.severity === 'error').length,
    cycle,
  };
}

/** `id` and every component within `hops` steps of it, following edges both ways. */
export function neighbourhood(source: Pick<GraphSource, 'ids' | 'edges'>, id: string, hops: number): Set<string> {
  const edges = source.edges();
  const reverse = invert(source.ids(), edges);
  const out = new Set<string>([id]);
  for (const other of closure(id, edges, hops).keys()) out.add(other);
  for (const other of closure(id, reverse, hops).keys()) out.add(other);
  return out;
}
