// The Cards tab in Chromium. Its cards are drawn `content-visibility: auto`: one off screen is not
// laid out, and until it has been it is as tall as its `contain-intrinsic-size`. A fixed 26em was a
// fifth of a generated vault's cards (~2,200 px), so "Show more", which scrolls to the bottom of the
// grid, brought ten never-drawn cards into view at once and one frame laid out ~2,150 elements
// (benchmarks.md, session 25). Each card now carries its own estimate (dashboard/card-size.ts):
// checked here against the height Chromium gives it, and, counted, how many cards a frame lays out
// after "Show more". Since session 28 the grid's cards are laid out ahead, two a frame once the grid
// is idle (dashboard/card-warm.ts): going to the grid's end then lays out none.
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { writeVault } from '../../bench/generator/write';
import { describeWithChromium } from './chromium';
import { dashboardSuite, openDashboard } from './dashboard-suite';

const CARDS = '.mm-panel-cards .mm-card-grid > .mm-card';

/** Show the Cards tab and press "Show more" until `count` cards are drawn and none is being drawn. */
async function showCards(page: Page, count: number): Promise<void> {
  await page.locator('[data-mm-tab="cards"]').first().click();
  for (let drawn = 12; ; drawn += 12) {
    await page.waitForFunction(([sel, n]) => document.querySelectorAll(String(sel)).length >= Number(n) && !document.querySelector('.mm-panel-cards [aria-busy="true"]'), [CARDS, Math.min(drawn, count)] as const);
    if (drawn >= count) return;
    await page.locator('.mm-panel-cards .mm-show-more').first().click();
  }
}

/** Each card's estimate and its own height (laid out, not stretched to its row), px. */
function estimatesAndHeights(page: Page): Promise<Array<{ id: string; estimate: number; height: number }>> {
  return page.locator(CARDS).evaluateAll((cards) => cards.map((card) => {
    const style = getComputedStyle(card);
    const estimate = parseFloat(style.getPropertyValue('--mm-card-height')) * parseFloat(style.fontSize);
    return { id: card.getAttribute('data-mm-id') ?? '', estimate, height: card.getBoundingClientRect().height };
  }));
}

describeWithChromium('the dashboard’s Cards tab (Chromium)', () => {
  const vault = writeVault({ notes: 300, seed: 5 }).dir;
  const { pages, browser } = dashboardSuite('cards', { generated: vault, example: 'examples/vault' });

  for (const name of ['generated', 'example'] as const) {
    it(`sizes each card not yet laid out within a third of its height (${name})`, async () => {
      // Every card laid out at its own height: what the estimate stands in for.
      const { page, errors, context } = await openDashboard(browser(), pages[name]!, { viewport: { width: 1360, height: 900 }, bypassCSP: true });
      await page.addStyleTag({ content: '.mm-card-grid > .mm-card { content-visibility: visible !important; align-self: start; }' });
      await showCards(page, name === 'generated' ? 36 : 18);
      const cards = await estimatesAndHeights(page);
      expect(cards.length).toBe(name === 'generated' ? 36 : 18);
      const off = cards.filter((c) => !(c.estimate > c.height * 0.67 && c.estimate < c.height * 1.5));
      expect(off).toEqual([]);
      expect(errors).toEqual([]);
      await context.close();
    });
  }

  it('lays out what a frame shows after "Show more", not the ten cards a 26em placeholder let into view', async () => {
    const { page, errors, context } = await openDashboard(browser(), pages['generated']!, { viewport: { width: 1360, height: 900 } });
    await showCards(page, 12);
    // Per frame from the press on: the elements of the cards laid out so far (a card's contents are
    // skipped until it is; a closed <details>' contents are never laid out).
    await page.evaluate((sel) => {
      const w = window as unknown as { mmLaidOut: number[] };
      w.mmLaidOut = [];
      const seen = new Set<Element>();
      let elements = 0;
      const shown = (card: Element) => card.querySelectorAll('*').length - [...card.querySelectorAll('details:not([open])')].reduce((n, d) => n + d.querySelectorAll('*').length - d.querySelectorAll('summary, summary *').length, 0);
      const tick = () => {
        for (const card of document.querySelectorAll(sel)) {
          if (seen.has(card) || !card.firstElementChild?.checkVisibility({ contentVisibilityAuto: true })) continue;
          seen.add(card);
          elements += shown(card);
        }
        w.mmLaidOut.push(elements);
        if (w.mmLaidOut.length < 120) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    }, CARDS);
    await page.locator('.mm-panel-cards .mm-show-more').first().click();
    await page.waitForFunction((sel) => document.querySelectorAll(sel).length >= 24 && !document.querySelector('.mm-panel-cards [aria-busy="true"]'), CARDS);
    const laidOut = await page.evaluate(() => (window as unknown as { mmLaidOut: number[] }).mmLaidOut);
    const perFrame = laidOut.slice(1).map((n, i) => n - laidOut[i]!);
    // Main laid ten whole cards out in one frame (2,512 elements); here a frame lays out 700 or
    // so, and on a loaded machine two parts may land in one frame (1,092 seen).
    expect(Math.max(...perFrame)).toBeLessThanOrEqual(1300);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('lays the grid’s cards out ahead, two a frame, so going to its end lays out none of them', async () => {
    const { page, errors, context } = await openDashboard(browser(), pages['generated']!, { viewport: { width: 1360, height: 900 } });
    // Per frame from the tab's click: the cards laid out so far (a card's contents are skipped
    // until it is, by checkVisibility's contentVisibilityAuto).
    await page.evaluate((sel) => {
      const w = window as unknown as { mmCardsLaidOut: number[] };
      w.mmCardsLaidOut = [];
      const tick = () => {
        w.mmCardsLaidOut.push([...document.querySelectorAll(sel)].filter((card) => card.firstElementChild?.checkVisibility({ contentVisibilityAuto: true })).length);
        if (w.mmCardsLaidOut.length < 150) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    }, CARDS);
    await showCards(page, 12);
    await page.waitForFunction(() => (window as unknown as { mmCardsLaidOut: number[] }).mmCardsLaidOut.length >= 150);
    const laidOut = await page.evaluate(() => (window as unknown as { mmCardsLaidOut: number[] }).mmCardsLaidOut);
    // Every card of the page laid out, none of them off screen left for later (main: the four or so
    // in view, the other eight when they come into view).
    expect(laidOut.at(-1)).toBe(12);
    // A frame lays out the tab's first part (three cards) or two cards ahead, not more.
    const perFrame = laidOut.slice(1).map((n, i) => n - laidOut[i]!);
    expect(Math.max(...perFrame)).toBeLessThanOrEqual(3);
    // Going to the grid's end brings no card into view that is not laid out already.
    const before = await page.locator(CARDS).evaluateAll((cards) => cards.filter((card) => card.firstElementChild?.checkVisibility({ contentVisibilityAuto: true })).length);
    await page.locator('.mm-panel-cards .mm-show-more').first().scrollIntoViewIfNeeded();
    expect(before).toBe(12);
    // The cards ahead are drawn as before: the same containment as a card on screen.
    expect(await page.locator(CARDS).first().evaluate((card) => [getComputedStyle(card).contentVisibility, getComputedStyle(card).contain])).toEqual(['visible', 'content']); // layout style paint
    expect(errors).toEqual([]);
    await context.close();
  });

  it('keeps a tab it leaves laid out but hidden: not painted, not focusable, not in the accessibility tree', async () => {
    // Leaving a table of 500 rows with display: none tore its layout tree down in the click's task
    // (26-40 ms of style at 10k notes, benchmarks.md session 25); content-visibility: hidden keeps it.
    const { page, errors, context } = await openDashboard(browser(), pages['generated']!, { viewport: { width: 1360, height: 900 } });
    await page.locator('[data-mm-tab="table"]').first().click();
    await page.waitForFunction(() => document.querySelectorAll('.mm-panel-table tbody tr').length >= 100 && !document.querySelector('.mm-panel-table [aria-busy="true"]'));
    await showCards(page, 12);
    const table = page.locator('.mm-panel-table');
    expect(await table.evaluate((panel) => [getComputedStyle(panel).contentVisibility, panel.getBoundingClientRect().height, panel.querySelectorAll('tbody tr').length])).toEqual(['hidden', 0, 100]);
    const cdp = await context.newCDPSession(page);
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: Array<{ ignored: boolean; role?: { value?: string } }> };
    expect(nodes.filter((n) => !n.ignored && n.role?.value === 'tabpanel')).toHaveLength(1);
    // The table's first row, as the accessibility tree has it: ignored, as under display: none.
    const { root } = (await cdp.send('DOM.getDocument', { depth: 0 })) as { root: { nodeId: number } };
    const { nodeId } = (await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: '.mm-panel-table tbody tr' })) as { nodeId: number };
    const row = (await cdp.send('Accessibility.getPartialAXTree', { nodeId, fetchRelatives: false })) as { nodes: Array<{ ignored: boolean }> };
    expect(row.nodes.map((n) => n.ignored)).toEqual([true]);
    await page.locator('[data-mm-tab="cards"]').first().focus();
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      expect(await table.evaluate((panel) => panel.contains(document.activeElement))).toBe(false);
    }
    // Back on the table: the same rows, shown.
    await page.locator('[data-mm-tab="table"]').first().click();
    expect(await table.evaluate((panel) => [getComputedStyle(panel).contentVisibility, panel.getBoundingClientRect().height > 500, panel.querySelectorAll('tbody tr').length])).toEqual(['visible', true, 100]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
