// The standalone page's Graph tab over more components than the graph draws (2,000), in Chromium:
// the notice that counts them needs only the count, so the page's first script shows it with the
// graph's controls and never runs the graph script (render/dashboard/graph-notice.ts). Choosing a
// component under Focus, from the keyboard, runs it once and draws that neighbourhood, the focus
// menu keeping the keyboard. The graph script's runs are counted where it leaves its exports.
import { pathToFileURL } from 'node:url';
import { expect, it } from 'vitest';
import { writeVault } from '../../bench/generator/write';
import { describeWithChromium } from './chromium';
import { dashboardSuite } from './dashboard-suite';

/** Before the page's scripts: each run of the graph script (its exports set on `mmGraphScript`) counted in `mmGraphRuns`. */
function countGraphScriptRuns(): void {
  const w = window as unknown as { mmGraphRuns: number };
  w.mmGraphRuns = 0;
  let exported: unknown;
  Object.defineProperty(window, 'mmGraphScript', {
    configurable: true,
    get: () => exported,
    set: (value: unknown) => {
      w.mmGraphRuns++;
      exported = value;
    },
  });
}

describeWithChromium('the dashboard’s graph notice (Chromium)', () => {
  const vault = writeVault({ notes: 2300, seed: 1 });
  const { pages, browser } = dashboardSuite('graph-notice', { large: vault.dir });

  it('shows the notice over 2,000 components without the graph script, and runs it once a component is focused from the keyboard', async () => {
    const context = await browser().newContext({ viewport: { width: 1360, height: 900 }, deviceScaleFactor: 1 });
    await context.addInitScript(countGraphScriptRuns);
    const page = await context.newPage();
    const errors: string[] = [];
    const workers: string[] = [];
    page.on('worker', (worker) => workers.push(worker.url()));
    page.on('pageerror', (err) => errors.push(String(err)));
    page.on('console', (msg) => {
      if (msg.type() === 'error' || msg.type() === 'warning') errors.push(msg.text());
    });
    await page.goto(pathToFileURL(pages['large']!).href);
    await page.waitForSelector('.mm-board-item');
    const runs = () => page.evaluate(() => (window as unknown as { mmGraphRuns: number }).mmGraphRuns);
    const components = await page.evaluate(() => [...document.querySelectorAll('.mm-board-count')].reduce((n, e) => n + Number(e.textContent?.trim() ?? 0), 0));
    expect(components).toBeGreaterThan(2000);

    await page.locator('[data-mm-tab="graph"]').click();
    const notice = page.locator('.mm-panel-graph .mm-graph-too-many');
    await expect.poll(() => notice.textContent()).toBe(`${components.toLocaleString('en')} components are more than the graph draws at once (2,000). Narrow the list with filters or query options, or choose a component under Focus to see its neighbourhood.`);
    // The controls and legend are there; nothing is busy; the graph script never ran.
    expect(await page.locator('.mm-panel-graph .mm-graph-toolbar .mm-graph-focus').count()).toBe(1);
    expect(await page.locator('.mm-panel-graph .mm-graph-legend').count()).toBe(1);
    expect(await page.locator('.mm-panel-graph [aria-busy]').count()).toBe(0);
    await page.waitForTimeout(300);
    expect(await runs()).toBe(0);
    // Nor is the layout worker started for a page whose graph is a notice: the one worker is the
    // one that inflated the page's data (inflate-worker.ts).
    expect(workers).toHaveLength(1);

    // The focus menu from the keyboard: it fills as it takes focus; the first component chosen.
    await page.locator('.mm-panel-graph .mm-graph-focus').focus();
    await page.keyboard.press('ArrowDown');
    await page.waitForFunction(() => document.querySelector('.mm-panel-graph .mm-graph-canvas svg .mm-node') !== null && document.querySelector('.mm-panel-graph [aria-busy]') === null, null, { timeout: 60_000 });
    expect(await runs()).toBe(1);
    expect(workers).toHaveLength(2);
    const focused = await page.evaluate(() => {
      const menu = document.activeElement as HTMLSelectElement | null;
      return { isMenu: menu?.classList.contains('mm-graph-focus') === true, value: menu?.value ?? '', inView: menu?.closest('.mm-panel-graph') !== null };
    });
    expect(focused.isMenu).toBe(true);
    expect(focused.inView).toBe(true);
    expect(focused.value).not.toBe('');
    expect(await page.locator(`.mm-panel-graph .mm-node[data-mm-id="${focused.value}"]`).count()).toBe(1);
    expect(await notice.count()).toBe(0);

    // The next component: the same script draws it, nothing runs again.
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLSelectElement | null)?.value)).not.toBe(focused.value);
    await page.waitForFunction(() => document.querySelector('.mm-panel-graph [aria-busy]') === null);
    expect(await runs()).toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  });
});
