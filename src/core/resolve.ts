// Dependency resolution: a written dependency (link or plain name) → a component id.
import { cleanComponentName } from './identity';
import type { Dependency, NoteIdentity, ResolvedDependency } from './model';
import { nameKey } from './text';
import type { ReadonlyIdMultiMap } from './id-multimap';

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

function computeKeys(dep: Dependency, sourceId: string): string[] {
  const keys: string[] = [];
  const add = (value: string) => {
    const key = nameKey(value);
    if (key !== '' && !keys.includes(key)) keys.push(key);
  };
  const name = dep.name.replace(/\.(md|markdown)$/i, '');
  if (dep.link && (name.startsWith('./') || name.startsWith('../'))) add(joinRelative(sourceId, name));
  add(name);
  const last = name.split('/').pop() ?? name;
  add(last);
  add(cleanComponentName(name));
  return keys;
}

function joinRelative(sourceId: string, relative: string): string {
  const parts = sourceId.split('/').slice(0, -1);
  for (const piece of relative.split('/')) {
    if (piece === '..') parts.pop();
    else if (piece !== '.' && piece !== '') parts.push(piece);
  }
  return parts.join('/');
}

/**
 * Resolve by the first key that names a component. Several components under one key: prefer one
 * whose own name is that key, then the path order; the others are reported as candidates.
 */
export function resolveDependency(
  dep: Dependency,
  sourceId: string,
  keyIndex: ReadonlyIdMultiMap<string>,
  entries: ReadonlyMap<string, { identity: NoteIdentity }>,
): ResolvedDependency {
  for (const key of dependencyKeys(dep, sourceId)) {
    const ids = keyIndex.get(key);
    if (ids === undefined) continue;
    // One candidate: it is the answer, and there is no ambiguity to report.
    if (typeof ids === 'string') return resolved(dep, ids, []);
    if (ids.size === 0) continue;
    if (ids.size === 1) for (const only of ids) return resolved(dep, only, []);
    // Prefer a component named exactly so, and among those one whose file or folder agrees.
    const rank = (id: string) => {
      const identity = entries.get(id)?.identity;
      if (identity?.keys[0] !== key) return 2;
      return nameKey(fileStem(id)).includes(key) ? 0 : 1;
    };
    const sorted = [...ids].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
    const exact = sorted.filter((id) => rank(id) < 2);
    return resolved(dep, sorted[0]!, exact.length > 1 ? exact : []);
  }
  return resolved(dep, null, []);
}

// Written out rather than spread: objects built by spreading and then adding fields each got a
// hidden class of their own in V8, several hundred bytes per dependency in a large vault.
function resolved(dep: Dependency, id: string | null, candidates: string[]): ResolvedDependency {
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
    candidates,
  };
}

/** The part of a path that names the note: the file name, or the folder of a MATURITY.md. */
function fileStem(id: string): string {
  const parts = id.split('/');
  const file = (parts.pop() ?? '').replace(/\.(md|markdown)$/i, '');
  return /^maturity$/i.test(file) ? (parts.pop() ?? file) : file.replace(/___/g, '/');
}
