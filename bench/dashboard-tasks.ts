// The dashboard of a 10k-note vault (~9,300 components) in Chromium, watched for long tasks: the
// page opened, each tab shown, the text filter typed. Every host shows this same dashboard (the
// standalone page here; Obsidian's and Logseq's views render the same src/render code), and none
// may hold the main thread over 50 ms. The browser's own `longtask` entries are the measure, and
// its `long-animation-frame` entries beside them (a frame of 50 ms or more from its first task to
// its paint: a table's layout of new rows is a frame's work, not a script's); the reference, same
// browser and run, is a one-paragraph page's load. Each phase's main-thread CPU
// time (the DevTools protocol's `ThreadTime`) is printed beside it: on a shared machine a task's
// length is partly waiting for a core, its CPU time much less so.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CDPSession, Page } from 'playwright-core';
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
}

export interface DashboardTasks {
  components: number;
  pageBytes: number;
  phases: TaskPhase[];
  /** The reference: a one-paragraph page's load, longest task, ms. */
  blankLongestMs: number;
}

const CHROMIUM = process.env['MATURITY_MAP_CHROMIUM'] ?? '/usr/bin/chromium';
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
async function settle(p: Page, started: number, quietMs = 1500): Promise<{ wallMs: number; tasks: number[]; frames: number[] | null }> {
  let seen = -1;
  let lastChange = now();
  for (;;) {
    await p.waitForTimeout(250);
    const count = await p.evaluate(() => ((w: Watched) => w.mmTasks.length + (w.mmFrames?.length ?? 0))(window as unknown as Watched));
    if (count !== seen) {
      seen = count;
      lastChange = now();
    } else if (now() - lastChange >= quietMs) break;
  }
  const taken = await p.evaluate(() => {
    const w = window as unknown as Watched;
    const out = { tasks: w.mmTasks, frames: w.mmFrames };
    w.mmTasks = [];
    if (w.mmFrames) w.mmFrames = [];
    return out;
  });
  return { wallMs: lastChange - started, ...taken };
}

/** The page's main thread's CPU time so far, ms. */
async function threadMs(cdp: CDPSession): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return (metrics.find((m) => m.name === 'ThreadTime')?.value ?? NaN) * 1000;
}

/** Run a phase: its action, then wait until the page settles; its long tasks and main-thread CPU. */
async function phase(p: Page, cdp: CDPSession, name: string, action: () => Promise<unknown>, quietMs?: number): Promise<TaskPhase> {
  const cpu = await threadMs(cdp);
  const started = now();
  await action();
  const settled = await settle(p, started, quietMs);
  const frames = settled.frames;
  return {
    phase: name,
    wallMs: Math.max(0, settled.wallMs),
    longestMs: Math.max(0, ...settled.tasks),
    over50: settled.tasks.filter((d) => d > 50).length,
    longestFrameMs: frames ? Math.max(0, ...frames) : null,
    framesOver50: frames ? frames.filter((d) => d > 50).length : 0,
    cpuMs: (await threadMs(cdp)) - cpu,
  };
}

async function watchDashboard(page: string): Promise<{ phases: TaskPhase[]; blank: TaskPhase }> {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const p = await browser.newPage({ viewport: { width: 1360, height: 900 } });
    await p.addInitScript(watchTasks);
    const cdp = await p.context().newCDPSession(p);
    await cdp.send('Performance.enable');
    const blank = await phase(p, cdp, 'blank page', () => p.goto(pathToFileURL(join(page, '..', 'blank.html')).href), 500);
    const phases = [await phase(p, cdp, 'page opened, board shown', async () => {
      await p.goto(pathToFileURL(page).href);
      await p.waitForSelector('.mm-board-item', { timeout: 300_000 });
    })];
    for (const tab of TABS) phases.push(await phase(p, cdp, `${tab} tab`, () => p.locator(`[data-mm-tab="${tab}"]`).first().click({ timeout: 300_000 })));
    phases.push(await phase(p, cdp, 'text filter typed', () => p.locator('input.mm-filter-text').first().fill('pay', { timeout: 300_000 })));
    return { phases, blank };
  } finally {
    await browser.close();
  }
}

/** A phase's long animation frames, as the log and the report print them. */
export function frameText(ph: TaskPhase): string {
  return ph.longestFrameMs === null || ph.longestFrameMs === undefined ? 'frames not reported' : `longest frame ${Math.round(ph.longestFrameMs)} ms (${ph.framesOver50 ?? 0} over 50)`;
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
    const { phases, blank } = await watchDashboard(page);
    const pageBytes = statSync(page).size;
    log(`  dashboard ${components} components: page ${(pageBytes / 1e6).toFixed(2)} MB`);
    for (const ph of phases) log(`  dashboard ${components} components, ${ph.phase}: longest task ${Math.round(ph.longestMs)} ms, ${ph.over50} tasks over 50 ms, ${frameText(ph)}, main thread CPU ${Math.round(ph.cpuMs)} ms (${Math.round(ph.wallMs)} ms to settle)`);
    log(`  reference, a one-paragraph page: longest task ${Math.round(blank.longestMs)} ms, main thread CPU ${Math.round(blank.cpuMs)} ms`);
    return { components, pageBytes, phases, blankLongestMs: blank.longestMs };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
