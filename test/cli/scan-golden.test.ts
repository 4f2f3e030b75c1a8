// `scan --json` of the example vault and of the corpus, byte for byte as main gave it before the
// scale work (d775298): shared-name ranking, batching, the first look and concurrent reading must
// not change a result. The example vault's JSON is kept whole; the corpus's as one digest per
// component (its text stays out of the project). A deliberate change of output regenerates both
// with MATURITY_MAP_UPDATE_GOLDEN=1 (and says why in the commit).
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpusAvailable, ROOT } from '../helpers/vault';
import { run } from './run';

const UPDATE = process.env['MATURITY_MAP_UPDATE_GOLDEN'] === '1';
const EXAMPLE_GOLDEN = join(ROOT, 'test/fixtures/scan-example-vault.json');
const CORPUS_GOLDEN = join(ROOT, 'test/fixtures/scan-corpus-digests.json');

interface Digests {
  rest: string;
  components: Record<string, string>;
}

function scanJson(dir: string): string {
  const result = run('scan', '--json', '--today', '2026-11-24', dir);
  expect(result.code, result.stderr).toBe(0);
  return result.stdout;
}

function sha(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 16);
}

function digests(text: string): Digests {
  const { components, ...rest } = JSON.parse(text) as { components: Array<{ id: string }> };
  return { rest: sha(rest), components: Object.fromEntries(components.map((c) => [c.id, sha(c)])) };
}

describe('scan --json is unchanged (golden output)', () => {
  it('on examples/vault, byte for byte', () => {
    const out = scanJson('examples/vault');
    if (UPDATE) writeFileSync(EXAMPLE_GOLDEN, out);
    expect(out).toBe(readFileSync(EXAMPLE_GOLDEN, 'utf8'));
  });

  describe.runIf(corpusAvailable('tta-kb') && corpusAvailable('tta-repo'))('on the corpus', () => {
    it('component by component (digests)', () => {
      const golden = JSON.parse(readFileSync(CORPUS_GOLDEN, 'utf8')) as Record<string, Digests>;
      const now: Record<string, Digests> = {};
      for (const name of ['tta-kb', 'tta-repo']) now[name] = digests(scanJson(`../shared/corpus/${name}`));
      if (UPDATE) writeFileSync(CORPUS_GOLDEN, `${JSON.stringify(now, null, 2)}\n`);
      expect(now).toEqual(golden);
    });
  });
});
