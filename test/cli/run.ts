// Running the built CLI (dist/) as a user would, and making throwaway vaults for it.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { buildGraphModel } from '../../src/core/index';
import { EXAMPLE_VAULT, loadFolder, ROOT } from '../helpers/vault';

export const CLI = join(ROOT, 'dist/cli/maturity-map.mjs');

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function run(...args: string[]): Run {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run "npm run build" first (npm test does).`);
  const result = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A temporary vault with the given notes (path → text). */
export function tempVault(notes: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'mm-vault-'));
  for (const [path, text] of Object.entries(notes)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

/** A component note whose name and owner are whatever the test needs. */
export function note(name: string, stage: string, deps: string[] = [], owner = 'team'): string {
  return `---\ncomponent: ${JSON.stringify(name)}\ntags: [maturity]\n---\n# ${name}\n\n**Current Stage**: ${stage}\n**Owner**: ${owner}\n**Last Updated**: 2026-11-20\n\n**Dependencies**:\n${deps.map((d) => `- [[${d}]]`).join('\n') || '- None'}\n\n### Development → Staging\n- [x] one\n- [ ] two\n\n**Status**: 1/2 criteria met\n`;
}

/** Names that try to break out of every output format. */
export const HOSTILE = 'Evil "] --> n0; click n0 "javascript:alert(1)" \\N \\" | *bold* _x_ [l](u) `c` $m$ </script><script>window.__mmXss=9</script>';

/** What the example vault holds, counted by the core, so view tests need not hard-code it. */
export function exampleCounts() {
  const index = loadFolder(EXAMPLE_VAULT);
  const components = index.components();
  const at = (stage: string | null) => components.filter((c) => (c.note.stage?.id ?? null) === stage).length;
  const severity = (s: string) => components.reduce((n, c) => n + c.diagnostics.filter((d) => d.severity === s).length, 0);
  return {
    components: components.length,
    edges: buildGraphModel(index).edges.length,
    development: at('development'),
    staging: at('staging'),
    production: at('production'),
    errors: severity('error'),
    warnings: severity('warning'),
  };
}
