// The standalone page lays its graph out in a Web Worker, as the plugins do: the layout worker's
// code is a text block of the page, which the graph script starts from a Blob URL (the page's CSP
// allows `worker-src blob:`, src/render/dashboard/graph-script.ts). Opened from file:// in Chromium
// (an opaque origin, the page's real case). The main thread's layouts are counted by the page's
// work counters (`workCount.graphLayouts`, which the graph script leaves in `mmGraphScript`); the
// worker has its own. A policy without `worker-src` leaves the page drawing the same graph itself.
// The worker starts once the page is idle after its first paint, so the first Graph tab does not
// wait for its thread and compile. The graph's model reads the page's light components (`workCount.detailsJoined`: no card's detail
// joined for it), which hold all it reads.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { expect, it } from 'vitest';
import { writeVault } from '../../bench/generator/write';
import { describeWithChromium } from './chromium';
import { dashboardSuite } from './dashboard-suite';

interface GraphOpened {
  /** Each node's id and place, each edge's ends and route, as drawn. */
  geometry: string[];
  nodes: number;
  /** Components on the board (every one is in the graph). */
  components: number;
  /** Layouts run on the page's main thread. */
  layoutsHere: number;
  /** The layout block ran as a script of the page (its layout left in `mmLayoutBlock`). */
  layoutBlockHere: boolean;
  /** Components whose card detail the page joined (readiness computed) to draw the graph. */
  detailsJoined: number;
  workers: string[];
  /** Workers started before the Graph tab was shown (the page idle after its first paint). */
  workersBeforeTab: number;
  /** Requests for anything but the page's file. */
  requests: string[];
  errors: string[];
  notices: number;
}

const graphSettled = () => document.querySelector('.mm-panel-graph .mm-graph-canvas svg') !== null && document.querySelector('.mm-panel-graph [aria-busy]') === null;

type Counted = { mmGraphScript?: { workCount?: { graphLayouts: number; detailsJoined: number } } };
const layoutsHere = () => (window as unknown as Counted).mmGraphScript?.workCount?.graphLayouts ?? -1;
const detailsJoined = () => (window as unknown as Counted).mmGraphScript?.workCount?.detailsJoined ?? -1;

/** Open `file`, show its Graph tab and wait until every node and edge is drawn; `shot` the graph. */
async function openGraph(browser: Browser, file: string, shot: string): Promise<GraphOpened & { filterAgain: (text: string) => Promise<{ nodes: number; layoutsHere: number; workers: number }>; openNode: () => Promise<number>; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: { width: 1360, height: 900 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const errors: string[] = [];
  const requests: string[] = [];
  const workers: string[] = [];
  page.on('pageerror', (err) => errors.push(String(err)));
  page.on('console', (msg) => {
    if (msg.type() === 'error' || msg.type() === 'warning') errors.push(msg.text());
  });
  page.on('request', (request) => {
    if (request.url() !== pathToFileURL(file).href) requests.push(request.url());
  });
  page.on('worker', (worker) => workers.push(worker.url()));
  await page.goto(pathToFileURL(file).href);
  await page.waitForSelector('.mm-board-item');
  const components = await page.evaluate(() => [...document.querySelectorAll('.mm-board-count')].reduce((n, e) => n + Number(e.textContent?.trim() ?? 0), 0));
  // The page idle after its first paint: the layout worker starts then, if it may (no tab is
  // waiting for it), after the worker that inflated the page's data (inflate-worker.ts).
  for (let waited = 0; workers.length < 2 && waited < 5_000; waited += 100) await page.waitForTimeout(100);
  const workersBeforeTab = workers.length;
  await page.locator('[data-mm-tab="graph"]').click();
  await page.waitForFunction(graphSettled, null, { timeout: 60_000 });
  const geometry = await page.evaluate(() => {
    const nodes = [...document.querySelectorAll('.mm-panel-graph .mm-graph-nodes > g')].map((g) => `${g.getAttribute('data-mm-id') ?? g.getAttribute('data-mm-external')} ${['x', 'y', 'width', 'height'].map((a) => g.querySelector('.mm-node-box')?.getAttribute(a)).join(',')}`);
    const edges = [...document.querySelectorAll('.mm-panel-graph .mm-graph-edges > path')].map((p) => `${p.getAttribute('data-from')} → ${p.getAttribute('data-to')} ${p.getAttribute('d')}`);
    return [...nodes, ...edges];
  });
  const opened = {
    geometry,
    nodes: await page.locator('.mm-panel-graph .mm-node').count(),
    components,
    layoutsHere: await page.evaluate(layoutsHere),
    layoutBlockHere: await page.evaluate(() => typeof (window as unknown as { mmLayoutBlock?: unknown }).mmLayoutBlock === 'object'),
    detailsJoined: await page.evaluate(detailsJoined),
    workers,
    workersBeforeTab,
    requests,
    errors,
    notices: await page.locator('.mm-panel-graph .mm-empty').count(),
  };
  await page.screenshot({ path: shot });
  const filterAgain = async (text: string) => {
    await page.locator('.mm-filter-text').fill(text);
    await page.waitForFunction(graphSettled, null, { timeout: 60_000 });
    return { nodes: await page.locator('.mm-panel-graph .mm-node').count(), layoutsHere: await page.evaluate(layoutsHere), workers: workers.length };
  };
  const openNode = async () => {
    await page.locator('.mm-panel-graph .mm-node').first().focus();
    await page.keyboard.press('Enter');
    await page.waitForSelector('.mm-details h2');
    return page.evaluate(detailsJoined);
  };
  return { ...opened, filterAgain, openNode, close: () => context.close() };
}

describeWithChromium('the dashboard’s graph layout worker (Chromium)', () => {
  const vault = writeVault({ notes: 1000, seed: 1 }).dir;
  const { work, pages, browser, shots } = dashboardSuite('page-worker', { generated: vault });
  let inWorker: GraphOpened | undefined;

  it('lays out a 1k graph in a worker started from a blob: URL of the file:// page: no layout on the main thread, no card detail joined', async () => {
    const opened = await openGraph(browser(), pages['generated']!, join(shots, 'page-worker-graph.png'));
    inWorker = opened;
    expect(opened.components).toBeGreaterThan(900);
    expect(opened.nodes).toBe(opened.components);
    expect(opened.notices).toBe(0);
    // The layout worker, from the page's own memory (an opaque origin's blob: URL), started while
    // the page was idle before the Graph tab was shown, after the data's inflate worker (the first);
    // nothing else fetched.
    expect(opened.workersBeforeTab).toBe(2);
    expect(opened.workers).toHaveLength(2);
    for (const url of opened.workers) expect(url).toMatch(/^blob:null\//);
    expect(opened.requests).toEqual(opened.workers);
    expect(opened.layoutsHere).toBe(0);
    expect(opened.layoutBlockHere).toBe(false);
    // The graph model read the light components: no card's detail joined, no readiness computed.
    expect(opened.detailsJoined).toBe(0);
    expect(opened.errors).toEqual([]);
    // A filter lays the graph out again, in the same worker.
    const again = await opened.filterAgain('Service');
    expect(again.nodes).toBeGreaterThan(0);
    expect(again.nodes).toBeLessThan(opened.nodes);
    expect(again).toMatchObject({ layoutsHere: 0, workers: 2 });
    // A node opened: its card joins details (its own, and its dependencies' for their lines).
    expect(await opened.openNode()).toBeGreaterThan(0);
    expect(opened.errors).toEqual([]);
    await opened.close();
  });

  it('lays out on the main thread when the page’s policy allows no worker: the same drawing, no notice', async () => {
    const html = readFileSync(pages['generated']!, 'utf8');
    expect(html.includes('; worker-src blob:;'), 'the page’s policy allows blob: workers').toBe(true);
    const blocked = join(work, 'no-worker.html');
    writeFileSync(blocked, html.replace('; worker-src blob:;', ';'));
    const opened = await openGraph(browser(), blocked, join(shots, 'page-worker-blocked-graph.png'));
    expect(opened.nodes).toBe(opened.components);
    expect(opened.notices).toBe(0);
    expect(opened.workers).toEqual([]);
    expect(opened.layoutsHere).toBe(1);
    // With the layout block's code, the page's one copy of d3-dag, run as a script of the page.
    expect(opened.layoutBlockHere).toBe(true);
    // Chromium says why on the console, for the inflate worker and the layout worker; the page says nothing.
    expect(opened.errors).toHaveLength(2);
    for (const e of opened.errors) expect(e).toMatch(/^Creating a worker from 'blob:null\/[^']+' violates the following Content Security Policy directive/);
    // Coordinate for coordinate what the worker drew.
    expect(inWorker).toBeDefined();
    expect(opened.geometry.length).toBeGreaterThan(opened.nodes);
    expect(opened.geometry).toEqual(inWorker!.geometry);
    await opened.close();
  });
});
