// What link resolution produced, as plain data a host can keep beside its cache, and taking it
// back. A host that knows no note changed since it kept the data (same files, same settings, same
// parser) hands it to the index before adding the notes: each component attached then takes its
// resolved dependencies from it instead of resolving them, so a warm start resolves nothing. The
// index still checks what it can: a component whose dependency count differs, or one the data does
// not know, is resolved as usual, and so is every component whose kept targets did not all come back.
// The components are listed in name order when the index had it, and an index taking the data back
// takes that order too when it still holds.
import type { ResolvedDependency } from './model';
import { resolvedAs } from './resolve';
import { addId } from './id-multimap';
import type { IndexEntry } from './vault-index-types';
import type { VaultLinks } from './vault-links';

/** Resolved dependencies of every component, by position (compact: numbers, each id once). */
export interface LinkResolution {
  version: 1;
  /** Every component. */
  ids: string[];
  /** Where the dependencies of `ids[i]` end in `targets` (they start where those of `ids[i - 1]` end). */
  ends: number[];
  /** Each dependency's component, as a position in `ids`; -1 when it resolves to none. */
  targets: number[];
  /**
   * Dependencies with several components named exactly so, one run each: the position in
   * `targets`, the candidate count, how many are listed, then those positions in `ids`.
   */
  candidates: number[];
}

/** A resolution being taken back (see adoptResolution). */
export interface Adoption {
  resolution: LinkResolution;
  position: Map<string, number>;
  /** Position in `targets` → the candidates listed and their count. */
  candidates: Map<number, { ids: string[]; count: number }>;
  /** Components that took their dependencies from it. */
  adopted: Set<string>;
  /** Components attached meanwhile that did not (resolved as usual, perhaps before all names were in). */
  others: Set<string>;
}

/**
 * The resolution of every component now (call on settled links), listed in `order`: every
 * component once, in the index's name order when it has one (an index taking the resolution back
 * takes that order too, unsorted, when it still holds).
 */
export function exportResolution(links: VaultLinks, order: Iterable<string>): LinkResolution {
  const ids = [...order];
  const position = new Map<string, number>();
  ids.forEach((id, i) => position.set(id, i));
  const out: LinkResolution = { version: 1, ids, ends: [], targets: [], candidates: [] };
  const at = (id: string) => position.get(id) ?? -1;
  for (const id of ids) {
    for (const dep of links.resolved.get(id) ?? []) {
      if (dep.candidateCount > 0) out.candidates.push(out.targets.length, dep.candidateCount, dep.candidates.length, ...dep.candidates.map(at));
      out.targets.push(dep.id === null ? -1 : at(dep.id));
    }
    out.ends.push(out.targets.length);
  }
  return out;
}

/** Is `value` a resolution this code can take (a host's stored copy may be anything)? */
export function isLinkResolution(value: unknown): value is LinkResolution {
  const r = value as Partial<LinkResolution> | null;
  return (
    r !== null &&
    typeof r === 'object' &&
    r.version === 1 &&
    Array.isArray(r.ids) &&
    Array.isArray(r.ends) &&
    Array.isArray(r.targets) &&
    Array.isArray(r.candidates) &&
    r.ends.length === r.ids.length &&
    (r.ids.length === 0 || r.ends[r.ids.length - 1] === r.targets.length)
  );
}

export function startAdoption(resolution: LinkResolution): Adoption {
  const position = new Map<string, number>();
  resolution.ids.forEach((id, i) => position.set(id, i));
  const candidates = new Map<number, { ids: string[]; count: number }>();
  const c = resolution.candidates;
  for (let i = 0; i + 2 < c.length; ) {
    const listed = c[i + 2]!;
    candidates.set(c[i]!, { count: c[i + 1]!, ids: c.slice(i + 3, i + 3 + listed).map((p) => resolution.ids[p] ?? '') });
    i += 3 + listed;
  }
  return { resolution, position, candidates, adopted: new Set(), others: new Set() };
}

/** Give a component being attached its kept resolution; false when the data does not fit it. */
export function adoptComponent(links: VaultLinks, adoption: Adoption, entry: IndexEntry): boolean {
  const id = entry.path;
  const { resolution, position } = adoption;
  const at = position.get(id);
  const deps = entry.note.dependencies;
  const start = at ? resolution.ends[at - 1]! : 0;
  if (at === undefined || resolution.ends[at]! - start !== deps.length || links.resolved.has(id)) {
    adoption.others.add(id);
    return false;
  }
  const resolved: ResolvedDependency[] = [];
  for (let k = 0; k < deps.length; k++) {
    const target = resolution.ids[resolution.targets[start + k]!] ?? null;
    const listed = adoption.candidates.get(start + k);
    resolved.push(resolvedAs(deps[k]!, target, listed?.ids ?? [], listed?.count ?? 0));
    if (target !== null) addId(links.dependents, target, id);
  }
  links.resolved.set(id, resolved);
  links.edgeRevision++;
  adoption.adopted.add(id);
  links.pending.touched.add(id);
  return true;
}

/**
 * The adoption is over. Components attached meanwhile without it resolve again, and their names
 * are announced again (a component adopted after them may link to them). Every adopted component
 * whose kept targets or listed candidates name a component that did not take its kept resolution
 * (gone, or changed) resolves again, and so does every one with more candidates than it lists
 * when any is gone (the count may have changed).
 */
export function endAdoption(links: VaultLinks, adoption: Adoption): void {
  const { resolution, adopted } = adoption;
  const { pending } = links;
  for (const id of adoption.others) {
    const entry = links.entries.get(id);
    if (!entry || !links.componentIds.has(id)) continue;
    pending.resolve.add(id);
    for (const key of entry.identity.keys) pending.keys.add(key);
    if (entry.identity.keys[0] !== undefined) pending.names.add(entry.identity.keys[0]);
  }
  const gone = resolution.ids.map((id) => !adopted.has(id) || !links.componentIds.has(id));
  if (gone.some(Boolean)) {
    const stale = new Set<number>();
    const c = resolution.candidates;
    for (let i = 0; i + 2 < c.length; i += 3 + c[i + 2]!) {
      if (c[i + 1]! > c[i + 2]! || c.slice(i + 3, i + 3 + c[i + 2]!).some((p) => gone[p])) stale.add(c[i]!);
    }
    let start = 0;
    resolution.ids.forEach((id, i) => {
      const end = resolution.ends[i]!;
      for (let k = start; k < end; k++) {
        const target = resolution.targets[k]!;
        if ((target >= 0 && gone[target]) || stale.has(k)) {
          pending.resolve.add(id);
          break;
        }
      }
      start = end;
    });
  }
  links.edgeRevision++;
}
