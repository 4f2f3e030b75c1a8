// Reading a vault from disk: binary and oversized notes are skipped (never read whole) and
// reported as file-unreadable in every output; the rest of the vault is read as usual.
import { mkdirSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_NOTE_BYTES } from '../../src/core/index';
import { note, run, tempVault } from './run';

function vaultWithBadFiles(): string {
  const dir = tempVault({ 'notes/Api.md': note('Api', 'Development') });
  writeFileSync(join(dir, 'notes/blob.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01]));
  mkdirSync(join(dir, 'big'));
  writeFileSync(join(dir, 'big/huge.md'), '');
  truncateSync(join(dir, 'big/huge.md'), MAX_NOTE_BYTES + 1); // sparse: costs no disk
  return dir;
}

describe('unreadable notes', () => {
  const dir = vaultWithBadFiles();

  it('scan --json lists them as skipped and as file-unreadable diagnostics', () => {
    const result = run('scan', dir, '--json', '--today', '2026-11-24');
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout) as { components: Array<{ name: string }>; skipped: Array<{ path: string; reason: string }>; diagnostics: Array<{ code: string; message: string; components: string[] }> };
    expect(json.components.map((c) => c.name)).toEqual(['Api']);
    expect(json.skipped.map((s) => s.path).sort()).toEqual(['big/huge.md', 'notes/blob.md']);
    expect(json.diagnostics.filter((d) => d.code === 'file-unreadable')).toEqual([
      { code: 'file-unreadable', severity: 'warning', message: 'big/huge.md was not read: larger than 64 MB (65 MB).', components: ['big/huge.md'] },
      { code: 'file-unreadable', severity: 'warning', message: 'notes/blob.md was not read: binary content, not a text note.', components: ['notes/blob.md'] },
    ]);
  });

  it('lint shows them and, as warnings, does not fail on them', () => {
    const result = run('lint', dir, '--today', '2026-11-24');
    expect(result.stdout).toMatch(/file-unreadable.*notes\/blob\.md was not read: binary content/);
    expect(result.stdout).toMatch(/file-unreadable.*big\/huge\.md was not read: larger than 64 MB/);
    expect(result.code).toBe(0);
    expect(run('lint', dir, '--today', '2026-11-24', '--format', 'github').stdout).toMatch(/::warning file=[^,]*notes\/blob\.md,.*file-unreadable/);
  });

  it('the settings can turn them off', () => {
    writeFileSync(join(dir, '.maturity-map.json'), '{"severity":{"file-unreadable":"off"}}');
    const json = JSON.parse(run('scan', dir, '--json').stdout) as { diagnostics: Array<{ code: string }> };
    expect(json.diagnostics.some((d) => d.code === 'file-unreadable')).toBe(false);
  });
});
