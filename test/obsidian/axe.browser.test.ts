// axe-core over the built Obsidian plugin's views in the harness page in Chromium (Obsidian's
// default theme variables, light and dark): the reading-view header, the `maturity` card block,
// `maturity-query` blocks in every view, the dashboard view on each tab and the graph view. No
// violation of impact moderate or above within the plugin's own elements (the harness page
// around them stands in for Obsidian's and is not checked). Keyboard focus on a board item and a
// graph node shows a visible ring in Obsidian's light and dark themes.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { axeFindings, injectAxe, whenSettled } from '../browser/axe';
import { focused, lookAtFocus } from '../browser/focus';
import { CHROMIUM, CHROMIUM_ARGS, describeWithChromium } from '../browser/chromium';
import { ROOT, TODAY } from '../helpers/vault';
import { exampleFiles, mainJs, MANIFEST } from './helpers';

const VIEWS = ['board', 'table', 'list', 'timeline', 'graph'] as const;
const QUERY_NOTE = 'Reports/All views.md';
const files = {
  ...exampleFiles(),
  [QUERY_NOTE]: ['# All views', '', '```maturity', 'component: Billing Engine', '```', '', ...VIEWS.flatMap((v) => [`## ${v}`, '', '```maturity-query', `view: ${v}`, '```', ''])].join('\n'),
};
const OURS = ['.maturity-map-header', '.maturity-map-block', '.maturity-map-dashboard', '.maturity-map-graph-view'];

// Nine axe runs over the views, 1–18 s each on this 2-core machine at a load of 12 (67–112 s for
// one theme in all): the suites' 120 s timed the test out under load, a failure that said nothing
// about the views.
const CHECKS_TIMEOUT = 300_000;

type Harness = { open(p: string): Promise<unknown>; command(id: string): Promise<boolean> };

describeWithChromium('axe-core on the Obsidian views (Chromium)', () => {
  let browser: Browser;
  let pageUrl: string;
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mm-obsidian-axe-'));
    await build({ entryPoints: [join(ROOT, 'test/obsidian/harness/browser-entry.ts')], outfile: join(dir, 'harness.js'), bundle: true, platform: 'browser', format: 'iife', logLevel: 'warning' });
    writeFileSync(join(dir, 'index.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Obsidian harness</title>
<link rel="stylesheet" href="${pathToFileURL(join(ROOT, 'test/obsidian/harness/theme.css')).href}">
<link rel="stylesheet" href="${pathToFileURL(join(ROOT, 'dist/obsidian/styles.css')).href}">
</head><body></body><script src="harness.js"></script></html>`);
    pageUrl = pathToFileURL(join(dir, 'index.html')).href;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function open(theme: 'light' | 'dark'): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.clock.setFixedTime(new Date(`${TODAY}T10:00:00`));
    await page.goto(pageUrl);
    // The plugin's stylesheet is there: without it (read empty while a build rewrote it) the views
    // fall back to the theme's link colour and fail contrast in the light theme only, which says
    // nothing about the views.
    const tokens = await page.evaluate(() => {
      const probe = document.body.appendChild(document.createElement('div'));
      probe.className = 'mm';
      const value = getComputedStyle(probe).getPropertyValue('--mm-default-bg').trim();
      probe.remove();
      return value;
    });
    expect(tokens, 'dist/obsidian/styles.css applied').toBe('#ffffff');
    await page.evaluate(async ({ theme, files, code, manifest }) => {
      document.body.className = `theme-${theme}`;
      (window as unknown as { h: unknown }).h = await window.obsidianHarness.start({ files, mainJs: code, manifest });
    }, { theme, files, code: mainJs(), manifest: MANIFEST });
    await injectAxe(page);
    return page;
  }

  /**
   * The violations within the plugin's elements now on screen, once they are drawn: a dashboard tab
   * draws its panel a part a frame after the click and a graph lays out in a worker, and a check two
   * frames after the click read them half-drawn or finished depending on the machine's load.
   */
  async function check(page: Page): Promise<string[]> {
    const present = await page.evaluate((selectors) => selectors.filter((s) => document.querySelector(s) !== null), OURS);
    expect(present.length).toBeGreaterThan(0);
    await whenSettled(page, present);
    const { serious, details } = await axeFindings(page, present);
    if (process.env['MM_AXE_DETAILS']) console.log(details.join('\n'));
    return serious;
  }

  for (const theme of ['light', 'dark'] as const) {
    it(`finds no moderate or worse violation in the header, blocks, dashboard and graph view (${theme})`, async () => {
      const page = await open(theme);
      const found: Record<string, string[]> = {};

      await page.evaluate(async () => (window as unknown as { h: Harness }).h.open('Components/Billing Engine.md'));
      await page.locator('.workspace-leaf:visible .maturity-map-header:not(.is-empty)').first().waitFor();
      found['header'] = await check(page);

      await page.evaluate(async (path) => (window as unknown as { h: Harness }).h.open(path), QUERY_NOTE);
      const leaf = page.locator('.workspace-leaf:visible');
      await leaf.locator('.maturity-map-card-block .mm-card').first().waitFor();
      for (const selector of ['.mm-board', '.mm-table', '.mm-list', '.mm-timeline', '.mm-graph-svg']) await leaf.locator(selector).first().waitFor();
      found['blocks'] = await check(page);
      // Keyboard focus on a board item and a graph node shows a ring in Obsidian's theme too.
      for (const selector of ['.mm-board-item', 'g.mm-node']) {
        await leaf.locator(selector).first().focus();
        await page.keyboard.press('Shift+Tab');
        await page.keyboard.press('Tab');
        expect(await focused(page)).toMatch(selector === 'g.mm-node' ? /^g\.mm-node/ : /^a\.mm-board-item/);
        const look = await lookAtFocus(page);
        expect(look.changes, `${look.focused}: nothing changes when it takes focus`).toBe(true);
        expect(look.contrast, `${look.focused}: ring (${look.style}) contrast`).toBeGreaterThanOrEqual(3);
      }

      await page.evaluate(async () => (window as unknown as { h: Harness }).h.command('open-dashboard'));
      const dashboard = page.locator('.maturity-map-dashboard:visible');
      for (const tab of ['board', 'graph', 'timeline', 'table', 'cards']) {
        await dashboard.locator(`button[data-mm-tab="${tab}"]`).click();
        found[`dashboard ${tab}`] = await check(page);
      }

      await page.evaluate(async () => (window as unknown as { h: Harness }).h.command('open-graph'));
      await page.locator('.maturity-map-graph-view .mm-graph-svg .mm-node').first().waitFor();
      found['graph view'] = await check(page);

      await page.close();
      expect(found).toEqual(Object.fromEntries(Object.keys(found).map((k) => [k, []])));
    }, CHECKS_TIMEOUT);
  }
});
