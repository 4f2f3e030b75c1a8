// The link bookkeeping of the vault index (vault-index.ts): which components each name key
// points to, which components reference each dependency key, each component's resolved
// dependencies and their reverse edges, and components by stage. Edits change these maps at once
// and note what they may affect in `pending` (keys whose components changed, components to
// resolve again, views to rebuild); `settle` works that out once, so a batch of edits that share
// keys (a cold build, a thousand notes with one name) visits each key once.
import type { ResolvedDependency, StageId } from './model';
import { createCandidates, dependencyKeys, resolveDependency, type Candidates } from './resolve';
import type { IndexEntry } from './vault-index';
import { addId, idsOf, removeId, type IdMultiMap } from './id-multimap';
import { compareCodeUnits } from './text';
import { workCount } from './work-count';
import { adoptComponent, endAdoption, startAdoption, type Adoption, type LinkResolution } from './link-resolution';
import { addKeys, emptyKeyQueue, placeKeys, queueKeys, removeKeys, type KeyQueue } from './link-keys';

/** What edits since the last `settle` may affect. */
export interface PendingWork {
  /** Keys a component was added to or removed from: their referrers resolve again. */
  readonly keys: Set<string>;
  /** Primary keys (names) that gained or lost a component: their holders' duplicate lists change. */
  readonly names: Set<string>;
  readonly resolve: Set<string>;
  /** Components whose views may have changed. */
  readonly touched: Set<string>;
  /**
   * Components shown beside an edited one whose views hold nothing that changed (a card lists the
   * stages of a component's dependencies and dependents): reported as changed, their views kept.
   */
  readonly shown: Set<string>;
  /** Components detached for good (removed, renamed away, no longer components). */
  readonly removed: Set<string>;
}

export interface VaultLinks {
  /** Every indexed note by path, components or not. */
  readonly entries: Map<string, IndexEntry>;
  readonly componentIds: Set<string>;
  /** name/alias/path key → component ids. */
  readonly keyIndex: IdMultiMap<string>;
  /** Same-name candidates ranked per key (resolve.ts). */
  readonly candidates: Candidates;
  /** primary key (the component's own name) → component ids: who shares a name. */
  readonly byName: IdMultiMap<string>;
  /** byName's ids in path order, per name with several ids; dropped when the name changes. */
  readonly sortedByName: Map<string, string[]>;
  /** dependency key → components that reference it. */
  readonly refIndex: IdMultiMap<string>;
  readonly resolved: Map<string, ResolvedDependency[]>;
  readonly dependents: IdMultiMap<string>;
  readonly byStage: Map<StageId | null, Set<string>>;
  pending: PendingWork;
  /** A kept resolution components attached now take theirs from (link-resolution.ts). */
  adoption: Adoption | null;
  /** Whether components that take the kept resolution queue their keys (link-keys.ts). */
  namesLater: boolean;
  /** Keys waiting to be put in keyIndex, candidates and byName (link-keys.ts). */
  keyQueue: KeyQueue;
  /** Goes up whenever an edge between components appears or goes (the cycle cache keys on it). */
  edgeRevision: number;
}

function emptyPending(): PendingWork {
  return { keys: new Set(), names: new Set(), resolve: new Set(), touched: new Set(), shown: new Set(), removed: new Set() };
}

export function createLinks(): VaultLinks {
  const entries = new Map<string, IndexEntry>();
  const keyIndex: IdMultiMap<string> = new Map();
  return {
    entries,
    componentIds: new Set(),
    keyIndex,
    candidates: createCandidates(keyIndex, entries),
    byName: new Map(),
    sortedByName: new Map(),
    refIndex: new Map(),
    resolved: new Map(),
    dependents: new Map(),
    byStage: new Map(),
    pending: emptyPending(),
    adoption: null,
    namesLater: false,
    keyQueue: emptyKeyQueue(),
    edgeRevision: 0,
  };
}

export function hasPendingWork(links: VaultLinks): boolean {
  const p = links.pending;
  return p.keys.size + p.names.size + p.resolve.size + p.touched.size + p.shown.size + p.removed.size > 0;
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

function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((key, i) => key === b[i]);
}

/**
 * Take a component out of the maps before its note changes. `next` is the entry that replaces it
 * when it stays a component at the same path: when its keys are the same, they stay in place
 * (nobody else resolves differently). Its resolved edges stay until we know whether the note
 * comes back with the same ones: an edit that leaves the dependencies alone keeps the graph.
 */
export function detachComponent(links: VaultLinks, id: string, next?: IndexEntry): boolean {
  const entry = links.entries.get(id);
  if (!entry || !links.componentIds.has(id)) return false;
  const { touched, shown } = links.pending;
  links.componentIds.delete(id);
  const keysInPlace = next !== undefined && sameKeys(entry.identity.keys, next.identity.keys);
  if (!keysInPlace) removeKeys(links, id, entry.identity.keys);
  for (const dep of entry.note.dependencies) for (const key of dependencyKeys(dep, id)) removeId(links.refIndex, key, id);
  // A dependency's view lists its dependents by id: it changes when an edge does, and
  // resolveComponent and dropEdges mark it then.
  for (const dep of links.resolved.get(id) ?? []) if (dep.id) shown.add(dep.id);
  // A dependent's view reads this component's stage and name (its stage checks, its messages).
  const seenAlike = next !== undefined && next.note.stage?.id === entry.note.stage?.id && next.identity.name === entry.identity.name;
  for (const dependent of idsOf(links.dependents, id)) (seenAlike ? shown : touched).add(dependent);
  removeFrom(links.byStage, entry.note.stage?.id ?? null, id);
  links.pending.removed.add(id);
  return keysInPlace;
}

/** The component is gone (removed, renamed, no longer a component): so are its edges. */
export function dropEdges(links: VaultLinks, id: string): void {
  const before = links.resolved.get(id);
  if (before === undefined) return;
  links.resolved.delete(id);
  for (const dep of before) {
    if (dep.id) {
      removeId(links.dependents, dep.id, id);
      links.pending.touched.add(dep.id);
    }
  }
  if (before.some((dep) => dep.id !== null)) links.edgeRevision++;
}

/** Put a component in the maps; `keysInPlace` when detachComponent left its keys (same ones). */
export function attachComponent(links: VaultLinks, entry: IndexEntry, keysInPlace = false): void {
  const id = entry.path;
  links.componentIds.add(id);
  const adopted = links.adoption !== null && adoptComponent(links, links.adoption, entry);
  if (!keysInPlace) {
    if (adopted && links.namesLater) queueKeys(links, id, entry.identity.keys);
    else addKeys(links, id, entry.identity.keys, !adopted);
  }
  const deps = entry.note.dependencies;
  for (let i = 0; i < deps.length; i++) {
    const keys = dependencyKeys(deps[i]!, id);
    for (let k = 0; k < keys.length; k++) addId(links.refIndex, keys[k]!, id);
  }
  addTo(links.byStage, entry.note.stage?.id ?? null, id);
  if (!adopted) links.pending.resolve.add(id);
  links.pending.removed.delete(id);
}

/**
 * Start taking a kept resolution (components attached from now on take theirs from it), or
 * (null) stop: what did not fit it resolves at the next settle (link-resolution.ts).
 */
export function adoptResolution(links: VaultLinks, resolution: LinkResolution | null, namesLater = false): void {
  if (links.adoption) endAdoption(links, links.adoption);
  links.adoption = resolution ? startAdoption(resolution) : null;
  links.namesLater = resolution !== null && namesLater;
}

/**
 * Work out what the pending edits affect: components that link to a changed key resolve again
 * (and so do the edited ones), and components whose name gained or lost a holder get new
 * duplicate warnings. Each key is visited once, however many edits touched it. Returns the
 * components whose views may have changed, those only shown beside an edited one, and the ones
 * that are gone; pending work starts anew.
 */
export function settle(links: VaultLinks): { touched: Set<string>; shown: Set<string>; removed: string[] } {
  const { keys, names, resolve, touched, shown, removed } = links.pending;
  // forEach, not for…of: settle runs once a batch, and its loops (40k keys after a cold build at
  // 10k) ran unoptimised, an iterator result a key.
  keys.forEach((key) => addIdsTo(resolve, links.refIndex, key));
  // Resolving reads the key index (link-keys.ts).
  if (resolve.size > 0) placeKeys(links);
  names.forEach((name) => addIdsTo(touched, links.byName, name));
  resolve.forEach((id) => {
    if (links.componentIds.has(id)) resolveComponent(links, id, touched);
  });
  links.pending = emptyPending();
  return { touched, shown, removed: [...removed].filter((id) => !links.componentIds.has(id)) };
}

/** The ids under `key` added to `to` (a key names one id most often: no list is made for it). */
function addIdsTo(to: Set<string>, map: IdMultiMap<string>, key: string): void {
  const found = map.get(key);
  if (found === undefined) return;
  if (typeof found === 'string') {
    workCount.visited++;
    to.add(found);
    return;
  }
  workCount.visited += found.size;
  for (const id of found) to.add(id);
}

function sameResolution(a: ResolvedDependency, b: ResolvedDependency): boolean {
  // Candidates compared by value: a renamed duplicate keeps the count but changes the ids.
  return a.id === b.id && a.candidateCount === b.candidateCount && a.candidates.length === b.candidates.length && a.candidates.every((c, k) => c === b.candidates[k]);
}

/** Resolve one component's dependencies again and update the reverse edges. */
function resolveComponent(links: VaultLinks, id: string, touched: Set<string>): void {
  const { entries, resolved, dependents } = links;
  const entry = entries.get(id);
  if (!entry) return;
  const before = resolved.get(id) ?? [];
  const after = entry.note.dependencies.map((dep) => resolveDependency(dep, id, links.candidates));
  const changed = before.length !== after.length || before.some((d, i) => !sameResolution(d, after[i]!));
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

/**
 * The other components named like `id` (same primary key): the first `limit` in path order and
 * how many there are. The sorted list is made once per name and kept until the name changes.
 */
export function sameNamed(links: VaultLinks, id: string, name: string, limit: number): { sample: string[]; count: number } {
  const ids = links.byName.get(name);
  if (ids === undefined || typeof ids === 'string') return { sample: [], count: 0 };
  let sorted = links.sortedByName.get(name);
  if (!sorted) {
    sorted = [...ids];
    workCount.visited += sorted.length;
    sorted.sort((a, b) => {
      workCount.compared++;
      return compareCodeUnits(a, b);
    });
    links.sortedByName.set(name, sorted);
  }
  const sample: string[] = [];
  for (const other of sorted) {
    if (sample.length === limit) break;
    if (other !== id) sample.push(other);
  }
  return { sample, count: sorted.length - (ids.has(id) ? 1 : 0) };
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
