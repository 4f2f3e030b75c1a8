// The Logseq slots from the keyboard, in Chromium with the Logseq-like host page, light and dark:
// Tab reaches a query table's sort headers, Enter sorts; "Show more" is reached and pressed;
// board items and graph nodes take focus with a visible ring in the host's theme.
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { CHROMIUM, CHROMIUM_ARGS, describeWithChromium } from '../browser/chromium';
import { focused, lookAtFocus } from '../browser/focus';
import { openLogseqPage, type LogseqPage } from './browser/page';

const TABLE = '{{renderer :maturity-query, view=table}}';
const BOARD = '{{renderer :maturity-query, view=board}}';
const GRAPH = '{{renderer :maturity-query, view=graph}}';
/** Twelve more components, so that a query has more results than a slot shows at first (10). */
const EXTRA = Object.fromEntries(
  Array.from({ length: 12 }, (_, i) => [
    `Components/Extra ${i + 1}.md`,
    ['---', 'tags: [maturity]', 'owner: extra-team', 'updated: 2026-11-20', '---', `# Extra ${i + 1} Maturity Status`, '', '**Current Stage**: Development', '', '## Maturity Criteria', '', '### Development → Staging', '- [x] Core features complete', '- [ ] Unit tests passing', '', '**Status**: 1/2 criteria met', ''].join('\n'),
  ]),
);

describeWithChromium('the Logseq slots from the keyboard (Chromium)', () => {
  let browser: Browser;
  let logseq: LogseqPage;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    logseq = await openLogseqPage(browser, [TABLE, BOARD, GRAPH], { width: 1280, height: 900 }, EXTRA);
  });
  afterAll(async () => {
    await logseq?.close();
    await browser?.close();
  });

  async function render(p: Page, macro: string, ready: string): Promise<void> {
    await p.evaluate((m) => {
      document.getElementById('block-2')!.replaceChildren();
      document.getElementById('block-1')!.replaceChildren();
      window.mmRenderMacro('Daily/2026-11-20.md', m, 'block-1');
    }, macro);
    await p.locator(`#block-1 ${ready}`).first().waitFor();
    await p.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  }

  /** Tab until focus is on `selector` (at most `limit` presses). */
  async function tabTo(p: Page, selector: string, limit = 60): Promise<void> {
    for (let i = 0; i < limit; i++) {
      await p.keyboard.press('Tab');
      if (await p.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    }
    throw new Error(`Tab never reached ${selector}; focus is on ${await focused(p)}`);
  }

  it('sorts a table and shows more results from the keyboard', async () => {
    const { page: p } = logseq;
    await render(p, TABLE, 'tbody tr');
    // The head's rows and those "Show more" injects into the table (<div role="row">: table-pieces.ts).
    const rows = () => p.locator('#block-1 :is(tbody tr, [role="row"][data-mm-id])').count();
    expect(await rows()).toBe(10);
    await tabTo(p, '#block-1 th button.mm-sort');
    const header = p.locator('#block-1 th').first();
    const order = await header.getAttribute('aria-sort');
    await p.keyboard.press('Enter');
    await expect.poll(() => header.getAttribute('aria-sort')).not.toBe(order);
    // The host writes the slot anew and gives a plugin no way to move focus: it is back on the page.
    await tabTo(p, '#block-1 button.mm-show-more', 100);
    await p.keyboard.press('Enter');
    await expect.poll(rows).toBe(30);
  });

  for (const theme of ['light', 'dark'] as const) {
    it(`shows a visible focus ring on board items and graph nodes in Logseq's theme (${theme})`, async () => {
      const { page: p } = logseq;
      await p.evaluate((t) => window.mmFake.setTheme(t), theme);
      await render(p, BOARD, '.mm-board-item');
      await tabTo(p, '#block-1 .mm-board-item');
      const item = await lookAtFocus(p);
      await p.keyboard.press('ArrowDown');
      expect(await focused(p)).toMatch(/^a\.mm-board-item/);
      await render(p, GRAPH, 'g.mm-node');
      await tabTo(p, '#block-1 g.mm-node');
      const node = await lookAtFocus(p);
      for (const look of [item, node]) {
        expect(look.changes, `${look.focused}: nothing changes when it takes focus`).toBe(true);
        expect(look.contrast, `${look.focused}: ring (${look.style}) contrast`).toBeGreaterThanOrEqual(3);
      }
    });
  }
});
