// The plugins' graph layout in a Web Worker started from a Blob URL (the worker's bundled source
// comes from the host: scripts/targets.mjs embeds it in each plugin, as Obsidian's parse worker).
// One worker per plugin, started with the first layout asked for (a session that never opens a
// graph starts none), one layout at a time: a layout asked for while another runs waits, and is
// dropped unasked if its view moved on (its signal aborted) before its turn. Whatever goes wrong —
// no Worker, a CSP that forbids blob workers, a worker that throws, dies or does not answer — the
// promise rejects and the view lays out in its own thread; after a failure no worker is tried again.
import type { LayoutResult } from './layout-types';
import type { GraphLayouter, LayoutRequest } from './layout-request';
import type { FromLayoutWorker, ToLayoutWorker } from './layout-protocol';

/** The globals the client needs, from the window it runs in (Logseq: the plugin's frame). */
export interface WorkerHost {
  Worker?: typeof Worker;
  Blob: typeof Blob;
  URL: typeof URL;
  setTimeout(handler: () => void, ms: number): number;
  clearTimeout(handle: number): void;
}

export interface LayoutWorker {
  readonly layout: GraphLayouter;
  /**
   * Start the worker now rather than with the first layout (a no-op once started, failed or
   * closed): its code is compiled in its own thread while the view builds what it will ask.
   */
  start(): void;
  /** Why layouts run in the view's thread instead, once the worker could not be used. */
  fallbackReason(): string | null;
  /** Layouts the worker answered. */
  answered(): number;
  /** Stop the worker (the plugin unloads); layouts asked for later reject. */
  close(): void;
}

/** A worker that has not answered a layout in this long is taken for dead (a phone lays 2,000 out in a few seconds). */
export const LAYOUT_TIMEOUT_MS = 30_000;

interface Job {
  id: number;
  request: LayoutRequest;
  signal: AbortSignal | undefined;
  resolve(result: LayoutResult): void;
  reject(err: Error): void;
}

class LayoutWorkerClient implements LayoutWorker {
  private worker: Worker | null = null;
  private url: string | null = null;
  private failed: string | null = null;
  private closed = false;
  private queue: Job[] = [];
  private running: { job: Job; timer: number } | null = null;
  private nextId = 1;
  private count = 0;

  constructor(
    private readonly source: string,
    private readonly host: WorkerHost,
    private readonly timeoutMs: number,
  ) {}

  readonly layout: GraphLayouter = (request, signal) =>
    new Promise<LayoutResult>((resolve, reject) => {
      if (this.closed) return reject(new Error('the layout worker was closed'));
      if (signal?.aborted) return reject(new Error('the layout is no longer wanted'));
      this.start();
      if (this.failed) return reject(new Error(this.failed));
      this.queue.push({ id: this.nextId++, request, signal, resolve, reject });
      this.pump();
    });

  fallbackReason(): string | null {
    return this.failed;
  }

  answered(): number {
    return this.count;
  }

  start(): void {
    if (this.worker || this.failed || this.closed) return;
    const { Worker: WorkerClass, Blob: BlobClass, URL: URLClass } = this.host;
    if (typeof WorkerClass !== 'function' || typeof URLClass?.createObjectURL !== 'function') {
      this.failed = 'Web Workers are not available';
      return;
    }
    try {
      this.url = URLClass.createObjectURL(new BlobClass([this.source], { type: 'text/javascript' }));
      const worker = new WorkerClass(this.url);
      worker.onmessage = (event: MessageEvent<FromLayoutWorker>) => this.onAnswer(event.data);
      worker.onerror = (event) => this.fail(`the layout worker failed (${event.message || 'no message'})`);
      worker.onmessageerror = () => this.fail('the layout worker sent a message that could not be read');
      this.worker = worker;
    } catch (err) {
      this.fail(`the layout worker could not start (${err instanceof Error ? err.message : String(err)})`);
    }
  }

  /** Post the next wanted layout when none runs; layouts whose view moved on are dropped here. */
  private pump(): void {
    while (!this.running && this.worker && this.queue.length > 0) {
      const job = this.queue.shift()!;
      if (job.signal?.aborted) {
        job.reject(new Error('the layout is no longer wanted'));
        continue;
      }
      const timer = this.host.setTimeout(() => this.fail(`the layout worker did not answer in ${this.timeoutMs / 1000} s`), this.timeoutMs);
      this.running = { job, timer };
      const message: ToLayoutWorker = { id: job.id, request: job.request };
      this.worker.postMessage(message);
    }
  }

  private onAnswer(message: FromLayoutWorker): void {
    const running = this.running;
    if (!running || running.job.id !== message.id) return;
    this.host.clearTimeout(running.timer);
    this.running = null;
    if (message.type === 'laid-out') {
      this.count++;
      running.job.resolve(message.result);
    } else running.job.reject(new Error(`the layout worker could not lay the graph out (${message.error})`));
    this.pump();
  }

  private fail(reason: string): void {
    this.failed ??= reason;
    this.stop(new Error(reason));
  }

  close(): void {
    this.closed = true;
    this.stop(new Error('the layout worker was closed'));
  }

  /** Terminate the worker and reject every layout still waiting for it. */
  private stop(err: Error): void {
    if (this.running) this.host.clearTimeout(this.running.timer);
    const waiting = [...(this.running ? [this.running.job] : []), ...this.queue.splice(0)];
    this.running = null;
    this.worker?.terminate();
    this.worker = null;
    if (this.url) this.host.URL.revokeObjectURL(this.url);
    this.url = null;
    for (const job of waiting) job.reject(err);
  }
}

/** A layout worker over `source` (the bundled layout-worker-entry.ts), started on first use. */
export function createLayoutWorker(source: string, host: WorkerHost, timeoutMs = LAYOUT_TIMEOUT_MS): LayoutWorker {
  return new LayoutWorkerClient(source, host, timeoutMs);
}
