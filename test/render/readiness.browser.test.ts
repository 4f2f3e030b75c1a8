// Readiness in the real views, in a real browser: the standalone dashboard bundle over the data of
// the example vault (readiness of each card computed in the page), opened in Debian's Chromium. The card shows the sentence, what stands in the
// way, observation days and evidence against thresholds with the source line on hover; the board
// and table order by readiness.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dashboardData } from '../../src/core/dashboard-data';
import { encodeDashboardData, pageDataBlocks } from '../../src/cli/dashboard-page';
import { EXAMPLE_VAULT, loadFolder, ROOT } from '../helpers/vault';

const CHROMIUM = '/usr/bin/chromium';
const OUT = join(ROOT, 'test/render/out');
const available = existsSync(CHROMIUM);
if (!available) console.warn(`NOTICE: ${CHROMIUM} is absent (apt-get install -y chromium); browser tests are skipped.`);

/** The dashboard page as `maturity-map dashboard` would write it: data as inert blocks (JSON, base64 chunks), no markup from notes. */
function page(): string {
  const js = join(ROOT, 'dist/dashboard/dashboard.js');
  if (!existsSync(js)) execFileSync(process.execPath, [join(ROOT, 'scripts/build.mjs'), '--only', 'dashboard'], { cwd: ROOT });
  const blocks = pageDataBlocks(encodeDashboardData(dashboardData(loadFolder(EXAMPLE_VAULT), 'examples/vault')));
  const data = blocks.map((block) => `<script type="${block.type}" id="${block.id}">${block.text}</script>`).join('');
  return `<!doctype html><html><head><meta charset="utf-8"><style>${readFileSync(join(ROOT, 'dist/dashboard/dashboard.css'), 'utf8')}</style></head>
<body><div id="mm-app"></div>${data}<script>${readFileSync(js, 'utf8')}</script></body></html>`;
}

/** Words of the table's cells (headings included) that the layout drew on more than one line. */
function splitWords(view: Page, table: string): Promise<string[]> {
  return view.locator(table).evaluate((root) => {
    const split: string[] = [];
    const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      for (const match of text.matchAll(/\S+/g)) {
        const range = root.ownerDocument.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
        if (tops.size > 1) split.push(match[0]);
      }
    }
    return split;
  });
}

describe.runIf(available)('readiness in the views (Chromium)', () => {
  let browser: Browser;
  let view: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    const file = join(OUT, 'dashboard.html');
    writeFileSync(file, page());
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
    view = await browser.newPage({ viewport: { width: 1400, height: 2400 } });
    view.on('pageerror', (err) => errors.push(err.message));
    view.on('dialog', (d) => {
      errors.push(`dialog: ${d.message()}`);
      void d.dismiss();
    });
    await view.goto(`file://${file}#component=${encodeURIComponent('Components/Rate Quoter.md')}`);
    await view.waitForSelector('.mm-details .mm-readiness');
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('shows what stands in the way, observation days and evidence vs threshold on the card', async () => {
    const section = view.locator('.mm-details .mm-readiness');
    await expect(section.locator('.mm-section-title').textContent()).resolves.toBe('Readiness for Production');
    await expect(section.locator('.mm-readiness-summary').textContent()).resolves.toContain('2 of 7 observation days left');
    await expect(section.getAttribute('data-mm-backed')).resolves.toBe('false');
    const obstacles = await section.locator('.mm-in-the-way .mm-obstacle').evaluateAll((els) => els.map((e) => e.getAttribute('data-mm-kind')));
    expect(obstacles).toEqual(['criteria-open', 'dependency', 'blocker', 'observation']);
    await expect(section.locator('.mm-observation').textContent()).resolves.toBe('Observation: day 5 of 7, 2 days left');
    await expect(section.locator('.mm-observation').getAttribute('title')).resolves.toContain('Counted from 2026-11-19 (line 10)');
    // The contradicted coverage box: 52% against ≥70%, its source line on hover.
    const row = section.locator('tr.mm-verdict-contradicted', { hasText: 'Unit tests passing' });
    await expect(row.locator('.mm-check-needs').textContent()).resolves.toBe('≥70%');
    await expect(row.locator('.mm-evidence-figure').textContent()).resolves.toBe('52%');
    await expect(row.locator('.mm-evidence-figure').getAttribute('title')).resolves.toBe('Line 101 · Test Coverage / Unit Tests · “52%”');
    await section.screenshot({ path: join(OUT, 'card-readiness-rate-quoter.png') });
    expect(errors).toEqual([]);
  });

  it('marks placeholders as missing and a ready component as ready', async () => {
    await view.evaluate(() => { location.hash = `#component=${encodeURIComponent('Components/Dock Scheduler.md')}`; });
    await view.waitForSelector('.mm-details .mm-card[data-mm-id="Components/Dock Scheduler.md"] .mm-readiness');
    const placeholders = view.locator('.mm-details .mm-readiness tr.mm-verdict-placeholder .mm-evidence-figure');
    // Two checked criteria and the four SLA figures still hold the template's XX.
    await expect(placeholders.allTextContents()).resolves.toEqual(['XX%', 'XXms', 'XXms', 'XXms', 'XXms', 'XX req/s']);
    await expect(view.locator('.mm-details .mm-readiness .mm-missing').count()).resolves.toBe(7); // and the integration coverage fact
    await view.locator('.mm-details .mm-readiness').screenshot({ path: join(OUT, 'card-readiness-dock-scheduler.png') });
    // At the card's width the criteria wrap between words: no word of a cell is split over two lines.
    await expect(splitWords(view, '.mm-details .mm-readiness .mm-evidence')).resolves.toEqual([]);

    await view.evaluate(() => { location.hash = `#component=${encodeURIComponent('Components/Carrier Directory.md')}`; });
    const ready = view.locator('.mm-details .mm-card[data-mm-id="Components/Carrier Directory.md"] .mm-readiness');
    await ready.waitFor();
    await expect(ready.getAttribute('class')).resolves.toContain('mm-is-ready');
    await expect(ready.locator('.mm-in-the-way').count()).resolves.toBe(0);
    await ready.screenshot({ path: join(OUT, 'card-readiness-carrier-directory.png') });
  });

  it('clicking an evidence line opens the note at that line', async () => {
    await view.evaluate(() => { location.hash = `#component=${encodeURIComponent('Components/Rate Quoter.md')}`; });
    await view.waitForSelector('.mm-details .mm-card[data-mm-id="Components/Rate Quoter.md"] .mm-readiness');
    const button = view.locator('.mm-details .mm-readiness tr.mm-verdict-contradicted .mm-line');
    await expect(button.textContent()).resolves.toBe('line 101');
    await expect(button.getAttribute('title')).resolves.toBe('Open Rate Quoter at line 101 (Test Coverage / Unit Tests)');
  });

  it('orders the board and the table by readiness', async () => {
    await view.locator('.mm-tab[data-mm-tab="board"]').click();
    await view.selectOption('.mm-filter-order', 'readiness');
    const staging = await view.locator('.mm-board-column[data-mm-stage="staging"] .mm-board-name').allTextContents();
    expect(staging[0]).toBe('Carrier Directory');
    await expect(view.locator('.mm-board-column[data-mm-stage="staging"] .mm-ready-mark').allTextContents()).resolves.toEqual(['ready → Production']);
    await view.locator('.mm-board').screenshot({ path: join(OUT, 'board-by-readiness.png') });
    await view.selectOption('.mm-filter-order', 'name');
    const byName = await view.locator('.mm-board-column[data-mm-stage="staging"] .mm-board-name').allTextContents();
    expect(byName).toEqual([...byName].sort((a, b) => a.localeCompare(b)));

    await view.selectOption('.mm-filter-order', 'readiness');
    await view.locator('.mm-tab[data-mm-tab="table"]').click();
    await expect(view.locator('th.mm-col-readiness').getAttribute('aria-sort')).resolves.toBe('descending');
    await expect(view.locator('.mm-table tbody tr').first().getAttribute('data-mm-id')).resolves.toBe('Components/Carrier Directory.md');
    expect(errors).toEqual([]);
  });
});
