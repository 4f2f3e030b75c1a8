// Where the vault walk's notes go. Without a parse pool each note goes into the index as it is
// read, and its text is dropped. With one, the notes the first look keeps are sent to the worker
// threads in batches while the walk goes on, and every note goes into the index at the end in the
// walk's order: a run with workers finds exactly what a run without them finds.
import { needsParse, prepareForIndex, preparedTurnedAway, type MaturityIndex } from '../core/index';
import type { PreparedNote } from '../plugin-cache/note-record';
import type { FileState } from './files';
import type { ParseItem, ParsePool } from './parse-pool';
import type { ScanCache } from './scan-cache';

export interface NoteIntake {
  /** A note read from disk (its file state, for the cache). */
  take(path: string, text: string, state: FileState): void;
  /** A note the cache held unchanged. */
  held(path: string, prepared: PreparedNote): void;
  /** Wait for the workers, then put every note still waiting into the index. */
  finish(): Promise<void>;
}

/** Notes a batch sends to a worker: large enough that a message's cost is nothing beside the parse. */
export const BATCH_NOTES = 32;
/**
 * Notes to parse before the workers are started: a worker costs tens of milliseconds to start,
 * the parse of a few dozen notes about as much. Fewer are parsed on the main thread.
 */
export const POOL_START_NOTES = 128;

export function createIntake(index: MaturityIndex, cache: ScanCache | null, pool: ParsePool | null): NoteIntake {
  return pool === null ? directIntake(index, cache) : pooledIntake(index, cache, pool);
}

function directIntake(index: MaturityIndex, cache: ScanCache | null): NoteIntake {
  const { config, pipeline } = index;
  return {
    take(path, text, state) {
      if (cache === null) return void index.upsert(path, text);
      const prepared = prepareForIndex(text, path, config, pipeline);
      index.upsertNote(path, prepared.note, prepared.keys);
      cache.put(path, state, prepared);
    },
    held: (path, prepared) => void index.upsertNote(path, prepared.note, prepared.keys),
    finish: () => Promise.resolve(),
  };
}

interface Waiting {
  path: string;
  /** Read this run (so kept in the cache): its file state; null for a note the cache held. */
  state: FileState | null;
  prepared: PreparedNote | null;
}

function pooledIntake(index: MaturityIndex, cache: ScanCache | null, pool: ParsePool): NoteIntake {
  const { config, pipeline } = index;
  const waiting: Waiting[] = [];
  let toParse: Array<{ at: number; item: ParseItem }> = [];
  const batches: Array<Promise<void>> = [];
  let pooled = false;

  const send = (all: boolean) => {
    while (toParse.length >= BATCH_NOTES || (all && toParse.length > 0)) {
      const batch = toParse.splice(0, BATCH_NOTES);
      batches.push(pool.parse(batch.map((b) => b.item)).then((notes) => notes.forEach((note, k) => (waiting[batch[k]!.at]!.prepared = note))));
    }
  };
  const parseHere = () => {
    for (const { at, item } of toParse) waiting[at]!.prepared = prepareForIndex(item.text, item.path, config, pipeline);
    toParse = [];
  };

  return {
    take(path, text, state) {
      const parse = needsParse(text, path, config, pipeline);
      waiting.push({ path, state, prepared: parse ? null : preparedTurnedAway(path, config, pipeline) });
      if (!parse) return;
      toParse.push({ at: waiting.length - 1, item: { path, text } });
      if (!pooled && toParse.length >= POOL_START_NOTES) pooled = true;
      if (pooled) send(false);
    },
    held: (path, prepared) => void waiting.push({ path, state: null, prepared }),
    async finish() {
      if (pooled) send(true);
      else parseHere();
      await Promise.all(batches);
      for (const { path, state, prepared } of waiting) {
        index.upsertNote(path, prepared!.note, prepared!.keys);
        if (state !== null) cache?.put(path, state, prepared!);
      }
    },
  };
}
