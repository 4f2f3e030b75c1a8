// The built Logseq plugin (real SDK) against the fake 0.10.x host over a generated 10,000-page
// graph: start-up until a card shows, the longest stretch the thread was held meanwhile (host
// queries and plugin work together: Logseq runs both on its UI thread), and how many files'
// text a route change and one edit pull. The core's cold index of the same texts, in the same
// run, is the reference for the start-up time.
import { it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { createIndex, type MaturityIndex } from '../../src/core/index';
import { loadVault } from '../corpus';
import { loadPlugin, slotElement, until, viewComplete, type LoadOptions, type Loaded } from '../../test/logseq/harness';
import { createGcLog } from '../../test/logseq/gc-log';
import { createTaskClock, type TaskClock, type TaskRecord } from '../../test/logseq/task-clock';
import { ROOT } from '../../test/helpers/vault';
import type { IDBFactory } from 'fake-indexeddb';
import { newIndexedDB, storeSerializedValues } from '../../test/helpers/indexeddb';
import { threadCpuClock } from '../../test/helpers/thread-cpu';
import { Session } from 'node:inspector/promises';
import type { FakeGraph } from '../../test/logseq/fake/graph';
import { phaseContext, phaseLine, runPhase, VIEW_PHASES, type PhaseFigures } from './view-phases';
import { changedFilesQuery, createdFilesQuery, PAGE_COUNT_QUERY } from '../../src/logseq/graph-queries';

const PAGES = Number(process.env['MM_BENCH_PAGES'] ?? 10_000);
/** `MM_BENCH_PHASES=0`: the start-ups only, no view phases (rounds that measure the start). */
const PHASES = process.env['MM_BENCH_PHASES'] !== '0';
/** The warm start's longest frame tasks the report names. */
const WARM_TOP = 5;
/**
 * `MM_BENCH_IDB=serialized`: IndexedDB keeps each value's serialization and a read deserializes it,
 * as Chromium does (test/helpers/indexeddb.ts `storeSerializedValues`); by default fake-indexeddb
 * clones a value whole (serialize and deserialize) at every read.
 */
const IDB_SERIALIZED = process.env['MM_BENCH_IDB'] === 'serialized';
const threadCpu = threadCpuClock();
/** This thread's CPU ms so far (frame, host and harness alike: the harness runs them all on it), or NaN; a start's is counted from the plugin's first script on (the graph's own load and Logseq's queries before it are not). */
const cpuMs = () => (threadCpu ? threadCpu() / 1e6 : Number.NaN);
/** `MM_BENCH_PROFILE=file`: a V8 CPU profile of the last warm start (until its card), written there (.cpuprofile). */
const PROFILE = process.env['MM_BENCH_PROFILE'];

/** Profile `run` into PROFILE (when set). */
async function profiled<T>(run: () => Promise<T>): Promise<T> {
  if (!PROFILE) return run();
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await session.post('Profiler.start');
  try {
    return await run();
  } finally {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(PROFILE, JSON.stringify(profile));
    session.disconnect();
  }
}

/** `MM_BENCH_WARM=n`: this many warm starts after the cold one (default 1). */
const WARM_STARTS = Math.max(1, Number(process.env['MM_BENCH_WARM'] ?? 1));
/** `MM_BENCH_LOAD=0`: skip the plugin's load in Chromium (rounds that measure the start-ups). */
const LOAD = process.env['MM_BENCH_LOAD'] !== '0';
/** `MM_BENCH_TIMELINE=1`: print the cold start's frame tasks in order from the warm-up on (what ran after what). */
const TIMELINE = process.env['MM_BENCH_TIMELINE'] === '1';

/** A graph's page file: `pages/A___B.md` for the generated `A/B.md`. */
const pageFile = (path: string) => `pages/${path.replace(/\//g, '___')}`;

/** The stage the card shows, once the whole card (its head and every section) is in. */
function stageOf(l: Loaded, slot: string): string | null {
  if (!viewComplete(slotElement(l, slot))) return null;
  return slotElement(l, slot)?.querySelector('.mm-card .mm-badge [data-mm-stage]')?.getAttribute('data-mm-stage') ?? null;
}

/** Load the plugin (no polling), its tasks recorded from the moment its bundle runs; `started` is that moment. */
async function launchTimed(clock: TaskClock, options: Pick<LoadOptions, 'files' | 'graph' | 'indexedDB'>): Promise<{ l: Loaded; started: () => number; cpuStarted: () => number }> {
  let started = 0;
  let cpuStarted = 0;
  const l = await loadPlugin({
    ...options,
    settings: { pollSeconds: 0 },
    clock,
    beforeRun: () => {
      clock.recording(true);
      started = performance.now();
      cpuStarted = cpuMs();
    },
  });
  return { l, started: () => started, cpuStarted: () => cpuStarted };
}

/** Relaunch over the same graph and frame storage: the time until `path`'s card shows `stage`, and the pages the start pulled. */
async function warmStart(graph: FakeGraph, device: IDBFactory, path: string, stage: string): Promise<{ ms: number; pulled: number; longest: TaskRecord | null; longestGcMs: number; longestMajorGcMs: number; frameTop: TaskRecord[]; over50: number; busy: Record<'frame' | 'host' | 'harness', number>; phases: string[]; cpu: number }> {
  // A relaunch is a new app process: no launch before it left garbage in its heap (as bench/obsidian's `close`).
  collectGarbage();
  const clock = createTaskClock();
  const gc = createGcLog();
  const before = graph.stats.pullLog.length;
  const { l, started, cpuStarted } = await launchTimed(clock, { files: new Map(), graph, indexedDB: device });
  const slot = l.fake.renderBlock(l.graph.addBlock(l.graph.pageOfFile(path)!, '{{renderer :maturity}}'));
  await until(l, () => stageOf(l, slot) === stage, 'the card on a warm start', 1_200_000);
  const ms = performance.now() - started();
  const cpu = cpuMs() - cpuStarted();
  // A card pulls its page's text once more for its Logseq reading, which is no part of the start:
  // counted once that reading is in, the card's page only when it was pulled twice.
  await until(l, () => slotElement(l, slot)?.querySelector('.mm-logseq-reading') !== null, 'the card’s Logseq reading', 120_000);
  const log = graph.stats.pullLog.slice(before);
  const pulled = new Set(log.filter((p) => p !== path)).size + Math.max(0, log.filter((p) => p === path).length - 1);
  clock.recording(false);
  await l.close();
  gc.stop();
  const worst = clock.longest();
  const longest = [worst.frame, worst.host].filter((t): t is TaskRecord => t !== null).sort((a, b) => b.cpuMs - a.cpuMs)[0] ?? null;
  const frameTop = clock.over(0).filter((t) => t.side === 'frame').slice(0, WARM_TOP);
  const tasks = clock.since(0).filter((t) => t.startMs - started() <= ms);
  // The collection within the longest task (the harness's frame, host and graph share one heap).
  const longestGcMs = longest ? gc.within(longest.startMs, longest.wallMs) : 0;
  const longestMajorGcMs = longest ? gc.majorWithin(longest.startMs, longest.wallMs) : 0;
  return { ms, pulled, longest, longestGcMs, longestMajorGcMs, frameTop, over50: pluginOver50(clock).length, busy: clock.busy(), phases: warmPhases(tasks, started()), cpu };
}

/**
 * A full collection where node exposes it (`--expose-gc`, vitest.config.ts): Logseq relaunched is
 * a new renderer process, whose heap holds nothing of the launches before it; the harness's one
 * heap held three launches' garbage, collected inside a warm start's slice.
 */
function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** A task's kind: its name without the ids, row counts and durations that vary between tasks of one step. */
const kindOf = (t: TaskRecord) => `${t.side} ${t.what.replace(/\(\d+ (rows|keys|chars)\)/, '').replace(/\d+ ms/, 'N ms').slice(0, 110)}`;

/** Where a warm start's time went, until its card: each kind of task with its count, CPU and when it first and last ran (ms from the start). */
function warmPhases(tasks: readonly TaskRecord[], started: number): string[] {
  const kinds = new Map<string, { n: number; cpu: number; first: number; last: number }>();
  for (const t of tasks) {
    const kind = kindOf(t);
    const k = kinds.get(kind) ?? { n: 0, cpu: 0, first: t.startMs - started, last: 0 };
    k.n++;
    k.cpu += t.cpuMs;
    k.last = t.startMs + t.wallMs - started;
    kinds.set(kind, k);
  }
  return [...kinds].sort((a, b) => b[1].cpu - a[1].cpu).slice(0, 16).map(([kind, k]) => `${k.cpu.toFixed(0).padStart(6)} ms CPU in ${String(k.n).padStart(4)} tasks, +${k.first.toFixed(0)}…+${k.last.toFixed(0)} ms: ${kind}`);
}

/** The poll's queries with nothing changed, run by the graph's datascript as the host runs them: the median of 7 each, ms. */
function pollQueries(graph: FakeGraph): { changed: number; created: number; count: number } {
  const median = (query: string) => {
    const times: number[] = [];
    for (let i = 0; i < 7; i++) {
      const t = performance.now();
      graph.datascriptQuery(query);
      times.push(performance.now() - t);
    }
    return times.sort((a, b) => a - b)[3]!;
  };
  return { changed: median(changedFilesQuery(graph.now())), created: median(createdFilesQuery(Date.now())), count: median(PAGE_COUNT_QUERY) };
}

/** The core's cold index of the texts, timed (the start-up's reference), and the page whose card the start waits for. */
function coreReference(files: ReadonlyMap<string, string>): { index: MaturityIndex; core: number; target: string } {
  const t = performance.now();
  const index = createIndex({});
  for (const [path, text] of files) index.upsert(path, text);
  const core = performance.now() - t;
  const target = [...files.keys()].find((p) => index.component(p)?.note.stage?.id === 'development' && /\*\*Current Stage\*\*: Development/.test(files.get(p)!))!;
  return { index, core, target };
}

interface ColdRun {
  graph: FakeGraph;
  clock: TaskClock;
  startup: number;
  /** This thread's CPU ms until the first card (frame, host, harness). */
  cpu: number;
  pulledAtStart: number;
  /** Files pulled on a route change with nothing changed, and after one edit. */
  onRoute: number;
  onEdit: number;
  editShown: number;
  /** Its longest frame tasks, each with the collection within it and whether it came after the edit. */
  frameTop: Array<{ task: TaskRecord; gcMs: number; afterEdit: boolean }>;
}

/** The first start (no cache) until `target`'s card shows, then a route change and one edit in the app. */
async function coldStart(files: Map<string, string>, target: string, device: IDBFactory): Promise<ColdRun> {
  // The graph is built before the plugin connects; the clock starts at the handshake.
  const clock = createTaskClock();
  const gc = createGcLog();
  const { l, started, cpuStarted } = await launchTimed(clock, { files, indexedDB: device });
  const slot = l.fake.renderBlock(l.graph.addBlock(l.graph.pageOfFile(target)!, '{{renderer :maturity}}'));
  await until(l, () => stageOf(l, slot) === 'development', 'the first card', 1_200_000);
  const startup = performance.now() - started();
  const cpu = cpuMs() - cpuStarted();
  const pulledAtStart = l.graph.stats.filesPulled;
  let before = l.graph.stats.filesPulled;
  l.fake.navigate('Some other page');
  await l.settle(1500);
  const onRoute = l.graph.stats.filesPulled - before;
  before = l.graph.stats.filesPulled;
  const t = performance.now();
  l.fake.editInApp(target, files.get(target)!.replace(/\*\*Current Stage\*\*: Development/, '**Current Stage**: Staging'));
  await until(l, () => stageOf(l, slot) === 'staging', 'the edit', 60_000);
  const editShown = performance.now() - t;
  await l.settle(5000); // the second look after a long page's late write
  const onEdit = l.graph.stats.filesPulled - before;
  clock.recording(false);
  await l.close();
  gc.stop();
  const frameTop = clock.over(0).filter((task) => task.side === 'frame').slice(0, WARM_TOP).map((task) => ({ task, gcMs: gc.within(task.startMs, task.wallMs), afterEdit: task.startMs >= t }));
  if (TIMELINE) printTimeline(clock.since(0), gc, started(), t);
  return { graph: l.graph, clock, startup, cpu, pulledAtStart, onRoute, onEdit, editShown, frameTop };
}

/** The cold start's frame tasks from the warm-up on, in the order they ran: the named steps, and any other over 3 ms. */
function printTimeline(tasks: readonly TaskRecord[], gc: ReturnType<typeof createGcLog>, started: number, edit: number): void {
  const from = Math.max(0, tasks.findIndex((task) => task.what.includes('warm-up')));
  const shown = tasks.slice(from).filter((task) => task.side === 'frame' && (task.cpuMs > 3 || /warm-up|links|piece|idle/.test(task.what)));
  const line = (task: TaskRecord) =>
    `  +${(task.startMs - started).toFixed(0)} ms: ${task.cpuMs.toFixed(1)} ms CPU (GC ${gc.within(task.startMs, task.wallMs).toFixed(0)} ms) ${task.what.slice(0, 80)}${task.startMs >= edit ? ' [after the edit]' : ''}`;
  process.stdout.write(`cold start's frame tasks from the warm-up on:\n${shown.map(line).join('\n')}\n`);
}

type WarmRun = Awaited<ReturnType<typeof warmStart>>;

interface Figures {
  files: ReadonlyMap<string, string>;
  bytes: number;
  components: number;
  core: number;
  cold: ColdRun;
  warm: WarmRun;
  poll: ReturnType<typeof pollQueries>;
  phases: PhaseFigures[];
  coreViews: number;
  load: ChromiumLoad;
}

/** The plugin's load in Chromium as Logseq runs it (load-chromium.mjs), its last line. */
interface ChromiumLoad {
  longestWallMs: number;
  longestCpuMs: number;
  wallRange: [number, number];
  cpuRange: [number, number];
  rounds: number;
  over50: number;
}

/** The plugin frame loading its scripts in headless Chromium (an inspector-free trace), 3 rounds. */
function chromiumLoad(): ChromiumLoad {
  if (!LOAD) return { longestWallMs: 0, longestCpuMs: 0, wallRange: [0, 0], cpuRange: [0, 0], rounds: 0, over50: 0 };
  const out = execFileSync(process.execPath, [join(ROOT, 'bench/logseq/load-chromium.mjs'), '--rounds', '3'], { encoding: 'utf8' });
  process.stdout.write(out);
  return (JSON.parse(out.trim().split('\n').at(-1)!) as { load: ChromiumLoad }).load;
}

/**
 * The plugin's and the host's tasks over 50 ms: not the harness's own, where Node compiles the
 * plugin's scripts on this thread (the load is measured in Chromium, `load` below).
 */
const pluginOver50 = (clock: TaskClock) => clock.over(50).filter((t) => t.side !== 'harness');

const describeTask = (task: TaskRecord | null) => (task ? `${task.cpuMs.toFixed(0)} ms CPU (${task.wallMs.toFixed(0)} ms wall), ${task.what}` : 'none');

/** The longest task of the cold start, frame or host, in CPU ms. */
function coldLongest(cold: ColdRun): number {
  const worst = cold.clock.longest();
  return Math.max(worst.frame?.cpuMs ?? 0, worst.host?.cpuMs ?? 0);
}

/** The printed lines: the figures asked for, then what they stand on. */
function report(f: Figures): string {
  const { cold, warm, phases } = f;
  const worst = cold.clock.longest();
  const slow = pluginOver50(cold.clock);
  const { load } = f;
  const lines = [
    `load (Chromium: the plugin's iframe runs index.js, which adds plugin.js; median of ${load.rounds}): longest task ${load.longestWallMs.toFixed(0)} ms wall (${load.wallRange.map((x) => x.toFixed(0)).join('–')}), CPU ${load.longestCpuMs.toFixed(0)} (${load.cpuRange.map((x) => x.toFixed(0)).join('–')}); tasks over 50 ms ${load.over50}`,
    `start-up: ${cold.startup.toFixed(0)} ms`,
    `warm start: ${warm.ms.toFixed(0)} ms (${((100 * warm.ms) / cold.startup).toFixed(1)}% of the start-up in this run)`,
    `files pulled on a warm start: ${warm.pulled} (one page was edited in the last session; its record was kept again as it was pulled)`,
    `longest main-thread task: ${coldLongest(cold).toFixed(0)} ms`,
    `files pulled on a route change with nothing changed: ${cold.onRoute}`,
    `files pulled after one page edit: ${cold.onEdit}`,
    ...phases.map(phaseLine),
  ];
  const context = [
    `pages: ${f.files.size} (${(f.bytes / 1e6).toFixed(1)} MB of text, ${f.components} components); files pulled at start-up: ${cold.pulledAtStart}`,
    `start-up / the core's cold index of the same texts in this run: ${(cold.startup / f.core).toFixed(1)}× (core ${f.core.toFixed(0)} ms)`,
    `the edit shown after ${cold.editShown.toFixed(0)} ms (Logseq writes the file on a 1 s queue; the plugin looks 1.3 s after the last edit)`,
    `longest main-thread task: each timer or message handled in the plugin frame or the host is one task (as the Long Tasks API counts them), measured in CPU time; from start-up to the edit shown`,
    `  longest in the plugin frame: ${describeTask(worst.frame)}`,
    `  longest in the host (the queries and UI we cause): ${describeTask(worst.host)}`,
    `  its longest tasks in the plugin frame: ${cold.frameTop.map(({ task, gcMs, afterEdit }) => `${task.cpuMs.toFixed(0)} ms ${task.what} (GC ${gcMs.toFixed(0)} ms${afterEdit ? ', after the edit' : ''})`).join('; ')}`,
    `  tasks over 50 ms: ${slow.length}${slow.length > 0 ? ` (${slow.slice(0, 12).map((t) => `${t.side} ${t.what} ${t.cpuMs.toFixed(0)} ms`).join('; ')})` : ''}`,
    `warm start: the app relaunched over the same graph (Logseq restores its database) and frame storage, until the edited page's card shows its new stage; longest task ${describeTask(warm.longest)}, tasks over 50 ms: ${warm.over50}`,
    `  its longest tasks in the plugin frame (a timer names the step it resumes, src/logseq/steps.ts): ${warm.frameTop.map((t) => `${t.cpuMs.toFixed(0)} ms ${t.what}`).join('; ')}`,
    `  where its time went (task kinds by CPU, ms from the start):\n    ${warm.phases.join('\n    ')}`,
    `  of its ${warm.ms.toFixed(0)} ms, work on the thread (CPU in tasks): plugin frame ${warm.busy.frame.toFixed(0)} ms, host ${warm.busy.host.toFixed(0)} ms; the rest is waiting (each message the harness delivers a timer turn later)`,
    `views of the whole graph: each in a relaunch of its own (no component view built yet), from the act (block rendered, toolbar clicked) until the results show; tasks until the plugin goes quiet`,
    ...phases.map(phaseContext),
    `  reference: the core building every view in one go (Node, no harness, this run) ${f.coreViews.toFixed(0)} ms; each phase's longest task / that: ${phases.map((p) => `${p.name} ${(100 * (p.longest?.cpuMs ?? 0) / f.coreViews).toFixed(1)}%`).join(', ')}`,
    `slowest single query in the host (datascript, as Logseq runs it; wall): ${cold.graph.stats.slowestQueryMs.toFixed(0)} ms`,
    `a poll's queries with nothing changed (datascript in Node, median of 7): files by file time ${f.poll.changed.toFixed(1)} ms, files made since the start ${f.poll.created.toFixed(1)} ms, the page count ${f.poll.count.toFixed(1)} ms`,
    `machine: ${cpus().length} cores, load average ${loadavg()[0]!.toFixed(1)} at the end (shared)`,
  ];
  return `\n${lines.join('\n')}\n${context.join('\n')}\n`;
}

/** A view phase as bench/results-logseq.json keeps it. */
function phaseResult(p: PhaseFigures): Record<string, unknown> {
  const task = (t: TaskRecord | null) => (t ? `${t.side} ${t.what}` : null);
  return {
    name: p.name,
    ms: Math.round(p.ms),
    longestTaskMs: Math.round(p.longest?.cpuMs ?? 0),
    longestTask: task(p.longest),
    longestFrameTaskMs: Math.round(p.longestFrame?.cpuMs ?? 0),
    longestHostTaskMs: Math.round(p.longestHost?.cpuMs ?? 0),
    longestTaskGcMs: Math.round(p.longest ? (p.gcMs.get(p.longest) ?? 0) : 0),
    tasksOver50Ms: p.over50.length,
    shown: p.shown,
    sort: p.sort ? { ms: Math.round(p.sort.ms), rows: p.sort.rows, longestTaskMs: Math.round(p.sort.longest?.cpuMs ?? 0), longestTask: task(p.sort.longest), tasksOver50Ms: p.sort.over50 } : null,
    showMore: p.presses.map((x) => ({ ms: Math.round(x.ms), rows: x.rows, longestTaskMs: Math.round(x.longest?.cpuMs ?? 0), longestTask: task(x.longest), tasksOver50Ms: x.over50 })),
  };
}

/** bench/results-logseq.json. */
function results(f: Figures): Record<string, unknown> {
  const { cold, warm } = f;
  const worst = cold.clock.longest();
  return {
    load: { longestTaskMs: Math.round(f.load.longestWallMs), longestTaskCpuMs: Math.round(f.load.longestCpuMs), rounds: f.load.rounds, tasksOver50Ms: f.load.over50 },
    pages: f.files.size,
    megabytes: Number((f.bytes / 1e6).toFixed(1)),
    components: f.components,
    startupMs: Math.round(cold.startup),
    coreColdIndexMs: Math.round(f.core),
    startupToCore: Number((cold.startup / f.core).toFixed(2)),
    longestMainThreadTaskMs: Math.round(coldLongest(cold)),
    longestFrameTaskMs: Math.round(worst.frame?.cpuMs ?? 0),
    longestFrameTask: worst.frame?.what ?? null,
    longestHostTaskMs: Math.round(worst.host?.cpuMs ?? 0),
    longestHostTask: worst.host?.what ?? null,
    tasksOver50Ms: pluginOver50(cold.clock).length,
    slowestHostQueryMs: Math.round(cold.graph.stats.slowestQueryMs),
    pollQueriesMs: { changedFiles: Number(f.poll.changed.toFixed(1)), createdFiles: Number(f.poll.created.toFixed(1)), pageCount: Number(f.poll.count.toFixed(1)) },
    filesPulledAtStartup: cold.pulledAtStart,
    warmStartMs: Math.round(warm.ms),
    warmStartShare: Number((warm.ms / cold.startup).toFixed(3)),
    filesPulledOnWarmStart: warm.pulled,
    longestWarmStartTaskMs: Math.round(warm.longest?.cpuMs ?? 0),
    longestWarmStartTask: warm.longest?.what ?? null,
    longestWarmStartFrameTasks: warm.frameTop.map((t) => ({ ms: Math.round(t.cpuMs), task: t.what })),
    warmStartTasksOver50Ms: warm.over50,
    warmStartFrameCpuMs: Math.round(warm.busy.frame),
    warmStartHostCpuMs: Math.round(warm.busy.host),
    filesPulledOnRouteChange: cold.onRoute,
    filesPulledAfterOneEdit: cold.onEdit,
    editShownMs: Math.round(cold.editShown),
    coreEveryViewMs: Math.round(f.coreViews),
    views: f.phases.map(phaseResult),
    machine: { cores: cpus().length, loadAverage: Number(loadavg()[0]!.toFixed(1)), shared: true },
  };
}

it(`Logseq plugin over a ${PAGES}-page graph`, async () => {
  const load = chromiumLoad();
  const vault = loadVault(PAGES, 1);
  const files = new Map<string, string>();
  vault.paths.forEach((p, i) => files.set(pageFile(p), vault.texts[i]!));
  const bytes = vault.texts.reduce((n, t) => n + t.length, 0);
  const { index, core, target } = coreReference(files);
  // The plugin frame's storage (one per Logseq profile): the first start keeps its records there.
  if (IDB_SERIALIZED) storeSerializedValues();
  const device = newIndexedDB();
  const cold = await coldStart(files, target, device);
  const poll = pollQueries(cold.graph);
  const warm = await warmStart(cold.graph, device, target, 'staging');
  // `MM_BENCH_WARM=n`: n warm starts in all against the one cold start (the later ones with nothing changed).
  const warms = [warm];
  while (warms.length < WARM_STARTS) warms.push(await (warms.length === WARM_STARTS - 1 ? profiled : (run: () => Promise<WarmRun>) => run())(() => warmStart(cold.graph, device, target, 'staging')));
  process.stdout.write(warms.map((w, i) => `warm start ${i + 1}: ${w.ms.toFixed(0)} ms = ${((100 * w.ms) / cold.startup).toFixed(1)}% of the cold start (${cold.startup.toFixed(0)} ms); thread CPU ${w.cpu.toFixed(0)} ms (${((100 * w.cpu) / cold.cpu).toFixed(1)}% of the cold start's ${cold.cpu.toFixed(0)}, the IndexedDB reads and the harness included); tasks' CPU frame ${w.busy.frame.toFixed(0)} + host ${w.busy.host.toFixed(0)} ms; longest ${describeTask(w.longest)} (GC ${w.longestGcMs.toFixed(0)} ms, full ${w.longestMajorGcMs.toFixed(0)}); over 50: ${w.over50}; pulled ${w.pulled}\n${w.phases.map((p) => `    ${p}`).join('\n')}\n`).join(''));
  const phases: PhaseFigures[] = [];
  for (const phase of PHASES ? VIEW_PHASES : []) phases.push(await runPhase(cold.graph, device, target, phase));
  // The reference for the views: the core building every view in one go, in Node, this run.
  const t = performance.now();
  for (const id of index.ids()) index.component(id);
  const coreViews = performance.now() - t;
  const figures: Figures = { files, bytes, components: index.ids().length, core, cold, warm, poll, phases, coreViews, load };
  process.stdout.write(report(figures));
  writeFileSync(join(ROOT, 'bench/results-logseq.json'), `${JSON.stringify(results(figures), null, 2)}\n`);
});
