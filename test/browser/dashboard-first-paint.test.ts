// The dashboard's first paint in Chromium: what the board's own task draws is what the first frame
// shows (each column's next parts come a frame apart, pages.ts frameSlicing). Animation frames are
// held here (requestAnimationFrame never calls back), so the page stays at that first paint: each
// column must reach the window's bottom edge, or hold all its items, and the task stays within its
// 36 items. Session 18 drew 2 items a column there, and the columns grew over the next frames.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, it } from 'vitest';
import { writeVault } from '../../bench/generator/write';
import { describeWithChromium } from './chromium';
import { dashboardSuite } from './dashboard-suite';

describeWithChromium('the dashboard’s first paint (Chromium)', () => {
  const vault = writeVault({ notes: 300, seed: 5 }).dir;
  const { pages, browser, shots } = dashboardSuite('first-paint', { generated: vault });

  it.each([{ width: 1400, height: 900 }, { width: 1000, height: 1200 }])('fills each board column to the bottom of a $width × $height window', async (viewport) => {
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
    await page.screenshot({ path: join(shots, `dashboard-first-paint-${viewport.width}x${viewport.height}.png`) });
    expect(columns.filter((c) => c.count > 0).length).toBeGreaterThanOrEqual(3);
    for (const column of columns) {
      if (column.drawn < column.count) expect(column.bottom, `${column.stage}: ${column.drawn} of ${column.count} drawn`).toBeGreaterThanOrEqual(viewport.height);
    }
    expect(columns.reduce((n, c) => n + c.drawn, 0)).toBeLessThanOrEqual(36);
    expect(errors).toEqual([]);
    await context.close();
  });
});
