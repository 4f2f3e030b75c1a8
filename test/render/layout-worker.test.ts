// The plugins' layout worker (src/render/graph/layout-worker.ts) over the real worker source, run
// in a real thread (test/helpers/worker-threads.ts): the same coordinates as the in-thread layout,
// one worker started only when a graph is laid out, stale layouts dropped, failures that reject
// (so the view lays out itself) and no thread left after close.
import { buildSync } from 'esbuild';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { buildGraphModel } from '../../src/core/index';
import { layoutEdges, layoutInputs } from '../../src/render/graph/draw';
import { layoutHere, type LayoutRequest } from '../../src/render/graph/layout-request';
import { createLayoutWorker, type WorkerHost } from '../../src/render/index';
import { EXAMPLE_VAULT, loadFolder, ROOT } from '../helpers/vault';
import { createWorkerShim, type WorkerShim } from '../helpers/worker-threads';
import { tieredIndex } from './helpers';

/** The worker as the build embeds it (scripts/targets.mjs `embeddedWorker`: same entry, same options). */
const SOURCE = buildSync({ entryPoints: [join(ROOT, 'src/render/graph/layout-worker-entry.ts')], bundle: true, write: false, platform: 'browser', format: 'iife', target: 'es2018', minify: true, logLevel: 'warning' }).outputFiles[0]!.text;

function hostOf(shim: WorkerShim, withWorker = true): WorkerHost {
  return {
    ...(withWorker ? { Worker: shim.Worker as unknown as typeof Worker } : {}),
    Blob,
    URL: { createObjectURL: shim.createObjectURL, revokeObjectURL: shim.revokeObjectURL } as unknown as typeof URL,
    setTimeout: (fn, ms) => setTimeout(fn, ms) as unknown as number,
    clearTimeout: (handle) => clearTimeout(handle),
  };
}

function requestOf(index: ReturnType<typeof tieredIndex>, aspect?: number): LayoutRequest {
  const model = buildGraphModel(index);
  return { nodes: layoutInputs(model), edges: layoutEdges(model), options: { aspect } };
}

describe('the layout worker', () => {
  it('answers with the in-thread layout, coordinate for coordinate, from one worker started on first use', async () => {
    const shim = createWorkerShim();
    const worker = createLayoutWorker(SOURCE, hostOf(shim));
    expect(shim.counts.starts).toBe(0);
    for (const request of [requestOf(loadFolder(EXAMPLE_VAULT)), requestOf(tieredIndex(600), 1.4)]) {
      const there = await worker.layout(request);
      const here = layoutHere(request);
      expect(there.nodes.size).toBe(request.nodes.length);
      // toEqual compares numbers with Object.is: every coordinate the same double.
      expect(there).toEqual(here);
    }
    expect(shim.counts.starts).toBe(1);
    expect(worker.answered()).toBe(2);
    expect(worker.fallbackReason()).toBeNull();
    worker.close();
    expect(shim.live.size).toBe(0);
    await expect(worker.layout(requestOf(loadFolder(EXAMPLE_VAULT)))).rejects.toThrow('closed');
  });

  it('starts when told, before any layout, once; a failure at the start is the first layout’s rejection', async () => {
    const shim = createWorkerShim();
    const worker = createLayoutWorker(SOURCE, hostOf(shim));
    worker.start();
    worker.start();
    expect(shim.counts.starts).toBe(1);
    const request = requestOf(loadFolder(EXAMPLE_VAULT));
    await expect(worker.layout(request)).resolves.toEqual(layoutHere(request));
    expect(shim.counts.starts).toBe(1);
    worker.close();
    worker.start();
    expect(shim.counts.starts).toBe(1);

    // Refused as it starts (the standalone page starts it while idle): the view then lays out itself.
    const refused = createWorkerShim();
    const broken = createLayoutWorker('throw new Error("refused by the page")', hostOf(refused));
    broken.start();
    await vi.waitFor(() => expect(broken.fallbackReason()).toBe('the layout worker failed (refused by the page)'));
    await expect(broken.layout(request)).rejects.toThrow('the layout worker failed (refused by the page)');
    expect(refused.counts.starts).toBe(1);
  });

  it('drops a queued layout whose view moved on before its turn', async () => {
    const shim = createWorkerShim();
    const worker = createLayoutWorker(SOURCE, hostOf(shim));
    const request = requestOf(tieredIndex(300));
    const stale = new AbortController();
    const first = worker.layout(request);
    const second = worker.layout(request, stale.signal);
    const third = worker.layout(request);
    stale.abort();
    await expect(first).resolves.toEqual(layoutHere(request));
    await expect(second).rejects.toThrow('no longer wanted');
    await expect(third).resolves.toEqual(layoutHere(request));
    expect(shim.counts.posted).toBe(2);
    worker.close();
  });

  it('rejects where no worker can run, and after a worker failed tries none again', async () => {
    const noWorkers = createLayoutWorker(SOURCE, hostOf(createWorkerShim(), false));
    await expect(noWorkers.layout(requestOf(loadFolder(EXAMPLE_VAULT)))).rejects.toThrow('not available');
    expect(noWorkers.fallbackReason()).toBe('Web Workers are not available');

    // A worker that dies as it starts (a CSP that forbids blob workers reports it the same way: an error event).
    const shim = createWorkerShim();
    const broken = createLayoutWorker('throw new Error("refused by the page")', hostOf(shim));
    await expect(broken.layout(requestOf(loadFolder(EXAMPLE_VAULT)))).rejects.toThrow('the layout worker failed (refused by the page)');
    await expect(broken.layout(requestOf(loadFolder(EXAMPLE_VAULT)))).rejects.toThrow('refused by the page');
    expect(shim.counts.starts).toBe(1);
    expect(shim.live.size).toBe(0);
  });

  it('takes a worker that does not answer for dead', async () => {
    const shim = createWorkerShim();
    const silent = createLayoutWorker('self.onmessage = () => {};', hostOf(shim), 200);
    await expect(silent.layout(requestOf(loadFolder(EXAMPLE_VAULT)))).rejects.toThrow('did not answer');
    expect(shim.live.size).toBe(0);
  });
});
