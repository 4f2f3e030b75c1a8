// The dashboard's table in Chromium: its columns are declared (table.ts fixedColumns), so the parts
// of a page that come a frame apart, and a header press, leave every column where it was. With the
// auto layout each part could widen a column, and Chromium laid the whole table out again for each
// part: at 10k notes the frame after the fourth part took 49–69 ms of CPU (benchmarks.md,
// session 23). Its rows are flex boxes of those columns, not table rows: a table row, even of a
// fixed layout, made Chromium walk every row at each part (the frames of a page from 400 to 500
// rows: 26–76 ms, session 24), while the accessibility tree stays the table's. Counted, not timed:
// the widths at every frame, where each cell lies, what overflows its column, the tree's roles.
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { writeVault } from '../../bench/generator/write';
import { describeWithChromium } from './chromium';
import { dashboardSuite, openDashboard } from './dashboard-suite';

interface Frame {
  rows: number;
  widths: number[];
}

/** At every animation frame from now on: the table's rows and its columns' widths. */
function watchFrames(page: Page): Promise<void> {
  return page.evaluate(() => {
    const w = window as unknown as { mmFrames: Array<{ rows: number; widths: number[] }> };
    w.mmFrames = [];
    const tick = () => {
      const table = document.querySelector('.mm-panel-table .mm-table');
      if (table) w.mmFrames.push({ rows: table.querySelectorAll('tbody tr').length, widths: [...table.querySelectorAll('thead th')].map((th) => th.getBoundingClientRect().width) });
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}

/**
 * The frames watched so far, read once two more frames have passed: the watcher's tick after the
 * page's last part is then in them. Read at once, a wait that saw the last part could come back
 * before the watcher recorded it (a full run under load: 25, 50 and 75 rows, not 100).
 */
const frames = (page: Page) =>
  page.evaluate(async () => {
    await new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
    return (window as unknown as { mmFrames: Frame[] }).mmFrames;
  });

/** Cells that do not lie under their column's header (left edge and width, to half a pixel). */
function misaligned(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const heads = [...document.querySelectorAll('.mm-panel-table thead th')].map((th) => th.getBoundingClientRect());
    const out: string[] = [];
    for (const tr of document.querySelectorAll('.mm-panel-table tbody tr')) {
      [...tr.children].forEach((td, i) => {
        const box = td.getBoundingClientRect();
        if (Math.abs(box.left - heads[i]!.left) > 0.5 || Math.abs(box.width - heads[i]!.width) > 0.5) out.push(`${tr.getAttribute('data-mm-id')} ${td.className}`);
      });
    }
    return out;
  });
}

/** The roles Chromium's accessibility tree gives the table tab (the only table shown), counted. */
async function tableRoles(page: Page): Promise<Record<string, number>> {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: Array<{ role?: { value?: string }; ignored?: boolean }> };
  const roles: Record<string, number> = {};
  for (const n of nodes) {
    const role = n.role?.value ?? '';
    if (!n.ignored && ['table', 'grid', 'rowgroup', 'row', 'columnheader', 'rowheader', 'cell', 'gridcell'].includes(role)) roles[role] = (roles[role] ?? 0) + 1;
  }
  await cdp.detach();
  return roles;
}

/** The first page (100 rows) drawn, nothing busy. */
const pageDrawn = (page: Page) => page.waitForFunction(() => document.querySelectorAll('.mm-panel-table tbody tr').length === 100 && !document.querySelector('.mm-panel-table [aria-busy="true"]'));

/** Headers, stage badges and bars wider than their cell's content box. */
function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>('.mm-panel-table th button.mm-sort, .mm-panel-table td .mm-stage, .mm-panel-table td .mm-mini-progress')) {
      const cell = el.closest('th, td')!;
      const style = getComputedStyle(cell);
      const right = cell.getBoundingClientRect().right - parseFloat(style.paddingRight) - parseFloat(style.borderRightWidth);
      if (el.getBoundingClientRect().right > right + 0.5) out.push(`${cell.className}: ${el.textContent}`);
    }
    return out;
  });
}

describeWithChromium('the dashboard’s table columns (Chromium)', () => {
  const vault = writeVault({ notes: 300, seed: 5 }).dir;
  const { pages, browser } = dashboardSuite('table-columns', { generated: vault });

  /** Each column's width in ems of the table's font, by column id. */
  const columnEms = (page: Page) => page.locator('.mm-panel-table thead th').evaluateAll((ths) => Object.fromEntries(ths.map((th) => [th.className.split(' ')[0]!.replace('mm-col-', ''), Math.round((th.getBoundingClientRect().width / parseFloat(getComputedStyle(th).fontSize)) * 100) / 100])));

  it('keeps every column’s width while the first page comes a part a frame, and through a header press', async () => {
    const { page, errors, context } = await openDashboard(browser(), pages['generated']!, { viewport: { width: 1360, height: 900 } });
    await page.waitForSelector('.mm-board-item');
    await watchFrames(page);
    await page.locator('[data-mm-tab="table"]').click();
    await pageDrawn(page);
    const drawing = await frames(page);
    // The page grew a part a frame (the frames this test watched), as the dashboard draws it: at
    // most 25 rows a part, fewer when a part has run its budget (pacing.ts PART_BUDGET_MS).
    const counts = [...new Set(drawing.map((f) => f.rows))].filter((n) => n > 0);
    expect(counts.length).toBeGreaterThanOrEqual(4);
    expect(counts.at(-1)).toBe(100);
    counts.forEach((n, i) => expect(n - (counts[i - 1] ?? 0)).toBeLessThanOrEqual(25));
    // Rows of flex boxes (main: table rows), every cell under its header, and still a table of 100
    // rows of 9 cells and a header row to assistive technology.
    expect(await page.locator('.mm-panel-table tbody tr').first().evaluate((tr) => getComputedStyle(tr).display)).toBe('flex');
    expect(await misaligned(page)).toEqual([]);
    expect(await tableRoles(page)).toEqual({ table: 1, rowgroup: 1, row: 101, columnheader: 9, cell: 900 });
    const widths = drawing.find((f) => f.rows > 0)!.widths;
    expect(widths).toHaveLength(9);
    for (const frame of drawing.filter((f) => f.rows > 0)) expect(frame.widths, `${frame.rows} rows`).toEqual(widths);

    await watchFrames(page);
    await page.locator('.mm-panel-table th.mm-col-owner button').click();
    await expect.poll(() => page.locator('.mm-panel-table th.mm-col-owner').getAttribute('aria-sort')).toBe('ascending');
    await pageDrawn(page);
    for (const frame of (await frames(page)).filter((f) => f.rows > 0)) expect(frame.widths, `sorted, ${frame.rows} rows`).toEqual(widths);
    expect(await misaligned(page)).toEqual([]);

    // Readable: each column holds its header, badges and bars, and the table fits the window.
    expect(await overflowing(page)).toEqual([]);
    expect(await page.locator('.mm-panel-table .mm-table-wrap').evaluate((w) => w.scrollWidth <= w.clientWidth)).toBe(true);
    // The name, owner and group share what the other columns leave.
    const ems = await columnEms(page);
    expect(ems['name']).toBeGreaterThan(10);
    expect(ems['owner']).toBeCloseTo(ems['name']!, 1);
    expect(ems['group']).toBeCloseTo(ems['name']!, 1);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('on a narrow window keeps its columns’ widths and scrolls inside its box, the page as wide as the window', async () => {
    const { page, errors, context } = await openDashboard(browser(), pages['generated']!, { viewport: { width: 800, height: 900 } });
    await page.locator('[data-mm-tab="table"]').click();
    await pageDrawn(page);
    expect(await overflowing(page)).toEqual([]);
    const wrap = page.locator('.mm-panel-table .mm-table-wrap');
    expect(await wrap.evaluate((w) => w.scrollWidth > w.clientWidth)).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(800);
    // The columns of known shapes are as wide as on a wide window; the name, owner and group have their headers' room.
    const ems = await columnEms(page);
    expect(ems).toMatchObject({ stage: 13, progress: 8.5, readiness: 8.5, updated: 8.25, blockers: 10.5, problems: 7.75 });
    for (const text of ['name', 'owner', 'group']) expect(ems[text]).toBeGreaterThanOrEqual(8.5);
    expect(errors).toEqual([]);
    await context.close();
  });
});
