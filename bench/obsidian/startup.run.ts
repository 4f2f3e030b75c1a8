// `npm run bench:obsidian`: the built plugin in the harness over a generated vault (10,000 notes
// by default, MM_BENCH_NOTES to change): a cold start (empty cache, parsing in a worker thread), a
// warm start over the same cache, the same cold start without workers, and one edit with the note
// open. The main thread is watched throughout by a probe that runs once per event-loop turn: the
// longest gap between two probe runs bounds the longest task from above. Reference, same run: the
// core alone indexing the same texts on the main thread (what the plugin did before #13).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'vitest';
import { createIndex } from '../../src/core/index';
import { loadVault } from '../corpus';
import type { Harness } from '../../test/obsidian/harness/app';
import { newIndexedDB } from '../../test/obsidian/harness/node-host';
import { createHarness } from '../../test/obsidian/helpers';
import { ROOT } from '../../test/helpers/vault';

const NOTES = Number(process.env['MM_BENCH_NOTES'] ?? 10_000);

interface PluginLike {
  api: { ready(): Promise<void> };
  indexer: { stats: { parsed: number; build: { fromCache: number; parsed: number; parser: string; finishMs?: number } }; flushWrites(): Promise<void> };
}

/** The longest stretch the event loop could not run the probe, while `run` runs. */
async function watchMainThread<T>(run: () => Promise<T>): Promise<{ result: T; longest: number }> {
  let longest = 0;
  let last = performance.now();
  let stop = false;
  const probe = () => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
    if (!stop) setImmediate(probe);
  };
  setImmediate(probe);
  const result = await run();
  stop = true;
  await new Promise((r) => setImmediate(r));
  return { result, longest };
}

/** From the plugin loading to its index being ready (the vault announces its files, the layout gets ready). */
async function start(files: Record<string, string>, options: { indexedDB: ReturnType<typeof newIndexedDB>; workers: boolean }): Promise<{ h: Harness; ms: number }> {
  const h = createHarness({ files, indexedDB: options.indexedDB, workers: options.workers });
  const t = performance.now();
  await h.loadPlugin();
  h.loadVault();
  h.app.workspace.finishLayout();
  await (h.plugin as unknown as PluginLike).api.ready();
  return { h, ms: performance.now() - t };
}

function close(h: Harness): void {
  h.unloadPlugin();
  document.body.replaceChildren();
}

it(`plugin start-up over ${NOTES} generated notes`, async () => {
  const vault = loadVault(NOTES, 1);
  const files: Record<string, string> = {};
  vault.paths.forEach((p, i) => (files[p] = vault.texts[i]!));

  // Reference: the core alone, every note parsed on the main thread.
  let t = performance.now();
  const reference = createIndex({});
  for (const [path, text] of Object.entries(files)) reference.upsert(path, text);
  const coreMs = performance.now() - t;

  const device = newIndexedDB();
  const cold = await watchMainThread(() => start(files, { indexedDB: device, workers: true }));
  const coldPlugin = cold.result.h.plugin as unknown as PluginLike;
  const coldStats = structuredClone(coldPlugin.indexer.stats);
  t = performance.now();
  await coldPlugin.indexer.flushWrites();
  const cacheWriteMs = performance.now() - t;
  close(cold.result.h);

  const warm = await watchMainThread(() => start(files, { indexedDB: device, workers: true }));
  const warmPlugin = warm.result.h.plugin as unknown as PluginLike;
  const warmStats = structuredClone(warmPlugin.indexer.stats);

  // One edit with the note open in reading view: from the write until the header shows it.
  const target = vault.paths.find((p) => /\*\*Current Stage\*\*: Development/.test(files[p]!))!;
  await warm.result.h.open(target);
  const edit = await watchMainThread(async () => {
    const t0 = performance.now();
    await warm.result.h.edit(target, (text) => text.replace(/\*\*Current Stage\*\*: [^\n]*/, '**Current Stage**: Staging'));
    const header = () => document.querySelector('.maturity-map-header')?.textContent ?? '';
    while (!header().includes('Staging')) await new Promise((r) => setTimeout(r, 1));
    return performance.now() - t0;
  });
  close(warm.result.h);

  const fallback = await watchMainThread(() => start(files, { indexedDB: newIndexedDB(), workers: false }));
  close(fallback.result.h);

  const longest = Math.max(cold.longest, warm.longest, edit.longest);
  const results = {
    notes: NOTES,
    components: vault.components,
    machine: 'shared: 8 helpers on 2 cores; harness under Node (happy-dom, fake-indexeddb, worker_threads)',
    referenceCoreIndexMs: Math.round(coreMs),
    coldStartMs: Math.round(cold.result.ms),
    warmStartMs: Math.round(warm.result.ms),
    warmOverCold: Number((warm.result.ms / cold.result.ms).toFixed(3)),
    filesParsedOnColdStart: coldStats.build.parsed,
    filesParsedOnWarmStart: warmStats.build.parsed,
    filesFromCacheOnWarmStart: warmStats.build.fromCache,
    coldParser: coldStats.build.parser,
    cacheWriteAfterColdMs: Math.round(cacheWriteMs),
    indexBatchSettleMs: { cold: Math.round(coldStats.build.finishMs ?? 0), warm: Math.round(warmStats.build.finishMs ?? 0) },
    longestMainThreadTaskMs: Math.round(longest),
    longestTaskMs: { coldStart: Math.round(cold.longest), warmStart: Math.round(warm.longest), edit: Math.round(edit.longest), mainThreadFallbackColdStart: Math.round(fallback.longest) },
    editUntilHeaderMs: Math.round(edit.result),
    mainThreadFallbackColdStartMs: Math.round(fallback.result.ms),
  };
  writeFileSync(join(ROOT, 'bench/results-obsidian.json'), `${JSON.stringify(results, null, 2)}\n`);
  const lines = [
    `notes: ${NOTES} (${vault.components} components); machine shared (8 helpers, 2 cores)`,
    `cold start: ${results.coldStartMs} ms`,
    `warm start: ${results.warmStartMs} ms`,
    `files parsed on warm start: ${results.filesParsedOnWarmStart}`,
    `longest main-thread task: ${results.longestMainThreadTaskMs} ms`,
    `warm / cold: ${(results.warmOverCold * 100).toFixed(1)}% (target ≤ 10%); cold start / core alone on the main thread (${results.referenceCoreIndexMs} ms, same run): ${(cold.result.ms / coreMs).toFixed(2)}×`,
    `longest main-thread task by phase (upper bound, event-loop probe): cold ${results.longestTaskMs.coldStart} ms, warm ${results.longestTaskMs.warmStart} ms, edit ${results.longestTaskMs.edit} ms; main-thread fallback cold start ${results.mainThreadFallbackColdStartMs} ms, longest task ${results.longestTaskMs.mainThreadFallbackColdStart} ms`,
    `one edit until the open header shows it: ${results.editUntilHeaderMs} ms; cache write after the cold start: ${results.cacheWriteAfterColdMs} ms (in the background)`,
    `the index batch settling at the end of a build (one task): cold ${results.indexBatchSettleMs.cold} ms, warm ${results.indexBatchSettleMs.warm} ms`,
  ];
  process.stdout.write(`\n${lines.join('\n')}\n`);
});
