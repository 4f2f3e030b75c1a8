// axe-core over the built Logseq plugin in Chromium: its macro slots (a page card, a query in each
// view) in the Logseq-like host page, light and dark, and its dashboard in the main UI frame on
// every tab. No violation of impact moderate or above within the plugin's own elements (the host
// page around the slots stands in for Logseq's and is not checked; the frame is all ours).
import { chromium, type Browser, type Frame } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { injectAxe, seriousViolations, violationDetails } from '../browser/axe';
import { CHROMIUM, CHROMIUM_ARGS, describeWithChromium } from '../browser/chromium';
import { openLogseqPage, type LogseqPage } from './browser/page';

const VIEWS = ['board', 'table', 'list', 'timeline', 'graph'] as const;
const CARD = '{{renderer :maturity}}';
const MACROS = [CARD, ...VIEWS.map((v) => `{{renderer :maturity-query, view=${v}}}`)];
const SLOTS = MACROS.map((_, i) => `#mm-axe-slot-${i}`);

async function details(target: Parameters<typeof seriousViolations>[0], include: string[] = []): Promise<void> {
  if (process.env['MM_AXE_DETAILS']) console.log((await violationDetails(target, include)).join('\n'));
}

describeWithChromium('axe-core on the Logseq slots and dashboard (Chromium)', () => {
  let browser: Browser;
  let logseq: LogseqPage;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    logseq = await openLogseqPage(browser, MACROS, { width: 1400, height: 900 });
    const { page } = logseq;
    // One block per macro on a component's page, as a user would write them.
    await page.evaluate(({ macros }) => {
      document.getElementById('page-title')!.textContent = 'Billing Engine Maturity Status';
      const main = document.querySelector('main')!;
      macros.forEach((macro, i) => {
        const block = document.createElement('div');
        block.className = 'ls-block';
        const content = document.createElement('div');
        content.className = 'content block-content';
        content.id = `mm-axe-slot-${i}`;
        block.appendChild(content);
        main.appendChild(block);
        window.mmRenderMacro('Components/Billing Engine.md', macro, `mm-axe-slot-${i}`);
      });
    }, { macros: MACROS });
    for (const selector of ['.mm-card', '.mm-board', '.mm-table', '.mm-list', '.mm-timeline', '.mm-graph-svg .mm-node']) await page.locator(`main ${selector}`).first().waitFor();
    await injectAxe(page);
  });
  afterAll(async () => {
    await logseq?.close();
    await browser?.close();
  });

  for (const theme of ['light', 'dark'] as const) {
    it(`finds no moderate or worse violation in the card and query slots (${theme})`, async () => {
      const { page } = logseq;
      await page.evaluate((t) => window.mmFake.setTheme(t), theme);
      await details(page, SLOTS);
      expect(await seriousViolations(page, SLOTS)).toEqual([]);
    });
  }

  for (const theme of ['light', 'dark'] as const) {
    it(`finds no moderate or worse violation on any tab of the dashboard (main UI frame, ${theme})`, async () => {
      const { page } = logseq;
      await page.evaluate((t) => window.mmFake.setTheme(t), theme);
      await page.evaluate(() => window.mmToggleMain());
      const frame: Frame = (await (await page.waitForSelector('#lsp-main-ui')).contentFrame())!;
      await frame.locator('button[data-mm-tab="board"]').waitFor();
      await injectAxe(frame);
      const found: Record<string, string[]> = {};
      for (const tab of ['board', 'graph', 'timeline', 'table', 'cards']) {
        await frame.locator(`button[data-mm-tab="${tab}"]`).click();
        await details(frame);
        found[tab] = await seriousViolations(frame);
      }
      await page.evaluate(() => window.mmToggleMain());
      expect(found).toEqual(Object.fromEntries(Object.keys(found).map((k) => [k, []])));
    });
  }
});
