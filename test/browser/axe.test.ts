// axe-core on every tab of the standalone dashboard, light and dark: no violation of impact
// moderate or above. The TTA knowledge base is the real case; the example vault adds what it
// lacks (names cut short in graph nodes, cycles, errors, markup in a name).
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { EXAMPLE_VAULT, ROOT } from '../helpers/vault';
import { injectAxe, seriousViolations } from './axe';
import { describeWithChromium } from './chromium';
import { dashboardSuite, openDashboard } from './dashboard-suite';

const VAULTS = { tta: join(ROOT, '../shared/corpus/tta-kb'), example: EXAMPLE_VAULT };
const TABS = ['board', 'graph', 'timeline', 'table', 'cards'] as const;
const CASES = [
  { vault: 'tta', colorScheme: 'light' },
  { vault: 'tta', colorScheme: 'dark' },
  { vault: 'example', colorScheme: 'light' },
] as const;

describeWithChromium('axe-core on the dashboard (Chromium)', () => {
  const suite = dashboardSuite('axe', VAULTS, '2026-12-04');

  for (const { vault, colorScheme } of CASES) {
    it(`finds no moderate or worse violation on any tab (${vault}, ${colorScheme})`, async () => {
      // The page's CSP allows only its own script: axe is injected past it, as a test tool.
      const { page: p, context } = await openDashboard(suite.browser(), suite.pages[vault]!, { colorScheme, bypassCSP: true });
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
