// The corpus switch: a missing corpus skips its suites with a notice, except under
// MATURITY_MAP_REQUIRE_CORPUS=1 (set by .ci/run), where it fails the run.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { corpusAvailable, ROOT } from './vault';

describe('corpusAvailable', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
  });

  it('skips with a notice when a corpus folder is absent', () => {
    vi.stubEnv('MATURITY_MAP_REQUIRE_CORPUS', '');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(corpusAvailable('no-such-folder')).toBe(false);
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/^NOTICE: .*no-such-folder is absent; corpus tests are skipped\.$/));
  });

  it('fails when the corpus is required', () => {
    vi.stubEnv('MATURITY_MAP_REQUIRE_CORPUS', '1');
    expect(() => corpusAvailable('no-such-folder')).toThrow(/MATURITY_MAP_REQUIRE_CORPUS=1, but .*no-such-folder is absent/);
  });

  it('CI requires it', () => {
    expect(readFileSync(join(ROOT, '.ci/run'), 'utf8')).toMatch(/^export MATURITY_MAP_REQUIRE_CORPUS=1$/m);
  });
});
