// The Timeline tab of the standalone dashboard in Chromium, on the example vault and on the TTA
// knowledge base: segments laid out by date (each ongoing stage ends on today's line), the source
// line on hover and on keyboard focus, a click opening the component, undated notes listed apart,
// and the light and dark screenshots for the docs.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { CORPUS, corpusAvailable } from '../helpers/vault';
import { describeWithChromium } from './chromium';
import { dashboardSuite, openDashboard } from './dashboard-suite';

describeWithChromium('timeline tab in Chromium', () => {
  const hasCorpus = corpusAvailable('tta-kb');
  const { shots, pages, browser } = dashboardSuite('timeline', { example: 'examples/vault', ...(hasCorpus ? { tta: join(CORPUS, 'tta-kb') } : {}) });
  const example = pages['example']!;
  const tta = pages['tta'] ?? '';

  async function openTimeline(file: string, colorScheme: 'light' | 'dark' = 'light'): Promise<{ page: Page; errors: string[] }> {
    const { page, errors } = await openDashboard(browser(), file, { colorScheme });
    await page.locator('[data-mm-tab="timeline"]').click();
    await page.waitForSelector('.mm-tl-row');
    return { page, errors };
  }

  it('lays segments out by date: stages in order, ongoing ones ending on today’s line', async () => {
    const { page, errors } = await openTimeline(example);
    const geometry = await page.evaluate(() => {
      const chart = document.querySelector('.mm-tl-chart')!;
      const track = chart.querySelector('.mm-tl-track')!.getBoundingClientRect();
      const today = track.left + (parseFloat(getComputedStyle(chart).getPropertyValue('--mm-today')) / 100) * track.width;
      const rows = [...document.querySelectorAll('.mm-tl-row')].map((row) => ({
        id: row.getAttribute('data-mm-id'),
        stages: [...row.querySelectorAll('.mm-tl-stage')].map((s) => {
          const r = s.getBoundingClientRect();
          return { left: r.left, right: r.right, ongoing: s.classList.contains('mm-tl-ongoing'), text: s.textContent };
        }),
      }));
      return { today, rows };
    });
    const auth = geometry.rows.find((r) => r.id === 'Components/Auth Gateway.md')!;
    expect(auth.stages.map((s) => s.text)).toEqual(['○Development', '◑Staging', '●Production']);
    for (const row of geometry.rows) {
      for (let i = 1; i < row.stages.length; i++) expect(row.stages[i]!.left).toBeGreaterThanOrEqual(row.stages[i - 1]!.left);
      const last = row.stages.at(-1);
      if (last?.ongoing) expect(Math.abs(last.right - geometry.today)).toBeLessThan(2);
    }
    expect(errors).toEqual([]);
  });

  it('shows the source line on hover and on keyboard focus, and opens the component on click', async () => {
    const { page } = await openTimeline(example);
    const staging = page.locator('.mm-tl-row[data-mm-id="Components/Auth Gateway.md"] .mm-tl-stage').nth(1);
    await staging.hover();
    await expect.poll(() => page.locator('.mm-tl-detail').textContent()).toBe('Staging, 2026-08-20 to 2026-09-30 (41 days). line 223: 2026-08-20: Promoted to Staging (Issue #141)');
    expect(await staging.getAttribute('title')).toContain('line 223');
    // Keyboard: Tab reaches the row's link, the arrow keys its entries, with a visible focus ring.
    await page.locator('.mm-tl-row[data-mm-id="Components/Billing Engine.md"] .mm-tl-label a').focus();
    await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => document.activeElement?.classList.contains('mm-tl-stage'))).toBe(true);
    await expect.poll(() => page.locator('.mm-tl-detail').textContent()).toContain('Development, 2026-08-11 to 2026-10-28');
    expect(await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)).toBe('solid');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.mm-details h2').textContent()).toBe('Billing Engine');
    expect(await page.locator('.mm-tl-row.mm-current').getAttribute('data-mm-id')).toBe('Components/Billing Engine.md');
    await page.locator('.mm-tl-row[data-mm-id="Components/Ledger.md"] .mm-tl-blocked').click();
    await expect.poll(() => page.locator('.mm-details h2').textContent()).toBe('Ledger');
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`screenshot of the example vault’s timeline (${scheme})`, async () => {
      const { page, errors } = await openTimeline(example, scheme);
      await page.locator('.mm-tl-row[data-mm-id="Components/Rate Quoter.md"] .mm-tl-stage').last().hover();
      await page.locator('.mm-panel-timeline').screenshot({ path: join(shots, `dashboard-timeline-${scheme}.png`) });
      expect(errors).toEqual([]);
    });
  }

  it.runIf(hasCorpus)('lists the TTA notes without dates apart (screenshot)', async () => {
    const { page } = await openTimeline(tta);
    expect(await page.locator('.mm-tl-row').count()).toBe(8);
    const undated = await page.locator('.mm-tl-undated li').evaluateAll((els) => els.map((e) => e.textContent));
    expect(undated).toEqual(['Gameplay Loop ○ Development', 'Model Management ○ Development', 'Neo4j ○ Development', 'Therapeutic Systems ○ Development']);
    await page.locator('.mm-panel-timeline').screenshot({ path: join(shots, 'dashboard-timeline-tta.png') });
  });
});
