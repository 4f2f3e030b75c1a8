// axe-core on every tab of the standalone dashboard of the TTA knowledge base, light and dark: no
// violation of impact moderate or above, apart from the ones listed in OPEN (still to fix, issue
// #19 item 5), which the test pins so that none grows and no other appears.
import { readFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { run } from '../cli/run';
import { ROOT } from '../helpers/vault';
import { CHROMIUM, CHROMIUM_ARGS, describeWithChromium } from './chromium';

const TTA = join(ROOT, '../shared/corpus/tta-kb');
const TABS = ['board', 'graph', 'timeline', 'table', 'cards'] as const;
/** Rules still failing, by tab: the visible text of board items and graph nodes (glyphs, SVG <title>) is not all in their aria-label. */
const OPEN: Record<string, string[]> = { board: ['label-content-name-mismatch'], graph: ['label-content-name-mismatch'] };

describeWithChromium('axe-core on the dashboard (Chromium)', () => {
  const page = join(mkdtempSync(join(tmpdir(), 'mm-axe-')), 'tta.html');
  const axe = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
  let browser: Browser;
  beforeAll(async () => {
    const built = run('dashboard', TTA, '--today', '2026-12-04', '-o', page);
    if (built.code !== 0) throw new Error(built.stderr);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`finds no moderate or worse violation on any tab beyond the open ones (${colorScheme})`, async () => {
      // The page's CSP allows only its own script: axe is injected past it, as a test tool.
      const context = await browser.newContext({ colorScheme, viewport: { width: 1400, height: 900 }, bypassCSP: true });
      const p = await context.newPage();
      await p.goto(pathToFileURL(page).href);
      await p.addScriptTag({ content: axe });
      const found: Record<string, string[]> = {};
      for (const tab of TABS) {
        await p.locator(`button[data-mm-tab="${tab}"]`).click();
        await p.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
        const ids = await p.evaluate(async () => {
          const result = await (window as unknown as { axe: { run(c: Document, o: object): Promise<{ violations: Array<{ id: string; impact: string | null }> }> } }).axe.run(document, { resultTypes: ['violations'] });
          return result.violations.filter((v) => v.impact === 'moderate' || v.impact === 'serious' || v.impact === 'critical').map((v) => v.id).sort();
        });
        found[tab] = ids;
      }
      await context.close();
      expect(found).toEqual(Object.fromEntries(TABS.map((t) => [t, OPEN[t] ?? []])));
    });
  }
});
