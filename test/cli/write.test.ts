// Output files (`-o`) are written like notes: an exclusive, unpredictable temporary file next to
// the target, then a rename; planted symlinks are never followed; Ctrl-C leaves nothing behind.
import { chmodSync, existsSync, lchownSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/cli/files';
import { writeAtomically } from '../../src/cli/write';
import { ensureBuilt, startHeld } from '../helpers/cli';
import { EXAMPLE_VAULT } from '../helpers/vault';

beforeAll(ensureBuilt);

const fresh = () => mkdtempSync(join(tmpdir(), 'mm-write-'));
const temps = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.tmp'));
const isRoot = process.getuid?.() === 0;
const NOBODY = 65534;

describe('writeAtomically', () => {
  it('ignores symlinks planted at the old predictable temp names and at any name of its own', async () => {
    const dir = fresh();
    const victim = join(dir, 'victim.txt');
    writeFileSync(victim, 'precious\n');
    // The old writer used `.<name>.<pid>.tmp`: plant links for a range of PIDs around ours.
    for (let pid = process.pid - 50; pid <= process.pid + 50; pid++) symlinkSync(victim, join(dir, `.report.html.${pid}.tmp`));
    await writeAtomically(join(dir, 'report.html'), '<p>report</p>\n');
    expect(readFileSync(victim, 'utf8')).toBe('precious\n');
    expect(lstatSync(join(dir, 'report.html')).isFile()).toBe(true);
    expect(readFileSync(join(dir, 'report.html'), 'utf8')).toBe('<p>report</p>\n');
    expect(temps(dir).every((f) => lstatSync(join(dir, f)).isSymbolicLink())).toBe(true); // only the planted links
    expect(temps(dir)).toHaveLength(101);
  });

  it('-o onto a symlink writes its target atomically and keeps the link (and the target mode)', async () => {
    const dir = fresh();
    mkdirSync(join(dir, 'site'));
    const target = join(dir, 'site', 'report.md');
    writeFileSync(target, 'old\n');
    chmodSync(target, 0o640);
    symlinkSync('site/report.md', join(dir, 'report.md'));
    await writeAtomically(join(dir, 'report.md'), 'new\n');
    expect(lstatSync(join(dir, 'report.md')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(dir, 'report.md'))).toBe('site/report.md');
    expect(readFileSync(target, 'utf8')).toBe('new\n');
    expect(statSync(target).mode & 0o777).toBe(0o640);
    expect(temps(dir)).toEqual([]);
    expect(temps(join(dir, 'site'))).toEqual([]);
  });

  it('keeps the mode of a file it replaces; a new file gets the usual umask mode', async () => {
    const dir = fresh();
    const file = join(dir, 'graph.dot');
    writeFileSync(file, 'x');
    chmodSync(file, 0o600);
    await writeAtomically(file, 'digraph {}\n');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    await writeAtomically(join(dir, 'new.dot'), 'digraph {}\n');
    const umask = process.umask();
    expect(statSync(join(dir, 'new.dot')).mode & 0o777).toBe(0o666 & ~umask);
  });

  it('refuses a dangling symlink and a folder, creating nothing', async () => {
    const dir = fresh();
    symlinkSync(join(dir, 'nowhere', 'x.html'), join(dir, 'dangling.html'));
    await expect(writeAtomically(join(dir, 'dangling.html'), 'x')).rejects.toThrow(/symbolic link to a missing file/);
    expect(existsSync(join(dir, 'nowhere'))).toBe(false);
    mkdirSync(join(dir, 'folder.html'));
    await expect(writeAtomically(join(dir, 'folder.html'), 'x')).rejects.toThrow(UsageError);
    expect(temps(dir)).toEqual([]);
  });

  it('writes a device in place instead of renaming over it (-o /dev/null stays /dev/null)', async () => {
    await writeAtomically('/dev/null', 'discarded\n');
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
    expect(temps('/dev')).toEqual([]);
  });

  // protected_symlinks: a link another user planted in a sticky, world-writable folder (/tmp) is
  // not followed. Making a link owned by someone else needs root (lchown); as another user, the
  // kernel itself (fs.protected_symlinks=1) already refuses, so the case cannot be staged.
  it.skipIf(!isRoot)('refuses a symlink another user planted in a sticky world-writable folder; follows its owner\'s own', async () => {
    const shared = fresh();
    chmodSync(shared, 0o1777);
    const victim = join(fresh(), 'victim.txt');
    writeFileSync(victim, 'precious\n');
    symlinkSync(victim, join(shared, 'report.html'));
    lchownSync(join(shared, 'report.html'), NOBODY, NOBODY);
    await expect(writeAtomically(join(shared, 'report.html'), 'x')).rejects.toThrow(/another user made in a shared folder/);
    expect(readFileSync(victim, 'utf8')).toBe('precious\n');
    symlinkSync(victim, join(shared, 'mine.html')); // ours: followed
    await writeAtomically(join(shared, 'mine.html'), 'mine\n');
    expect(readFileSync(victim, 'utf8')).toBe('mine\n');
  });
});

describe('an interrupted write leaves nothing behind', () => {
  const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
  for (const signal of SIGNALS) {
    it(`report -o: ${signal} before the rename removes the temporary file and keeps the old output`, async () => {
      const dir = fresh();
      const out = join(dir, 'report.md');
      writeFileSync(out, 'previous report\n');
      const cli = startHeld(['report', EXAMPLE_VAULT, '-o', out], 'before-rename');
      const temp = await cli.held;
      expect(temp.startsWith(join(dir, '.report.md.'))).toBe(true);
      expect(existsSync(temp)).toBe(true);
      cli.kill(signal);
      const result = await cli.exit;
      expect(result.signal).toBe(signal);
      expect(readdirSync(dir)).toEqual(['report.md']);
      expect(readFileSync(out, 'utf8')).toBe('previous report\n');
    });
  }

  for (const signal of SIGNALS) {
    it(`fix: ${signal} before the rename leaves the note as it was and no temporary file`, async () => {
      const dir = fresh();
      const note = join(dir, 'Api.md');
      const text = '# Api\n\n**Current Stage**: Development\n\n### Development → Staging\n- [x] a\n- [x] b\n\n**Status**: 1/2 criteria met\n';
      writeFileSync(note, text);
      const cli = startHeld(['fix', note], 'before-rename');
      const temp = await cli.held;
      expect(existsSync(temp)).toBe(true);
      cli.kill(signal);
      expect((await cli.exit).signal).toBe(signal);
      expect(readdirSync(dir)).toEqual(['Api.md']);
      expect(readFileSync(note, 'utf8')).toBe(text);
    });
  }

  it('released, the same held write completes normally', async () => {
    const dir = fresh();
    const out = join(dir, 'graph.mmd');
    const cli = startHeld(['graph', EXAMPLE_VAULT, '-o', out], 'before-rename');
    await cli.held;
    cli.release();
    const result = await cli.exit;
    expect(result.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/^flowchart LR/);
    expect(readdirSync(dir)).toEqual(['graph.mmd']);
  });
});
