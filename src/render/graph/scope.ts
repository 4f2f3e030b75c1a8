// What a graph view draws: the components in view (all of them, or a focused one's neighbourhood),
// or, above what it lays out, a notice that counts them. The view draws from it and a host's
// fingerprint reads it (Obsidian's graph view), so both agree on what is on screen and neither
// builds a model of the whole vault to find out that only a notice is shown.
import { buildGraphModel, neighbourhood } from '../../core/graph-model';
import type { ViewContext } from '../context';

export { DEFAULT_HOPS } from './limits';

export type GraphScope =
  /** More components than the graph lays out (`most`): a notice counts them, nothing is drawn. */
  | { kind: 'too-many'; total: number; most: number }
  /** These components are laid out and drawn. */
  | { kind: 'graph'; ids: readonly string[] };

export interface ScopeOptions {
  focus: string | null;
  hops: number;
  maxComponents: number;
}

/** What the view draws of `baseIds` for a focus (null: all of them). */
export function graphScope(source: Pick<ViewContext, 'ids' | 'edges'>, baseIds: readonly string[], options: ScopeOptions): GraphScope {
  let wanted = baseIds;
  if (options.focus) {
    const base = new Set(baseIds);
    wanted = [...neighbourhood(source, options.focus, options.hops)].filter((id) => base.has(id));
  }
  return wanted.length > options.maxComponents ? { kind: 'too-many', total: wanted.length, most: options.maxComponents } : { kind: 'graph', ids: wanted };
}

/**
 * What a graph view over `baseIds` shows for `scope`, as a string: equal strings, the same drawing.
 * The notice's count, or the model of the components in view (nodes with their stage and flags,
 * edges, cycles, external dependencies); and the names the focus menu lists.
 */
export function graphPrint(ctx: Pick<ViewContext, 'pipeline' | 'ids' | 'component' | 'edges' | 'cycles' | 'nameOf'>, baseIds: readonly string[], scope: GraphScope): string {
  const menu = baseIds.map((id) => `${id}\u0000${ctx.nameOf(id) ?? ''}`).join('\u0001');
  if (scope.kind === 'too-many') return JSON.stringify([scope.kind, scope.total, scope.most, menu]);
  const model = buildGraphModel(ctx, scope.ids);
  return JSON.stringify([scope.kind, model.nodes, model.edges, model.cycles, model.externals, model.externalEdges, menu]);
}
