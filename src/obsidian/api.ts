// The public API other plugins (and DataviewJS users) reach at
// `app.plugins.plugins['maturity-map'].api`. It returns the documented JSON shapes (the same as
// `maturity-map scan --json`), never live internal objects, so callers cannot corrupt the index.
import type { Events } from 'obsidian';
import {
  componentToJSON,
  parseQueryLines,
  parseQueryOptions,
  runQuery,
  type ComponentJSON,
  type ComponentQuery,
} from '../core/index';
import type { VaultIndexer } from './vault-indexer';

export interface GraphJSON {
  nodes: Array<{ id: string; name: string; stage: string | null }>;
  /** Dependent → dependency. */
  edges: Array<{ from: string; to: string }>;
  cycles: string[][];
}

export type QueryResult = { ok: true; components: ComponentJSON[] } | { ok: false; errors: string[] };

export interface MaturityMapApi {
  readonly version: 1;
  /** Resolves when the index holds the whole vault. */
  ready(): Promise<void>;
  /** Every component, or those matching a query (`"stage: staging"` text or an options object). */
  components(query?: string | Record<string, unknown>): ComponentJSON[];
  /** One component by name, alias or path. */
  component(nameOrPath: string): ComponentJSON | null;
  /** Run a query written as in a ```maturity-query``` block; invalid options come back as errors. */
  query(source: string | Record<string, unknown>): QueryResult;
  graph(): GraphJSON;
  /** Notes the plugin did not read (too large, unreadable), each with its `file-unreadable` diagnostic. */
  unreadable(): Array<{ path: string; code: string; severity: string; message: string }>;
  /** `'change'` (LiveChange: changed / removed ids, reason), `'ready'`, `'progress'`. */
  readonly events: Events;
}

function parse(source: string | Record<string, unknown>): { ok: true; query: ComponentQuery } | { ok: false; errors: string[] } {
  return parseQueryOptions(typeof source === 'string' ? parseQueryLines(source) : source);
}

export function createApi(indexer: VaultIndexer): MaturityMapApi {
  const toJSON = (query: ComponentQuery) => runQuery(indexer.index, query).map((c) => componentToJSON(c, indexer.index));
  return Object.freeze({
    version: 1 as const,
    ready: () => indexer.whenReady(),
    components(query?: string | Record<string, unknown>) {
      if (query === undefined) return toJSON({});
      const parsed = parse(query);
      if (!parsed.ok) throw new Error(`maturity-map: ${parsed.errors.join(' ')}`);
      return toJSON(parsed.query);
    },
    component(nameOrPath: string) {
      const index = indexer.index;
      const id = index.component(nameOrPath) ? nameOrPath : index.lookup(nameOrPath);
      const component = id ? index.component(id) : undefined;
      return component ? componentToJSON(component, index) : null;
    },
    query(source: string | Record<string, unknown>): QueryResult {
      const parsed = parse(source);
      return parsed.ok ? { ok: true, components: toJSON(parsed.query) } : parsed;
    },
    graph(): GraphJSON {
      const index = indexer.index;
      const nodes = index.ids().map((id) => ({ id, name: index.entry(id)!.identity.name, stage: index.entry(id)!.note.stage?.id ?? null }));
      const edges: GraphJSON['edges'] = [];
      for (const [from, targets] of index.edges()) for (const to of targets) edges.push({ from, to });
      return { nodes, edges, cycles: index.cycles() };
    },
    unreadable: () => indexer.progress.unreadable.map(({ path, diagnostic }) => ({ path, code: diagnostic.code, severity: diagnostic.severity, message: diagnostic.message })),
    events: indexer.events,
  });
}
