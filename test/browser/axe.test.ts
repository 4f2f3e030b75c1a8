// axe-core on every tab of the standalone dashboard, light and dark: no violation of impact
// moderate or above. The TTA knowledge base is the real case; the example vault adds what it
// lacks (names cut short in graph nodes, cycles, errors, markup in a name).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { run } from '../cli/run';
import { EXAMPLE_VAULT, ROOT } from '../helpers/vault';
import { injectAxe, seriousViolations } from './axe';
import { CHROMIUM, CHROMIUM_ARGS, describeWithChromium } from './chromium';

const VAULTS = { tta: join(ROOT, '../shared/corpus/tta-kb'), example: EXAMPLE_VAULT };
const TABS = ['board', 'graph', 'timeline', 'table', 'cards'] as const;
const CASES = [
  { vault: 'tta', colorScheme: 'light' },
  { vault: 'tta', colorScheme: 'dark' },
  { vault: 'example', colorScheme: 'light' },
] as const;

describeWithChromium('axe-core on the dashboard (Chromium)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mm-axe-'));
  let browser: Browser;
  beforeAll(async () => {
    for (const [name, vault] of Object.entries(VAULTS)) {
      const built = run('dashboard', vault, '--today', '2026-12-04', '-o', join(dir, `${name}.html`));
      if (built.code !== 0) throw new Error(built.stderr);
    }
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const { vault, colorScheme } of CASES) {
    it(`finds no moderate or worse violation on any tab (${vault}, ${colorScheme})`, async () => {
      // The page's CSP allows only its own script: axe is injected past it, as a test tool.
      const context = await browser.newContext({ colorScheme, viewport: { width: 1400, height: 900 }, bypassCSP: true });
      const p = await context.newPage();
      await p.goto(pathToFileURL(join(dir, `${vault}.html`)).href);
      await injectAxe(p);
      const found: Record<string, string[]> = {};
      for (const tab of TABS) {
        await p.locator(`button[data-mm-tab="${tab}"]`).click();
        found[tab] = await seriousViolations(p);
      }
      await context.close();
      expect(found).toEqual(Object.fromEntries(TABS.map((t) => [t, []])));
    });
  }
});
