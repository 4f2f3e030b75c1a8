// IndexedDB for a plugin loaded under Node: fake-indexeddb, one database set per "device" (or
// per Logseq profile), so a test can relaunch the app over the same cache.
import * as fakeIDB from 'fake-indexeddb';
import { IDBFactory } from 'fake-indexeddb';

/** A device's IndexedDB: pass the same one to relaunch over the same cache. */
export function newIndexedDB(): IDBFactory {
  return new IDBFactory();
}

/** Give `win` this IndexedDB (null: none, as where the platform refuses storage). */
export function installIndexedDB(factory: IDBFactory | null, win: object): void {
  const w = win as Record<string, unknown>;
  // The classes too: wrappers such as `idb` test `instanceof IDBRequest` and friends.
  for (const [name, value] of Object.entries(fakeIDB)) if (name.startsWith('IDB')) w[name] = value;
  if (factory) w['indexedDB'] = factory;
  else delete w['indexedDB'];
}
