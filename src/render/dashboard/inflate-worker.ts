// The standalone page's data inflated in a Web Worker (started from a Blob URL, as the layout
// worker: the policy's `worker-src blob:`). The browser's DecompressionStream leaves Blink objects
// behind (the streams, their chunks and promises), and the page's main thread swept them after the
// next full collection: 150–460 ms of sweeping at 10k, in slices of up to 25 ms inside whatever
// task came next — the Timeline tab's placement, style and paint (benchmarks.md, session 26). In a
// worker that garbage is the worker's, and the main thread only receives each chunk's bytes.
// What the page then freed itself was most of its first full collection at 10k (50–60 ms of CPU in
// one task, benchmarks.md, session 28): each answer's buffer (Blink's sweep, 40–58 ms in one step)
// and each chunk's text, a string of the browser's freed in the collection's second-pass callbacks
// (11–46 ms) — a free of 100–430 KB costs ~0.35 ms of the main thread on this machine, and ~200
// texts had waited in promises long enough to be freed together. So the page hands every buffer
// back to the worker, which inflates the next chunks into it, and decodes a chunk only in the task
// that reads it (`InflatedChunk.text`), where its text dies young, a few at each young collection.
// Whatever goes wrong (no Worker, a policy that forbids it, a worker that fails or does not
// answer), `chunk` rejects, the client stops using the worker, and data.ts inflates in the page.
import type { WorkerHost } from '../graph/layout-worker';

/** The worker's program: self-contained (it names nothing outside itself), sent as its source text. */
function inflateProgram(): void {
  type Asked = { id: number; base64: string } | { recycled: ArrayBuffer };
  const scope = self as unknown as { onmessage: ((event: MessageEvent<Asked>) => void) | null; postMessage(message: unknown, transfer: Transferable[]): void };
  // Buffers the page handed back; a chunk is inflated into one that holds it, else into a new one
  // with room to spare (256 KB: the chunks of a 10k vault are 60–220 KB), so a few go round.
  const pool: ArrayBuffer[] = [];
  const bufferFor = (length: number): Uint8Array => {
    const at = pool.findIndex((buffer) => buffer.byteLength >= length);
    const buffer = at >= 0 ? pool.splice(at, 1)[0]! : new ArrayBuffer(Math.max(length, 262_144));
    return new Uint8Array(buffer, 0, length);
  };
  const inflate = async (base64: string): Promise<Uint8Array> => {
    const binary = atob(base64);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    const stream = new DecompressionStream('deflate-raw');
    const writer = stream.writable.getWriter();
    // Their failures also fail the read below, which answers with the error.
    writer.write(bytes).catch(() => undefined);
    writer.close().catch(() => undefined);
    const reader = stream.readable.getReader();
    const parts: Uint8Array[] = [];
    let length = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      parts.push(value as Uint8Array);
      length += (value as Uint8Array).length;
    }
    const out = bufferFor(length);
    let at = 0;
    for (const part of parts) {
      out.set(part, at);
      at += part.length;
    }
    return out;
  };
  // One chunk at a time, in the order posted: the page waits for the first ones to paint.
  let queue = Promise.resolve();
  scope.onmessage = (event) => {
    if ('recycled' in event.data) {
      pool.push(event.data.recycled);
      return;
    }
    const { id, base64 } = event.data;
    queue = queue.then(() =>
      inflate(base64).then(
        // The bytes moved, not copied; the page decodes them and moves the buffer back: a string
        // sent would be copied into a buffer the page's Blink heap holds until a collection frees it.
        (bytes) => scope.postMessage({ id, bytes }, [bytes.buffer]),
        (err: unknown) => scope.postMessage({ id, error: String(err) }, []),
      ),
    );
  };
}

/** The worker's source, as a Blob URL's text. */
export function inflateWorkerSource(): string {
  return `(${inflateProgram.toString()})()`;
}

/** A chunk not answered in this long: the worker is taken for dead (a chunk inflates in a few ms). */
const ANSWER_TIMEOUT_MS = 10_000;

/** A chunk inflated by the worker, its bytes kept until its text is asked for. */
export interface InflatedChunk {
  /** The chunk's text (UTF-8 decoded), its buffer then handed back to the worker; once. */
  text(): string;
}

export interface Inflater {
  /** The chunk inflated (base64 → raw inflate); rejects when the worker cannot answer. */
  chunk(base64: string): Promise<InflatedChunk>;
  /** Chunks the worker answered. */
  answered(): number;
  /** Stop the worker; chunks asked for later reject. */
  close(): void;
}

type Answer = { id: number; bytes?: Uint8Array; error?: string };
type Pending = { resolve(chunk: InflatedChunk): void; reject(err: Error): void; timer: number };

/** A worker inflater, or null where no worker can be made (the page then inflates itself). */
export function workerInflater(host: WorkerHost & { DecompressionStream?: unknown }): Inflater | null {
  const started = startWorker(host);
  if (!started) return null;
  const { worker, url } = started;
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let count = 0;
  let failed: Error | null = null;
  const stop = (reason: Error) => {
    failed ??= reason;
    worker.terminate();
    host.URL.revokeObjectURL(url);
    for (const p of pending.values()) {
      host.clearTimeout(p.timer);
      p.reject(reason);
    }
    pending.clear();
  };
  worker.onmessage = (event: MessageEvent<Answer>) => {
    const p = pending.get(event.data.id);
    if (!p) return;
    pending.delete(event.data.id);
    host.clearTimeout(p.timer);
    const bytes = event.data.bytes;
    if (bytes instanceof Uint8Array) {
      count++;
      p.resolve(inflatedChunk(bytes, worker, () => failed !== null));
    } else p.reject(new Error(event.data.error ?? 'the inflate worker gave no text'));
  };
  worker.onerror = (event) => {
    event.preventDefault();
    stop(new Error('the inflate worker failed'));
  };
  return {
    chunk(base64) {
      if (failed) return Promise.reject(failed);
      const id = nextId++;
      return new Promise<InflatedChunk>((resolve, reject) => {
        const timer = host.setTimeout(() => stop(new Error('the inflate worker did not answer')), ANSWER_TIMEOUT_MS);
        pending.set(id, { resolve, reject, timer });
        worker.postMessage({ id, base64 });
      });
    },
    answered: () => count,
    close: () => stop(new Error('the inflate worker was closed')),
  };
}

/** The worker made from its Blob URL, or null where the page has no worker or no DecompressionStream. */
function startWorker(host: WorkerHost & { DecompressionStream?: unknown }): { worker: Worker; url: string } | null {
  const WorkerClass = host.Worker;
  if (typeof WorkerClass !== 'function' || typeof host.DecompressionStream !== 'function') return null;
  const url = host.URL.createObjectURL(new host.Blob([inflateWorkerSource()], { type: 'text/javascript' }));
  try {
    return { worker: new WorkerClass(url), url };
  } catch {
    host.URL.revokeObjectURL(url);
    return null;
  }
}

/** An answered chunk: its text decoded when asked for, its buffer then moved back to the worker. */
function inflatedChunk(bytes: Uint8Array, worker: Worker, stopped: () => boolean): InflatedChunk {
  return {
    text() {
      const text = new TextDecoder().decode(bytes);
      // Moved back for the worker's next chunks: freed here, Blink's sweep would free it.
      if (!stopped()) worker.postMessage({ recycled: bytes.buffer }, [bytes.buffer]);
      return text;
    },
  };
}
