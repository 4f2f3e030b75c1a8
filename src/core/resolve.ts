// Dependency resolution: a written dependency (link or plain name) → a component id. Same-name
// candidates are ranked once per key and kept ranked as ids come and go (see Candidates), so a
// thousand notes sharing a name cost a thousand resolutions, not a thousand sorts of a thousand.
import { NONE, shrinkToFit } from './exact-array';
import { cleanComponentName, withoutMarkdownExtension } from './identity';
import type { Dependency, NoteIdentity, ResolvedDependency } from './model';
import { compareCodeUnits, nameKey } from './text';
import type { ReadonlyIdMultiMap } from './id-multimap';
import { workCount } from './work-count';

/** Candidates a resolved dependency (and its diagnostic) lists; `candidateCount` has the total. */
export const MAX_CANDIDATES = 8;

const NO_CANDIDATES: readonly string[] = Object.freeze([]);

/** Keys a dependency may match, most specific first. */
export function dependencyKeys(dep: Dependency, sourceId: string): string[] {
  const hit = keyCache.get(dep);
  if (hit && hit.sourceId === sourceId) return hit.keys;
  const keys = computeKeys(dep, sourceId);
  keyCache.set(dep, { sourceId, keys });
  return keys;
}

// A component is re-resolved whenever a note it may point to changes; its dependencies' keys
// stay the same until the note itself is parsed again (a new Dependency object).
const keyCache = new WeakMap<Dependency, { sourceId: string; keys: string[] }>();

/** Take keys worked out earlier for `dep` in the note at `sourceId` (a host kept them with the note: see noteKeys). */
export function keepDependencyKeys(dep: Dependency, sourceId: string, keys: string[]): void {
  keyCache.set(dep, { sourceId, keys });
}

function computeKeys(dep: Dependency, sourceId: string): string[] {
  // At most four spellings, often the same text twice (a plain name is its own last segment and
  // its own cleaned name): each distinct one is keyed once, into a list made at its length.
  const name = withoutMarkdownExtension(dep.name);
  const relative = dep.link && (name.startsWith('./') || name.startsWith('../')) ? joinRelative(sourceId, name) : null;
  const last = name.slice(name.lastIndexOf('/') + 1);
  const clean = cleanComponentName(name);
  const a = relative === null ? '' : keyOf(relative);
  const b = keyOf(name);
  const c = last === name ? b : keyOf(last);
  const d = clean === name ? b : clean === last ? c : keyOf(clean);
  const keys = scratchKeys;
  keys.length = 0;
  if (a !== '') keys.push(a);
  if (b !== '' && b !== a) keys.push(b);
  if (c !== '' && c !== a && c !== b) keys.push(c);
  if (d !== '' && d !== a && d !== b && d !== c) keys.push(d);
  return shrinkToFit(keys);
}

function keyOf(spelling: string): string {
  workCount.dependencyNamesKeyed++;
  return nameKey(spelling);
}

// Reused dependency to dependency (computeKeys is not re-entered): a list grown by push() takes
// room for 17 keys before it is copied out at its length.
const scratchKeys: string[] = [];

function joinRelative(sourceId: string, relative: string): string {
  const parts = sourceId.split('/').slice(0, -1);
  for (const piece of relative.split('/')) {
    if (piece === '..') parts.pop();
    else if (piece !== '.' && piece !== '') parts.push(piece);
  }
  return parts.join('/');
}

/** The ids under one key in resolution order, with how many of them are named exactly so. */
interface RankedKey {
  /** Ids by rank, then path (code units). */
  ids: string[];
  /** Rank of each id in `ids`, same positions. */
  ranks: number[];
  /** How many ids have rank 0 or 1 (a component whose own name is the key). */
  exact: number;
}

/**
 * Ranked same-name candidates per key. Built on first use of a key that names several
 * components; after that, ids added to or removed from the key move in or out by binary search,
 * so neither a resolution nor an edit sorts the candidates again.
 */
export interface Candidates {
  readonly keyIndex: ReadonlyIdMultiMap<string>;
  readonly entries: ReadonlyMap<string, { identity: NoteIdentity }>;
  readonly ranked: Map<string, RankedKey>;
}

export function createCandidates(keyIndex: ReadonlyIdMultiMap<string>, entries: ReadonlyMap<string, { identity: NoteIdentity }>): Candidates {
  return { keyIndex, entries, ranked: new Map() };
}

/**
 * Prefer a component named exactly so (its primary key is this key), and among those one whose
 * file or folder agrees: 0 best, 2 a component that only has this key as an alias or path.
 */
function rankOf(candidates: Candidates, key: string, id: string): number {
  workCount.ranked++;
  const identity = candidates.entries.get(id)?.identity;
  if (identity?.keys[0] !== key) return 2;
  return nameKey(fileStem(id)).includes(key) ? 0 : 1;
}

function before(rankA: number, idA: string, rankB: number, idB: string): boolean {
  workCount.compared++;
  return rankA < rankB || (rankA === rankB && compareCodeUnits(idA, idB) < 0);
}

/** First position whose entry does not come before (rank, id). */
function position(list: RankedKey, rank: number, id: string): number {
  let low = 0;
  let high = list.ids.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (before(list.ranks[mid]!, list.ids[mid]!, rank, id)) low = mid + 1;
    else high = mid;
  }
  return low;
}

function rankKey(candidates: Candidates, key: string, ids: ReadonlySet<string>): RankedKey {
  const found = candidates.ranked.get(key);
  if (found) return found;
  const pairs: Array<{ id: string; rank: number }> = [];
  for (const id of ids) pairs.push({ id, rank: rankOf(candidates, key, id) });
  pairs.sort((a, b) => (before(a.rank, a.id, b.rank, b.id) ? -1 : 1));
  const made: RankedKey = { ids: pairs.map((p) => p.id), ranks: pairs.map((p) => p.rank), exact: 0 };
  for (const rank of made.ranks) if (rank < 2) made.exact++;
  candidates.ranked.set(key, made);
  return made;
}

/**
 * A component was added under `key` (call after the key index holds it). A ranked list already
 * built takes it in place; below two ids there is nothing to rank.
 */
export function candidateAdded(candidates: Candidates, key: string, id: string): void {
  const list = candidates.ranked.get(key);
  if (!list) return;
  const rank = rankOf(candidates, key, id);
  const at = position(list, rank, id);
  if (list.ids[at] === id) return;
  list.ids.splice(at, 0, id);
  list.ranks.splice(at, 0, rank);
  if (rank < 2) list.exact++;
}

/** A component left `key` (call while its identity is still the one it was added with). */
export function candidateRemoved(candidates: Candidates, key: string, id: string): void {
  const list = candidates.ranked.get(key);
  if (!list) return;
  const rank = rankOf(candidates, key, id);
  const at = position(list, rank, id);
  if (list.ids[at] !== id) {
    candidates.ranked.delete(key); // out of step (cannot happen): rank again on next use
    return;
  }
  list.ids.splice(at, 1);
  list.ranks.splice(at, 1);
  if (rank < 2) list.exact--;
  if (list.ids.length < 2) candidates.ranked.delete(key);
}

/**
 * Resolve by the first key that names a component. Several components under one key: prefer one
 * whose own name is that key, then the path order; the exact-name ones are reported as candidates
 * (the first MAX_CANDIDATES, and how many there are).
 */
export function resolveDependency(dep: Dependency, sourceId: string, candidates: Candidates): ResolvedDependency {
  workCount.resolved++;
  for (const key of dependencyKeys(dep, sourceId)) {
    const ids = candidates.keyIndex.get(key);
    if (ids === undefined) continue;
    // One candidate: it is the answer, and there is no ambiguity to report.
    if (typeof ids === 'string') return resolved(dep, ids, NO_CANDIDATES, 0);
    if (ids.size === 0) continue;
    if (ids.size === 1) for (const only of ids) return resolved(dep, only, NO_CANDIDATES, 0);
    const list = rankKey(candidates, key, ids);
    if (list.exact < 2) return resolved(dep, list.ids[0]!, NO_CANDIDATES, 0);
    return resolved(dep, list.ids[0]!, list.ids.slice(0, Math.min(list.exact, MAX_CANDIDATES)), list.exact);
  }
  return resolved(dep, null, NO_CANDIDATES, 0);
}

/** `dep` resolved to `id` (null: to none), with the exact-name candidates listed and their count. */
export function resolvedAs(dep: Dependency, id: string | null, candidates: readonly string[], candidateCount: number): ResolvedDependency {
  return resolved(dep, id, candidates.length === 0 ? NO_CANDIDATES : candidates, candidateCount);
}

// Written out rather than spread: objects built by spreading and then adding fields each got a
// hidden class of their own in V8, several hundred bytes per dependency in a large vault.
function resolved(dep: Dependency, id: string | null, candidates: readonly string[], candidateCount: number): ResolvedDependency {
  return {
    name: dep.name,
    link: dep.link,
    declaredStage: dep.declaredStage,
    declaredRaw: dep.declaredRaw,
    declaredBlocked: dep.declaredBlocked,
    optional: dep.optional,
    note: dep.note,
    line: dep.line,
    id,
    // The one frozen empty list (exact-array.ts): a fresh one per dependency was 14k arrays at 10k.
    candidates: candidates === NO_CANDIDATES ? NONE : (candidates as string[]),
    candidateCount,
  };
}

/** The part of a path that names the note: the file name, or the folder of a MATURITY.md. */
function fileStem(id: string): string {
  const parts = id.split('/');
  const file = withoutMarkdownExtension(parts.pop() ?? '');
  return /^maturity$/i.test(file) ? (parts.pop() ?? file) : file.replace(/___/g, '/');
}
