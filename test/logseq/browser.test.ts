// The built plugin in Chromium (Debian's, driven by playwright-core): a Logseq-like page runs the
// fake 0.10.x host with Logseq's CSS rules that reach into injected UI; the plugin folder runs in
// its own iframe from another origin and talks to the host through the real SDK. Saves the
// screenshots of a page card, a query board and the dashboard. Skipped with a notice when Chromium is absent, unless
// MATURITY_MAP_REQUIRE_BROWSER=1 makes that a failure (CI).
import { afterAll, beforeAll, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ROOT } from '../helpers/vault';
import { CHROMIUM, CHROMIUM_ARGS, describeWithChromium } from '../browser/chromium';
import { openLogseqPage, type LogseqPage } from './browser/page';

// Screenshots refresh docs/ only on request (`npm run screenshots`), so a test run leaves the tree clean.
const SHOTS = process.env['MATURITY_MAP_UPDATE_SCREENSHOTS'] === '1' ? join(ROOT, 'docs/screenshots') : mkdtempSync(join(tmpdir(), 'mm-logseq-shots-'));
const MACROS = ['{{renderer :maturity}}', '{{renderer :maturity-query, view=table}}', '{{renderer :maturity-query, stage=development, staging, view=board}}', '{{renderer :maturity-query, view=graph}}'];

describeWithChromium('the Logseq plugin in Chromium', () => {
  let browser: Browser;
  let logseq: LogseqPage;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    logseq = await openLogseqPage(browser, MACROS);
    page = logseq.page;
    errors = logseq.errors;
    mkdirSync(SHOTS, { recursive: true });
  });

  afterAll(async () => {
    await logseq?.close();
    await browser?.close();
  });

  it('renders a page card into a macro slot (screenshot)', async () => {
    await page.evaluate(() => {
      document.getElementById('page-title')!.textContent = 'Billing Engine Maturity Status';
      window.mmRenderMacro('Components/Billing Engine.md', '{{renderer :maturity}}', 'block-1');
    });
    const card = page.locator('#block-1 .mm-card');
    await card.waitFor();
    expect(await card.locator('.mm-card-title').textContent()).toBe('Billing Engine');
    // Logseq's reading of the page follows once its text is pulled again (none is kept).
    await card.locator('.mm-logseq-reading li').first().waitFor();
    expect(await card.locator('.mm-logseq-reading li').count()).toBeGreaterThan(0);
    await page.locator('main').screenshot({ path: join(SHOTS, 'logseq-card.png') });
    // Logseq's dark theme: the card follows the host's --ls-* variables.
    await page.evaluate(() => document.documentElement.setAttribute('data-theme', 'dark'));
    const background = await card.evaluate((el) => getComputedStyle(el.closest('.mm')!).getPropertyValue('--mm-bg').trim());
    expect(background).toBe('#002b36');
    await page.locator('main').screenshot({ path: join(SHOTS, 'logseq-card-dark.png') });
    await page.evaluate(() => document.documentElement.setAttribute('data-theme', 'light'));
  });

  it('renders a query board into another slot (screenshot)', async () => {
    await page.evaluate(() => {
      document.getElementById('block-1')!.replaceChildren();
      document.getElementById('page-title')!.textContent = 'Nov 20th, 2026';
      window.mmRenderMacro('Daily/2026-11-20.md', '{{renderer :maturity-query, stage=development, staging, view=board}}', 'block-2');
    });
    const board = page.locator('#block-2 .mm-board');
    await board.waitFor();
    expect(await board.locator('.mm-board-item').count()).toBeGreaterThan(5);
    await page.locator('main').screenshot({ path: join(SHOTS, 'logseq-query-board.png') });
  });

  it('a query table: Show more appends rows that line up under the head’s columns (screenshot)', async () => {
    await page.evaluate(() => {
      document.getElementById('block-2')!.replaceChildren();
      window.mmRenderMacro('Daily/2026-11-20.md', '{{renderer :maturity-query, view=table}}', 'block-2');
    });
    const rows = page.locator('#block-2 tr[data-mm-id], #block-2 [role="row"][data-mm-id]');
    await expect.poll(() => rows.count()).toBe(10);
    await page.locator('#block-2').getByRole('button', { name: /Show more/ }).click();
    await expect.poll(() => rows.count()).toBeGreaterThan(10);
    // The appended rows are <div role="row">s (Logseq drops a <tr> it parses in a <div>): laid out
    // by the styles as rows of the same table, each cell under its column's header.
    const layout = await page.evaluate(() => {
      const lefts = (cells: Iterable<Element>) => [...cells].map((c) => Math.round(c.getBoundingClientRect().left));
      return {
        head: lefts(document.querySelectorAll('#block-2 .mm-table thead th')),
        appended: [...document.querySelectorAll('#block-2 [role="row"][data-mm-id]')].map((row) => lefts(row.querySelectorAll('[role="cell"]'))),
      };
    });
    expect(layout.head.length).toBeGreaterThan(3);
    expect(layout.appended.length).toBeGreaterThan(0);
    for (const row of layout.appended) expect(row).toEqual(layout.head);
    await page.locator('main').screenshot({ path: join(SHOTS, 'logseq-query-table.png') });
    await page.evaluate(() => document.getElementById('block-2')!.replaceChildren());
  });

  it('a graph in a slot: nodes take clicks despite Logseq’s svg { pointer-events: none }; focus, hops and zoom work', async () => {
    await page.evaluate(() => {
      document.getElementById('block-2')!.replaceChildren();
      window.mmRenderMacro('Daily/2026-11-20.md', '{{renderer :maturity-query, view=graph}}', 'block-1');
    });
    const graph = page.locator('#block-1 .mm-graph');
    await graph.locator('svg [role="button"][data-mm-id]').first().waitFor({ timeout: 10_000 });
    // A node drawn inside the visible canvas, clicked where it is drawn: Chromium's hit test, with
    // Logseq's CSS in force.
    const target = await page.evaluate(() => {
      const canvas = document.querySelector('#block-1 .mm-graph-canvas svg')!.getBoundingClientRect();
      for (const node of document.querySelectorAll('#block-1 svg [role="button"][data-mm-id]')) {
        const r = node.getBoundingClientRect();
        const x = r.x + r.width / 2;
        const y = r.y + r.height / 2;
        if (x > canvas.left + 5 && x < canvas.right - 5 && y > canvas.top + 5 && y < canvas.bottom - 5) return { x, y, id: node.getAttribute('data-mm-id')! };
      }
      return null;
    });
    expect(target).not.toBeNull();
    // The drawing's later layers (injected into a holder inside its first piece) lie exactly over the first.
    const boxes = await page.evaluate(() => [...document.querySelectorAll('#block-1 .mm-graph-canvas svg.mm-graph-svg')].map((svg) => JSON.stringify(svg.getBoundingClientRect())));
    expect(boxes.length).toBeGreaterThan(1);
    expect(new Set(boxes).size).toBe(1);
    const before = await page.evaluate(() => window.mmFake.navigations.length);
    await page.mouse.click(target!.x, target!.y);
    await page.waitForFunction((n) => window.mmFake.navigations.length > n, before, { timeout: 5000 });
    expect(await page.evaluate(() => window.mmFake.navigations.at(-1)?.route)).toBe('page');

    const viewBox = () => graph.locator('.mm-graph-canvas svg').first().getAttribute('viewBox');
    const start = await viewBox();
    await graph.getByRole('button', { name: 'Zoom in' }).click();
    await page.waitForFunction((v) => document.querySelector('#block-1 .mm-graph-canvas svg')?.getAttribute('viewBox') !== v, start, { timeout: 5000 });
    const zoomed = (await viewBox())!.split(' ').map(Number);
    expect(zoomed[2]).toBeLessThan(start!.split(' ').map(Number)[2]!);

    const nodes = () => page.locator('#block-1 svg [role="button"][data-mm-id]').count();
    const all = await nodes();
    await graph.locator('select.mm-graph-focus').selectOption('Components/Ledger.md');
    await page.waitForFunction(() => document.querySelector('#block-1 select.mm-graph-focus option[selected]')?.getAttribute('value') === 'Components/Ledger.md', undefined, { timeout: 5000 });
    // The toolbar and the drawing are pieces a task apart, and the old drawing stays until the new one is in.
    await page.waitForFunction(() => document.querySelector('#block-1 .mm-graph-status')?.textContent?.startsWith('Ledger') === true, undefined, { timeout: 5000 });
    expect(await nodes()).toBeLessThan(all);
    await graph.locator('input.mm-graph-hops').fill('1');
    await graph.locator('input.mm-graph-hops').dispatchEvent('change');
    await page.waitForFunction(() => (document.querySelector('#block-1 input.mm-graph-hops') as HTMLInputElement | null)?.getAttribute('value') === '1', undefined, { timeout: 5000 });
    await page.locator('main').screenshot({ path: join(SHOTS, 'logseq-slot-graph.png') });
  });

  it('opens the dashboard from the toolbar in Logseq’s theme (read by the host); a click navigates to the page (screenshot)', async () => {
    await page.evaluate(() => document.documentElement.setAttribute('data-theme', 'dark'));
    await page.evaluate(() => window.mmToggleMain());
    const frame = page.frameLocator('#lsp-main-ui');
    await frame.locator('.mm-board-item').first().waitFor();
    // The frame is on another origin: it cannot read its parent's styles; the host answered.
    await expect.poll(() => frame.locator('html').evaluate((el) => (el as HTMLElement).style.getPropertyValue('--ls-primary-background-color'))).toBe('#002b36');
    await page.evaluate(() => window.mmToggleMain());
    await page.evaluate(() => document.documentElement.setAttribute('data-theme', 'light'));
    await page.evaluate(() => window.mmToggleMain());
    await expect.poll(() => frame.locator('html').evaluate((el) => (el as HTMLElement).style.getPropertyValue('--ls-primary-background-color'))).toBe('#ffffff');
    await frame.locator('.mm-board-item').first().waitFor();
    await page.screenshot({ path: join(SHOTS, 'logseq-dashboard.png') });
    await frame.getByRole('tab', { name: 'Graph' }).click();
    await frame.locator('svg .mm-graph-node, svg [data-mm-id]').first().waitFor();
    await page.screenshot({ path: join(SHOTS, 'logseq-graph.png') });
    await frame.getByRole('tab', { name: 'Board' }).click();
    const before = await page.evaluate(() => window.mmFake.navigations.length);
    await frame.locator('.mm-board-item[data-mm-id="Components/Ledger.md"]').click();
    await page.waitForFunction((n) => window.mmFake.navigations.length > n, before);
    expect(await page.evaluate(() => window.mmFake.navigations.at(-1))).toEqual({ route: 'page', params: { name: 'Ledger Maturity Status' } });
    expect(errors).toEqual([]);
  });
});
