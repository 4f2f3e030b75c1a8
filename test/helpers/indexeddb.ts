// IndexedDB for a plugin loaded under Node: fake-indexeddb, one database set per "device" (or
// per Logseq profile), so a test can relaunch the app over the same cache.
import * as fakeIDB from 'fake-indexeddb';
import { IDBFactory } from 'fake-indexeddb';
import v8 from 'node:v8';

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

/** A stored value as Chromium keeps it: the bytes of its serialization. */
class SerializedValue {
  constructor(readonly bytes: Buffer) {}
}

let storingSerialized = false;
let putting = 0;

/**
 * Opt-in (the benchmarks' `MM_BENCH_IDB=serialized`): fake-indexeddb charges a put and every read
 * a whole structured clone (serialize + deserialize) of the value. Chromium serializes once, at the
 * put, in the page, and keeps the bytes; a read deserializes them in the page (the spec's "retrieve
 * a value from an object store": StructuredDeserialize of the stored serialization,
 * https://w3c.github.io/IndexedDB/#retrieve-a-value-from-an-object-store; fake-indexeddb's own
 * cloneValueForInsertion.js says the same). From this call on, a put keeps the value's v8
 * serialization and a read deserializes it: fake-indexeddb clones through the global
 * `structuredClone`, which this wraps for its stored values only. Process-wide and not undone.
 */
export function storeSerializedValues(): void {
  if (storingSerialized) return;
  storingSerialized = true;
  const clone = globalThis.structuredClone;
  globalThis.structuredClone = ((value: unknown, options?: StructuredSerializeOptions) => {
    if (value instanceof SerializedValue) return v8.deserialize(value.bytes) as unknown;
    if (putting > 0) return new SerializedValue(v8.serialize(value));
    return clone(value, options);
  }) as typeof structuredClone;
  const store = fakeIDB.IDBObjectStore.prototype as unknown as Record<'put' | 'add', (...args: unknown[]) => unknown>;
  for (const name of ['put', 'add'] as const) {
    const original = store[name];
    store[name] = function (this: unknown, ...args: unknown[]) {
      putting++;
      try {
        return original.apply(this, args);
      } finally {
        putting--;
      }
    };
  }
}
