// The README's promise: after `npm install && npm start`, every command it shows runs as printed.
// Each `npx maturity-map …` line of the README runs against the built CLI (what `npx` resolves to
// in this repository), from a scratch folder that sees examples/ as the repository does.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, ensureBuilt } from '../helpers/cli';
import { ROOT } from '../helpers/vault';
import { Window } from 'happy-dom';
import { loadDashboardData } from '../../src/render/dashboard/data';
import { readPageData } from '../../src/render/dashboard/page-data';

const README = readFileSync(join(ROOT, 'README.md'), 'utf8');

/** Shell words of one command line: plain words and double-quoted strings, comments dropped. */
function words(line: string): string[] {
  const code = line.replace(/\s+#\s.*$/, '');
  return [...code.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]!);
}

/** Relative link targets of a Markdown text, without their #anchors. */
function localLinks(markdown: string): string[] {
  return [...markdown.matchAll(/\]\(([^)#\s]+)(#[^)]*)?\)/g)].map((m) => m[1]!).filter((t) => !/^[a-z]+:/.test(t));
}

const commands = README.split('\n').filter((line) => line.startsWith('npx maturity-map '));

describe('the README', () => {
  it('shows the CLI at a glance, and the quick start is two commands', () => {
    expect(commands.length).toBeGreaterThanOrEqual(8);
    const quickStart = /## Quick start[\s\S]*?```sh\n([\s\S]*?)```/.exec(README)?.[1] ?? '';
    expect(quickStart.trim().split('\n').map((l) => l.replace(/\s+#.*$/, ''))).toEqual(['npm install && npm start', 'npm test']);
    const start = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts['start'];
    expect(start).toMatch(/--only cli/);
    expect(start).toMatch(/--only dashboard/);
  });

  it('stays on one screen or two: at most 12 KB', () => {
    expect(Buffer.byteLength(README)).toBeLessThanOrEqual(12 * 1024);
  });

  it('links only to files that exist', () => {
    expect(localLinks(README).length).toBeGreaterThan(10);
    for (const target of localLinks(README)) expect(existsSync(join(ROOT, target)), target).toBe(true);
  });

  it('the docs it links to link only to files that exist', () => {
    const docs = readdirSync(join(ROOT, 'docs')).filter((f) => f.endsWith('.md'));
    expect(docs).toEqual(expect.arrayContaining(['architecture.md', 'cli.md', 'json.md', 'logseq.md', 'obsidian.md', 'readiness.md', 'testing.md']));
    for (const doc of docs) {
      const file = join(ROOT, 'docs', doc);
      for (const target of localLinks(readFileSync(file, 'utf8'))) expect(existsSync(join(dirname(file), target)), `${doc} → ${target}`).toBe(true);
    }
  });

  it('names only npm scripts that exist', () => {
    const scripts = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    const named = [...README.matchAll(/npm run ([\w:-]+)/g)].map((m) => m[1]!);
    expect(named).toEqual(expect.arrayContaining(['package:obsidian', 'package:logseq']));
    for (const name of named) expect(scripts[name], `npm run ${name}`).toBeDefined();
  });

  it('shows the GitHub Action workflow exactly as docs/integrations.md does', () => {
    const example = (text: string) => /<!-- workflow example -->\n```yaml\n([\s\S]*?)```/.exec(text)?.[1] ?? '';
    const fromDocs = example(readFileSync(join(ROOT, 'docs', 'integrations.md'), 'utf8'));
    expect(fromDocs).toMatch(/uses: OWNER\/maturity-map@/);
    expect(example(README)).toBe(fromDocs);
  });

  describe('every command it shows runs as printed', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'mm-readme-'));
    symlinkSync(join(ROOT, 'examples'), join(cwd, 'examples'));
    ensureBuilt();

    /** What a command says: its output, or for the dashboard page the component names it packs. */
    const said = async (output: string): Promise<string> => {
      if (!output.includes('<script type="application/json" id="mm-data">')) return output;
      const doc = new new Window().DOMParser().parseFromString(output, 'text/html') as unknown as Document;
      const { data: page } = await loadDashboardData(readPageData(doc));
      return page.components.map((c) => c.name).join('\n');
    };

    it.each(commands)('%s', async (line) => {
      const [, , ...args] = words(line);
      const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
      // 1 is a check that found something (lint errors, a status line to fix): the example vault has both.
      expect([0, 1], result.stderr).toContain(result.status);
      expect(result.stderr).not.toMatch(/unexpected failure|missing|run "npm run build"/);
      const output = args.includes('-o') ? readFileSync(join(cwd, args[args.indexOf('-o') + 1]!), 'utf8') : result.stdout;
      // Every command speaks about the example vault's components by name.
      expect(await said(output)).toMatch(/Billing Engine|Components\/Billing Engine\.md/);
    });

    it('wrote the dashboard page it promised', () => {
      const page = join(cwd, 'report.html');
      expect(existsSync(page) && statSync(page).size).toBeGreaterThan(50_000);
      expect(readFileSync(page, 'utf8')).toMatch(/<script type="application\/json"/);
    });
  });
});
