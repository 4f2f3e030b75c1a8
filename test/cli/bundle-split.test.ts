// The built CLI loads per command: `scan` (the command CI runs on every push) evaluates neither the
// graph layout engine (d3-dag) nor the diff code of the editing commands. Checked on the built
// chunks by following their static imports from the entry, as Node does.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/vault';

const DIR = join(ROOT, 'dist/cli');
const STATIC_IMPORT = /^import\s[^;]*?from\s*"\.\/([\w-]+\.mjs)";?$/gm;
const DYNAMIC_IMPORT = /import\("\.\/([\w-]+\.mjs)"\)/g;

function code(file: string): string {
  return readFileSync(join(DIR, file), 'utf8');
}

/** Every chunk evaluated when `file` is: itself and its static imports, transitively. */
function evaluatedWith(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  for (const m of code(file).matchAll(STATIC_IMPORT)) evaluatedWith(m[1]!, seen);
  return seen;
}

function commandChunk(name: string): string {
  const entry = code('maturity-map.mjs');
  const line = entry.split('\n').find((l) => l.includes(`name: "${name}"`));
  const target = line ? [...line.matchAll(DYNAMIC_IMPORT)][0]?.[1] : undefined;
  if (!target) throw new Error(`no chunk loaded for the ${name} command`);
  return target;
}

function loads(files: Set<string>, marker: string): boolean {
  return [...files].some((f) => code(f).includes(marker));
}

describe('the CLI bundle is split per command', () => {
  it('has the entry and one chunk per command', () => {
    const names = readdirSync(DIR).filter((n) => n.endsWith('.mjs'));
    expect(names).toContain('maturity-map.mjs');
    for (const command of ['scan', 'lint', 'graph', 'fix', 'promote']) expect(names).toContain(commandChunk(command));
  });

  it('starts without the command code: `--version` and `--help` evaluate no library', () => {
    const files = evaluatedWith('maturity-map.mjs');
    for (const marker of ['sugiyama', 'structuredPatch', 'YAMLMap', 'ZodError']) expect(loads(files, marker), marker).toBe(false);
  });

  it('scan and lint evaluate neither the layout engine nor the diff code', () => {
    for (const command of ['scan', 'lint']) {
      const files = evaluatedWith(commandChunk(command));
      expect(loads(files, 'sugiyama'), `${command} loads d3-dag`).toBe(false);
      expect(loads(files, 'structuredPatch'), `${command} loads the diff library`).toBe(false);
    }
  });

  it('graph does load the layout engine (the marker is real)', () => {
    expect(loads(evaluatedWith(commandChunk('graph')), 'sugiyama')).toBe(true);
  });
});
