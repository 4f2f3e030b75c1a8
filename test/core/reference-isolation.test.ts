// The remark reference parse is for tests and benchmarks only: nothing under src/ may import it
// (or remark itself), and no shipped bundle may contain it.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/vault';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? sources(full) : /\.ts$/.test(name) ? [full] : [];
  });
}

/** The CLI is split into chunks (one per command plus shared ones): every one is checked. */
function cliChunks(): string[] {
  const dir = join(ROOT, 'dist/cli');
  return existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith('.mjs')).map((name) => `dist/cli/${name}`) : [];
}

const BUNDLES = ['dist/cli/maturity-map.mjs', ...cliChunks().filter((f) => !f.endsWith('/maturity-map.mjs')), 'dist/obsidian/main.js', 'dist/logseq/index.js', 'dist/logseq/plugin.js', 'dist/dashboard/dashboard.js', 'dist/dashboard/dashboard-graph.js', 'dist/dashboard/dashboard-layout-worker.js'];

describe('the remark reference stays out of the product', () => {
  it('is imported by no module under src/', () => {
    const offenders = sources(join(ROOT, 'src'))
      .filter((file) => !file.endsWith('src/core/parse/reference.ts'))
      .filter((file) => /from ['"](\.{1,2}\/)+(core\/)?(parse\/)?reference['"]|from ['"](unified|remark-[\w-]+|micromark[\w-]*|mdast-[\w-]+)['"]/.test(readFileSync(file, 'utf8')))
      .map((file) => relative(ROOT, file));
    expect(offenders).toEqual([]);
  });

  it('is in no built bundle', () => {
    // A bundle that is not there proves nothing: every one must be built (npm test builds first).
    expect(BUNDLES.filter((b) => !existsSync(join(ROOT, b))), 'missing bundles: run npm run build').toEqual([]);
    for (const bundle of BUNDLES) {
      const code = readFileSync(join(ROOT, bundle), 'utf8');
      expect(code.includes('micromark') || code.includes('remark-gfm') || code.includes('mdast-util-from-markdown'), bundle).toBe(false);
    }
  });
});
