// The set-up the dashboard's browser suites share: build the standalone dashboards they open (with
// the CLI, as a user does) into a fresh folder, launch one Chromium for the suite, and open a page
// in its own context that records page errors, console errors and warnings, dialogs and network
// requests. Screenshots go to docs/screenshots with MATURITY_MAP_UPDATE_SCREENSHOTS=1.
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { run } from '../cli/run';
import { ROOT, TODAY } from '../helpers/vault';
import { CHROMIUM, CHROMIUM_ARGS } from './chromium';

const UPDATE = process.env['MATURITY_MAP_UPDATE_SCREENSHOTS'] === '1';

export interface DashboardSuite {
  /** The suite's own temporary folder. */
  work: string;
  /** Where screenshots go: docs/screenshots when updating them, else inside `work`. */
  shots: string;
  /** The built dashboard of each vault named in `dashboards`, by that name. */
  pages: Record<string, string>;
  /** The suite's Chromium (launched in beforeAll). */
  browser(): Browser;
}

/**
 * Register the suite's beforeAll/afterAll (call inside `describeWithChromium`): build each
 * `dashboards` entry (name → vault folder) as `<name>.html` with `--today today`, and launch
 * Chromium; close it after.
 */
export function dashboardSuite(prefix: string, dashboards: Record<string, string>, today = TODAY): DashboardSuite {
  const work = mkdtempSync(join(tmpdir(), `mm-${prefix}-`));
  const shots = UPDATE ? join(ROOT, 'docs/screenshots') : join(work, 'screenshots');
  const pages = Object.fromEntries(Object.keys(dashboards).map((name) => [name, join(work, `${name}.html`)]));
  let browser: Browser | undefined;
  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    for (const [name, vault] of Object.entries(dashboards)) {
      const built = run('dashboard', vault, '--today', today, '-o', pages[name]!);
      if (built.code !== 0) throw new Error(built.stderr);
    }
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    work,
    shots,
    pages,
    browser: () => {
      if (!browser) throw new Error('Chromium is not launched yet (use the suite inside a test)');
      return browser;
    },
  };
}

export interface OpenedDashboard {
  page: Page;
  context: BrowserContext;
  /** Uncaught page errors and console errors and warnings. */
  errors: string[];
  /** Messages of the dialogs the page opened (each dismissed). */
  dialogs: string[];
  /** Every request the page made that is not for a file: URL. */
  requests: string[];
}

export interface OpenOptions {
  colorScheme?: 'light' | 'dark';
  viewport?: { width: number; height: number };
  /** Let a test tool (axe) inject its script past the page's CSP. */
  bypassCSP?: boolean;
}

/** Open a built dashboard from file:// in a new context, once its script has built the page. */
export async function openDashboard(browser: Browser, file: string, options: OpenOptions = {}): Promise<OpenedDashboard> {
  const { colorScheme = 'light', viewport = { width: 1400, height: 900 }, bypassCSP = false } = options;
  const context = await browser.newContext({ colorScheme, viewport, deviceScaleFactor: 1, bypassCSP });
  const page = await context.newPage();
  const opened: OpenedDashboard = { page, context, errors: [], dialogs: [], requests: [] };
  page.on('pageerror', (err) => opened.errors.push(String(err)));
  page.on('console', (msg) => {
    if (msg.type() === 'error' || msg.type() === 'warning') opened.errors.push(msg.text());
  });
  page.on('dialog', (dialog) => {
    opened.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('request', (request) => {
    if (!request.url().startsWith('file:')) opened.requests.push(request.url());
  });
  await page.goto(pathToFileURL(file).href);
  await page.waitForSelector('.mm-dashboard');
  return opened;
}
