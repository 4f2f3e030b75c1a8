// `fix` and `promote` as users run them: what they write, what they refuse, and that a note they
// do not mean to change keeps every byte (and its mtime).
import { chmodSync, cpSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, runCli } from '../helpers/cli';
import { EXAMPLE_VAULT, listMarkdown } from '../helpers/vault';

beforeAll(ensureBuilt);

function copyVault(): string {
  const dir = mkdtempSync(join(tmpdir(), 'mm-edit-'));
  cpSync(EXAMPLE_VAULT, dir, { recursive: true });
  return dir;
}

function snapshot(dir: string): Map<string, { bytes: Buffer; mtimeMs: number }> {
  return new Map(listMarkdown(dir).map((p) => [p, { bytes: readFileSync(join(dir, p)), mtimeMs: statSync(join(dir, p)).mtimeMs }]));
}

function changedFiles(before: Map<string, { bytes: Buffer; mtimeMs: number }>, dir: string): string[] {
  const after = snapshot(dir);
  return [...after.keys()].filter((p) => !before.get(p)?.bytes.equals(after.get(p)!.bytes) || before.get(p)!.mtimeMs !== after.get(p)!.mtimeMs).sort();
}

const tempFiles = (dir: string) => readdirSync(dir, { recursive: true }).map(String).filter((f) => f.endsWith('.maturity-map.tmp'));

const NOTE = ['# Api Maturity Status', '', '**Current Stage**: Development', '**Owner**: api', '', '## Maturity Criteria', '', '### Development → Staging', '', '- [x] a', '- [x] b', '', '**Status**: 1/2 criteria met  ', ''];

describe('maturity-map fix', () => {
  it('fixes the component notes of a folder and touches no other file', () => {
    const dir = copyVault();
    const before = snapshot(dir);
    const { code, stdout } = runCli(['fix', dir]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/3 status lines fixed in 2 notes \(\d+ checked\)/);
    expect(changedFiles(before, dir)).toEqual(['Components/Billing Engine.md', 'Components/Report Builder.md']);
    expect(readFileSync(join(dir, 'Components/Billing Engine.md'), 'utf8')).toContain('**Status**: ✅ **6/7 criteria met - READY**');
    // The template keeps its X/7 placeholder: it is not a component.
    expect(readFileSync(join(dir, 'Templates/Component Maturity Template.md'), 'utf8')).toBe(before.get('Templates/Component Maturity Template.md')!.bytes.toString('utf8'));
    const again = runCli(['fix', dir]);
    expect(again.stdout).toMatch(/0 status lines fixed in 0 notes/);
    expect(runCli(['lint', dir, '--today', '2026-11-24']).stdout).not.toMatch(/status-count-mismatch/);
    expect(tempFiles(dir)).toEqual([]);
  });

  it('--check and --dry-run write nothing', () => {
    const dir = copyVault();
    const before = snapshot(dir);
    const check = runCli(['fix', dir, '--check']);
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(/Components\/Billing Engine\.md: 1 status line\(s\) out of date/);
    const dry = runCli(['fix', dir, '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('-**Status**: ✅ **7/7 criteria met - READY**\n+**Status**: ✅ **6/7 criteria met - READY**');
    expect(changedFiles(before, dir)).toEqual([]);
  });

  it('fixes one file and keeps CRLF, BOM, trailing spaces and the file mode', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mm-fix-'));
    const file = join(dir, 'Api.md');
    const text = `\ufeff${NOTE.join('\r\n')}`;
    writeFileSync(file, text);
    chmodSync(file, 0o640);
    const { code } = runCli(['fix', file]);
    expect(code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(text.replace('1/2 criteria met  ', '2/2 criteria met  '));
    expect(statSync(file).mode & 0o777).toBe(0o640);
  });

  it('refuses a note that is not UTF-8 or is read-only, and leaves it as it was', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mm-fix-'));
    const latin1 = join(dir, 'Latin.md');
    const bytes = Buffer.concat([Buffer.from(NOTE.join('\n').replace('# Api', '# Caf'), 'utf8'), Buffer.from([0xe9, 0x0a])]);
    writeFileSync(latin1, bytes);
    const bad = runCli(['fix', latin1]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/not valid UTF-8/);
    expect(readFileSync(latin1).equals(bytes)).toBe(true);

    const locked = join(dir, 'Locked.md');
    writeFileSync(locked, NOTE.join('\n'));
    chmodSync(locked, 0o444);
    const ro = runCli(['fix', locked]);
    expect(ro.code).toBe(2);
    expect(ro.stderr).toMatch(/read-only/);
    expect(readFileSync(locked, 'utf8')).toBe(NOTE.join('\n'));
    expect(tempFiles(dir)).toEqual([]);
  });

  it('explains a missing target', () => {
    const { code, stderr } = runCli(['fix', '/nonexistent/note.md']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/no such file or folder/);
  });
});

describe('maturity-map promote', () => {
  it('refuses with the reasons and writes nothing', () => {
    const dir = copyVault();
    mkdirSync(join(dir, '.obsidian')); // the vault root is found by its marker
    const before = snapshot(dir);
    const { code, stdout } = runCli(['promote', join(dir, 'Components/Billing Engine.md'), '--to', 'production', '--today', '2026-11-24']);
    expect(code).toBe(1);
    expect(stdout).toMatch(/blocks criteria-unmet: Staging → Production: 1\/8 criteria met/);
    expect(stdout).toMatch(/blocks dependency-behind: Dependency Ledger is at Development, below Production/);
    expect(stdout).toMatch(/not promoted: .*--force/);
    expect(stdout).toMatch(/^Components\/Billing Engine\.md:48: blocks/m);
    expect(changedFiles(before, dir)).toEqual([]);
  });

  it('--dry-run prints the unified diff; --force writes exactly that', () => {
    const dir = copyVault();
    const file = join(dir, 'Components/Billing Engine.md');
    const original = readFileSync(file, 'utf8');
    const dry = runCli(['promote', file, '--to', 'production', '--today', '2026-11-24', '--force', '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('-**Current Stage**: Staging (Promoted)\n+**Current Stage**: Production (Promoted 2026-11-24)');
    expect(dry.stdout).toContain('+- **2026-11-24**: Promoted to Production');
    expect(readFileSync(file, 'utf8')).toBe(original);

    const before = snapshot(dir);
    const forced = runCli(['promote', file, '--to', 'production', '--today', '2026-11-24', '--force', '--reference', 'Issue #300', '--vault', dir]);
    expect(forced.code).toBe(0);
    expect(forced.stdout).toMatch(/promoted Components\/Billing Engine\.md: staging → production \(forced\)/);
    expect(changedFiles(before, dir)).toEqual(['Components/Billing Engine.md']);
    const after = readFileSync(file, 'utf8').split('\n');
    const lines = original.split('\n');
    expect(after.length).toBe(lines.length + 1);
    expect(after.filter((l) => !lines.includes(l))).toEqual(['**Current Stage**: Production (Promoted 2026-11-24)', '- **2026-11-24**: Promoted to Production (Issue #300)']);
    expect(runCli(['scan', dir, '--json', '--today', '2026-11-24']).stdout).toMatch(/"name": "Billing Engine",[\s\S]*?"stage": "production"/);
  });

  it('promotes a ready note through a symlink without replacing the link', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mm-promote-'));
    const real = join(dir, 'Api.md');
    writeFileSync(real, NOTE.join('\n').replace('1/2', '2/2'));
    symlinkSync(real, join(dir, 'Link.md'));
    const { code, stdout } = runCli(['promote', join(dir, 'Link.md'), '--to', 'staging', '--today', '2026-11-24']);
    expect(stdout).toMatch(/promoted/);
    expect(code).toBe(0);
    expect(lstatSync(join(dir, 'Link.md')).isSymbolicLink()).toBe(true);
    expect(readFileSync(real, 'utf8')).toContain('**Current Stage**: Staging (Promoted 2026-11-24)');
  });

  it('gives clear messages for bad usage and unreadable notes', () => {
    expect(runCli(['promote', 'examples/vault/Components/Ledger.md']).stderr).toMatch(/missing --to/);
    const missing = runCli(['promote', '/nonexistent/Api.md', '--to', 'staging']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/cannot read \/nonexistent\/Api\.md \(no such file\)/);
    const folder = runCli(['promote', 'examples/vault/Components', '--to', 'staging']);
    expect(folder.code).toBe(2);
    expect(folder.stderr).toMatch(/is not a file/);
    const already = runCli(['promote', 'examples/vault/Components/Ledger.md', '--to', 'development', '--dry-run']);
    expect(already.code).toBe(1);
    expect(already.stdout).toMatch(/refused not-a-promotion/);
  });

  it('mirrors the new stage into a front-matter property when the mirrorStage setting is on', () => {
    const dir = copyVault();
    writeFileSync(join(dir, '.maturity-map.json'), JSON.stringify({ mirrorStage: { enabled: true, property: 'stage' } }));
    const file = join(dir, 'Components/Billing Engine.md');
    const before = readFileSync(file, 'utf8');
    const { code } = runCli(['promote', file, '--to', 'production', '--today', '2026-11-24', '--force']);
    expect(code).toBe(0);
    const after = readFileSync(file, 'utf8');
    expect(after).toMatch(/^---\n[\s\S]*\nstage: Production\n---\n/);
    expect(before).not.toMatch(/^stage:/m);
    // Off (no settings file): no property.
    const plain = copyVault();
    runCli(['promote', join(plain, 'Components/Billing Engine.md'), '--to', 'production', '--today', '2026-11-24', '--force']);
    expect(readFileSync(join(plain, 'Components/Billing Engine.md'), 'utf8')).not.toMatch(/^stage:/m);
  });
});
