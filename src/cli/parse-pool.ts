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

/** One pool's state: plain data the functions below read and change. */
interface Pool {
  options: IndexOptions;
  parser: { config: MaturityConfig; pipeline: Pipeline };
  wanted: number;
  spawn: SpawnWorker;
  stats: ParsePool['stats'];
  slots: Slot[];
  queue: Job[];
  started: boolean;
  nextId: number;
}

export function createParsePool(options: IndexOptions, parser: Pool['parser'], workers: number, spawn: SpawnWorker = spawnBundledWorker): ParsePool {
  const pool: Pool = { options, parser, wanted: workers, spawn, stats: { workers: 0, fallbackBatches: 0, failure: null }, slots: [], queue: [], started: false, nextId: 1 };
  return {
    stats: pool.stats,
    parse(items) {
      if (items.length === 0) return Promise.resolve([]);
      if (!pool.started) start(pool);
      return new Promise((resolve, reject) => {
        pool.queue.push({ id: pool.nextId++, items, resolve, reject });
        pump(pool);
      });
    },
    async close() {
      await Promise.all(pool.slots.splice(0).map((slot) => slot.worker.terminate().catch(() => 0)));
    },
  };
}

function start(pool: Pool): void {
  pool.started = true;
  for (let i = 0; i < pool.wanted; i++) {
    let worker: PoolWorker | null;
    try {
      worker = pool.spawn();
      if (worker === null) break;
    } catch (err) {
      pool.stats.failure ??= `a parse worker could not start (${err instanceof Error ? err.message : String(err)})`;
      break;
    }
    const slot: Slot = { worker, busy: new Map() };
    worker.on('message', (message) => answered(pool, slot, message));
    worker.on('error', (err) => fail(pool, slot, `a parse worker failed (${err.message})`));
    worker.on('exit', (code) => fail(pool, slot, `a parse worker stopped (exit code ${code})`));
    worker.postMessage({ type: 'configure', options: pool.options });
    pool.slots.push(slot);
    pool.stats.workers++;
  }
}

/**
 * Every batch goes to a worker as soon as it is asked for (to the one with the fewest waiting):
 * the vault walk is synchronous, so the answers are only read once it ends, and a worker given one
 * batch at a time would sit idle meanwhile. With no worker left, the main thread parses them.
 */
function pump(pool: Pool): void {
  const { slots } = pool;
  if (slots.length === 0) return void pool.queue.splice(0).forEach((job) => parseHere(pool, job));
  for (const job of pool.queue.splice(0)) {
    const slot = slots.reduce((a, b) => (b.busy.size < a.busy.size ? b : a));
    slot.busy.set(job.id, job);
    slot.worker.postMessage({ type: 'parse', id: job.id, items: job.items });
  }
}

function answered(pool: Pool, slot: Slot, message: FromWorker): void {
  const job = slot.busy.get(message.id);
  if (!job) return;
  slot.busy.delete(message.id);
  // The worker threw on this batch: parse it here, where the error surfaces as in a run without workers.
  if (message.type === 'failed') parseHere(pool, job);
  else job.resolve(message.records.map(fromRecord));
  pump(pool);
}

/** A worker failed or stopped: its batches are parsed here, and it is given no more. */
function fail(pool: Pool, slot: Slot, reason: string): void {
  const at = pool.slots.indexOf(slot);
  if (at === -1) return;
  pool.slots.splice(at, 1);
  pool.stats.failure ??= reason;
  void slot.worker.terminate().catch(() => undefined);
  const orphans = [...slot.busy.values()];
  slot.busy.clear();
  for (const job of orphans) parseHere(pool, job);
  pump(pool);
}

function parseHere(pool: Pool, job: Job): void {
  pool.stats.fallbackBatches++;
  const { config, pipeline } = pool.parser;
  try {
    job.resolve(job.items.map((item) => prepareForIndex(item.text, item.path, config, pipeline)));
  } catch (err) {
    job.reject(err);
  }
}
