// The example vault's standalone dashboard, built once per suite into a temporary folder, and one
// Chromium to open it in. Call inside a suite: it registers the suite's beforeAll and afterAll.
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { run } from '../cli/run';
import { ROOT, TODAY } from '../helpers/vault';
import { CHROMIUM, CHROMIUM_ARGS } from './chromium';

export interface ExampleDashboard {
  /** The suite's temporary folder. */
  readonly work: string;
  /** The built page. */
  readonly page: string;
  /** Where screenshots go: docs/screenshots with MATURITY_MAP_UPDATE_SCREENSHOTS=1, else the temporary folder. */
  readonly shots: string;
  /** The suite's browser (launched in beforeAll). */
  browser(): Browser;
}

export function useExampleDashboard(prefix: string, fileName: string): ExampleDashboard {
  const work = mkdtempSync(join(tmpdir(), prefix));
  const page = join(work, fileName);
  const shots = process.env['MATURITY_MAP_UPDATE_SCREENSHOTS'] === '1' ? join(ROOT, 'docs/screenshots') : join(work, 'screenshots');
  let browser: Browser | null = null;
  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    const built = run('dashboard', 'examples/vault', '--today', TODAY, '-o', page);
    if (built.code !== 0) throw new Error(built.stderr);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    work,
    page,
    shots,
    browser() {
      if (!browser) throw new Error('the browser starts in beforeAll');
      return browser;
    },
  };
}
