// What a browser gives the plugin and happy-dom lacks, for the harness under Node: Web Workers
// (real threads, node:worker_threads, started from the Blob URL the plugin makes, with the
// structured clone a browser uses) and IndexedDB (fake-indexeddb, one database set per "device",
// so a test can relaunch the app over the same cache). Not part of the browser harness.
import type { IDBFactory } from 'fake-indexeddb';
import { installIndexedDB as install, newIndexedDB } from '../../helpers/indexeddb';
import { createWorkerShim, type ShimWorker } from '../../helpers/worker-threads';
import { asHost } from './host-work';
import { pending } from './vault';

const shim = createWorkerShim({
  onPending: (done) => {
    pending.add(done);
    void done.then(() => pending.delete(done));
  },
  // The browser starts a worker's thread off the page's; Node's Worker constructor is the harness's.
  startThread: asHost,
});
/** Workers still running (a leak check: none after the plugin unloads). */
export const liveWorkers: Set<ShimWorker> = shim.live;
/** Workers started since the harness module loaded (a warm start should start none). */
export const workerStarts = {
  get count(): number {
    return shim.counts.starts;
  },
};
/** The sources workers were started from (the parse worker's, the graph layout worker's), in order. */
export const workerSources: readonly string[] = shim.sources;
export const HarnessWorker = shim.Worker;

/** Install Worker and Blob URLs on the window (idempotent). */
export function installWorkers(win: Window & typeof globalThis = window): void {
  const w = win as unknown as Record<string, unknown>;
  if (w['Worker'] === HarnessWorker) return;
  w['Worker'] = HarnessWorker;
  win.URL.createObjectURL = shim.createObjectURL;
  win.URL.revokeObjectURL = shim.revokeObjectURL;
}

/** Remove Worker: the plugin must fall back to parsing on the main thread. */
export function removeWorkers(win: Window & typeof globalThis = window): void {
  delete (win as unknown as Record<string, unknown>)['Worker'];
}

export { newIndexedDB };

export function installIndexedDB(factory: IDBFactory | null, win: Window & typeof globalThis = window): void {
  install(factory, win);
}
