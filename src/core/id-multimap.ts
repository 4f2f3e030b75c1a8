// Keys that name component ids: a name, an alias, a dependency's spelling. Almost every key names
// one component only, so a lone id is kept as the string itself and a Set is made from the second
// id on: a Set costs ~150 bytes, and a 10k-note vault has about five such keys per note.

export type IdMultiMap<K> = Map<K, string | Set<string>>;
export type ReadonlyIdMultiMap<K> = ReadonlyMap<K, string | ReadonlySet<string>>;

const NONE: readonly string[] = [];

export function addId<K>(map: IdMultiMap<K>, key: K, id: string): void {
  const found = map.get(key);
  if (found === undefined) map.set(key, id);
  else if (typeof found === 'string') {
    if (found !== id) map.set(key, new Set([found, id]));
  } else found.add(id);
}

export function removeId<K>(map: IdMultiMap<K>, key: K, id: string): void {
  const found = map.get(key);
  if (found === undefined) return;
  if (typeof found === 'string') {
    if (found === id) map.delete(key);
    return;
  }
  found.delete(id);
  if (found.size === 1) map.set(key, found.values().next().value!);
  else if (found.size === 0) map.delete(key);
}

/** The ids under a key, to iterate. */
export function idsOf<K>(map: ReadonlyIdMultiMap<K>, key: K): Iterable<string> {
  const found = map.get(key);
  return found === undefined ? NONE : typeof found === 'string' ? [found] : found;
}
