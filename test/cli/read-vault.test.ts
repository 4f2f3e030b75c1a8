// Reading a vault (src/cli/files.ts): notes handed on in path order with a bounded number read
// ahead, every file left out named with why. (files.test.ts: unreadable notes in every output.)
import { chmodSync, mkdirSync, mkdtempSync, openSync, closeSync, ftruncateSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readVault } from '../../src/cli/files';
import { MAX_NOTE_BYTES } from '../../src/core/index';
import { note, run } from './run';

function vault(): string {
  const dir = mkdtempSync(join(tmpdir(), 'mm-files-'));
  mkdirSync(join(dir, 'b/c'), { recursive: true });
  mkdirSync(join(dir, 'a'));
  mkdirSync(join(dir, '.obsidian'));
  for (const [path, text] of <Array<[string, string]>>[['b/c/Zeta.md', note('Zeta', 'Staging')], ['a/Alpha.md', note('Alpha', 'Development', ['Zeta'])], ['Root.md', 'just text'], ['b/Beta.markdown', note('Beta', 'Production')], ['.obsidian/x.md', 'hidden'], ['a/image.png', 'not a note']]) {
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

describe('reading a vault', () => {
  it('hands every note on in path order, one at a time', async () => {
    const dir = vault();
    for (let i = 0; i < 60; i++) writeFileSync(join(dir, 'b', `n${String(i).padStart(2, '0')}.md`), `note ${i}`);
    const seen: string[] = [];
    const reading = await readVault(dir, (path) => seen.push(path));
    expect(seen).toEqual([...seen].sort());
    expect(seen).toContain('a/Alpha.md');
    expect(seen).toContain('b/Beta.markdown');
    expect(seen).not.toContain('.obsidian/x.md');
    expect(reading.noteCount).toBe(64);
    expect(reading.skipped).toEqual([]);
  });

  it('names every file it leaves out: binary, oversized, unreadable, links and pipes', async () => {
    const dir = vault();
    writeFileSync(join(dir, 'a/blob.md'), Buffer.from([0x89, 0x50, 0x00, 0x01]));
    // A sparse file just over the limit: no disk space used, never read.
    const fd = openSync(join(dir, 'a/huge.md'), 'w');
    ftruncateSync(fd, MAX_NOTE_BYTES + 1);
    closeSync(fd);
    symlinkSync(join(dir, 'a/Alpha.md'), join(dir, 'b/link.md'));
    symlinkSync(join(dir, 'b'), join(dir, 'linked-folder'));
    symlinkSync(join(dir, 'a/image.png'), join(dir, 'picture.png'));
    execFileSync('mkfifo', [join(dir, 'b/pipe.md')]);
    const locked = join(dir, 'b/locked.md');
    writeFileSync(locked, note('Locked', 'Staging'));
    chmodSync(locked, 0o000);
    const asRoot = process.getuid?.() === 0; // root reads a 000 file anyway
    const seen: string[] = [];
    const reading = await readVault(dir, (path) => seen.push(path));
    const reasons = Object.fromEntries(reading.skipped.map((s) => [s.path, `${s.kind}: ${s.reason}`]));
    expect(reasons).toMatchObject({
      'a/blob.md': 'unreadable: binary content, not a text note',
      'a/huge.md': 'unreadable: larger than 64 MB (65 MB)',
      'b/link.md': 'not-followed: symbolic link, not followed',
      'linked-folder': 'not-followed: symbolic link to a folder, not followed',
      'b/pipe.md': 'not-followed: not a regular file (a pipe, socket or device)',
    });
    if (!asRoot) expect(reasons['b/locked.md']).toBe('unreadable: unreadable (EACCES)');
    expect(reasons['picture.png']).toBeUndefined();
    expect(reading.skipped.map((s) => s.path)).toEqual(reading.skipped.map((s) => s.path).sort());
    expect(seen).toContain('a/Alpha.md');
    expect(seen).not.toContain('b/pipe.md');
  });

  it('links and pipes are named on stderr but are no file-unreadable diagnostic', () => {
    const dir = vault();
    writeFileSync(join(dir, 'a/blob.md'), Buffer.from([0x89, 0x50, 0x00, 0x01]));
    symlinkSync(join(dir, 'a/Alpha.md'), join(dir, 'b/link.md'));
    const scan = run('scan', dir, '--json', '--today', '2026-11-24');
    expect(scan.code).toBe(0);
    const json = JSON.parse(scan.stdout) as { diagnostics: Array<{ code: string; components: string[] }>; skipped: Array<{ path: string; kind: string }> };
    expect(json.diagnostics.filter((d) => d.code === 'file-unreadable').map((d) => d.components)).toEqual([['a/blob.md']]);
    expect(json.skipped.map((s) => `${s.path} ${s.kind}`)).toEqual(['a/blob.md unreadable', 'b/link.md not-followed']);
    const lint = run('lint', dir, '--today', '2026-11-24');
    expect(lint.stderr).toMatch(/skipped b\/link\.md: symbolic link, not followed/);
    expect(lint.stdout).not.toMatch(/link\.md/);
  });
});
