// `npm run bench:obsidian`: the built plugin in the harness over a generated vault (10,000 notes
// by default, MM_BENCH_NOTES to change): a cold start (empty cache, parsing in a worker thread), a
// warm start over the same cache, the same cold start without workers, and one edit with the note
// open. The main thread's tasks are watched throughout (main-thread.ts: each task's CPU time, the
// app's own work taken out). Reference, same run: the core alone indexing the same texts on the
// main thread (what the plugin did before #13). Each start is timed in wall time (the figures #13
// asks for) and in CPU time (less swayed by other work on the machine); between phases the app is
// quit and its garbage collected, as a relaunch starts in a fresh process.
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { PerformanceObserver } from 'node:perf_hooks';
import { it, onTestFinished } from 'vitest';
import { createIndex } from '../../src/core/index';
import { loadVault } from '../corpus';
import type { Harness } from '../../test/obsidian/harness/app';
import { newIndexedDB } from '../../test/obsidian/harness/node-host';
import { storeSerializedValues } from '../../test/helpers/indexeddb';
import { asHost } from '../../test/obsidian/harness/host-work';
import { createHarness, dispose, whenClosed } from '../../test/obsidian/helpers';
import { startCpuProfile } from './cpu-profile';
import { referenceTaskMs } from './reference-task';
import { mainThreadCpuMs, monitorTasks, type TaskStats } from './main-thread';
import { QUERY_NOTES, until, VIEW_PHASES, viewLine, type ViewFigures } from './views';
import { ROOT } from '../../test/helpers/vault';

const NOTES = Number(process.env['MM_BENCH_NOTES'] ?? 10_000);
/**
 * `MM_BENCH_VIEWS=graph,pay`: only the view phases whose name holds one of these words, after the
 * cold start that fills the cache (no reference, warm start, edit or fallback; nothing written to
 * results-obsidian.json), each `MM_BENCH_REPEAT` times (default 1): for before/after pairs.
 */
const ONLY_VIEWS = (process.env['MM_BENCH_VIEWS'] ?? '').split(',').map((w) => w.trim()).filter((w) => w !== '');
const REPEAT = Math.max(1, Number(process.env['MM_BENCH_REPEAT'] ?? 1));
/**
 * `MM_BENCH_WARM=3`: only the starts — after the cold start that fills the cache, this many warm
 * starts, each printed against the cold one (wall and CPU time, its longest task, the heap it began
 * with); no reference, edit, fallback or views, nothing written to results-obsidian.json.
 */
const WARM_ONLY = Math.max(0, Number(process.env['MM_BENCH_WARM'] ?? 0));
/**
 * `MM_BENCH_IDB=serialized`: IndexedDB keeps each value's serialization and a read deserializes it,
 * as Chromium does (test/helpers/indexeddb.ts `storeSerializedValues`); by default fake-indexeddb
 * charges a put and each read a whole structured clone.
 */
const IDB_SERIALIZED = process.env['MM_BENCH_IDB'] === 'serialized';

interface PluginLike {
  api: { ready(): Promise<void> };
  indexer: { stats: { parsed: number; build: { fromCache: number; parsed: number; parser: string } }; flushWrites(): Promise<void> };
}

/** Run a phase with its main-thread tasks watched. */
async function watchMainThread<T>(run: () => Promise<T>): Promise<{ result: T; tasks: TaskStats }> {
  const monitor = monitorTasks();
  const result = await run();
  // Redraws the end of a build schedules (animation frames) belong to the phase.
  await new Promise((r) => setTimeout(r, 50));
  return { result, tasks: monitor.stop() };
}

const macrotask = () => new Promise((r) => setTimeout(r, 0));

/**
 * CPU time beside wall time: the whole process's (main thread, parse worker threads, the
 * collector's helpers; process.cpuUsage) and the main thread's alone. On a machine shared with
 * other work wall time swings with the load; CPU time much less.
 */
interface CpuTime {
  processMs: number;
  mainThreadMs: number;
  /** Garbage collection pauses on the main thread (perf_hooks 'gc' entries). */
  gcMs: number;
  /** The heap in use when the phase started (what earlier phases left), MB. */
  heapAtStartMb: number;
}

function cpuClock(): () => CpuTime {
  const process0 = process.cpuUsage();
  const main0 = mainThreadCpuMs();
  const heapAtStartMb = process.memoryUsage().heapUsed / 1e6;
  let gcMs = 0;
  const gc = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) gcMs += entry.duration;
  });
  gc.observe({ entryTypes: ['gc'] });
  return () => {
    const used = process.cpuUsage(process0);
    for (const entry of gc.takeRecords()) gcMs += entry.duration;
    gc.disconnect();
    return { processMs: (used.user + used.system) / 1000, mainThreadMs: mainThreadCpuMs() - main0, gcMs, heapAtStartMb };
  };
}

/** From the plugin loading to its index being ready (the vault announces its files, the layout gets ready). */
async function start(files: Record<string, string>, options: { indexedDB: ReturnType<typeof newIndexedDB>; workers: boolean }): Promise<{ h: Harness; ms: number; cpu: CpuTime }> {
  // The app opening the vault (the harness building it) happens before any plugin loads: the app's work.
  const h = asHost(() => createHarness({ files, indexedDB: options.indexedDB, workers: options.workers }));
  const cpu = cpuClock();
  const t = performance.now();
  // The app loads plugins, then the vault, then the layout: separate tasks.
  await h.loadPlugin();
  await macrotask();
  h.loadVault();
  await macrotask();
  h.app.workspace.finishLayout();
  await (h.plugin as unknown as PluginLike).api.ready();
  const ms = performance.now() - t;
  return { h, ms, cpu: cpu() };
}

function cpuFigures(cpu: CpuTime): { process: number; mainThread: number; gc: number; heapAtStartMb: number } {
  return { process: Math.round(cpu.processMs), mainThread: Math.round(cpu.mainThreadMs), gc: Math.round(cpu.gcMs), heapAtStartMb: Math.round(cpu.heapAtStartMb) };
}

/**
 * Quit the app: the plugin unloads, and nothing of this launch stays reachable from the benchmark
 * (the harness is forgotten by the session and dropped by the caller). Then, where node exposes it,
 * a full collection: a relaunch starts in a fresh process, so no phase should pay for collecting
 * what an earlier phase (or the reference) left behind.
 */
async function close(h: Harness): Promise<void> {
  dispose(h);
  // The plugin's unload finishes its cache writes and closes the database asynchronously.
  await whenClosed();
  await new Promise((r) => setTimeout(r, 50));
  collectGarbage();
}

function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** The reference: the core alone indexing every text on the main thread (its index is dropped at once). */
function indexOnMainThread(files: Record<string, string>): number {
  const t = performance.now();
  const reference = createIndex({});
  for (const [path, text] of Object.entries(files)) reference.upsert(path, text);
  return performance.now() - t;
}

/**
 * Each view phase on its own warm launch: the index fresh (no view built), the start's own
 * follow-up work (the cache's link write) done before the user opens anything.
 */
async function openViews(files: Record<string, string>, device: ReturnType<typeof newIndexedDB>): Promise<Array<{ name: string; figures: ViewFigures }>> {
  const out: Array<{ name: string; figures: ViewFigures }> = [];
  const phases = ONLY_VIEWS.length === 0 ? VIEW_PHASES : VIEW_PHASES.filter((p) => ONLY_VIEWS.some((w) => p.name.includes(w)));
  for (const phase of phases.flatMap((p) => Array.from({ length: ONLY_VIEWS.length === 0 ? 1 : REPEAT }, () => p))) {
    const { h } = await start(files, { indexedDB: device, workers: true });
    await (h.plugin as unknown as PluginLike).indexer.flushWrites();
    await new Promise((r) => setTimeout(r, 200));
    if (phase.setup) {
      await phase.setup(h);
      await new Promise((r) => setTimeout(r, 200));
    }
    const referenceMs = await referenceTaskMs();
    const watched = await watchMainThread(async () => {
      const t0 = performance.now();
      await phase.open(h);
      await until(() => phase.shown(h));
      return performance.now() - t0;
    });
    out.push({ name: phase.name, figures: { ms: watched.result, tasks: watched.tasks, referenceMs } });
    await close(h);
  }
  return out;
}

type Watched<T> = Awaited<ReturnType<typeof watchMainThread<T>>>;
type Started = Awaited<ReturnType<typeof start>>;
type BuildStats = PluginLike['indexer']['stats'];

/** The vault's notes and the notes that hold a query block. */
function benchFiles(vault: ReturnType<typeof loadVault>): Record<string, string> {
  const files: Record<string, string> = {};
  vault.paths.forEach((p, i) => (files[p] = vault.texts[i]!));
  return Object.assign(files, QUERY_NOTES);
}

/** Forget a launch's harness (the watched result keeps none) and quit it. */
async function quit(started: Started): Promise<void> {
  const closing = close(started.h);
  (started as { h: Harness | null }).h = null;
  await closing;
}

/** Cold: from loading to ready, then (still start-up for the main thread) the cache written. */
async function coldStart(files: Record<string, string>, device: ReturnType<typeof newIndexedDB>): Promise<{ cold: Watched<Started & { cacheWriteMs: number }>; stats: BuildStats }> {
  const cold = await watchMainThread(async () => {
    const started = await start(files, { indexedDB: device, workers: true });
    const t0 = performance.now();
    await (started.h.plugin as unknown as PluginLike).indexer.flushWrites();
    return { ...started, cacheWriteMs: performance.now() - t0 };
  });
  const stats = structuredClone((cold.result.h.plugin as unknown as PluginLike).indexer.stats);
  await quit(cold.result);
  return { cold, stats };
}

/** A warm start, then one edit with the note open in reading view: from the write until the header shows it. */
async function warmStartAndEdit(files: Record<string, string>, device: ReturnType<typeof newIndexedDB>, target: string): Promise<{ warm: Watched<Started>; stats: BuildStats; edit: Watched<number> }> {
  const warm = await watchMainThread(() => start(files, { indexedDB: device, workers: true }));
  const stats = structuredClone((warm.result.h.plugin as unknown as PluginLike).indexer.stats);
  await warm.result.h.open(target);
  const edit = await watchMainThread(async () => {
    const t0 = performance.now();
    await warm.result.h.edit(target, (text) => text.replace(/\*\*Current Stage\*\*: [^\n]*/, '**Current Stage**: Staging'));
    const header = () => document.querySelector('.maturity-map-header')?.textContent ?? '';
    while (!header().includes('Staging')) await new Promise((r) => setTimeout(r, 1));
    return performance.now() - t0;
  });
  await quit(warm.result);
  return { warm, stats, edit };
}

interface Runs {
  vault: ReturnType<typeof loadVault>;
  loadAtStart: string;
  coreMs: number;
  cold: Watched<Started & { cacheWriteMs: number }>;
  coldStats: BuildStats;
  warm: Watched<Started>;
  warmStats: BuildStats;
  edit: Watched<number>;
  fallback: Watched<Started>;
  views: Array<{ name: string; figures: ViewFigures }>;
  /** The reference task before the cold start (reference-task.ts). */
  referenceTaskMs: number;
}

/** bench/results-obsidian.json. */
function results(r: Runs) {
  const { cold, warm, edit, fallback, views } = r;
  const phases = { coldStart: cold.tasks, warmStart: warm.tasks, edit: edit.tasks, mainThreadFallbackColdStart: fallback.tasks };
  const perPhase = (pick: (t: TaskStats) => number) => Object.fromEntries(Object.entries(phases).map(([k, v]) => [k, Math.round(pick(v))]));
  return {
    notes: NOTES,
    components: r.vault.components,
    machine: `shared (other sessions at work), ${cpus().length} cores, load average ${r.loadAtStart} at the start; harness under Node (happy-dom, fake-indexeddb, worker_threads)`,
    referenceCoreIndexMs: Math.round(r.coreMs),
    coldStartMs: Math.round(cold.result.ms),
    warmStartMs: Math.round(warm.result.ms),
    warmOverCold: Number((warm.result.ms / cold.result.ms).toFixed(3)),
    coldStartCpuMs: cpuFigures(cold.result.cpu),
    warmStartCpuMs: cpuFigures(warm.result.cpu),
    warmOverColdCpu: Number((warm.result.cpu.processMs / cold.result.cpu.processMs).toFixed(3)),
    filesParsedOnColdStart: r.coldStats.build.parsed,
    filesParsedOnWarmStart: r.warmStats.build.parsed,
    filesFromCacheOnWarmStart: r.warmStats.build.fromCache,
    coldParser: r.coldStats.build.parser,
    cacheWriteAfterColdMs: Math.round(cold.result.cacheWriteMs),
    longestMainThreadTaskMs: Math.round(Math.max(cold.tasks.longestMs, warm.tasks.longestMs, edit.tasks.longestMs)),
    referenceTaskMs: r.referenceTaskMs,
    taskClock: cold.tasks.clock,
    longestTaskMs: perPhase((t) => t.longestMs),
    tasksOver50Ms: perPhase((t) => t.over50),
    longestWallGapMs: perPhase((t) => t.longestWallGapMs),
    longestTasks: Object.fromEntries(Object.entries(phases).map(([k, v]) => [k, v.top.slice(0, 3)])),
    editUntilHeaderMs: Math.round(edit.result),
    mainThreadFallbackColdStartMs: Math.round(fallback.result.ms),
    viewsOnFirstOpen: Object.fromEntries(views.map(({ name, figures }) => [name, { ms: Math.round(figures.ms), referenceTaskMs: figures.referenceMs, longestTaskMs: Math.round(figures.tasks.longestMs), tasksOver50Ms: figures.tasks.over50, tasks: figures.tasks.tasks, longestTasks: figures.tasks.top.slice(0, 3) }])),
  };
}

/** The printed lines. */
function report(r: Runs, written: ReturnType<typeof results>): string {
  const results = written;
  const { longestTaskMs: task, tasksOver50Ms: over, longestWallGapMs: wall } = results;
  const lines = [
    `notes: ${NOTES} (${r.vault.components} components; and ${Object.keys(QUERY_NOTES).length} notes holding a query block); machine shared (${cpus().length} cores), load average ${r.loadAtStart}`,
    `cold start: ${results.coldStartMs} ms`,
    `warm start: ${results.warmStartMs} ms`,
    `files parsed on warm start: ${results.filesParsedOnWarmStart}`,
    `longest main-thread task: ${results.longestMainThreadTaskMs} ms`,
    `CPU time (whole process, worker threads included / main thread alone): cold start ${results.coldStartCpuMs.process} / ${results.coldStartCpuMs.mainThread} ms, warm start ${results.warmStartCpuMs.process} / ${results.warmStartCpuMs.mainThread} ms; warm / cold CPU time ${(results.warmOverColdCpu * 100).toFixed(1)}%`,
    `garbage collection: cold start ${results.coldStartCpuMs.gc} ms, warm start ${results.warmStartCpuMs.gc} ms; heap in use as each began: ${results.coldStartCpuMs.heapAtStartMb} MB, ${results.warmStartCpuMs.heapAtStartMb} MB`,
    `warm / cold: ${(results.warmOverCold * 100).toFixed(1)}% (target ≤ 10%); cold start / core alone on the main thread (${results.referenceCoreIndexMs} ms, same run): ${(r.cold.result.ms / r.coreMs).toFixed(2)}×`,
    `longest main-thread task (the plugin's ${results.taskClock === 'thread-cpu' ? 'CPU time' : 'wall time'} per task): cold ${task['coldStart']} ms, warm ${task['warmStart']} ms, edit ${task['edit']} ms, main-thread fallback ${task['mainThreadFallbackColdStart']} ms; tasks over 50 ms: ${over['coldStart']}, ${over['warmStart']}, ${over['edit']}, ${over['mainThreadFallbackColdStart']}`,
    `reference task before the cold start (happy-dom rows and a sort, CPU time, median of 5): ${r.referenceTaskMs} ms`,
    `longest wall-clock gap of a 1 ms probe (upper bound: waiting for a core, several tasks, the app's own work): cold ${wall['coldStart']} ms, warm ${wall['warmStart']} ms, edit ${wall['edit']} ms, fallback ${wall['mainThreadFallbackColdStart']} ms`,
    `main-thread fallback cold start ${results.mainThreadFallbackColdStartMs} ms; one edit until the open header shows it: ${results.editUntilHeaderMs} ms; cache written ${results.cacheWriteAfterColdMs} ms after the cold start was ready`,
    `first open after a (warm) start, until the results show:`,
    ...r.views.map(({ name, figures }) => viewLine(name, figures)),
  ];
  return `\n${lines.join('\n')}\n`;
}

/** A long task as printed: its plugin CPU time, the app's own work in it, its span (to find it in a CPU profile). */
function taskLine(t: TaskStats['top'][number]): string {
  return `${t.ms} ms (host ${t.hostMs} ms; ${t.startUs}–${t.endUs} µs)`;
}

/** MM_BENCH_VIEWS: only the named views, each on a warm launch after the cold one. */
async function onlyViews(files: Record<string, string>, device: ReturnType<typeof newIndexedDB>, loadAtStart: string): Promise<void> {
  const views = await openViews(files, device);
  process.stdout.write(`\nnotes: ${NOTES}, load average ${loadAtStart}; first open after a (warm) start:\n${views.map(({ name, figures }) => `${viewLine(name, figures)}; top ${figures.tasks.top.slice(0, 3).map((t) => `${t.ms} ms (${t.startUs}–${t.endUs} µs)`).join(', ')}`).join('\n')}\n`);
}

/** MM_BENCH_WARM: warm starts only, each against the cold start that filled the cache. */
async function onlyWarmStarts(files: Record<string, string>, device: ReturnType<typeof newIndexedDB>, cold: Watched<Started & { cacheWriteMs: number }>): Promise<void> {
  const c = cold.result;
  const lines = [`cold start ${Math.round(c.ms)} ms wall, ${Math.round(c.cpu.processMs)} ms CPU (main thread ${Math.round(c.cpu.mainThreadMs)}), longest task ${Math.round(cold.tasks.longestMs)} ms`];
  for (let i = 0; i < WARM_ONLY; i++) {
    const warm = await watchMainThread(() => start(files, { indexedDB: device, workers: true }));
    const w = warm.result;
    const parsed = (w.h.plugin as unknown as PluginLike).indexer.stats.build.parsed;
    lines.push(
      `warm start ${i + 1}: ${Math.round(w.ms)} ms wall = ${((100 * w.ms) / c.ms).toFixed(1)}%, CPU ${Math.round(w.cpu.processMs)} / main thread ${Math.round(w.cpu.mainThreadMs)} ms = ${((100 * w.cpu.processMs) / c.cpu.processMs).toFixed(1)}%, GC ${Math.round(w.cpu.gcMs)} ms, longest task ${Math.round(warm.tasks.longestMs)} ms (over 50: ${warm.tasks.over50}), parsed ${parsed}, heap at start ${Math.round(w.cpu.heapAtStartMb)} MB, load ${loadavg()[0]!.toFixed(1)}`,
    );
    await quit(w);
  }
  process.stdout.write(`\nnotes: ${NOTES}; IndexedDB ${IDB_SERIALIZED ? 'values kept serialized' : 'fake-indexeddb clones'}\n${lines.join('\n')}\n`);
}

it(`plugin start-up over ${NOTES} generated notes`, async () => {
  const loadAtStart = loadavg().map((l) => l.toFixed(1)).join(' / ');
  if (IDB_SERIALIZED) storeSerializedValues();
  const stopProfile = await startCpuProfile();
  onTestFinished(async () => {
    const path = await stopProfile();
    if (path) process.stdout.write(`CPU profile: ${path}\n`);
  });
  const vault = loadVault(NOTES, 1);
  const files = benchFiles(vault);
  // Reference: the core alone, every note parsed on the main thread.
  const coreMs = ONLY_VIEWS.length > 0 || WARM_ONLY > 0 ? 0 : indexOnMainThread(files);
  collectGarbage();
  const referenceMs = await referenceTaskMs();
  const device = newIndexedDB();
  const { cold, stats: coldStats } = await coldStart(files, device);
  if (ONLY_VIEWS.length > 0) {
    process.stdout.write(`\ncold start's longest tasks: ${cold.tasks.top.map(taskLine).join(', ')}\n`);
    return onlyViews(files, device, loadAtStart);
  }
  if (WARM_ONLY > 0) return onlyWarmStarts(files, device, cold);
  const target = vault.paths.find((p) => /\*\*Current Stage\*\*: Development/.test(files[p]!))!;
  const { warm, stats: warmStats, edit } = await warmStartAndEdit(files, device, target);
  const fallback = await watchMainThread(() => start(files, { indexedDB: newIndexedDB(), workers: false }));
  await close(fallback.result.h);
  const views = await openViews(files, device);
  const runs: Runs = { vault, loadAtStart, coreMs, cold, coldStats, warm, warmStats, edit, fallback, views, referenceTaskMs: referenceMs };
  const written = results(runs);
  writeFileSync(join(ROOT, 'bench/results-obsidian.json'), `${JSON.stringify(written, null, 2)}\n`);
  process.stdout.write(report(runs, written));
});
