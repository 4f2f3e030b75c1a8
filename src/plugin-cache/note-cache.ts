// The per-file cache in IndexedDB (through `idb`), which both plugins start from: for each note path,
// what the index keeps of it (the prepared note and its index keys, as the two strings of
// note-record.ts) with the file state it was made from and the key of what made it (records.ts). Notes are stored a chunk at a
// time (cache-chunks.ts); the cache keeps what it read and wrote, so a write rewrites only the
// chunks it touches. A relaunch reads the chunks in slices and parses only files whose record does
// not match. Beside the notes, one record keeps what link resolution made of them (kept-links.ts), so a
// relaunch with nothing changed resolves nothing. One database per vault (the app id); losing it
// only costs a full parse.
import { openDB, type DBSchema, type IDBPDatabase, type IDBPObjectStore } from 'idb';
import type { NoteRecord } from './note-record';
import type { Known } from './records';
import type { Slicing } from './slicing';
import { chunkCountFits, chunkCountFor, chunkOf, decodeChunk, encodeChunk, type StoredChunk } from './cache-chunks';

export interface CachedNote extends NoteRecord, Known {
  /** What the note was made from and with (records.ts `PendingWrite.key`). */
  key: string;
}

interface CacheSchema extends DBSchema {
  chunks: { key: number; value: StoredChunk };
  links: { key: number; value: unknown };
}

const STORE = 'chunks';
const LINKS = 'links';
/** The links record's key in LINKS; a host's own records beside the notes take other keys (`readBeside`). */
const LINKS_KEY = 0;
/** Version 6: a chunk's rests as UTF-8 bytes (5: the links record beside the chunks; 4: one record per chunk of notes; 3: per note, index and rest strings; 2: head and body; 1: the note object). */
const VERSION = 6;
/** Chunks per read, and per write transaction (each a few hundred KB of strings). */
const READ_SLICE = 8;
const WRITE_SLICE = 8;

export class NoteCache {
  /** What is stored, by chunk: filled as chunks are read, kept up to date as they are written. */
  private chunks = new Map<number, Map<string, CachedNote>>();
  /** The chunk count the stored notes are spread over; null before anything is stored, or when chunks disagree. */
  private count: number | null = null;
  private loaded = false;

  private constructor(
    private readonly db: IDBPDatabase<CacheSchema>,
    private readonly slicing: Slicing,
  ) {}

  /** Open a vault's (or graph's) cache; null where IndexedDB is unavailable (the plugin then parses every launch). */
  static async open(name: string, slicing: Slicing): Promise<NoteCache | null> {
    if (typeof indexedDB === 'undefined') return null;
    try {
      const db = await openDB<CacheSchema>(name, VERSION, {
        upgrade(database) {
          // Records of an older layout are not worth converting: the notes are parsed once more.
          for (const store of [...database.objectStoreNames]) database.deleteObjectStore(store);
          database.createObjectStore(STORE);
          database.createObjectStore(LINKS);
        },
      });
      return new NoteCache(db, slicing);
    } catch (err) {
      console.warn(`Maturity Map: no cache (${err instanceof Error ? err.message : String(err)}); every launch reads every note.`);
      return null;
    }
  }

  /** Every record, read a few chunks at a time so no single task deserialises the whole cache. */
  async readAll(onSlice: (records: Array<[string, CachedNote]>) => void | Promise<void>): Promise<void> {
    let after: number | null = null;
    const counts = new Set<number>();
    const seen = new Set<string>();
    for (;;) {
      const range: IDBKeyRange | null = after === null ? null : IDBKeyRange.lowerBound(after, true);
      const tx = this.db.transaction(STORE, 'readonly');
      const [ids, values]: [number[], StoredChunk[]] = await Promise.all([tx.store.getAllKeys(range, READ_SLICE), tx.store.getAll(range, READ_SLICE)]);
      await tx.done;
      const records: Array<[string, CachedNote]> = [];
      ids.forEach((id, i) => {
        const entries = decodeChunk(values[i]);
        if (!entries) return;
        counts.add(values[i]!.chunks);
        this.remember(id, values[i]!.chunks, entries);
        for (const entry of entries) {
          if (seen.has(entry[0])) continue;
          seen.add(entry[0]);
          records.push(entry);
        }
      });
      if (records.length > 0) await onSlice(records);
      if (ids.length < READ_SLICE) break;
      after = ids[ids.length - 1]!;
    }
    if (!this.loaded) this.count = counts.size === 1 ? [...counts][0]! : null;
    this.loaded = true;
  }

  /** Keep a chunk read, unless the cache already holds newer content for it (a write since). */
  private remember(id: number, count: number, entries: Array<[string, CachedNote]>): void {
    if (this.loaded && count !== this.count) return;
    if (!this.chunks.has(id)) this.chunks.set(id, new Map(entries));
  }

  /** Write and delete records, rewriting the chunks they fall in; failures are logged, never thrown (a stale cache is re-parsed). */
  async write(puts: Map<string, CachedNote>, deletes: Iterable<string>): Promise<void> {
    try {
      if (!this.loaded) await this.readAll(() => undefined);
      let rewriteAll = false;
      if (this.count === null) {
        this.regroup(chunkCountFor(this.size() + puts.size));
        rewriteAll = true;
      }
      const count = this.count!;
      const dirty = new Set<number>();
      for (const path of deletes) {
        const id = chunkOf(path, count);
        if (this.chunks.get(id)?.delete(path)) dirty.add(id);
      }
      for (const [path, record] of puts) {
        const id = chunkOf(path, count);
        let chunk = this.chunks.get(id);
        if (!chunk) this.chunks.set(id, (chunk = new Map<string, CachedNote>()));
        chunk.set(path, record);
        dirty.add(id);
        // A whole vault's records (a first start) take tens of milliseconds to place.
        if (this.slicing.spent()) await this.slicing.yieldNow();
      }
      if (!chunkCountFits(count, this.size())) {
        this.regroup(chunkCountFor(this.size()));
        rewriteAll = true;
      }
      await this.store(rewriteAll ? null : dirty);
    } catch (err) {
      console.warn(`Maturity Map: could not update the cache (${err instanceof Error ? err.message : String(err)}).`);
    }
  }

  private size(): number {
    let n = 0;
    for (const chunk of this.chunks.values()) n += chunk.size;
    return n;
  }

  /** Spread every note kept over `count` chunks (the vault grew or shrank a lot, or chunks disagreed). */
  private regroup(count: number): void {
    const all = new Map<string, CachedNote>();
    for (const chunk of this.chunks.values()) for (const [path, record] of chunk) all.set(path, record);
    this.chunks = new Map();
    this.count = count;
    for (const [path, record] of all) {
      const id = chunkOf(path, count);
      let chunk = this.chunks.get(id);
      if (!chunk) this.chunks.set(id, (chunk = new Map<string, CachedNote>()));
      chunk.set(path, record);
    }
  }

  /** Store the `dirty` chunks, or (null) replace the store's content with every chunk. */
  private async store(dirty: Set<number> | null): Promise<void> {
    const ids = dirty ? [...dirty] : [...this.chunks.keys()];
    if (dirty === null) await this.db.clear(STORE);
    let next = 0;
    while (next < ids.length) {
      // A transaction a slice: each chunk is encoded and cloned as it is put (~80 notes at 10k), so
      // a fixed eight chunks a task took 70–100 ms on a slow core. Each transaction ends in a task
      // of its own (IndexedDB completes it), where the next one starts.
      this.slicing.start();
      const tx = this.db.transaction(STORE, 'readwrite');
      const end = Math.min(ids.length, next + WRITE_SLICE);
      do this.storeChunk(tx.store, ids[next++]!);
      while (next < end && !this.slicing.spent());
      await tx.done;
    }
  }

  private storeChunk(store: IDBPObjectStore<CacheSchema, ['chunks'], 'chunks', 'readwrite'>, id: number): void {
    const chunk = this.chunks.get(id);
    if (chunk && chunk.size > 0) void store.put(encodeChunk(chunk, this.count!), id);
    else {
      this.chunks.delete(id);
      void store.delete(id);
    }
  }

  /** The links record (what it holds is checked by its reader), or undefined. */
  readLinks(): Promise<unknown> {
    return this.readBeside(LINKS_KEY);
  }

  /** Replace the links record; failures are logged, never thrown (the next launch resolves links itself). */
  writeLinks(value: unknown): Promise<void> {
    return this.writeBeside(LINKS_KEY, value, 'the resolved links');
  }

  /**
   * A host's own record kept beside the notes, under `key` (not LINKS_KEY), or undefined; what it
   * holds is checked by its reader. Logseq keeps there what its last start verified of the graph.
   */
  async readBeside(key: number): Promise<unknown> {
    try {
      return await this.db.get(LINKS, key);
    } catch {
      return undefined;
    }
  }

  /** Replace a record kept beside the notes (`what` names it in the warning); failures are logged, never thrown. */
  async writeBeside(key: number, value: unknown, what = 'a record beside the notes'): Promise<void> {
    try {
      await this.db.put(LINKS, value, key);
    } catch (err) {
      console.warn(`Maturity Map: could not keep ${what} (${err instanceof Error ? err.message : String(err)}).`);
    }
  }

  async clear(): Promise<void> {
    this.chunks.clear();
    this.count = null;
    this.loaded = true;
    await this.db.clear(STORE);
    await this.db.clear(LINKS);
  }

  close(): void {
    this.db.close();
  }
}
