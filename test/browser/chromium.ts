// Finding Chromium for the browser suite. A missing browser skips the suite with a loud notice,
// or fails it when MATURITY_MAP_REQUIRE_BROWSER=1 (CI sets it in .ci/run).
import { existsSync } from 'node:fs';
import { describe, it } from 'vitest';

/** Debian's chromium; MATURITY_MAP_CHROMIUM points elsewhere (and lets the skip path be tried). */
export const CHROMIUM = process.env['MATURITY_MAP_CHROMIUM'] ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];

/** Run `suite` when Chromium is installed; otherwise skip loudly or fail, as the environment asks. */
export function describeWithChromium(name: string, suite: () => void): void {
  if (existsSync(CHROMIUM)) {
    describe(name, suite);
    return;
  }
  const required = process.env['MATURITY_MAP_REQUIRE_BROWSER'] === '1';
  const bar = '!'.repeat(78);
  const notice = `\n${bar}\n!! BROWSER SUITE ${required ? 'FAILED' : 'SKIPPED'}: ${CHROMIUM} is missing, so "${name}" did not run.\n!! Install it: apt-get install -y --no-install-recommends chromium\n!! ${required ? 'MATURITY_MAP_REQUIRE_BROWSER=1 makes this a failure.' : 'Set MATURITY_MAP_REQUIRE_BROWSER=1 to make a missing browser fail the run.'}\n${bar}\n`;
  if (required) {
    describe(name, () => {
      it('needs Chromium (MATURITY_MAP_REQUIRE_BROWSER=1)', () => {
        throw new Error(notice);
      });
    });
    return;
  }
  process.stderr.write(notice);
  describe.skip(name, () => {
    it('needs Chromium', () => undefined);
  });
}
