// Parsing notes for the index: in Web Workers built from the bundle (the worker's source is
// embedded in main.js and started from a Blob URL, Dataview's approach), or — where workers are
// unavailable or fail — on the main thread in slices that yield to the UI between notes.
import { prepareForIndex, type IndexOptions } from '../../core/index';
import { workerParser, type FromWorker, type ToWorker, type WorkerParser } from '../../plugin-cache/parse-protocol';
import { fromRecord, type PreparedNote } from '../../plugin-cache/note-record';
import { parseWorkerCode } from '../embedded-code';
import { mapInSlices, startSlice } from './slices';

export interface ParseItem {
  path: string;
  text: string;
}

/** Batches each worker holds at once: one being parsed, one waiting, so a worker never idles. */
const IN_FLIGHT = 2;

interface Job {
  id: number;
  items: ParseItem[];
  resolve: (notes: PreparedNote[]) => void;
  reject: (err: Error) => void;
}


interface Slot {
  worker: Worker;
  busy: Map<number, Job>;
}

export class ParserPool {
  private slots: Slot[] = [];
  private queue: Job[] = [];
  private nextId = 1;
  private url: string | null = null;
  private options: IndexOptions;
  /** What the main thread parses with when no worker does: what a worker holds (parse-protocol.ts). */
  private fallback: WorkerParser;
  /** Why the pool parses on the main thread, when it does. */
  fallbackReason: string | null = null;
  /** Workers wanted; they start with the first parse (a warm start parses nothing and starts none). */
  private wanted: number;
  private started = false;
  /** The plugin unloaded: nothing more is parsed, not even the rest of a batch. */
  private closed = false;

  constructor(options: IndexOptions, workers: number) {
    this.options = options;
    this.fallback = workerParser(options);
    this.wanted = workers;
  }

  /** How notes are (or, before the first parse, will be) parsed. */
  get kind(): 'worker' | 'main-thread' {
    if (!this.started) return this.wanted >= 1 && workersAvailable() ? 'worker' : 'main-thread';
    return this.slots.length > 0 ? 'worker' : 'main-thread';
  }

  private start(count: number): void {
    this.started = true;
    if (count < 1 || !workersAvailable()) {
      this.fallbackReason = 'Web Workers are not available';
      return;
    }
    try {
      this.url = URL.createObjectURL(new Blob([parseWorkerCode()], { type: 'text/javascript' }));
      for (let i = 0; i < count; i++) {
        const slot: Slot = { worker: new Worker(this.url), busy: new Map() };
        slot.worker.onmessage = (event: MessageEvent<FromWorker>) => this.onMessage(slot, event.data);
        slot.worker.onerror = (event) => this.onFailure(slot, event.message || 'the parse worker stopped');
        this.post(slot, { type: 'configure', options: this.options });
        this.slots.push(slot);
      }
    } catch (err) {
      this.fallbackReason = `the parse worker could not start (${err instanceof Error ? err.message : String(err)})`;
      this.dispose();
    }
  }

  private post(slot: Slot, message: ToWorker): void {
    slot.worker.postMessage(message);
  }

  configure(options: IndexOptions): void {
    this.options = options;
    this.fallback = workerParser(options);
    for (const slot of this.slots) this.post(slot, { type: 'configure', options });
  }

  /** Notes for `items` with their index keys, in order. */
  parse(items: ParseItem[]): Promise<PreparedNote[]> {
    if (items.length === 0 || this.closed) return Promise.resolve([]);
    if (!this.started) this.start(this.wanted);
    if (this.slots.length === 0) return this.parseHere(items);
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, items, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    for (const slot of this.slots) {
      while (slot.busy.size < IN_FLIGHT && this.queue.length > 0) {
        const job = this.queue.shift()!;
        slot.busy.set(job.id, job);
        this.post(slot, { type: 'parse', id: job.id, items: job.items });
      }
    }
  }

  private onMessage(slot: Slot, message: FromWorker): void {
    const job = slot.busy.get(message.id);
    if (!job) return;
    slot.busy.delete(message.id);
    startSlice();
    if (message.type === 'parsed') job.resolve(message.records.map(fromRecord));
    // The parser threw: parse the batch again here, where the error surfaces to the caller.
    else void this.parseHere(job.items).then(job.resolve, job.reject);
    this.pump();
  }

  /** A worker died: its batches (and everything after) are parsed on the main thread. */
  private onFailure(slot: Slot, reason: string): void {
    this.fallbackReason = `the parse worker failed (${reason})`;
    const orphans = [...slot.busy.values(), ...this.queue.splice(0)];
    slot.busy.clear();
    this.dispose();
    for (const job of orphans) void this.parseHere(job.items).then(job.resolve, job.reject);
  }

  /**
   * The fallback: one note at a time, yielding whenever the slice has run its time. The slice is
   * the one every part of a build shares (slices.ts): batches asked for one after another in the
   * same task do not each take a slice of their own. Once the pool is closed it returns the notes
   * parsed so far (every caller checks that its build or edit is still current anyway).
   */
  private parseHere(items: ParseItem[]): Promise<PreparedNote[]> {
    return mapInSlices(items, (item) => prepareHere(item, this.fallback), () => this.closed);
  }

  /** The plugin unloads: stop the workers, and the main thread's parsing at its next note. */
  close(): void {
    this.closed = true;
    this.dispose();
  }

  /** Stop the workers; what is still to parse is parsed on the main thread (after a worker failed, too). */
  dispose(): void {
    this.started = true; // a disposed pool parses on the main thread, never starts workers again
    for (const slot of this.slots) slot.worker.terminate();
    this.slots = [];
    if (this.url) URL.revokeObjectURL(this.url);
    this.url = null;
  }
}

/** A note prepared on the main thread, as the worker prepares it (worker-entry.ts). */
function prepareHere(item: ParseItem, { config, pipeline }: WorkerParser): PreparedNote {
  return prepareForIndex(item.text, item.path, config, pipeline);
}

function workersAvailable(): boolean {
  return typeof Worker === 'function' && typeof Blob === 'function' && typeof URL.createObjectURL === 'function';
}
