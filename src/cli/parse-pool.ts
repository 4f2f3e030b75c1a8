// Parsing notes on worker threads (node:worker_threads running parse-worker.mjs, built beside the
// CLI): each batch of texts comes back as records (note-record.ts), in order. A worker that cannot
// start or stops, and a batch it could not parse, are parsed on the main thread instead: the pool
// only ever makes a run faster, never changes what it finds.
import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { prepareForIndex, type IndexOptions, type MaturityConfig, type Pipeline } from '../core/index';
import { fromRecord, type PreparedNote } from '../plugin-cache/note-record';
import type { FromWorker, ToWorker } from '../plugin-cache/parse-protocol';

export interface ParseItem {
  path: string;
  text: string;
}

/** The part of a worker the pool uses (a test may hand in its own). */
export interface PoolWorker {
  postMessage(message: ToWorker): void;
  on(event: 'message', listener: (message: FromWorker) => void): void;
  on(event: 'error', listener: (err: Error) => void): void;
  on(event: 'exit', listener: (code: number) => void): void;
  terminate(): Promise<number>;
}

/** Start a worker; null where there is none to start (the CLI run from its sources, in tests). */
export type SpawnWorker = () => PoolWorker | null;

export interface ParsePool {
  /** The notes of `items`, in order. */
  parse(items: ParseItem[]): Promise<PreparedNote[]>;
  /** Stop the workers (the process can then exit). */
  close(): Promise<void>;
  /** Workers started, and batches parsed on the main thread because a worker could not. */
  readonly stats: { workers: number; fallbackBatches: number; failure: string | null };
}

/** The worker beside the running bundle (dist/cli/parse-worker.mjs). */
export const spawnBundledWorker: SpawnWorker = () => {
  const url = new URL('./parse-worker.mjs', import.meta.url);
  return existsSync(url) ? new Worker(url) : null;
};

interface Job {
  id: number;
  items: ParseItem[];
  resolve: (notes: PreparedNote[]) => void;
  reject: (err: unknown) => void;
}

interface Slot {
  worker: PoolWorker;
  busy: Map<number, Job>;
}

export function createParsePool(options: IndexOptions, parser: { config: MaturityConfig; pipeline: Pipeline }, workers: number, spawn: SpawnWorker = spawnBundledWorker): ParsePool {
  const stats = { workers: 0, fallbackBatches: 0, failure: null as string | null };
  const slots: Slot[] = [];
  const queue: Job[] = [];
  let started = false;
  let nextId = 1;

  const here = (job: Job) => {
    stats.fallbackBatches++;
    try {
      job.resolve(job.items.map((item) => prepareForIndex(item.text, item.path, parser.config, parser.pipeline)));
    } catch (err) {
      job.reject(err);
    }
  };

  // Every batch goes to a worker as soon as it is asked for (to the one with the fewest waiting):
  // the vault walk is synchronous, so the answers are only read once it ends, and a worker
  // given one batch at a time would sit idle meanwhile.
  const pump = () => {
    if (slots.length === 0) return void queue.splice(0).forEach(here);
    for (const job of queue.splice(0)) {
      const slot = slots.reduce((a, b) => (b.busy.size < a.busy.size ? b : a));
      slot.busy.set(job.id, job);
      slot.worker.postMessage({ type: 'parse', id: job.id, items: job.items });
    }
  };

  const fail = (slot: Slot, reason: string) => {
    const at = slots.indexOf(slot);
    if (at === -1) return;
    slots.splice(at, 1);
    stats.failure ??= reason;
    void slot.worker.terminate().catch(() => undefined);
    const orphans = [...slot.busy.values()];
    slot.busy.clear();
    orphans.forEach(here);
    pump();
  };

  const start = () => {
    started = true;
    for (let i = 0; i < workers; i++) {
      let worker: PoolWorker | null;
      try {
        worker = spawn();
        if (worker === null) break;
      } catch (err) {
        stats.failure ??= `a parse worker could not start (${err instanceof Error ? err.message : String(err)})`;
        break;
      }
      const slot: Slot = { worker, busy: new Map() };
      worker.on('message', (message) => onMessage(slot, message));
      worker.on('error', (err) => fail(slot, `a parse worker failed (${err.message})`));
      worker.on('exit', (code) => fail(slot, `a parse worker stopped (exit code ${code})`));
      worker.postMessage({ type: 'configure', options });
      slots.push(slot);
      stats.workers++;
    }
  };

  const onMessage = (slot: Slot, message: FromWorker) => {
    const job = slot.busy.get(message.id);
    if (!job) return;
    slot.busy.delete(message.id);
    // The worker threw on this batch: parse it here, where the error surfaces as in a run without workers.
    if (message.type === 'failed') here(job);
    else job.resolve(message.records.map(fromRecord));
    pump();
  };

  return {
    stats,
    parse(items) {
      if (items.length === 0) return Promise.resolve([]);
      if (!started) start();
      return new Promise((resolve, reject) => {
        queue.push({ id: nextId++, items, resolve, reject });
        pump();
      });
    },
    async close() {
      const stopping = slots.splice(0).map((slot) => slot.worker.terminate().catch(() => 0));
      await Promise.all(stopping);
    },
  };
}
