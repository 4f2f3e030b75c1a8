// What a browser gives the plugin and happy-dom lacks, for the harness under Node: Web Workers
// (real threads, node:worker_threads, started from the Blob URL the plugin makes, with the
// structured clone a browser uses) and IndexedDB (fake-indexeddb, one database set per "device",
// so a test can relaunch the app over the same cache). Not part of the browser harness.
import type { IDBFactory } from 'fake-indexeddb';
import { installIndexedDB as install, newIndexedDB } from '../../helpers/indexeddb';
import { Worker as NodeWorker } from 'node:worker_threads';
import { pending } from './vault';

const blobs = new Map<string, Blob>();
let nextBlob = 1;
/** Workers still running (a leak check: none after the plugin unloads). */
export const liveWorkers = new Set<HarnessWorker>();
/** Workers started since the harness module loaded (a warm start should start none). */
export const workerStarts = { count: 0 };

/** Inside the thread: the browser's worker globals over the thread's port. */
const PRELUDE = `
const { parentPort } = require('node:worker_threads');
globalThis.self = globalThis;
let handler = null;
Object.defineProperty(globalThis, 'onmessage', { get: () => handler, set: (fn) => { handler = fn; } });
globalThis.postMessage = (message) => parentPort.postMessage(message);
parentPort.on('message', (envelope) => {
  try { if (handler) handler({ data: envelope.message }); }
  finally { parentPort.postMessage({ harnessAck: envelope.seq }); }
});
`;

export class HarnessWorker {
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onerror: ((event: { message: string }) => void) | null = null;
  private thread: NodeWorker | null = null;
  private queue: unknown[] = [];
  private terminated = false;
  private seq = 0;
  /** Messages the thread has not finished handling: the harness's settle() waits for them. */
  private acks = new Map<number, () => void>();

  constructor(url: string) {
    const blob = blobs.get(String(url));
    if (!blob) throw new Error(`Worker: no blob at ${String(url)}`);
    liveWorkers.add(this);
    workerStarts.count++;
    void blob.text().then((source) => {
      if (this.terminated) return;
      this.thread = new NodeWorker(PRELUDE + source, { eval: true });
      this.thread.on('message', (data: unknown) => {
        const ack = (data as { harnessAck?: number } | null)?.harnessAck;
        if (typeof ack === 'number') {
          this.acks.get(ack)?.();
          this.acks.delete(ack);
        } else this.onmessage?.({ data });
      });
      this.thread.on('error', (err: Error) => this.onerror?.({ message: err.message }));
      for (const envelope of this.queue.splice(0)) this.thread.postMessage(envelope);
    });
  }

  postMessage(message: unknown): void {
    const seq = ++this.seq;
    const done = new Promise<void>((resolve) => this.acks.set(seq, resolve));
    pending.add(done);
    void done.then(() => pending.delete(done));
    const envelope = { seq, message };
    if (this.thread) this.thread.postMessage(envelope);
    else this.queue.push(envelope);
  }

  terminate(): void {
    this.terminated = true;
    liveWorkers.delete(this);
    for (const resolve of this.acks.values()) resolve();
    this.acks.clear();
    void this.thread?.terminate();
  }
}

/** Install Worker and Blob URLs on the window (idempotent). */
export function installWorkers(win: Window & typeof globalThis = window): void {
  const w = win as unknown as Record<string, unknown>;
  if (w['Worker'] === HarnessWorker) return;
  w['Worker'] = HarnessWorker;
  win.URL.createObjectURL = (blob: Blob | MediaSource) => {
    const url = `blob:harness/${nextBlob++}`;
    blobs.set(url, blob as Blob);
    return url;
  };
  win.URL.revokeObjectURL = (url: string) => void blobs.delete(url);
}

/** Remove Worker: the plugin must fall back to parsing on the main thread. */
export function removeWorkers(win: Window & typeof globalThis = window): void {
  delete (win as unknown as Record<string, unknown>)['Worker'];
}

export { newIndexedDB };

export function installIndexedDB(factory: IDBFactory | null, win: Window & typeof globalThis = window): void {
  install(factory, win);
}
