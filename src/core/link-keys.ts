// The name maps of the vault links (vault-links.ts): the components each name, alias or path key
// names (the key index and its ranked candidates, ~5 keys a component) and who shares a primary
// name (byName, one a component). A component that takes its kept resolution needs no key index to
// be attached, so while a host asks for it (`adoptResolution(…, { namesLater: true })`, a warm
// start) its keys wait in a queue instead: the host puts them in a slice at a time once it is ready
// (`placeSomeKeys`), and any reader of the key index (a lookup, a resolution, an edit) puts in what
// is left first (`placeKeys`). byName is filled at once (a view's duplicates read it). The queue
// goes in before any key added otherwise, so the maps fill in the order they would have without it.
import { addId, removeId } from './id-multimap';
import { candidateAdded, candidateRemoved } from './resolve';
import type { VaultLinks } from './vault-links';
import { workCount } from './work-count';

/** Components whose keys wait to be put in the name maps, in the order they were attached. */
export interface KeyQueue {
  ids: string[];
  keys: Array<readonly string[]>;
  /** The first not yet placed. */
  next: number;
}

export function emptyKeyQueue(): KeyQueue {
  return { ids: [], keys: [], next: 0 };
}

export function queueKeys(links: VaultLinks, id: string, keys: readonly string[]): void {
  links.keyQueue.ids.push(id);
  links.keyQueue.keys.push(keys);
  addName(links, id, keys, false);
}

/** Every queued key in the key index (every reader of it calls this first). */
export function placeKeys(links: VaultLinks): void {
  placeSomeKeys(links, () => false);
}

/** Queued keys into the maps until `spent()` (asked every 64 components); true once none is left. */
export function placeSomeKeys(links: VaultLinks, spent: () => boolean): boolean {
  const queue = links.keyQueue;
  while (queue.next < queue.ids.length) {
    const at = queue.next++;
    putKeyIndex(links, queue.ids[at]!, queue.keys[at]!, false);
    if ((queue.next & 63) === 0 && spent()) break;
  }
  if (queue.next < queue.ids.length) return false;
  if (queue.ids.length > 0) links.keyQueue = emptyKeyQueue();
  return true;
}

/** `announce`: note the keys as changed, so who links to them resolves again (not for a kept resolution). */
export function addKeys(links: VaultLinks, id: string, keys: readonly string[], announce: boolean): void {
  placeKeys(links);
  putKeyIndex(links, id, keys, announce);
  addName(links, id, keys, announce);
}

function putKeyIndex(links: VaultLinks, id: string, keys: readonly string[], announce: boolean): void {
  workCount.keysPlaced++;
  for (const key of keys) {
    addId(links.keyIndex, key, id);
    candidateAdded(links.candidates, key, id);
    if (announce) links.pending.keys.add(key);
  }
}

function addName(links: VaultLinks, id: string, keys: readonly string[], announce: boolean): void {
  const name = keys[0];
  if (name === undefined) return;
  addId(links.byName, name, id);
  links.sortedByName.delete(name);
  if (announce) links.pending.names.add(name);
}

export function removeKeys(links: VaultLinks, id: string, keys: readonly string[]): void {
  placeKeys(links);
  for (const key of keys) {
    candidateRemoved(links.candidates, key, id);
    removeId(links.keyIndex, key, id);
    links.pending.keys.add(key);
  }
  const name = keys[0];
  if (name === undefined) return;
  removeId(links.byName, name, id);
  links.sortedByName.delete(name);
  links.pending.names.add(name);
}
