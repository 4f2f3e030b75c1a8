// `maturity-map fix --links` as users run it: plain-text dependencies become links, only the
// brackets are written, a second run and --dry-run/--check write nothing, Logseq graphs get page refs.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, runCli } from '../helpers/cli';
import { EXAMPLE_VAULT, listMarkdown } from '../helpers/vault';

beforeAll(ensureBuilt);

function copyVault(): string {
  const dir = mkdtempSync(join(tmpdir(), 'mm-links-'));
  cpSync(EXAMPLE_VAULT, dir, { recursive: true });
  return dir;
}

function snapshot(dir: string): Map<string, Buffer> {
  return new Map(listMarkdown(dir).map((p) => [p, readFileSync(join(dir, p))]));
}

function changed(before: Map<string, Buffer>, dir: string): string[] {
  return listMarkdown(dir).filter((p) => !before.get(p)?.equals(readFileSync(join(dir, p)))).sort();
}

/** Every dependency edge the CLI's scan reports, `from → to`. */
function edges(dir: string): string[] {
  const scan = JSON.parse(runCli(['scan', dir, '--json', '--today', '2026-11-24']).stdout) as { components: Array<{ id: string; dependencies: Array<{ id: string | null; name: string }> }> };
  return scan.components.flatMap((c) => c.dependencies.map((d) => `${c.id} → ${d.id ?? `?${d.name}`}`)).sort();
}

describe('maturity-map fix --links', () => {
  it('links the plain-text dependencies of the component notes and nothing else', () => {
    const dir = copyVault();
    const before = snapshot(dir);
    const edgesBefore = edges(dir);
    const { code, stdout, stderr } = runCli(['fix', '--links', dir]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/2 dependencies linked in 2 notes \(\d+ checked, obsidian links\), 3 left as text/);
    expect(stdout).toContain('line 48: [[Ledger]]');
    expect(stderr).toContain('Components/Experiment Tracker.md:31: "Redis" is not a known component; left as text');
    expect(changed(before, dir)).toEqual(['Components/Billing Engine.md', 'Components/Ledger.md']);
    const billing = readFileSync(join(dir, 'Components/Billing Engine.md'), 'utf8');
    expect(billing).toContain('- [[Ledger]] (Current Stage: Development - BLOCKED)\n');
    // Byte for byte: the brackets out again give the original file.
    expect(Buffer.from(billing.replace('[[Ledger]]', 'Ledger')).equals(before.get('Components/Billing Engine.md')!)).toBe(true);
    const again = runCli(['fix', '--links', dir]);
    expect(again.stdout).toMatch(/^0 dependencies linked in 0 notes/m);
    // The dependency graph is the same as before: the links resolve where the names did.
    expect(edges(dir)).toEqual(edgesBefore);
    expect(edgesBefore).toContain('Components/Billing Engine.md → Components/Ledger.md');
  });

  it('--dry-run prints the diff and --check exits 1, both writing nothing', () => {
    const dir = copyVault();
    const before = snapshot(dir);
    const dry = runCli(['fix', '--links', dir, '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('-- Ledger (Current Stage: Development - BLOCKED)\n+- [[Ledger]] (Current Stage: Development - BLOCKED)');
    expect(dry.stdout).toMatch(/2 dependencies to link in 2 notes/);
    const check = runCli(['fix', '--links', dir, '--check']);
    expect(check.code).toBe(1);
    expect(check.stdout).toContain('Components/Ledger.md: 1 dependency not linked');
    expect(changed(before, dir)).toEqual([]);
  });

  it('links one file, resolving against the vault around it', () => {
    const dir = copyVault();
    const file = join(dir, 'Components/Ledger.md');
    const mode = statSync(file).mode;
    const { code } = runCli(['fix', '--links', file]);
    expect(code).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('- [[Session Store]] (Current Stage: Production)');
    expect(statSync(file).mode).toBe(mode);
    expect(readFileSync(join(dir, 'Components/Billing Engine.md'), 'utf8')).toContain('- Ledger (Current Stage');
  });

  it('writes Logseq page references in a Logseq graph (title property and namespaces)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mm-links-logseq-'));
    mkdirSync(join(dir, 'logseq'));
    mkdirSync(join(dir, 'pages'));
    writeFileSync(join(dir, 'logseq', 'config.edn'), '{:file/name-format :triple-lowbar}\n');
    const page = (stage: string, deps: string) => `tags:: maturity\n\n- **Current Stage**: ${stage}\n- **Owner**: team\n- ## Dependencies\n${deps}\n`;
    writeFileSync(join(dir, 'pages', 'Api.md'), page('Development', '\t- Ledger (Current Stage: Staging)\n\t- Store (Current Stage: Staging)'));
    writeFileSync(join(dir, 'pages', 'Finance___Ledger.md'), page('Staging', '\t- None'));
    writeFileSync(join(dir, 'pages', 'store.md'), `title:: Store\n${page('Staging', '\t- None')}`);
    const { code, stdout } = runCli(['fix', '--links', join(dir, 'pages', 'Api.md')]);
    expect(stdout).toMatch(/logseq links/);
    expect(code).toBe(0);
    const text = readFileSync(join(dir, 'pages', 'Api.md'), 'utf8');
    expect(text).toContain('\t- [Ledger]([[Finance/Ledger]]) (Current Stage: Staging)\n');
    expect(text).toContain('\t- [[Store]] (Current Stage: Staging)\n');
  });

  it('refuses an unknown --host, and --host without --links', () => {
    const dir = copyVault();
    expect(runCli(['fix', '--links', dir, '--host', 'roam']).code).toBe(2);
    expect(runCli(['fix', dir, '--host', 'logseq']).code).toBe(2);
  });
});
