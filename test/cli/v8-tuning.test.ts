// The CLI's V8 tuning (src/cli/v8-tuning.ts): flags this Node knows, nothing set when the user
// asks for V8's defaults, and the same output either way (it changes how fast, never what).
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { CLI_V8_FLAGS, tuneV8 } from '../../src/cli/v8-tuning';
import { ensureBuilt, runCli } from '../helpers/cli';
import { EXAMPLE_VAULT } from '../helpers/vault';

describe('the CLI tunes V8 for a short run', () => {
  it('sets only flags this Node accepts on its command line', () => {
    expect(CLI_V8_FLAGS.length).toBeGreaterThan(0);
    for (const flag of CLI_V8_FLAGS) {
      const node = spawnSync(process.execPath, [flag, '-e', '0'], { encoding: 'utf8' });
      expect(node.status, `${flag}: ${node.stderr}`).toBe(0);
      expect(node.stderr).toBe('');
    }
  });

  it('sets nothing when MATURITY_MAP_V8_DEFAULTS is set', () => {
    expect(tuneV8({ MATURITY_MAP_V8_DEFAULTS: '1' })).toEqual([]);
  });

  it('prints the same scan, JSON and lint with and without the tuning', () => {
    ensureBuilt();
    for (const args of [['scan', EXAMPLE_VAULT], ['scan', EXAMPLE_VAULT, '--json'], ['lint', EXAMPLE_VAULT]]) {
      const tuned = runCli([...args, '--today', '2026-11-24']);
      const plain = runCli([...args, '--today', '2026-11-24'], { env: { MATURITY_MAP_V8_DEFAULTS: '1' } });
      expect(tuned.stdout.length).toBeGreaterThan(200);
      expect(tuned).toEqual(plain);
    }
  });
});
