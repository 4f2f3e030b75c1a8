// `fix` and `promote` as processes, with another writer at the worst moment (the writer's test
// seam stops the CLI there; no sleeps), and run as another user than the note's owner.
import { appendFileSync, chmodSync, chownSync, closeSync, linkSync, mkdtempSync, openSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, runCli, startHeld } from '../helpers/cli';

beforeAll(ensureBuilt);

const NOTE = '# Api\n\n**Current Stage**: Development\n**Owner**: api\n\n### Development → Staging\n- [x] a\n- [x] b\n\n**Status**: 1/2 criteria met\n';
const FIXED = NOTE.replace('1/2 criteria met', '2/2 criteria met');
const isRoot = process.getuid?.() === 0;
const NOBODY = 65534;

function noteIn(dirMode = 0o700): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'mm-race-'));
  chmodSync(dir, dirMode);
  const file = join(dir, 'Api.md');
  writeFileSync(file, NOTE);
  return { dir, file };
}

describe('a concurrent writer never loses its edit', () => {
  it('fix held before the rename while another process appends: exit 2, the append kept, no "fixed" claim', async () => {
    const { dir, file } = noteIn();
    const cli = startHeld(['fix', file], 'before-rename');
    await cli.held;
    appendFileSync(file, '- appended during the write\n');
    cli.release();
    const result = await cli.exit;
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/changed on disk while it was being edited; nothing written/);
    expect(result.stdout).toMatch(/^0 status lines fixed in 0 notes \(1 checked\), 1 note not written \(see above\)$/m);
    expect(readFileSync(file, 'utf8')).toBe(`${NOTE}- appended during the write\n`);
    expect(readdirSync(dir)).toEqual(['Api.md']);
  });

  it('fix held after the rename while a program that had the note open appends: its version is put back, exit 2', async () => {
    const { dir, file } = noteIn();
    const theirs = openSync(file, 'a'); // opened before fix runs, as an editor would hold it
    const cli = startHeld(['fix', file], 'after-rename');
    await cli.held;
    expect(readFileSync(file, 'utf8')).toBe(FIXED); // the rename happened
    writeSync(theirs, '- appended to the file it had open\n');
    closeSync(theirs);
    cli.release();
    const result = await cli.exit;
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/changed by another program while it was being written; that version was put back/);
    expect(readFileSync(file, 'utf8')).toBe(`${NOTE}- appended to the file it had open\n`);
    expect(readdirSync(dir)).toEqual(['Api.md']);
  });

  it('promote held before the rename while an editor saves by rename: exit 2, the editor’s save kept', async () => {
    const { dir, file } = noteIn();
    const cli = startHeld(['promote', file, '--to', 'staging', '--today', '2026-11-24'], 'before-rename');
    await cli.held;
    writeFileSync(join(dir, 'editor.tmp'), `${NOTE}edited\n`);
    renameSync(join(dir, 'editor.tmp'), file);
    cli.release();
    const result = await cli.exit;
    expect(result.code).toBe(2);
    expect(result.stdout).not.toMatch(/promoted/);
    expect(readFileSync(file, 'utf8')).toBe(`${NOTE}edited\n`);
    expect(readdirSync(dir)).toEqual(['Api.md']);
  });
});

describe('real writability and ownership', () => {
  it('a hard-linked note is refused with a message, every name unchanged', () => {
    const { dir, file } = noteIn();
    linkSync(file, join(dir, 'Api-link.md'));
    const result = runCli(['fix', file]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/has 2 hard links/);
    expect(readFileSync(join(dir, 'Api-link.md'), 'utf8')).toBe(NOTE);
    expect(statSync(file).nlink).toBe(2);
  });

  // Running as another user needs root to switch users (spawn's uid/gid); as a normal user these
  // cannot be staged and are skipped.
  describe.skipIf(!isRoot)('as another user (the test runs the CLI as nobody)', () => {
    const asNobody = { uid: NOBODY, gid: NOBODY };

    it('a root-owned 0644 note in a 0777 folder is not writable by them: refused, unchanged, still root\'s', () => {
      const { dir, file } = noteIn(0o777);
      chmodSync(file, 0o644);
      const result = runCli(['fix', file], asNobody);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/is not writable by you/);
      expect(result.stdout).toMatch(/0 status lines fixed/);
      expect(readFileSync(file, 'utf8')).toBe(NOTE);
      expect(statSync(file).uid).toBe(0);
      expect(readdirSync(dir)).toEqual(['Api.md']);
    });

    it('a root-owned 0666 note in a 0777 folder: writable, but replacing it would make it theirs — refused', () => {
      const { dir, file } = noteIn(0o777);
      chmodSync(file, 0o666);
      const result = runCli(['fix', file], asNobody);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/is owned by user 0; replacing it would change that/);
      expect(readFileSync(file, 'utf8')).toBe(NOTE);
      expect(statSync(file).uid).toBe(0);
      expect(readdirSync(dir)).toEqual(['Api.md']);
    });

    it('their own note in a folder they cannot write: refused before any temporary file', () => {
      const { dir, file } = noteIn(0o755);
      chownSync(file, NOBODY, NOBODY);
      const result = runCli(['fix', file], asNobody);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/folder of .* is not writable by you/);
      expect(readdirSync(dir)).toEqual(['Api.md']);
    });

    it('run as root on their note, the owner and group stay theirs', () => {
      const { file } = noteIn();
      chownSync(file, NOBODY, NOBODY);
      chmodSync(file, 0o640);
      const result = runCli(['fix', file]);
      expect(result.code).toBe(0);
      expect(readFileSync(file, 'utf8')).toBe(FIXED);
      const info = statSync(file);
      expect([info.uid, info.gid, info.mode & 0o777]).toEqual([NOBODY, NOBODY, 0o640]);
    });
  });
});
