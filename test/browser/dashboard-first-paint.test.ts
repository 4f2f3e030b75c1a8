// The dashboard's first paint in Chromium: what the board's own task draws is what the first frame
// shows (each column's next parts come a frame apart, pages.ts frameSlicing). Animation frames are
// held here (requestAnimationFrame never calls back), so the page stays at that first paint: each
// column must reach the window's bottom edge, or hold all its items, and the task stays within its
// 24 items (on a tall window they run out first). Session 18 drew 2 items a column there, and the
// columns grew over the next frames.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, it } from 'vitest';
import { writeVault } from '../../bench/generator/write';
import { describeWithChromium } from './chromium';
import { dashboardSuite } from './dashboard-suite';

describeWithChromium('the dashboard’s first paint (Chromium)', () => {
  const vault = writeVault({ notes: 300, seed: 5 }).dir;
  const { pages, browser, shots } = dashboardSuite('first-paint', { generated: vault });

  /** The page at its first paint: each column's items drawn, its count, and its last item's bottom edge. */
  async function firstPaint(viewport: { width: number; height: number }, shot: string): Promise<Array<{ stage: string | null; drawn: number; count: number; bottom: number }>> {
    const context = await browser().newContext({ viewport, deviceScaleFactor: 1 });
    await context.addInitScript(() => {
      window.requestAnimationFrame = () => 0;
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(String(err)));
    await page.goto(pathToFileURL(pages['generated']!).href);
    await page.waitForSelector('.mm-board-item');
    // The board's task is over once its items are in; nothing else may come while frames are held.
    await page.waitForTimeout(300);
    const columns = await page.evaluate(() => [...document.querySelectorAll('.mm-board-column')].map((column) => {
      const drawn = [...column.querySelectorAll('.mm-board-item')];
      const count = Number(column.querySelector('.mm-board-count')?.textContent ?? 0);
      return { stage: column.getAttribute('data-mm-stage'), drawn: drawn.length, count, bottom: Math.round(drawn.at(-1)?.getBoundingClientRect().bottom ?? 0) };
    }));
    await page.screenshot({ path: join(shots, shot) });
    expect(errors).toEqual([]);
    await context.close();
    return columns;
  }

  it.each([{ width: 1400, height: 900 }, { width: 1280, height: 800 }])('fills each board column to the bottom of a $width × $height window', async (viewport) => {
    const columns = await firstPaint(viewport, `dashboard-first-paint-${viewport.width}x${viewport.height}.png`);
    expect(columns.filter((c) => c.count > 0).length).toBeGreaterThanOrEqual(3);
    for (const column of columns) {
      if (column.drawn < column.count) expect(column.bottom, `${column.stage}: ${column.drawn} of ${column.count} drawn`).toBeGreaterThanOrEqual(viewport.height);
    }
    expect(columns.reduce((n, c) => n + c.drawn, 0)).toBeLessThanOrEqual(24);
  });

  it('on a tall window the columns share 24 items', async () => {
    const columns = await firstPaint({ width: 1000, height: 1600 }, 'dashboard-first-paint-tall.png');
    const filled = columns.filter((c) => c.count > 0);
    const share = Math.floor(24 / filled.length);
    expect(filled.map((c) => c.drawn)).toEqual(filled.map((c) => Math.min(c.count, share)));
  });
});
