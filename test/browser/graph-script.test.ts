// The standalone page's graph script in Chromium: the graph's code (the graph view) is a text block
// the page runs as an inline script of its own when the Graph tab is first drawn
// (src/render/dashboard/graph-script.ts), allowed by its hash in the page's CSP; until then the
// page neither compiles nor runs it (benchmarks.md, session 23). It leaves its exports in
// `mmGraphScript`. d3-dag is in the layout block, which runs in a worker: its top level makes an
// Int32Array and a Float64Array (its solver's scratch), counted here to see that the page's main
// thread never runs it.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, it } from 'vitest';
import { exampleCounts } from '../cli/run';
import { describeWithChromium } from './chromium';
import { dashboardSuite, openDashboard } from './dashboard-suite';

const N = exampleCounts();

/**
 * Before the page's scripts: d3-dag's scratch arrays (an Int32Array and a Float64Array of 1,024) and
 * the graph script's runs (its exports left in `mmGraphScript`) counted in `mmScratch`.
 */
function countScratch(): void {
  const made = { Int32Array: 0, Float64Array: 0, graphScript: 0 };
  (window as unknown as { mmScratch: typeof made }).mmScratch = made;
  let exported: unknown;
  Object.defineProperty(window, 'mmGraphScript', {
    configurable: true,
    get: () => exported,
    set: (value: unknown) => {
      made.graphScript++;
      exported = value;
    },
  });
  const counting = (name: 'Int32Array' | 'Float64Array') => {
    const Base = window[name] as unknown as new (...args: unknown[]) => object;
    (window as unknown as Record<string, unknown>)[name] = class extends Base {
      constructor(...args: unknown[]) {
        super(...args);
        if (args[0] === 1024) made[name]++;
      }
    };
  };
  counting('Int32Array');
  counting('Float64Array');
}

describeWithChromium('the dashboard’s graph script (Chromium)', () => {
  const { work, pages, browser, shots } = dashboardSuite('graph-script', { dashboard: 'examples/vault' });

  it('runs the graph’s code only when the Graph tab opens (here from the keyboard), and draws the graph', async () => {
    const opened = await browser().newContext({ viewport: { width: 1360, height: 900 }, deviceScaleFactor: 1 });
    await opened.addInitScript(countScratch);
    const page = await opened.newPage();
    const errors: string[] = [];
    const requests: string[] = [];
    page.on('console', (msg) => {
      if (msg.type() === 'error' || msg.type() === 'warning') errors.push(msg.text());
    });
    page.on('pageerror', (err) => errors.push(String(err)));
    page.on('request', (request) => {
      if (!request.url().startsWith('file:')) requests.push(request.url());
    });
    const workers: string[] = [];
    page.on('worker', (worker) => workers.push(worker.url()));
    // A deep link to a component: its card opens with the board, and the graph selects it once drawn.
    await page.goto(`${pathToFileURL(pages['dashboard']!).href}#component=Components%2FLedger.md`);
    await page.waitForSelector('.mm-board-item');
    await expect.poll(() => page.locator('.mm-details h2').textContent()).toBe('Ledger');
    const arrays = () => page.evaluate(() => (window as unknown as { mmScratch: Record<string, number> }).mmScratch);
    expect(await arrays()).toEqual({ Int32Array: 0, Float64Array: 0, graphScript: 0 });

    await page.locator('button[data-mm-tab="board"]').focus();
    await page.keyboard.press('ArrowRight');
    await page.waitForSelector('.mm-node');
    expect(await page.locator('.mm-node').count()).toBe(N.components);
    expect(await page.locator('.mm-node.mm-selected').getAttribute('data-mm-id')).toBe('Components/Ledger.md');
    // The graph script ran; the layout was the worker's: d3-dag never ran on the page's main thread.
    expect(await arrays()).toEqual({ Int32Array: 0, Float64Array: 0, graphScript: 1 });
    // The graph script ran once; its element is gone, its text block (and the layout worker's) stays, one executable script
    // (the data's chunk blocks, `mm-data-<list>-<k>`, aside).
    expect(await page.evaluate(() => [...document.querySelectorAll('script:not([id^="mm-data-"])')].map((s) => s.getAttribute('type') ?? 'script'))).toEqual(['application/json', 'text/plain', 'text/plain', 'script']);
    await page.screenshot({ path: join(shots, 'graph-script-graph-tab.png') });

    // Away and back, and a filter: the same code draws again, nothing runs twice.
    const before = await arrays();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowLeft');
    await page.locator('.mm-filter-text').fill('Ledger');
    await expect.poll(() => page.locator('.mm-node').count()).toBe(1);
    expect(await arrays()).toEqual(before);
    expect(errors).toEqual([]);
    // Nothing fetched but the data's inflate worker and the layout worker's code, from the page's
    // own memory through blob: URLs.
    expect(workers).toHaveLength(2);
    expect(requests).toEqual(workers);
    await opened.close();
  });

  it('says so in the Graph tab when the page’s policy does not allow the graph script; the other tabs still work', async () => {
    const html = readFileSync(pages['dashboard']!, 'utf8');
    const [, first, second, third] = /script-src (&#39;sha256-[^&]+&#39;) (&#39;sha256-[^&]+&#39;) (&#39;sha256-[^&]+&#39;);/.exec(html) ?? [];
    expect(third).toBeDefined();
    const blocked = join(work, 'blocked.html');
    writeFileSync(blocked, html.replace(`script-src ${first} ${second} ${third};`, `script-src ${first} ${third};`));
    const { page: p, errors } = await openDashboard(browser(), blocked);
    await p.locator('[data-mm-tab="graph"]').click();
    await expect.poll(() => p.locator('.mm-panel-graph .mm-graph-failed').textContent()).toBe('The graph could not be loaded (its script did not run). The other views still show every component.');
    expect(await p.locator('.mm-node').count()).toBe(0);
    await p.screenshot({ path: join(shots, 'graph-script-blocked.png') });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/Content Security Policy/);
    await p.locator('[data-mm-tab="table"]').click();
    await expect.poll(() => p.locator('.mm-panel-table tr[data-mm-id]').count()).toBe(N.components);
  });
});
