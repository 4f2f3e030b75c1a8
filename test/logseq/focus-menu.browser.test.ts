// A large graph slot's focus control in Chromium, through the real SDK and the fake 0.10.x host:
// the reader types part of a name in Find and presses Enter (Chromium's `change`, which the host
// forwards to the model), the menu beside it lists the matches while the field keeps the keyboard
// focus, Tab reaches the menu, and choosing the match focuses the graph on it. axe finds nothing
// in the slot. Screenshot: logseq-slot-graph-find.png.
import { chromium, type Browser, type Page } from 'playwright-core';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { injectAxe, seriousViolations } from '../browser/axe';
import { CHROMIUM, CHROMIUM_ARGS, describeWithChromium } from '../browser/chromium';
import { ROOT } from '../helpers/vault';
import { FOCUS_MENU_MOST } from '../../src/logseq/graph-focus-menu';
import { openLogseqPage, type LogseqPage } from './browser/page';
import { generatedGraph } from './generated-graph';

const SHOTS = process.env['MATURITY_MAP_UPDATE_SCREENSHOTS'] === '1' ? join(ROOT, 'docs/screenshots') : mkdtempSync(join(tmpdir(), 'mm-logseq-shots-'));
const GRAPH = '{{renderer :maturity-query, view=graph}}';
const SLOT = '#block-1';

/** Every piece of the slot in (the harness's viewComplete, in the page). */
function complete(page: Page, nodes: number): Promise<unknown> {
  return page.waitForFunction(
    ([selector, n]) => {
      const el = document.querySelector(selector as string);
      if (!el || el.querySelector('[aria-busy="true"]')) return false;
      const parts = [...el.querySelectorAll('.mm-slot-part')].every((part) => part.children.length > 0);
      const layers = [...el.querySelectorAll('[data-mm-layers]')].every((first) => (first.closest('.mm-graph-canvas')?.querySelectorAll('[data-injected-ui]').length ?? 0) >= Number(first.getAttribute('data-mm-layers')));
      return parts && layers && el.querySelectorAll('.mm-graph-nodes > .mm-node').length === n;
    },
    [SLOT, nodes],
    { timeout: 60_000 },
  );
}

describeWithChromium('a large graph slot’s focus control in Chromium', () => {
  let browser: Browser;
  let logseq: LogseqPage;
  const { files, core } = generatedGraph(500);

  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    logseq = await openLogseqPage(browser, [GRAPH], { width: 1280, height: 860 }, Object.fromEntries(files));
  });
  afterAll(async () => {
    await logseq?.close();
    await browser?.close();
  });

  it('Find by keyboard lists a component the menu does not name; the menu focuses it; axe finds nothing (screenshot)', async () => {
    const { page } = logseq;
    await page.evaluate((macro) => window.mmRenderMacro('Daily/2026-11-20.md', macro, 'block-1'), GRAPH);
    await complete(page, 50);
    for (const n of [100, 150]) {
      await page.locator(`${SLOT} button.mm-show-more`).click();
      await complete(page, n);
    }
    const menu = () => page.evaluate((s) => [...document.querySelectorAll(`${s} select.mm-graph-focus option`)].map((o) => o.getAttribute('value')), SLOT);
    expect((await menu()).length).toBeLessThanOrEqual(FOCUS_MENU_MOST);
    const shown = new Set(await page.evaluate((s) => [...document.querySelectorAll(`${s} .mm-graph-nodes > .mm-node`)].map((n) => n.getAttribute('data-mm-id')!), SLOT));
    const target = core.ids().filter((id) => shown.has(id)).at(-1)!;
    const name = core.component(target)!.name;
    expect(await menu()).not.toContain(target);

    const find = page.getByRole('searchbox', { name: 'Find a component to focus on' });
    await find.focus();
    await page.keyboard.type(name);
    await page.keyboard.press('Enter');
    await page.waitForFunction(([s, id]) => [...document.querySelectorAll(`${s} select.mm-graph-focus option`)].some((o) => o.getAttribute('value') === id), [SLOT, target], { timeout: 30_000 });
    // The field was not written again: it still has the keyboard focus, and Tab reaches the menu.
    expect(await page.evaluate(() => document.activeElement?.classList.contains('mm-graph-find'))).toBe(true);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.classList.contains('mm-graph-focus'))).toBe(true);
    await page.locator(`${SLOT} select.mm-graph-focus`).selectOption(target);
    await page.waitForFunction(([s, n]) => document.querySelector(`${s} .mm-graph-status`)?.textContent?.startsWith(n as string) === true, [SLOT, name], { timeout: 30_000 });
    expect(await page.evaluate((s) => document.querySelector(`${s} select.mm-graph-focus option[selected]`)?.getAttribute('value'), SLOT)).toBe(target);
    await page.locator('main').screenshot({ path: join(SHOTS, 'logseq-slot-graph-find.png') });
    await injectAxe(page);
    expect(await seriousViolations(page, [SLOT])).toEqual([]);
    expect(logseq.errors).toEqual([]);
  });
});
