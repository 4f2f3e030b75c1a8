// Every action of the standalone dashboard from the keyboard alone, in Chromium, light and dark:
// real key presses (Tab, Enter, Space, arrows, + - 0 F Escape) from the top of the page through
// the filters, the view tabs, board items, the graph (toolbar, pan, zoom, fit, nodes), timeline
// rows, sortable table headers and cards. At each stop: which element has focus, and that its
// focus indicator is visible (the pixels around it change when focus leaves; the ring stands out
// 3:1 from the background). Close-ups of the rings go to docs/screenshots with
// MATURITY_MAP_UPDATE_SCREENSHOTS=1.
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { describeWithChromium } from './chromium';
import { dashboardSuite, openDashboard } from './dashboard-suite';
import { focused, lookAtFocus, type FocusLook } from './focus';

describeWithChromium('the dashboard from the keyboard (Chromium)', () => {
  const { shots, pages, browser } = dashboardSuite('keyboard', { example: 'examples/vault' });

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`reaches every action with visible focus (${colorScheme})`, async () => {
      const { page: p, context } = await openDashboard(browser(), pages['example']!, { colorScheme });
      // The page's script builds the dashboard after load: start once it is there.
      await p.locator('.mm-board-item').first().waitFor();
      const looks: FocusLook[] = [];
      /** Press `key`, expect focus on `selector`, and look at its indicator. */
      const press = async (key: string, selector: string, shot?: string) => {
        await p.keyboard.press(key);
        expect(await p.evaluate((s) => document.activeElement?.matches(s) ?? false, selector), `${key} → ${selector}, focus is on ${await focused(p)}`).toBe(true);
        looks.push(await lookAtFocus(p, shot ? join(shots, `focus-${shot}-${colorScheme}.png`) : undefined));
      };
      const boardCount = () => p.locator('.mm-panel-board:not([hidden]) .mm-board-item').count();

      // The header and the filters, in page order.
      await press('Tab', 'button.mm-theme-switch');
      await press('Tab', 'input.mm-filter-text');
      const all = await boardCount();
      await p.keyboard.type('ledger');
      await expect.poll(boardCount).toBe(1);
      await p.keyboard.press('Control+A');
      await p.keyboard.press('Backspace');
      await expect.poll(boardCount).toBe(all);
      await press('Tab', 'select.mm-filter-stage');
      await press('Tab', 'input.mm-filter-blocked');
      await p.keyboard.press('Space');
      await expect.poll(boardCount).toBeLessThan(all);
      await p.keyboard.press('Space');
      await expect.poll(boardCount).toBe(all);
      await press('Tab', 'input.mm-filter-stale');
      await press('Tab', 'input.mm-filter-errors');
      await press('Tab', 'select.mm-filter-order');

      // The tabs (one stop; arrows switch), then into the board: arrows move, Enter opens.
      await press('Tab', 'button[role="tab"][aria-selected="true"][data-mm-tab="board"]');
      await press('Tab', '.mm-board-item', 'board-item');
      await press('ArrowDown', '.mm-board-item');
      const item = await p.evaluate(() => document.activeElement!.querySelector('.mm-board-name')!.textContent);
      await p.keyboard.press('Enter');
      await expect.poll(() => p.locator('.mm-details h2').textContent()).toBe(item);

      // The graph: toolbar controls, the canvas (keys pan, zoom, fit), then its nodes.
      await p.locator('button[data-mm-tab="board"]').focus();
      await press('ArrowRight', 'button[data-mm-tab="graph"][aria-selected="true"]');
      await press('Tab', 'select.mm-graph-focus');
      await press('Tab', 'input.mm-graph-hops');
      await press('Tab', 'input.mm-graph-externals');
      const svg = p.locator('.mm-panel-graph svg.mm-graph-svg');
      const viewBox = () => svg.getAttribute('viewBox');
      await press('Tab', 'button[aria-label="Zoom in"]');
      let before = await viewBox();
      await p.keyboard.press('Enter');
      await expect.poll(viewBox).not.toBe(before);
      await press('Tab', 'button[aria-label="Zoom out"]');
      await press('Tab', 'button[aria-label="Fit the whole graph"]');
      before = await viewBox();
      await p.keyboard.press('Space');
      await expect.poll(viewBox).not.toBe(before);
      await press('Tab', 'svg.mm-graph-svg');
      for (const key of ['+', 'ArrowLeft', 'ArrowDown', '-', '0']) {
        before = await viewBox();
        await p.keyboard.press(key);
        await expect.poll(viewBox, { message: `${key} moves the view` }).not.toBe(before);
      }
      await press('Tab', 'g.mm-node', 'graph-node');
      const nodeId = await p.evaluate(() => document.activeElement!.getAttribute('data-mm-id'));
      await p.keyboard.press('Enter');
      await expect.poll(() => p.locator('.mm-details article.mm-card').getAttribute('data-mm-id')).toBe(nodeId);
      const nodes = await p.locator('.mm-panel-graph .mm-node').count();
      await p.keyboard.press('f');
      await expect.poll(() => p.locator('.mm-panel-graph .mm-node').count()).toBeLessThan(nodes);
      await p.locator('.mm-panel-graph svg.mm-graph-svg').focus();
      await p.keyboard.press('Escape');
      await p.keyboard.press('Escape');
      await expect.poll(() => p.locator('.mm-panel-graph .mm-node').count()).toBe(nodes);

      // The timeline: a row's name, then along the row and down to the next with the arrows.
      await p.locator('button[data-mm-tab="graph"]').focus();
      await press('ArrowRight', 'button[data-mm-tab="timeline"][aria-selected="true"]');
      await press('Tab', '.mm-tl-label a.mm-link');
      await press('ArrowRight', '.mm-tl-item', 'timeline-item');
      await press('ArrowDown', '.mm-tl-item');
      const entry = await p.evaluate(() => document.activeElement!.getAttribute('data-mm-id'));
      await p.keyboard.press('Enter');
      await expect.poll(() => p.evaluate(() => location.hash)).toContain(encodeURIComponent(entry!));

      // The table: each header is a sort button; Enter and Space flip the order.
      await p.locator('button[data-mm-tab="timeline"]').focus();
      await press('ArrowRight', 'button[data-mm-tab="table"][aria-selected="true"]');
      await press('Tab', 'th button.mm-sort', 'sort-header');
      const sort = () => p.locator('.mm-panel-table th').first().getAttribute('aria-sort');
      const first = await sort();
      await p.keyboard.press('Enter');
      await expect.poll(sort).not.toBe(first);
      await p.keyboard.press('Space');
      await expect.poll(sort).toBe(first);

      // The cards: their title links.
      await p.locator('button[data-mm-tab="table"]').focus();
      await press('ArrowRight', 'button[data-mm-tab="cards"][aria-selected="true"]');
      await press('Tab', '.mm-card-title a.mm-link');

      // The details panel closes from the keyboard too.
      await p.locator('.mm-details-close').focus();
      await p.keyboard.press('Enter');
      await expect.poll(() => p.locator('.mm-details h2').count()).toBe(0);

      await context.close();
      if (process.env['MM_FOCUS_LOG']) console.log(looks.map((l) => `${l.focused} ${l.changes} ${l.contrast} ${l.style}`).join('\n'));
      for (const look of looks) {
        expect(look.changes, `${look.focused}: nothing changes when it takes focus`).toBe(true);
        expect(look.contrast, `${look.focused}: focus ring (${look.style}) contrast ${look.contrast}`).toBeGreaterThanOrEqual(3);
      }
      expect(looks.length).toBeGreaterThan(25);
    });
  }
});
