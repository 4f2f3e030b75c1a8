// The per-file cache in IndexedDB (through `idb`): for each note path, what the index keeps of it
// (the prepared note and its index keys, as the two strings of note-record.ts) with the file's mtime and size and the
// key of the parser build and settings that made it. A relaunch reads the cache in slices and
// parses only files whose record does not match. One database per vault (the app id); losing it
// only costs a full parse.
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { NoteRecord } from './note-record';

export interface CachedNote extends NoteRecord {
  mtime: number;
  size: number;
  /** Parser build + settings hash the note was made with. */
  key: string;
  /** Hash of the text, to tell a metadata re-parse of the same text from an edit. */
  hash: string;
}

interface CacheSchema extends DBSchema {
  notes: { key: string; value: CachedNote };
}

const STORE = 'notes';
/** Version 3: records hold the note's index keys and fields apart from the rest (2: head and body strings; 1: the note object). */
const VERSION = 3;
/** Records per read: strings, so a slice costs little to deliver; the caller yields within it. */
const READ_SLICE = 256;
/** Records per write transaction: strings again, each put is a copy. */
const WRITE_SLICE = 250;

export class NoteCache {
  private constructor(private readonly db: IDBPDatabase<CacheSchema>) {}

  /** Open the vault's cache; null where IndexedDB is unavailable (the plugin then parses every launch). */
  static async open(name: string): Promise<NoteCache | null> {
    if (typeof indexedDB === 'undefined') return null;
    try {
      const db = await openDB<CacheSchema>(name, VERSION, {
        upgrade(database) {
          // Records of an older layout are not worth converting: the notes are parsed once more.
          if (database.objectStoreNames.contains(STORE)) database.deleteObjectStore(STORE);
          database.createObjectStore(STORE);
        },
      });
      return new NoteCache(db);
    } catch (err) {
      console.warn(`Maturity Map: no cache (${err instanceof Error ? err.message : String(err)}); every launch reads the whole vault.`);
      return null;
    }
  }

  /** Every record, read in slices of keys so no single task deserialises the whole cache. */
  async readAll(onSlice: (records: Array<[string, CachedNote]>) => void | Promise<void>): Promise<void> {
    let after: string | null = null;
    for (;;) {
      const range: IDBKeyRange | null = after === null ? null : IDBKeyRange.lowerBound(after, true);
      const tx = this.db.transaction(STORE, 'readonly');
      const [keys, values]: [string[], CachedNote[]] = await Promise.all([tx.store.getAllKeys(range, READ_SLICE), tx.store.getAll(range, READ_SLICE)]);
      await tx.done;
      if (keys.length === 0) return;
      await onSlice(keys.map((key, i) => [key, values[i]!]));
      if (keys.length < READ_SLICE) return;
      after = keys[keys.length - 1]!;
    }
  }

  /** Write and delete records, a slice per transaction; failures are logged, never thrown (a stale cache is re-parsed). */
  async write(puts: Map<string, CachedNote>, deletes: Iterable<string>): Promise<void> {
    try {
      const entries = [...puts];
      for (let i = 0; i < entries.length; i += WRITE_SLICE) {
        const tx = this.db.transaction(STORE, 'readwrite');
        for (const [path, record] of entries.slice(i, i + WRITE_SLICE)) void tx.store.put(record, path);
        await tx.done;
      }
      const gone = [...deletes];
      if (gone.length > 0) {
        const tx = this.db.transaction(STORE, 'readwrite');
        for (const path of gone) void tx.store.delete(path);
        await tx.done;
      }
    } catch (err) {
      console.warn(`Maturity Map: could not update the cache (${err instanceof Error ? err.message : String(err)}).`);
    }
  }

  async clear(): Promise<void> {
    await this.db.clear(STORE);
  }

  close(): void {
    this.db.close();
  }
}
