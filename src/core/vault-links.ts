// The link bookkeeping of the vault index (vault-index.ts): which components each name key
// points to, which components reference each dependency key, each component's resolved
// dependencies and their reverse edges, and components by stage. Edits keep these maps in step
// so an update only re-resolves the components it can affect.
import type { ResolvedDependency, StageId } from './model';
import { dependencyKeys, resolveDependency } from './resolve';
import type { IndexEntry } from './vault-index';
import { addId, idsOf, removeId, type IdMultiMap } from './id-multimap';

export interface VaultLinks {
  /** Every indexed note by path, components or not. */
  readonly entries: Map<string, IndexEntry>;
  readonly componentIds: Set<string>;
  /** name/alias/path key → component ids. */
  readonly keyIndex: IdMultiMap<string>;
  /** dependency key → components that reference it. */
  readonly refIndex: IdMultiMap<string>;
  readonly resolved: Map<string, ResolvedDependency[]>;
  readonly dependents: IdMultiMap<string>;
  readonly byStage: Map<StageId | null, Set<string>>;
  /** Goes up whenever an edge between components appears or goes (the cycle cache keys on it). */
  edgeRevision: number;
}

export function createLinks(): VaultLinks {
  return {
    entries: new Map(),
    componentIds: new Set(),
    keyIndex: new Map(),
    refIndex: new Map(),
    resolved: new Map(),
    dependents: new Map(),
    byStage: new Map(),
    edgeRevision: 0,
  };
}

function addTo<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(value);
}

function removeFrom<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
  const set = map.get(key);
  if (!set) return;
  set.delete(value);
  if (set.size === 0) map.delete(key);
}

/**
 * After a component's keys were added or removed: the notes whose links name one of them resolve
 * again, and components with the same name gain or lose a duplicate. Only the primary key names
 * a note: many share secondary keys (every MATURITY.md has the page name "maturity").
 */
function collectKeyNeighbours(links: VaultLinks, keys: readonly string[], resolve: Set<string>, touched: Set<string>): void {
  for (const key of keys) for (const source of idsOf(links.refIndex, key)) resolve.add(source);
  const primary = keys[0];
  if (primary !== undefined) for (const other of idsOf(links.keyIndex, primary)) touched.add(other);
}

/**
 * Take a component out of the key and edge maps. `resolve` collects components whose links may
 * now point elsewhere; `touched` collects components whose view changes (dependencies'
 * dependents lists, dependents' stage checks, same-named components' duplicate warnings).
 */
export function detachComponent(links: VaultLinks, id: string, resolve: Set<string>, touched: Set<string>): void {
  const { keyIndex, refIndex } = links;
  const entry = links.entries.get(id);
  if (!entry || !links.componentIds.has(id)) return;
  links.componentIds.delete(id);
  for (const key of entry.identity.keys) removeId(keyIndex, key, id);
  collectKeyNeighbours(links, entry.identity.keys, resolve, touched);
  for (const dep of entry.note.dependencies) for (const key of dependencyKeys(dep, id)) removeId(refIndex, key, id);
  for (const dep of links.resolved.get(id) ?? []) if (dep.id) touched.add(dep.id);
  for (const dependent of idsOf(links.dependents, id)) touched.add(dependent);
  // Its resolved edges stay until we know whether the note comes back (upsert) with the same
  // ones: an edit that leaves the dependencies alone does not change the graph.
  removeFrom(links.byStage, entry.note.stage?.id ?? null, id);
}

/** The component is gone (removed, renamed, no longer a component): so are its edges. */
export function dropEdges(links: VaultLinks, id: string, touched: Set<string>): void {
  const before = links.resolved.get(id);
  if (before === undefined) return;
  links.resolved.delete(id);
  for (const dep of before) {
    if (dep.id) {
      removeId(links.dependents, dep.id, id);
      touched.add(dep.id);
    }
  }
  if (before.some((dep) => dep.id !== null)) links.edgeRevision++;
}

export function attachComponent(links: VaultLinks, entry: IndexEntry, resolve: Set<string>, touched: Set<string>): void {
  const { keyIndex, refIndex } = links;
  const id = entry.path;
  links.componentIds.add(id);
  for (const key of entry.identity.keys) addId(keyIndex, key, id);
  collectKeyNeighbours(links, entry.identity.keys, resolve, touched);
  for (const dep of entry.note.dependencies) for (const key of dependencyKeys(dep, id)) addId(refIndex, key, id);
  addTo(links.byStage, entry.note.stage?.id ?? null, id);
  resolve.add(id);
}

/** Resolve one component's dependencies again and update the reverse edges. */
export function resolveComponent(links: VaultLinks, id: string, touched: Set<string>): void {
  const { entries, resolved, dependents } = links;
  const entry = entries.get(id);
  if (!entry || !links.componentIds.has(id)) return;
  const before = resolved.get(id) ?? [];
  const after = entry.note.dependencies.map((dep) => resolveDependency(dep, id, links.keyIndex, entries));
  // Candidates compared by value: a renamed duplicate keeps the count but changes the ids.
  const changed =
    before.length !== after.length ||
    before.some((d, i) => d.id !== after[i]!.id || d.candidates.length !== after[i]!.candidates.length || d.candidates.some((c, k) => c !== after[i]!.candidates[k]));
  touched.add(id);
  const known = resolved.has(id);
  // Always the new objects: an edited note may declare other stages for the same targets.
  resolved.set(id, after);
  if (!changed && known) return;
  for (const dep of before) if (dep.id) removeId(dependents, dep.id, id);
  for (const dep of after) {
    if (dep.id) {
      addId(dependents, dep.id, id);
      touched.add(dep.id);
    }
  }
  for (const dep of before) if (dep.id) touched.add(dep.id);
  links.edgeRevision++;
}

/** Dependency edges between components: dependent → its distinct dependency ids. */
export function dependencyEdges(links: VaultLinks): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const id of links.componentIds) {
    const targets: string[] = [];
    for (const dep of links.resolved.get(id) ?? []) if (dep.id && !targets.includes(dep.id)) targets.push(dep.id);
    out.set(id, targets);
  }
  return out;
}
