// The compact graph on the real TTA knowledge base (../shared/corpus/tta-kb, 12 components and the
// outside systems they name) in Chromium at 1400×900: with external nodes shown, "Fit" brings every
// node into view at a readable size, in light and dark.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { ROOT } from '../helpers/vault';
import { describeWithChromium } from './chromium';
import { dashboardSuite, openDashboard } from './dashboard-suite';

const TTA = join(ROOT, '../shared/corpus/tta-kb');
/** Names this tall on screen read comfortably (13px at scale 1). */
const READABLE_NAME_PX = 9;

describeWithChromium('the TTA graph fitted in 1400×900 (Chromium)', () => {
  beforeAll(() => {
    if (!existsSync(TTA)) throw new Error(`${TTA} is missing: the corpus is required`);
  });
  const { shots, pages, browser } = dashboardSuite('fit', { tta: TTA }, '2026-12-04');

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`shows every component and external node readable after Fit (${colorScheme})`, async () => {
      const { page: p, context } = await openDashboard(browser(), pages['tta']!, { colorScheme });
      await p.locator('[data-mm-tab="graph"]').click();
      await p.waitForSelector('.mm-xnode');
      await p.getByRole('button', { name: 'Fit the whole graph' }).click();
      await p.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      const seen = await p.evaluate(() => {
        const canvas = document.querySelector('.mm-graph-canvas')!.getBoundingClientRect();
        return [...document.querySelectorAll('.mm-graph-svg .mm-node, .mm-graph-svg .mm-xnode')].map((g) => {
          const box = g.getBoundingClientRect();
          const name = g.querySelector('.mm-node-name')!.getBoundingClientRect();
          return {
            label: g.getAttribute('aria-label') ?? '',
            inside: box.left >= Math.max(0, canvas.left) - 1 && box.right <= Math.min(innerWidth, canvas.right) + 1 && box.top >= Math.max(0, canvas.top) - 1 && box.bottom <= Math.min(innerHeight, canvas.bottom) + 1,
            nameHeight: name.height,
          };
        });
      });
      await p.screenshot({ path: join(shots, `graph-tta-fit-${colorScheme}.png`) });
      await context.close();
      expect(seen.filter((n) => n.label.includes('dependency outside the vault')).length).toBeGreaterThan(5);
      expect(seen.length).toBeGreaterThan(12);
      for (const node of seen) {
        expect(node.inside, `${node.label} is outside the view`).toBe(true);
        expect(node.nameHeight, `${node.label}: name ${node.nameHeight.toFixed(1)}px tall`).toBeGreaterThanOrEqual(READABLE_NAME_PX);
      }
    });
  }
});
