// The renderer's benchmarks: the dependency graph laid out for 2,000 generated components
// (src/render's d3-dag layout, no DOM), and the standalone dashboard of 1,000 components opened
// in Chromium (playwright-core driving Debian's /usr/bin/chromium) until the board is painted (its
// first-contentful-paint) and until every board item is drawn, then until the graph tab has drawn
// every node.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { coordGreedy, decrossDfs, graph, layeringLongestPath, sugiyama } from 'd3-dag';
import { buildGraphModel, createIndex, withoutExternals } from '../src/core/index';
import { layoutInputs } from '../src/render/graph/draw';
import { layoutGraph, type LayoutResult } from '../src/render/graph/layout';
import { layoutQuality } from './layout-quality';
import { TODAY } from './core-bench';
import { dashboardTasks } from './dashboard-tasks';
import { loadVault } from './corpus';
import { median, now } from './measure';
import type { RenderFigures } from './report';

export interface RenderBenchOptions {
  quick: boolean;
  seed: number;
  log: (line: string) => void;
  /** Open the dashboard in Chromium too (default). */
  paint?: boolean;
}

const CHROMIUM = process.env['MATURITY_MAP_CHROMIUM'] ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];

/** Notes to generate for at least `components` component notes (7% are not components). */
function notesFor(components: number): number {
  return Math.ceil(components / 0.9);
}

/**
 * The reference: d3-dag's stock Sugiyama with its cheapest operators (longest-path layering,
 * depth-first order, greedy coordinates) on the same graph. Ours does more (promotion, crossing
 * sweeps, packing), so the ratio says what that costs, free of the machine's load.
 */
function referenceLayout(inputs: ReturnType<typeof layoutInputs>, edges: ReadonlyArray<{ from: string; to: string }>): void {
  const dag = graph<string, undefined>();
  const byId = new Map(inputs.map((n) => [n.id, dag.node(n.id)]));
  const seen = new Set<string>();
  for (const e of edges) {
    const key = `${e.from}\u0000${e.to}`;
    if (e.from === e.to || seen.has(key)) continue;
    seen.add(key);
    dag.link(byId.get(e.from)!, byId.get(e.to)!);
  }
  sugiyama().nodeSize([44, 160]).gap([14, 60]).layering(layeringLongestPath()).decross(decrossDfs()).coord(coordGreedy())(dag);
}

interface Timed {
  ms: number;
  /** User + system CPU of this process, ms. */
  cpu: number;
}

function timed(fn: () => void): Timed {
  const cpu = process.cpuUsage();
  const start = now();
  fn();
  const ms = now() - start;
  const used = process.cpuUsage(cpu);
  return { ms, cpu: (used.user + used.system) / 1000 };
}

export function layoutBench(components: number, reps: number, seed: number): NonNullable<RenderFigures['layout']> {
  const vault = loadVault(notesFor(components), seed);
  const index = createIndex({ today: TODAY });
  vault.paths.forEach((p, i) => index.upsert(p, vault.texts[i]!));
  const ids = index.ids().slice(0, components);
  const model = withoutExternals(buildGraphModel(index, ids));
  const inputs = layoutInputs(model);
  const edges = model.edges.map((e) => ({ from: e.from, to: e.to }));
  // Interleaved, so a burst of load from elsewhere falls on both, and each goes first every other
  // time (the first to run pays for warming d3-dag's shared code). Wall and CPU time per run: a
  // shared machine inflates the wall time of a pinned process, not the CPU time it gets.
  const ours: Timed[] = [];
  const reference: Timed[] = [];
  let last: LayoutResult | null = null;
  for (let rep = 0; rep < reps; rep++) {
    const order = rep % 2 === 0 ? ['ours', 'reference'] : ['reference', 'ours'];
    for (const which of order) {
      if (which === 'ours') ours.push(timed(() => (last = layoutGraph(inputs, edges))));
      else reference.push(timed(() => referenceLayout(inputs, edges)));
    }
  }
  const runs = ours.map((t) => t.ms);
  const referenceRuns = reference.map((t) => t.ms);
  const cpuRuns = ours.map((t) => t.cpu);
  const referenceCpuRuns = reference.map((t) => t.cpu);
  const medianMs = median(runs);
  const referenceMedianMs = median(referenceRuns);
  return {
    components: ids.length,
    edges: edges.length,
    medianMs,
    runs,
    referenceMedianMs,
    referenceRuns,
    ratio: medianMs / referenceMedianMs,
    cpuMedianMs: median(cpuRuns),
    cpuRuns,
    referenceCpuMedianMs: median(referenceCpuRuns),
    referenceCpuRuns,
    cpuRatio: median(cpuRuns) / median(referenceCpuRuns),
    // Counted after the timing, from the last run's result.
    ...(last ? { quality: layoutQuality(last) } : {}),
  };
}

/** Two animation frames after the call: what the page had was painted. */
const painted = (p: Page) => p.evaluate(() => new Promise<number>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now())))));

/** The browser's first-contentful-paint: the page paints nothing before its app draws the board. */
const firstPaint = (p: Page) =>
  p.evaluate(() => new Promise<number>((resolve) => {
    new PerformanceObserver((list, observer) => {
      const entry = list.getEntries().find((e) => e.name === 'first-contentful-paint');
      if (!entry) return;
      observer.disconnect();
      resolve(entry.startTime);
    }).observe({ type: 'paint', buffered: true });
  }));

/** In the page: when the first board item entered it (before that paint, or the paint was something else). */
const noteBoard = () => {
  new MutationObserver((_, observer) => {
    if (!document.querySelector('.mm-board-item')) return;
    (window as unknown as { mmBoardAt: number }).mmBoardAt = performance.now();
    observer.disconnect();
  }).observe(document, { childList: true, subtree: true });
};

/** In the page: the board's components, by its column counts (a long column draws a page at a time). */
const boardTotal = () => [...document.querySelectorAll('.mm-board-count')].reduce((n, e) => n + Number(e.textContent?.trim() ?? 0), 0);

/** In the page: ask for every page of every column, one after another, as a reader pressing "Show more" would. */
const everyPage = async () => {
  for (let more = document.querySelector<HTMLElement>('.mm-board .mm-show-more'); more; more = document.querySelector<HTMLElement>('.mm-board .mm-show-more')) {
    more.click();
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
};

const VIEWPORT = { viewport: { width: 1360, height: 900 }, deviceScaleFactor: 1 };

/** The reference: a page with one paragraph, opened and timed the same way in the same browser. */
async function blankPaint(browser: Browser, blankPage: string): Promise<number> {
  const context = await browser.newContext(VIEWPORT);
  const r = await context.newPage();
  await r.goto(pathToFileURL(blankPage).href, { waitUntil: 'commit' });
  await r.waitForSelector('.mm-board-item', { timeout: 120_000 });
  const at = await firstPaint(r);
  await context.close();
  return at;
}

interface PaintRun {
  board: number;
  frames: number;
  complete: number;
  graph: number;
  shown: number;
}

/** One opening of the dashboard: first paint, every page of the board, then the graph tab until every node is drawn. */
async function dashboardPaint(browser: Browser, page: string, log: (line: string) => void): Promise<PaintRun> {
  const context = await browser.newContext(VIEWPORT);
  const p = await context.newPage();
  const errors: string[] = [];
  p.on('pageerror', (err) => errors.push(String(err)));
  await p.addInitScript(noteBoard);
  await p.goto(pathToFileURL(page).href, { waitUntil: 'commit' });
  await p.waitForSelector('.mm-board-item', { timeout: 120_000 });
  // Two animation frames after the driver saw the board: the measure until session 3, kept beside.
  const frames = await painted(p);
  const paintAt = await firstPaint(p);
  const boardAt = await p.evaluate(() => (window as unknown as { mmBoardAt?: number }).mmBoardAt ?? Infinity);
  if (boardAt > paintAt) throw new Error(`the first paint (${paintAt} ms) came before the board (${boardAt} ms)`);
  const shown = await p.evaluate(boardTotal);
  await p.evaluate(everyPage);
  const complete = await p.evaluate(() => performance.now());
  if ((await p.locator('.mm-board-item').count()) !== shown) throw new Error('the board did not draw every page');
  const t = now();
  await p.locator('[data-mm-tab="graph"]').click();
  await p.waitForFunction((n) => document.querySelectorAll('.mm-node').length >= n, shown, { timeout: 300_000, polling: 50 });
  await p.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  const graph = now() - t;
  if (errors.length > 0) log(`  page errors: ${errors.join('; ')}`);
  await context.close();
  return { board: paintAt, frames, complete, graph, shown };
}

export async function paintBench(components: number, reps: number, seed: number, log: (line: string) => void): Promise<NonNullable<RenderFigures['paint']>> {
  const vault = loadVault(notesFor(components), seed);
  // The dashboard page, built by the CLI as a user would (the bench script builds dist first).
  const work = mkdtempSync(join(tmpdir(), 'mm-bench-paint-'));
  const page = join(work, 'dashboard.html');
  const built = spawnSync(process.execPath, ['dist/cli/maturity-map.mjs', 'dashboard', vault.dir, '--today', TODAY, '-o', page], { encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`maturity-map dashboard failed: ${built.stderr}`);
  const pageBytes = statSync(page).size;
  const blankPage = join(work, 'blank.html');
  writeFileSync(blankPage, '<!doctype html><html><head><meta charset="utf-8"><title>blank</title></head><body><p class="mm-board-item">blank</p></body></html>');
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const blank: number[] = [];
  const runs: PaintRun[] = [];
  try {
    for (let rep = 0; rep < reps; rep++) {
      blank.push(await blankPaint(browser, blankPage));
      runs.push(await dashboardPaint(browser, page, log));
    }
  } finally {
    await browser.close();
    rmSync(work, { recursive: true, force: true });
  }
  const series = (key: keyof PaintRun) => runs.map((r) => r[key]);
  const board = series('board');
  return {
    components: runs[runs.length - 1]?.shown ?? 0,
    medianMs: median(board),
    runs: board,
    framesMedianMs: median(series('frames')),
    framesRuns: series('frames'),
    completeMedianMs: median(series('complete')),
    completeRuns: series('complete'),
    graphMedianMs: median(series('graph')),
    graphRuns: series('graph'),
    pageBytes,
    blankMedianMs: median(blank),
    blankRuns: blank,
  };
}

export async function renderBench(options: RenderBenchOptions): Promise<RenderFigures> {
  const layoutComponents = options.quick ? 200 : 2000;
  const paintComponents = options.quick ? 100 : 1000;
  options.log(`graph layout of ${layoutComponents} components`);
  const layout = layoutBench(layoutComponents, options.quick ? 1 : 5, options.seed);
  if (options.paint === false) return { layout, paint: null, pendingReason: 'skipped (--skip-paint)' };
  if (!existsSync(CHROMIUM)) {
    options.log(`${CHROMIUM} is missing: dashboard paint not measured`);
    return { layout, paint: null, pendingReason: `${CHROMIUM} missing` };
  }
  options.log(`dashboard of ${paintComponents} components in Chromium`);
  const paint = await paintBench(paintComponents, options.quick ? 1 : 3, options.seed, options.log);
  const taskNotes = options.quick ? 1000 : 10_000;
  options.log(`dashboard of ${taskNotes} notes in Chromium, watched for long tasks`);
  const tasks = await dashboardTasks(taskNotes, options.seed, options.log);
  return { layout, paint, tasks };
}
