// The dependency graph as plain data, for drawing (SVG, Mermaid, DOT) and JSON: which components,
// which edges (dependent → dependency), which edges close a cycle or invert the stage order, and
// the external dependencies (names that are no component of the vault), merged by name.
import { closure, invert } from './graph';
import type { Component, StageId } from './model';
import { isBlocked } from './serialize';
import { compareStages, stageName, type Pipeline } from './stages';
import { nameKey } from './text';
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

/** A dependency no component of the vault answers to ("Redis"), one node per name however spelled. */
export interface ExternalNode {
  /** `external:` and the name's key (case, spaces and underscores folded): never a note id. */
  id: string;
  /** As the first component (in id order) to name it wrote it. */
  name: string;
  /** The components of the graph that name it, in id order. */
  usedBy: string[];
}

export interface ExternalEdge {
  /** The dependent component. */
  from: string;
  /** The external node's id. */
  to: string;
  /** Every mention of it in the dependent's note is optional. */
  optional: boolean;
}

export interface GraphModel {
  nodes: GraphNode[];
  edges: GraphEdge[];
  cycles: string[][];
  /** Unresolved dependency names of the components drawn, most used first, then by name. */
  externals: ExternalNode[];
  externalEdges: ExternalEdge[];
}

export const EXTERNAL_PREFIX = 'external:';

/**
 * The external dependencies of `components`: every dependency that resolves to no component,
 * merged by name key. A name that does resolve (to a component outside the set drawn) is not
 * external.
 */
export function externalDependencies(components: ReadonlyMap<string, Component>): Pick<GraphModel, 'externals' | 'externalEdges'> {
  const byKey = new Map<string, ExternalNode>();
  const edges = new Map<string, ExternalEdge>();
  for (const [from, component] of components) {
    for (const dep of component.dependencies) {
      if (dep.id !== null || dep.candidateCount > 0) continue;
      const key = nameKey(dep.name);
      if (key === '') continue;
      const id = `${EXTERNAL_PREFIX}${key}`;
      let node = byKey.get(key);
      if (!node) byKey.set(key, (node = { id, name: dep.name.trim(), usedBy: [] }));
      const edgeId = `${from}\u0000${id}`;
      const edge = edges.get(edgeId);
      if (edge) edge.optional &&= dep.optional;
      else {
        node.usedBy.push(from);
        edges.set(edgeId, { from, to: id, optional: dep.optional });
      }
    }
  }
  const externals = [...byKey.values()].sort((a, b) => b.usedBy.length - a.usedBy.length || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { externals, externalEdges: [...edges.values()] };
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
  return { nodes, edges, cycles, ...externalDependencies(components) };
}

/** The model without its external dependencies (the views' and the CLI's "hide external"). */
export function withoutExternals(model: GraphModel): GraphModel {
  return { ...model, externals: [], externalEdges: [] };
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
