// @vitest-environment happy-dom
// The cache's chunked records (src/plugin-cache/cache-chunks.ts, note-cache.ts): notes stored a
// chunk at a time come back as they were written, a write rewrites only the chunks it touches, the
// chunk count follows the vault's size, and a damaged chunk costs only its notes.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { chunkCountFits, chunkCountFor, chunkOf, NOTES_PER_CHUNK, type StoredChunk } from '../../src/plugin-cache/cache-chunks';
import { NoteCache, type CachedNote } from '../../src/plugin-cache/note-cache';
import { timeSlicing } from '../../src/plugin-cache/slicing';
import { installIndexedDB, newIndexedDB } from '../obsidian/harness/node-host';

const record = (path: string, version = 1): CachedNote => ({
  mtime: 1_700_000_000_000 + version,
  size: 100 + path.length,
  key: `build-${version}`,
  hash: `h${version}`,
  index: JSON.stringify({ path, version, identity: { id: path } }),
  rest: JSON.stringify({ title: `“${path}”`, history: Array.from({ length: version }, (_, i) => i) }),
});
const paths = (n: number) => Array.from({ length: n }, (_, i) => `Components/Note ${i}.md`);

async function readBack(cache: NoteCache): Promise<Map<string, CachedNote>> {
  const out = new Map<string, CachedNote>();
  await cache.readAll((records) => {
    for (const [path, r] of records) {
      expect(out.has(path), path).toBe(false);
      out.set(path, { ...r });
    }
  });
  return out;
}

/** Count the chunk records a transaction puts, by watching the store. */
function countPuts(): { puts: number; restore: () => void } {
  const proto = (window as unknown as { IDBObjectStore: { prototype: { put: (...a: unknown[]) => unknown } } }).IDBObjectStore.prototype;
  const put = proto.put;
  const counter = { puts: 0, restore: () => (proto.put = put) };
  proto.put = function (this: unknown, ...args: unknown[]) {
    counter.puts++;
    return put.apply(this, args);
  };
  return counter;
}

let open: NoteCache[] = [];
async function openCache(device: IDBFactory, name = 'test-cache'): Promise<NoteCache> {
  installIndexedDB(device);
  const cache = (await NoteCache.open(name, timeSlicing(16, () => performance.now(), () => new Promise((r) => setTimeout(r, 0)))))!;
  open.push(cache);
  return cache;
}
afterEach(() => {
  for (const cache of open) cache.close();
  open = [];
});

/** A fresh device whose cache holds `n` notes, as a first launch leaves it. */
async function filledCache(n: number): Promise<{ device: IDBFactory; cache: NoteCache; all: string[] }> {
  const device = newIndexedDB();
  const cache = await openCache(device);
  await cache.readAll(() => undefined);
  const all = paths(n);
  await cache.write(new Map(all.map((p) => [p, record(p)])), []);
  return { device, cache, all };
}

describe('cache chunks', () => {
  it('give back every record as written, across chunks, after a relaunch', async () => {
    const device = newIndexedDB();
    const first = await openCache(device);
    await first.readAll(() => undefined);
    const written = new Map(paths(1000).map((p) => [p, record(p)]));
    await first.write(written, []);
    const again = await openCache(device);
    expect(await readBack(again)).toEqual(written);
  });

  it('an edit rewrites one chunk, a delete drops the record, and the others stay', async () => {
    const { device, cache, all } = await filledCache(1000);
    expect(chunkCountFor(1000)).toBeGreaterThan(4);
    const counter = countPuts();
    try {
      await cache.write(new Map([[all[7]!, record(all[7]!, 2)]]), []);
      expect(counter.puts).toBe(1);
    } finally {
      counter.restore();
    }
    await cache.write(new Map(), [all[8]!]);
    const back = await readBack(await openCache(device));
    expect(back.size).toBe(999);
    expect(back.get(all[7]!)).toEqual(record(all[7]!, 2));
    expect(back.has(all[8]!)).toBe(false);
    expect(back.get(all[9]!)).toEqual(record(all[9]!));
  });

  it('spread the notes over more chunks as the vault grows, keeping every record', async () => {
    const device = newIndexedDB();
    const cache = await openCache(device);
    await cache.readAll(() => undefined);
    const all = paths(NOTES_PER_CHUNK * 10);
    await cache.write(new Map(all.slice(0, 10).map((p) => [p, record(p)])), []);
    await cache.write(new Map(all.slice(10).map((p) => [p, record(p)])), []);
    expect(await readBack(await openCache(device))).toEqual(new Map(all.map((p) => [p, record(p)])));
    expect(chunkCountFits(1, 10)).toBe(true);
    expect(chunkCountFits(1, all.length)).toBe(false);
  });

  it('a write holds the main thread one slice a transaction: on a slow core each chunk is put in a transaction of its own', async () => {
    const device = newIndexedDB();
    const cache = await openCache(device);
    await cache.readAll(() => undefined);
    const written = new Map(paths(1000).map((p) => [p, record(p)]));
    const proto = (window as unknown as { IDBDatabase: { prototype: { transaction: (...a: unknown[]) => unknown } } }).IDBDatabase.prototype;
    const transaction = proto.transaction;
    let writes = 0;
    proto.transaction = function (this: unknown, ...args: unknown[]) {
      if (args[1] === 'readwrite') writes++;
      return transaction.apply(this, args);
    };
    // Every chunk put takes longer than a slice (SLICE_MS) by this clock.
    let clock = 0;
    const now = vi.spyOn(performance, 'now').mockImplementation(() => (clock += 20));
    try {
      await cache.write(written, []);
    } finally {
      now.mockRestore();
      proto.transaction = transaction;
    }
    // One transaction clears the store (the first write lays out the chunks), then one a chunk.
    expect(writes).toBe(1 + chunkCountFor(1000));
    expect(await readBack(await openCache(device))).toEqual(written);
  });

  it('store the rests as UTF-8 bytes, decoded only when a note is read', async () => {
    const { device, all } = await filledCache(300);
    const request = device.open('test-cache');
    await new Promise((resolve) => (request.onsuccess = resolve));
    const db = request.result;
    const tx = db.transaction('chunks', 'readonly');
    const chunks = await new Promise<StoredChunk[]>((resolve) => {
      const get = tx.objectStore('chunks').getAll();
      get.onsuccess = () => resolve(get.result as StoredChunk[]);
    });
    db.close();
    const utf8 = new TextEncoder();
    for (const chunk of chunks) {
      expect(chunk.rest).toBeInstanceOf(ArrayBuffer);
      const bytes = chunk.paths.reduce((sum, path) => sum + utf8.encode(record(path).rest).length, 0);
      expect(chunk.rest.byteLength).toBe(bytes); // the rests hold “curly quotes”: three bytes each
    }
    expect(chunks.reduce((n, c) => n + c.paths.length, 0)).toBe(all.length);
    // What a relaunch hands the index: each rest is decoded where it is read.
    const again = await openCache(device);
    await again.readAll((records) => {
      for (const [path, r] of records) {
        expect(Object.getOwnPropertyDescriptor(r, 'rest')?.get, path).toBeTypeOf('function');
        expect(r.rest).toBe(record(path).rest);
      }
    });
    // An edit rewrites its chunk from the records read back (their rests copied as bytes): the others come back as written.
    await again.write(new Map([[all[3]!, record(all[3]!, 2)]]), []);
    const back = await readBack(await openCache(device));
    expect(back.size).toBe(all.length);
    for (const path of all) expect(back.get(path), path).toEqual(record(path, path === all[3] ? 2 : 1));
  });

  it('a damaged chunk costs only its own notes', async () => {
    const { device, all } = await filledCache(1000);
    const count = chunkCountFor(1000);
    const broken = chunkOf(all[0]!, count);
    const request = device.open('test-cache');
    await new Promise((resolve) => (request.onsuccess = resolve));
    const db = request.result;
    const tx = db.transaction('chunks', 'readwrite');
    tx.objectStore('chunks').put({ chunks: count, paths: ['x'], index: 'not a chunk' }, broken);
    await new Promise((resolve) => (tx.oncomplete = resolve));
    db.close();
    const back = await readBack(await openCache(device));
    const lost = all.filter((p) => chunkOf(p, count) === broken);
    expect(lost.length).toBeGreaterThan(0);
    expect(back.size).toBe(all.length - lost.length);
    for (const p of lost) expect(back.has(p)).toBe(false);
  });
});
