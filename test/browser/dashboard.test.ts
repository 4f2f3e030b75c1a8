// The standalone dashboard built from examples/vault, opened from file:// in Chromium: clicking
// a board item and a graph node, the closure highlight, the keyboard, pan and zoom, the themes,
// hostile note text, a 600-component vault, and the screenshots for the README.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { exampleCounts, run } from '../cli/run';
import { closure, invert } from '../../src/core/index';
import { EXAMPLE_VAULT, loadFolder, TODAY } from '../helpers/vault';
import { describeWithChromium } from './chromium';
import { dashboardSuite, openDashboard, type OpenedDashboard } from './dashboard-suite';

const N = exampleCounts();

describeWithChromium('dashboard in Chromium', () => {
  const { work, shots, pages, browser } = dashboardSuite('browser', { dashboard: 'examples/vault' });

  const open = (colorScheme: 'light' | 'dark' = 'light', file = pages['dashboard']!): Promise<OpenedDashboard> =>
    openDashboard(browser(), file, { colorScheme, viewport: { width: 1360, height: 900 } });

  const node = (p: Page, id: string) => p.locator(`.mm-node[data-mm-id="${id}"]`);
  const classes = (p: Page, selector: string) => p.locator(selector).evaluateAll((els) => els.map((e) => e.getAttribute('data-mm-id')).sort());

  it('loads from file:// with no error, no network request and no blocked inline code', async () => {
    const { page: p, errors, requests } = await open();
    expect(await p.locator('.mm-board-item').count()).toBe(N.components);
    expect(await p.locator('h1').textContent()).toBe('Maturity Map — examples/vault');
    expect(errors).toEqual([]);
    // Nothing from the network; the data's inflate worker (inflate-worker.ts) and at most the layout
    // worker's code, from the page's own memory through blob: URLs, the layout worker once the page
    // is idle after its first paint (page-layouts.ts).
    expect(requests.filter((url) => !url.startsWith('blob:null/'))).toEqual([]);
    expect(requests.length).toBeGreaterThanOrEqual(1);
    expect(requests.length).toBeLessThanOrEqual(2);
  });

  it('opens a board item: its card in the details panel, the item marked, the hash set', async () => {
    const { page: p } = await open();
    await p.locator('.mm-board-item[data-mm-id="Components/Ledger.md"]').click();
    await expect.poll(() => p.locator('.mm-details h2').textContent()).toBe('Ledger');
    expect(await p.locator('.mm-board-item.mm-current').getAttribute('data-mm-id')).toBe('Components/Ledger.md');
    expect(await p.evaluate(() => location.hash)).toBe('#component=Components%2FLedger.md');
    expect(await p.locator('.mm-details .mm-flag-blocked').getAttribute('title')).toBe('Blocked: the stage line says “BLOCKED - Waiting on schema migration”.');
    await p.locator('.mm-details .mm-dependencies a.mm-link').first().click();
    await expect.poll(() => p.locator('.mm-details h2').textContent()).toBe('Session Store');
    expect(await p.locator('.mm-details').evaluate((el) => el.scrollTop)).toBe(0);
    await p.screenshot({ path: join(shots, 'dashboard-board-light.png') });
  });

  it('reaches and opens board items from the keyboard', async () => {
    const { page: p } = await open();
    await p.locator('.mm-board-item').first().focus();
    await p.keyboard.press('ArrowDown');
    await p.keyboard.press('ArrowRight');
    expect(await p.evaluate(() => document.activeElement?.getAttribute('data-mm-id'))).toBe('Components/Carrier Directory.md');
    await p.keyboard.press('Enter');
    await expect.poll(() => p.locator('.mm-details h2').textContent()).toBe('Carrier Directory');
  });

  it('highlights the closure of a clicked graph node and opens its card', async () => {
    const { page: p, errors } = await open();
    await p.locator('[data-mm-tab="graph"]').click();
    await p.waitForSelector('.mm-node');
    expect(await p.locator('.mm-node').count()).toBe(N.components);
    await node(p, 'Components/Config Service.md').click();
    await expect.poll(() => p.locator('.mm-details h2').textContent()).toBe('Config Service');
    expect(await classes(p, '.mm-node.mm-selected')).toEqual(['Components/Config Service.md']);
    expect(await classes(p, '.mm-node.mm-hl-dependency')).toEqual(['Components/Session Store.md']);
    const index = loadFolder(EXAMPLE_VAULT);
    const dependents = [...closure('Components/Config Service.md', invert(index.ids(), index.edges())).keys()].sort();
    expect(dependents).toEqual(expect.arrayContaining(['Components/Auth Gateway.md', 'Components/Billing Engine.md', 'Components/Feature Flags.md', 'Components/Search Indexer.md']));
    expect(await classes(p, '.mm-node.mm-hl-dependent')).toEqual(dependents);
    const opacity = (id: string) => node(p, id).evaluate((el) => Number(getComputedStyle(el).opacity));
    expect(await opacity('Components/Report Builder.md')).toBeLessThan(0.5);
    expect(await opacity('Components/Auth Gateway.md')).toBe(1);
    expect(await p.locator('.mm-graph-status').textContent()).toBe(`Config Service: depends on 1 component (directly or not), used by ${dependents.length} components`);
    // Moving the pointer away keeps the selection's highlight.
    await p.mouse.move(5, 5);
    expect(await classes(p, '.mm-node.mm-hl-self')).toEqual(['Components/Config Service.md']);
    await p.screenshot({ path: join(shots, 'dashboard-graph-light.png') });
    expect(errors).toEqual([]);
  });

  it('focuses the graph on a component from the keyboard, pans and zooms', async () => {
    const { page: p } = await open();
    await p.locator('[data-mm-tab="graph"]').click();
    const svg = p.locator('svg.mm-graph-svg');
    const viewBox = () => svg.getAttribute('viewBox');
    await node(p, 'Components/Ledger.md').focus();
    expect(await classes(p, '.mm-node.mm-hl-self')).toEqual(['Components/Ledger.md']);
    await p.keyboard.press('f');
    await expect.poll(() => p.locator('.mm-node').count()).toBe(4);
    expect(await classes(p, '.mm-node')).toEqual(['Components/Billing Engine.md', 'Components/Ledger.md', 'Components/Session Store.md', 'pages/Harbor___Components___Notification Hub.md']);
    expect(await p.locator('.mm-graph-focus').inputValue()).toBe('Components/Ledger.md');
    await svg.focus();
    const before = await viewBox();
    await p.keyboard.press('+');
    const zoomed = await viewBox();
    expect(zoomed).not.toBe(before);
    const box = (await svg.boundingBox())!;
    await p.mouse.move(box.x + 20, box.y + 20);
    await p.mouse.down();
    await p.mouse.move(box.x + 140, box.y + 90, { steps: 5 });
    await p.mouse.up();
    const dragged = await viewBox();
    expect(dragged).not.toBe(zoomed);
    await p.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await p.mouse.wheel(0, -400);
    await expect.poll(viewBox).not.toBe(dragged);
    await p.keyboard.press('Escape');
    await p.keyboard.press('Escape');
    await expect.poll(() => p.locator('.mm-node').count()).toBe(N.components);
  });

  it('shows hostile note text as text and runs none of it', async () => {
    const { page: p, dialogs, errors } = await open();
    const item = p.locator('.mm-board-item[data-mm-id="Components/Status Widget.md"]');
    expect(await item.locator('.mm-board-name').textContent()).toBe("<img src=x onerror=alert('xss-name')> Status Widget");
    await item.click();
    const card = p.locator('.mm-details .mm-card');
    await expect.poll(() => card.locator('.mm-card-title').textContent()).toBe("<img src=x onerror=alert('xss-name')> Status Widget");
    const text = (await card.textContent())!;
    expect(text).toContain('<script>window.__mmXss=2</script>');
    expect(text).toContain('<b onmouseover=alert(1)>qualifier</b>');
    expect(text).toContain('<iframe src="javascript:alert(3)"></iframe> flaky renderer');
    expect(text).toContain('<svg onload=alert(4)>');
    await card.hover();
    await p.locator('[data-mm-tab="cards"]').click();
    await p.locator('[data-mm-tab="table"]').click();
    await p.locator('[data-mm-tab="graph"]').click();
    await node(p, 'Components/Status Widget.md').hover();
    expect(await p.evaluate(() => (window as unknown as { __mmXss?: number }).__mmXss)).toBeUndefined();
    expect(await p.evaluate(() => document.querySelectorAll('img, iframe, b, script:not([type]):not([id])').length)).toBe(1);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('follows the system theme, and the theme switch overrides it', async () => {
    const dark = await open('dark');
    const background = (p: Page) => p.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(await background(dark.page)).toBe('rgb(13, 17, 23)');
    await dark.page.locator('.mm-board-item[data-mm-id="Components/Billing Engine.md"]').click();
    await dark.page.screenshot({ path: join(shots, 'dashboard-board-dark.png') });
    await dark.page.locator('[data-mm-tab="graph"]').click();
    await node(dark.page, 'Components/Billing Engine.md').click();
    await dark.page.screenshot({ path: join(shots, 'dashboard-graph-dark.png') });
    await dark.page.locator('[data-mm-tab="table"]').click();
    await dark.page.locator('.mm-panel-table tbody tr').last().waitFor();
    await dark.page.screenshot({ path: join(shots, 'dashboard-table-dark.png') });
    const light = await open('light');
    expect(await background(light.page)).toBe('rgb(255, 255, 255)');
    await light.page.locator('.mm-theme-switch').click();
    await light.page.locator('.mm-theme-switch').click();
    expect(await light.page.locator('.mm-theme-switch').textContent()).toBe('Theme: dark');
    expect(await background(light.page)).toBe('rgb(13, 17, 23)');
    await light.page.locator('[data-mm-tab="cards"]').click();
    await light.page.locator('.mm-card-grid .mm-card[data-mm-id="Components/Billing Engine.md"]').screenshot({ path: join(shots, 'card-dark.png') });
    await light.page.locator('.mm-theme-switch').click();
    await light.page.locator('.mm-card-grid .mm-card[data-mm-id="Components/Billing Engine.md"]').screenshot({ path: join(shots, 'card-light.png') });
    await light.page.locator('[data-mm-tab="table"]').click();
    await light.page.locator('.mm-panel-table tbody tr').last().waitFor();
    await light.page.screenshot({ path: join(shots, 'dashboard-table-light.png') });
  });

  it('draws and highlights a 600-component vault', async () => {
    const vault = join(work, 'big');
    const stages = ['Development', 'Staging', 'Production'];
    let seed = 5;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    mkdirSync(vault);
    for (let i = 0; i < 600; i++) {
      const tier = i % 6;
      const deps = new Set<number>();
      for (let k = 0; tier > 0 && k < 1 + Math.floor(random() * 3); k++) deps.add(Math.floor(random() * 100) * 6 + Math.floor(random() * tier));
      const list = [...deps].map((d) => `- [[Service ${d}]]`).join('\n') || '- None';
      writeFileSync(join(vault, `Service ${i}.md`), `---\ntags: [maturity]\n---\n# Service ${i}\n\n**Current Stage**: ${stages[(5 - tier) % 3]}\n**Last Updated**: 2026-11-01\n\n**Dependencies**:\n${list}\n\n### Development → Staging\n- [x] a\n- [ ] b\n`);
    }
    const file = join(work, 'big.html');
    expect(run('dashboard', vault, '--today', TODAY, '-o', file).code).toBe(0);
    const { page: p, errors } = await open('light', file);
    await p.locator('[data-mm-tab="graph"]').click();
    await p.waitForSelector('.mm-node', { timeout: 60_000 });
    // A large graph is drawn a slice a task (graph/redraw.ts): every node once the drawing ends.
    await expect.poll(() => p.locator('.mm-node').count(), { timeout: 60_000 }).toBe(600);
    await p.waitForSelector('.mm-graph-canvas:not([aria-busy="true"])');
    // Keyboard focus highlights the closure across the whole graph.
    await node(p, 'Service 599.md').focus();
    await expect.poll(() => p.locator('.mm-node.mm-hl-self').count()).toBe(1);
    expect(await p.locator('.mm-node.mm-hl-dependency').count()).toBeGreaterThan(0);
    await p.locator('.mm-graph-canvas').screenshot({ path: join(shots, 'graph-600-light.png') });
    // Focus mode keeps the component and its neighbours. Above 300 components the menu is filled
    // when the reader opens it (view.ts FOCUS_MENU_AT_ONCE): focus it first, as a reader does.
    await p.locator('.mm-graph-focus').focus();
    await p.locator('.mm-graph-focus').selectOption({ label: 'Service 599' });
    await expect.poll(() => p.locator('.mm-node').count()).toBeLessThan(20);
    expect(await p.locator('.mm-node.mm-selected').getAttribute('data-mm-id')).toBe('Service 599.md');
    expect(errors).toEqual([]);
  }, 120_000);
});
