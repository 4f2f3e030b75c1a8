// Web Workers for harnesses under Node: a Worker-shaped class that runs the source of the Blob URL
// it is given in a real thread (node:worker_threads), with the structured clone a browser uses for
// messages both ways. happy-dom has no Worker; the plugins start theirs from Blob URLs, so the
// harness keeps each blob the window makes a URL for and reads it back here. Used by the Obsidian
// harness (harness/node-host.ts), the Logseq frame (logseq/harness.ts) and the render tests.
import { Worker as NodeWorker } from 'node:worker_threads';

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

export interface WorkerShimOptions {
  /** Each message posted to a worker, until the thread has handled it (a harness's settle() waits on these). */
  onPending?(done: Promise<void>): void;
  /** Runs each delivery to the page (the Logseq clock counts it as one of the frame's tasks). */
  deliver?(fn: () => void): void;
  /**
   * Runs the start of each worker's thread. A browser starts it off the page's thread; Node's
   * Worker constructor does much of it on the caller's (~10 ms), which the Obsidian harness
   * charges to the app.
   */
  startThread?<T>(start: () => T): T;
}

export interface WorkerShim {
  /** The class to install as the window's `Worker`. */
  readonly Worker: new (url: string | URL) => ShimWorker;
  createObjectURL(blob: Blob | MediaSource): string;
  revokeObjectURL(url: string): void;
  /** Workers running now (a leak check: none once a plugin unloads). */
  readonly live: Set<ShimWorker>;
  /** Workers started, and messages posted to them, since the shim was made. */
  readonly counts: { starts: number; posted: number };
  /** The sources the workers were started from, in order. */
  readonly sources: string[];
}

export interface ShimWorker {
  /** The source it runs, once its blob was read. */
  readonly source: string | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onerror: ((event: { message: string }) => void) | null;
  postMessage(message: unknown): void;
  terminate(): void;
}

export function createWorkerShim(options: WorkerShimOptions = {}): WorkerShim {
  const blobs = new Map<string, Blob>();
  let nextBlob = 1;
  const live = new Set<ShimWorker>();
  const counts = { starts: 0, posted: 0 };
  const sources: string[] = [];
  // One copy of each distinct source: a plugin loaded again makes its worker code anew, and a
  // harness that relaunches it many times in one process should not keep every copy.
  const distinct = new Map<string, string>();
  const deliver = options.deliver ?? ((fn: () => void) => fn());
  const startThread = options.startThread ?? (<T>(start: () => T): T => start());

  class HarnessWorker implements ShimWorker {
    onmessage: ((event: { data: unknown }) => void) | null = null;
    onerror: ((event: { message: string }) => void) | null = null;
    source: string | null = null;
    private thread: NodeWorker | null = null;
    private queue: unknown[] = [];
    private terminated = false;
    private seq = 0;
    private acks = new Map<number, () => void>();

    constructor(url: string | URL) {
      const blob = blobs.get(String(url));
      if (!blob) throw new Error(`Worker: no blob at ${String(url)}`);
      live.add(this);
      counts.starts++;
      void blob.text().then((source) => {
        if (!distinct.has(source)) distinct.set(source, source);
        sources.push(distinct.get(source)!);
        this.source = source;
        if (this.terminated) return;
        const thread = startThread(() => new NodeWorker(PRELUDE + source, { eval: true }));
        this.thread = thread;
        thread.on('message', (data: unknown) => this.receive(data));
        thread.on('error', (err: Error) => deliver(() => this.onerror?.({ message: err.message })));
        for (const envelope of this.queue.splice(0)) thread.postMessage(envelope);
      });
    }

    private receive(data: unknown): void {
      const ack = (data as { harnessAck?: number } | null)?.harnessAck;
      if (typeof ack !== 'number') return deliver(() => this.onmessage?.({ data }));
      this.acks.get(ack)?.();
      this.acks.delete(ack);
    }

    postMessage(message: unknown): void {
      const seq = ++this.seq;
      counts.posted++;
      const done = new Promise<void>((resolve) => this.acks.set(seq, resolve));
      options.onPending?.(done);
      const envelope = { seq, message };
      if (this.thread) this.thread.postMessage(envelope);
      else this.queue.push(envelope);
    }

    terminate(): void {
      this.terminated = true;
      live.delete(this);
      for (const resolve of this.acks.values()) resolve();
      this.acks.clear();
      void this.thread?.terminate();
    }
  }

  return {
    Worker: HarnessWorker,
    createObjectURL(blob) {
      const url = `blob:harness/${nextBlob++}`;
      blobs.set(url, blob as Blob);
      return url;
    },
    revokeObjectURL: (url) => void blobs.delete(url),
    live,
    counts,
    sources,
  };
}
