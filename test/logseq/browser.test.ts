// The built plugin in Chromium (Debian's, driven by playwright-core): a Logseq-like page runs the
// fake 0.10.x host, the plugin runs in its own iframe. Saves the README screenshots of a page card,
// a query board and the dashboard. Skipped with a notice when Chromium is absent, unless
// MATURITY_MAP_REQUIRE_BROWSER=1 makes that a failure (CI).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { EXAMPLE_VAULT, ROOT, TODAY } from '../helpers/vault';
import { ensureBuilt, filesOf, mldocMacroArguments } from './harness';

const CHROMIUM = '/usr/bin/chromium';
const present = existsSync(CHROMIUM);
if (!present) {
  const message = `NOTICE: ${CHROMIUM} is absent; the Logseq browser suite and its screenshots are skipped.`;
  if (process.env['MATURITY_MAP_REQUIRE_BROWSER'] === '1') throw new Error(message);
  console.warn(message);
}

// Screenshots refresh docs/ only on request (`npm run screenshots`), so a test run leaves the tree clean.
const SHOTS = process.env['MATURITY_MAP_UPDATE_SCREENSHOTS'] === '1' ? join(ROOT, 'docs/screenshots') : mkdtempSync(join(tmpdir(), 'mm-logseq-shots-'));
const MACROS = ['{{renderer :maturity}}', '{{renderer :maturity-query, stage=development, staging, view=board}}'];

describe.runIf(present)('the Logseq plugin in Chromium', () => {
  let server: Server;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    const plugin = ensureBuilt();
    const driver = await build({ entryPoints: [join(ROOT, 'test/logseq/browser/driver.ts')], bundle: true, write: false, format: 'iife', platform: 'browser', logLevel: 'warning' });
    const routes: Record<string, [string, string]> = {
      '/': ['text/html', readFileSync(join(ROOT, 'test/logseq/browser/host.html'), 'utf8')],
      '/driver.js': ['text/javascript', driver.outputFiles[0]!.text],
      '/plugin/index.js': ['text/javascript', plugin],
      '/favicon.ico': ['image/svg+xml', readFileSync(join(ROOT, 'dist/logseq/icon.svg'), 'utf8')],
    };
    server = createServer((req, res) => {
      const route = routes[req.url ?? ''];
      res.writeHead(route ? 200 : 404, { 'content-type': route?.[0] ?? 'text/plain' });
      res.end(route?.[1] ?? 'not found');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
    page = await browser.newPage({ viewport: { width: 1280, height: 860 }, deviceScaleFactor: 1 });
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    // Relative dates ("22 days ago") as of the test date, so the screenshots do not change daily.
    await page.clock.setFixedTime(new Date(`${TODAY}T12:00:00`));
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    const macroArguments = Object.fromEntries(MACROS.map((m) => [m, mldocMacroArguments(m) ?? []]));
    await page.evaluate((start) => window.mmStart(start), { files: [...filesOf(EXAMPLE_VAULT)], macroArguments });
    mkdirSync(SHOTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((r) => server?.close(r));
  });

  it('renders a page card into a macro slot (screenshot)', async () => {
    await page.evaluate(() => {
      document.getElementById('page-title')!.textContent = 'Billing Engine Maturity Status';
      window.mmRenderMacro('Components/Billing Engine.md', '{{renderer :maturity}}', 'block-1');
    });
    const card = page.locator('#block-1 .mm-card');
    await card.waitFor();
    expect(await card.locator('.mm-card-title').textContent()).toBe('Billing Engine');
    expect(await card.locator('.mm-logseq-reading li').count()).toBeGreaterThan(0);
    await page.locator('main').screenshot({ path: join(SHOTS, 'logseq-card.png') });
    // Logseq's dark theme: the card follows the host's --ls-* variables.
    await page.evaluate(() => document.documentElement.setAttribute('data-theme', 'dark'));
    const background = await card.evaluate((el) => getComputedStyle(el.closest('.mm')!).getPropertyValue('--mm-bg').trim());
    expect(background).toBe('#002b36');
    await page.locator('main').screenshot({ path: join(SHOTS, 'logseq-card-dark.png') });
    await page.evaluate(() => document.documentElement.setAttribute('data-theme', 'light'));
  });

  it('renders a query board into another slot (screenshot)', async () => {
    await page.evaluate(() => {
      document.getElementById('block-1')!.replaceChildren();
      document.getElementById('page-title')!.textContent = 'Nov 20th, 2026';
      window.mmRenderMacro('Daily/2026-11-20.md', '{{renderer :maturity-query, stage=development, staging, view=board}}', 'block-2');
    });
    const board = page.locator('#block-2 .mm-board');
    await board.waitFor();
    expect(await board.locator('.mm-board-item').count()).toBeGreaterThan(5);
    await page.locator('main').screenshot({ path: join(SHOTS, 'logseq-query-board.png') });
  });

  it('opens the dashboard from the toolbar; a click navigates to the page (screenshot)', async () => {
    await page.evaluate(() => window.mmToggleMain());
    const frame = page.frameLocator('#lsp-main-ui');
    await frame.locator('.mm-board-item').first().waitFor();
    await page.screenshot({ path: join(SHOTS, 'logseq-dashboard.png') });
    await frame.getByRole('tab', { name: 'Graph' }).click();
    await frame.locator('svg .mm-graph-node, svg [data-mm-id]').first().waitFor();
    await page.screenshot({ path: join(SHOTS, 'logseq-graph.png') });
    await frame.getByRole('tab', { name: 'Board' }).click();
    await frame.locator('.mm-board-item[data-mm-id="Components/Ledger.md"]').click();
    const navigations = await page.evaluate(() => window.mmFake.navigations);
    expect(navigations.at(-1)).toEqual({ route: 'page', params: { name: 'Ledger Maturity Status' } });
    expect(errors).toEqual([]);
  });
});
