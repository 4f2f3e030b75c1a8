// A note read back from its tape is built as the parser builds it, down to V8's hidden classes:
// the views and readiness read both kinds of note, and where the kinds differed (lists made by
// `new Array(n)`, "holey" in V8) every edit's rebuilt views ran slower and its p95 doubled.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateNotes } from '../../bench/generator/vault';
import { EXAMPLE_VAULT, listMarkdown, readNote } from '../helpers/vault';

describe('compact notes read back', () => {
  it('have the parser’s hidden classes: every object and list, on the example vault and generated notes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mm-shapes-'));
    try {
      const outfile = join(dir, 'probe.mjs');
      await build({ entryPoints: ['test/helpers/shape-probe.ts'], outfile, bundle: true, platform: 'node', format: 'esm', logLevel: 'silent', banner: { js: "import { createRequire } from 'node:module';\nconst require = createRequire(import.meta.url);" } });
      const texts = [...listMarkdown(EXAMPLE_VAULT).map((path) => readNote(EXAMPLE_VAULT, path)), ...[...generateNotes({ notes: 60, seed: 11 })].map((n) => n.text)];
      const run = spawnSync(process.execPath, ['--allow-natives-syntax', outfile], { input: JSON.stringify(texts), encoding: 'utf8' });
      expect(run.stderr).toBe('');
      const result = JSON.parse(run.stdout) as { objects: number; differing: Record<string, number> };
      expect(result.objects).toBeGreaterThan(5000);
      expect(result.differing).toEqual({});
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
