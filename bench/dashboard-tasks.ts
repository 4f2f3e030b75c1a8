// The dashboard of a 10k-note vault (~9,300 components) in Chromium, watched for long tasks: the
// page opened, each tab shown, the text filter typed. Every host shows this same dashboard (the
// standalone page here; Obsidian's and Logseq's views render the same src/render code), and none
// may hold the main thread over 50 ms. The browser's own `longtask` entries are the measure; the
// reference, same browser and run, is a one-paragraph page's load.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { TODAY } from './core-bench';
import { loadVault } from './corpus';
import { now } from './measure';

export interface TaskPhase {
  phase: string;
  /** From the action to the page settled (no task for a quiet while), ms. */
  wallMs: number;
  longestMs: number;
  over50: number;
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

/** In the page, before its scripts: collect the browser's long tasks. */
const watchTasks = () => {
  const w = window as unknown as { mmTasks: number[] };
  w.mmTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) w.mmTasks.push(entry.duration);
  }).observe({ type: 'longtask', buffered: true });
};

/** Wait until no long task has come for `quietMs`, then take the tasks since the last take. */
async function settle(p: Page, started: number, quietMs = 1500): Promise<{ wallMs: number; tasks: number[] }> {
  let seen = -1;
  let lastChange = now();
  for (;;) {
    await p.waitForTimeout(250);
    const count = await p.evaluate(() => (window as unknown as { mmTasks: number[] }).mmTasks.length);
    if (count !== seen) {
      seen = count;
      lastChange = now();
    } else if (now() - lastChange >= quietMs) break;
  }
  const tasks = await p.evaluate(() => {
    const w = window as unknown as { mmTasks: number[] };
    const taken = w.mmTasks;
    w.mmTasks = [];
    return taken;
  });
  return { wallMs: lastChange - started, tasks };
}

function phaseOf(phase: string, settled: { wallMs: number; tasks: number[] }): TaskPhase {
  return { phase, wallMs: Math.max(0, settled.wallMs), longestMs: Math.max(0, ...settled.tasks), over50: settled.tasks.filter((d) => d > 50).length };
}

async function watchDashboard(page: string): Promise<{ phases: TaskPhase[]; blankLongestMs: number }> {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const p = await browser.newPage({ viewport: { width: 1360, height: 900 } });
    await p.addInitScript(watchTasks);
    let t = now();
    await p.goto(pathToFileURL(join(page, '..', 'blank.html')).href);
    const blank = phaseOf('blank page', await settle(p, t, 500));
    t = now();
    await p.goto(pathToFileURL(page).href);
    await p.waitForSelector('.mm-board-item', { timeout: 300_000 });
    const phases = [phaseOf('page opened, board shown', await settle(p, t))];
    for (const tab of TABS) {
      t = now();
      await p.locator(`[data-mm-tab="${tab}"]`).first().click({ timeout: 300_000 });
      phases.push(phaseOf(`${tab} tab`, await settle(p, t)));
    }
    t = now();
    await p.locator('input.mm-filter-text').first().fill('pay', { timeout: 300_000 });
    phases.push(phaseOf('text filter typed', await settle(p, t)));
    return { phases, blankLongestMs: blank.longestMs };
  } finally {
    await browser.close();
  }
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
    const { phases, blankLongestMs } = await watchDashboard(page);
    for (const ph of phases) log(`  dashboard ${components} components, ${ph.phase}: longest task ${Math.round(ph.longestMs)} ms, ${ph.over50} tasks over 50 ms (${Math.round(ph.wallMs)} ms to settle)`);
    log(`  reference, a one-paragraph page: longest task ${Math.round(blankLongestMs)} ms`);
    return { components, pageBytes: statSync(page).size, phases, blankLongestMs };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
