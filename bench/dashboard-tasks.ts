// The dashboard of a 10k-note vault (~9,300 components) in Chromium, watched for long tasks: the
// page opened, each tab shown, the text filter typed. Every host shows this same dashboard (the
// standalone page here; Obsidian's and Logseq's views render the same src/render code), and none
// may hold the main thread over 50 ms. The browser's own `longtask` entries are the measure, and
// its `long-animation-frame` entries beside them (a frame of 50 ms or more from its first task to
// its paint: a table's layout of new rows is a frame's work, not a script's); the reference, same
// browser and run, is a one-paragraph page's load. Each phase's main-thread CPU
// time (the DevTools protocol's `ThreadTime`) is printed beside it: on a shared machine a task's
// length is partly waiting for a core, its CPU time much less so; so is the CPU time of the
// phase's longest task, from a trace of its main thread (each task's thread time). The table tab
// is followed by a header press and four "Show more" pages (to 500 rows), the cards tab by one.
// Chromium is driven over its DevTools pipe (bench/cdp-pipe.ts), not Playwright: Playwright's
// Network domain decodes the whole 6 MB document again in an 80–90 ms task no reader's browser runs.
// `MATURITY_MAP_CHROMIUM_CPUS` pins Chromium (`taskset -c`), e.g. to a core no other work uses.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import { PipeBrowser, type PipePage, type TraceEvent } from './cdp-pipe';
import { TODAY } from './core-bench';
import { loadVault } from './corpus';
import { now } from './measure';

export interface TaskPhase {
  phase: string;
  /** From the action to the page settled (no task for a quiet while), ms. */
  wallMs: number;
  longestMs: number;
  over50: number;
  /** The longest animation frame of 50 ms or more (0: none), and how many there were; null where the browser reports none. */
  longestFrameMs?: number | null;
  framesOver50?: number;
  /** CPU time of the page's main thread from the action to the page settled, ms. */
  cpuMs: number;
  /** The CPU time of the phase's longest main-thread task (traced), ms; null where no trace was taken. */
  longestCpuMs?: number | null;
}

export interface DashboardTasks {
  components: number;
  pageBytes: number;
  phases: TaskPhase[];
  /** The reference: a one-paragraph page's load, longest task, ms. */
  blankLongestMs: number;
}

const CHROMIUM = process.env['MATURITY_MAP_CHROMIUM'] ?? '/usr/bin/chromium';
const CHROMIUM_CPUS = process.env['MATURITY_MAP_CHROMIUM_CPUS'];
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];
const TABS = ['graph', 'timeline', 'table', 'cards', 'board'] as const;

/** In the page, before its scripts: collect the browser's long tasks and long animation frames. */
const watchTasks = () => {
  const w = window as unknown as { mmTasks: number[]; mmFrames: number[] | null };
  w.mmTasks = [];
  w.mmFrames = PerformanceObserver.supportedEntryTypes.includes('long-animation-frame') ? [] : null;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) w.mmTasks.push(entry.duration);
  }).observe({ type: 'longtask', buffered: true });
  if (w.mmFrames) {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.mmFrames?.push(entry.duration);
    }).observe({ type: 'long-animation-frame', buffered: true });
  }
};

type Watched = { mmTasks: number[]; mmFrames: number[] | null };

/** Wait until no long task or frame has come for `quietMs`, then take those since the last take. */
async function settle(p: PipePage, started: number, quietMs = 1500): Promise<{ wallMs: number; tasks: number[]; frames: number[] | null }> {
  let seen = -1;
  let lastChange = now();
  for (;;) {
    await sleep(250);
    const count = await p.evaluate<number>('window.mmTasks.length + (window.mmFrames?.length ?? 0)');
    if (count !== seen) {
      seen = count;
      lastChange = now();
    } else if (now() - lastChange >= quietMs) break;
  }
  const taken = await p.evaluate<Watched>(`(() => {
    const out = { mmTasks: window.mmTasks, mmFrames: window.mmFrames };
    window.mmTasks = [];
    if (window.mmFrames) window.mmFrames = [];
    return out;
  })()`);
  return { wallMs: lastChange - started, tasks: taken.mmTasks, frames: taken.mmFrames };
}

/**
 * Trace events that are a task of the main thread when outermost: a task run, and the microtask
 * checkpoint in which Chromium runs a `scheduler.yield()` continuation, which it traces outside any
 * task run (the page's placement and slicing tasks: counting task runs alone missed them).
 */
const TASK_EVENTS = new Set(['ThreadControllerImpl::RunTask', 'RunTask', 'BlinkScheduler_PerformMicrotaskCheckpoint']);

/** The thread time of the longest task on the renderer's main thread in a trace (its outermost task events), ms. */
export function longestTaskCpu(events: readonly TraceEvent[]): number {
  const main = new Set(events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const tasks = events.filter((e) => e.ph === 'X' && TASK_EVENTS.has(e.name) && main.has(`${e.pid}:${e.tid}`)).sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  let longest = 0;
  let end = -Infinity;
  for (const t of tasks) {
    if (t.ts < end) continue; // a task inside the one before it
    end = t.ts + (t.dur ?? 0);
    longest = Math.max(longest, (t.tdur ?? 0) / 1000);
  }
  return longest;
}

/** How a watch traces its phases: the categories, and who gets each phase's events (to keep them). */
export interface WatchOptions {
  trace?: boolean;
  categories?: readonly string[];
  onTrace?: (phase: string, events: TraceEvent[]) => void;
}

type Watch = { browser: PipeBrowser; page: PipePage; options: WatchOptions };

/** Run a phase: its action, then wait until the page settles; its long tasks and main-thread CPU (traced when asked). */
async function phase(w: Watch, name: string, action: () => Promise<unknown>, quietMs?: number): Promise<TaskPhase> {
  const traced = w.options.trace === true;
  if (traced) await w.browser.startTracing(w.options.categories ?? ['toplevel']);
  const cpu = await w.page.threadMs();
  const started = now();
  await action();
  const settled = await settle(w.page, started, quietMs);
  const frames = settled.frames;
  const trace = traced ? await w.browser.stopTracing() : null;
  if (trace) w.options.onTrace?.(name, trace);
  return {
    longestCpuMs: trace ? longestTaskCpu(trace) : null,
    phase: name,
    wallMs: Math.max(0, settled.wallMs),
    longestMs: Math.max(0, ...settled.tasks),
    over50: settled.tasks.filter((d) => d > 50).length,
    longestFrameMs: frames ? Math.max(0, ...frames) : null,
    framesOver50: frames ? frames.filter((d) => d > 50).length : 0,
    cpuMs: (await w.page.threadMs()) - cpu,
  };
}

/** A list in a tab drawn whole: at least `rows` of its items, nothing in the tab busy. */
function drawn(p: PipePage, tab: string, items: string, rows: number): Promise<void> {
  const panel = JSON.stringify(`.mm-panel-${tab}`);
  return p.waitFor(`document.querySelectorAll(${panel} + ' ' + ${JSON.stringify(items)}).length >= ${rows} && !document.querySelector(${panel} + ' [aria-busy="true"]')`);
}

/** The table's pages after the first and a header press, and the cards' second page: each a phase. */
async function listPhases(w: Watch, tab: 'table' | 'cards'): Promise<TaskPhase[]> {
  const p = w.page;
  const items = tab === 'table' ? 'tbody > tr' : '.mm-card-grid > .mm-card';
  const page = tab === 'table' ? 100 : 12;
  const phases: TaskPhase[] = [];
  if (tab === 'table') {
    await drawn(p, tab, items, page);
    phases.push(await phase(w, 'table header (owner) pressed', async () => {
      await p.click('.mm-panel-table th.mm-col-owner button');
      await p.waitFor(`document.querySelector('.mm-panel-table th.mm-col-owner')?.getAttribute('aria-sort') === 'ascending'`);
      await drawn(p, tab, items, page);
    }));
  }
  for (let k = 1; k <= (tab === 'table' ? 4 : 1); k++) {
    await drawn(p, tab, items, page * k);
    phases.push(await phase(w, `${tab} Show more (${page * k} → ${page * (k + 1)})`, async () => {
      await p.click(`.mm-panel-${tab} .mm-show-more`);
      await drawn(p, tab, items, page * (k + 1));
    }));
  }
  return phases;
}

/**
 * The dashboard page's phases in one browser (a one-paragraph `blank.html` beside the page loaded
 * first, the reference); traced when asked, each phase's longest task's CPU time too.
 */
export async function watchDashboard(page: string, options: WatchOptions = {}): Promise<{ phases: TaskPhase[]; blank: TaskPhase }> {
  const browser = PipeBrowser.launch(CHROMIUM, CHROMIUM_ARGS, CHROMIUM_CPUS);
  try {
    const p = await browser.newPage(1360, 900);
    await p.addInitScript(watchTasks.toString());
    const w: Watch = { browser, page: p, options };
    const blank = await phase({ ...w, options: {} }, 'blank page', () => p.goto(pathToFileURL(join(page, '..', 'blank.html')).href), 500);
    const phases = [await phase(w, 'page opened, board shown', async () => {
      await p.goto(pathToFileURL(page).href);
      await p.waitFor(`document.querySelector('.mm-board-item') !== null`);
    })];
    for (const tab of TABS) {
      phases.push(await phase(w, `${tab} tab`, () => p.click(`[data-mm-tab="${tab}"]`)));
      if (tab === 'table' || tab === 'cards') phases.push(...(await listPhases(w, tab)));
    }
    phases.push(await phase(w, 'text filter typed', () => p.fill('input.mm-filter-text', 'pay')));
    return { phases, blank };
  } finally {
    browser.close();
  }
}

/** A phase's long animation frames, as the log and the report print them. */
export function frameText(ph: TaskPhase): string {
  const frames = ph.longestFrameMs === null || ph.longestFrameMs === undefined ? 'frames not reported' : `longest frame ${Math.round(ph.longestFrameMs)} ms (${ph.framesOver50 ?? 0} over 50)`;
  return ph.longestCpuMs === null || ph.longestCpuMs === undefined ? frames : `${frames}, longest task's CPU ${Math.round(ph.longestCpuMs)} ms`;
}

export async function dashboardTasks(notes: number, seed: number, log: (line: string) => void): Promise<DashboardTasks> {
  const vault = loadVault(notes, seed);
  const work = mkdtempSync(join(tmpdir(), 'mm-bench-tasks-'));
  const page = join(work, 'dashboard.html');
  try {
    const built = spawnSync(process.execPath, ['dist/cli/maturity-map.mjs', 'dashboard', vault.dir, '--today', TODAY, '-o', page], { encoding: 'utf8' });
    if (built.status !== 0) throw new Error(`maturity-map dashboard failed: ${built.stderr}`);
    const components = Number(/\((\d+) components/.exec(built.stderr)?.[1] ?? NaN);
    writeFileSync(join(work, 'blank.html'), '<!doctype html><html><head><meta charset="utf-8"><title>blank</title></head><body><p>blank</p></body></html>');
    const { phases, blank } = await watchDashboard(page, { trace: true });
    const pageBytes = statSync(page).size;
    log(`  dashboard ${components} components: page ${(pageBytes / 1e6).toFixed(2)} MB`);
    for (const ph of phases) log(`  dashboard ${components} components, ${ph.phase}: longest task ${Math.round(ph.longestMs)} ms, ${ph.over50} tasks over 50 ms, ${frameText(ph)}, main thread CPU ${Math.round(ph.cpuMs)} ms (${Math.round(ph.wallMs)} ms to settle)`);
    log(`  reference, a one-paragraph page: longest task ${Math.round(blank.longestMs)} ms, main thread CPU ${Math.round(blank.cpuMs)} ms`);
    return { components, pageBytes, phases, blankLongestMs: blank.longestMs };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
