// Cache writes, batched: records queued after a build (at once) and after edits, renames and
// deletes (a little later, so typing does not write on every pause) are written together, one
// write after another. A record's note is serialised as it is written, in slices. After the records,
// the resolved links (kept-links.ts, through Obsidian's links.ts) are kept again when the index changed since they last were.
import type { NoteCache, CachedNote } from './note-cache';
import { toRecord } from './note-record';
import type { PendingWrite } from './records';
import type { Slicing } from './slicing';

/** How long after an edit its record is written. */
const EDIT_WRITE_DELAY_MS = 2000;

export class CacheWriter {
  private puts = new Map<string, PendingWrite>();
  private deletes = new Set<string>();
  private timer: number | null = null;
  /** The write in progress: writes run one after another. */
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly cache: Promise<NoteCache | null>,
    /** A timer the owner clears when it unloads. */
    private readonly later: (fn: () => void, delay: number) => number,
    private readonly slicing: Slicing,
    /** The links to keep now, or null when those kept are current (or the index is being rebuilt). */
    private readonly links: () => object | null = () => null,
  ) {}

  /** Keep the links soon (a build that could not take them back resolved them). */
  keepLinksSoon(): void {
    this.schedule(0);
  }

  put(path: string, record: PendingWrite, soon = false): void {
    this.deletes.delete(path);
    this.puts.set(path, record);
    this.schedule(soon ? 0 : EDIT_WRITE_DELAY_MS);
  }

  delete(path: string, soon = false): void {
    this.puts.delete(path);
    this.deletes.add(path);
    this.schedule(soon ? 0 : EDIT_WRITE_DELAY_MS);
  }

  private schedule(delay: number): void {
    if (this.timer !== null) return;
    this.timer = this.later(() => {
      this.timer = null;
      void this.flush();
    }, delay);
  }

  /** Write what is queued; resolves when every queued write is done. */
  flush(): Promise<void> {
    this.writing = this.writing.then(async () => {
      const cache = await this.cache;
      const puts = this.puts;
      const deletes = this.deletes;
      this.puts = new Map();
      this.deletes = new Set();
      if (!cache) return;
      if (puts.size > 0 || deletes.size > 0) await cache.write(await asRecords(puts, this.slicing), deletes);
      // Made in a task of its own (the links and the files they stamp agree), stored in the next:
      // the store clones what it is given as it is called (at 10k, made and cloned in one task
      // took 35–50 ms of the cold start's main thread in the bench harness).
      await this.slicing.yieldNow();
      const links = this.links();
      if (!links) return;
      await this.slicing.yieldNow();
      await cache.writeLinks(links);
    });
    return this.writing;
  }
}

/** The records to store, made in slices (a note parsed here is serialised now; one from the worker or the cache already has its strings). */
async function asRecords(puts: Map<string, PendingWrite>, slicing: Slicing): Promise<Map<string, CachedNote>> {
  const out = new Map<string, CachedNote>();
  for (const [path, { prepared, ...state }] of puts) {
    out.set(path, { ...state, ...toRecord(prepared) });
    if (slicing.spent()) await slicing.yieldNow();
  }
  return out;
}
