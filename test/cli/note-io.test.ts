// The atomic write: a note that changed underneath is never overwritten, another program's write
// during ours is never lost, ownership and hard links are respected, nothing is left behind.
import { appendFileSync, chmodSync, chownSync, closeSync, ftruncateSync, linkSync, mkdtempSync, openSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, utimesSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NoteAccessError, NoteConflictError, readNoteForEdit, writeNoteAtomically } from '../../src/cli/note-io';

const fresh = () => mkdtempSync(join(tmpdir(), 'mm-io-'));

describe('writeNoteAtomically', () => {
  it('writes the new text and reports whether it wrote', async () => {
    const dir = fresh();
    const file = join(dir, 'a.md');
    writeFileSync(file, 'one\r\ntwo\r\n');
    const snap = await readNoteForEdit(file);
    expect(await writeNoteAtomically(snap, snap.text)).toBe(false);
    expect(await writeNoteAtomically(snap, 'one\r\nTWO\r\n')).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe('one\r\nTWO\r\n');
    expect(readdirSync(dir)).toEqual(['a.md']);
  });

  it('refuses when the note changed between read and write, keeping the other writer’s text', async () => {
    const dir = fresh();
    const file = join(dir, 'a.md');
    writeFileSync(file, 'original\n');
    const snap = await readNoteForEdit(file);
    writeFileSync(file, 'someone else typed this\n');
    await expect(writeNoteAtomically(snap, 'our edit\n')).rejects.toThrow(NoteConflictError);
    expect(readFileSync(file, 'utf8')).toBe('someone else typed this\n');
    expect(readdirSync(dir)).toEqual(['a.md']);
  });

  it('refuses when the note disappeared, and does not recreate it', async () => {
    const dir = fresh();
    const file = join(dir, 'a.md');
    writeFileSync(file, 'original\n');
    const snap = await readNoteForEdit(file);
    unlinkSync(file);
    await expect(writeNoteAtomically(snap, 'our edit\n')).rejects.toThrow(/disappeared/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses binary and non-UTF-8 notes at read time', async () => {
    const dir = fresh();
    writeFileSync(join(dir, 'bin.md'), Buffer.from([0x23, 0x20, 0x00, 0x01]));
    writeFileSync(join(dir, 'latin.md'), Buffer.from([0x43, 0x61, 0x66, 0xe9]));
    await expect(readNoteForEdit(join(dir, 'bin.md'))).rejects.toThrow(NoteAccessError);
    await expect(readNoteForEdit(join(dir, 'latin.md'))).rejects.toThrow(/not valid UTF-8/);
  });
});

// Another program writes while we write: through the writer's seams, at the exact moment.
describe('nothing is lost to a concurrent writer', () => {
  const ORIGINAL = '# Api\n\n**Status**: 1/2 criteria met\n';
  const OURS = '# Api\n\n**Status**: 2/2 criteria met\n';

  function setup(): { dir: string; file: string } {
    const dir = fresh();
    const file = join(dir, 'Api.md');
    writeFileSync(file, ORIGINAL);
    return { dir, file };
  }

  it('an append in place before the rename: nothing written, the append kept', async () => {
    const { dir, file } = setup();
    const snap = await readNoteForEdit(file);
    await expect(writeNoteAtomically(snap, OURS, { beforeRename: () => appendFileSync(file, '- appended\n') })).rejects.toThrow(/changed on disk.*nothing written/);
    expect(readFileSync(file, 'utf8')).toBe(`${ORIGINAL}- appended\n`);
    expect(readdirSync(dir)).toEqual(['Api.md']);
  });

  it('a save by rename (editors, sync tools) before ours: nothing written, their file kept', async () => {
    const { dir, file } = setup();
    const snap = await readNoteForEdit(file);
    const save = () => {
      writeFileSync(join(dir, 'theirs.tmp'), 'their save\n');
      renameSync(join(dir, 'theirs.tmp'), file);
    };
    await expect(writeNoteAtomically(snap, OURS, { beforeRename: save })).rejects.toThrow(NoteConflictError);
    expect(readFileSync(file, 'utf8')).toBe('their save\n');
    expect(readdirSync(dir)).toEqual(['Api.md']);
  });

  it('a same-size rewrite with the mtime set back is still caught (the bytes are compared)', async () => {
    const { file } = setup();
    const snap = await readNoteForEdit(file);
    const { atime, mtime } = statSync(file);
    const sneak = () => {
      const fd = openSync(file, 'r+');
      writeSync(fd, '# API', 0);
      closeSync(fd);
      utimesSync(file, atime, mtime);
    };
    await expect(writeNoteAtomically(snap, OURS, { beforeRename: sneak })).rejects.toThrow(NoteConflictError);
    expect(readFileSync(file, 'utf8')).toBe(ORIGINAL.replace('# Api', '# API'));
  });

  it('a program that had the note open writes after our rename: its version is put back, conflict reported', async () => {
    const { dir, file } = setup();
    const theirFd = openSync(file, 'a'); // opened before our write, as an editor or a logger would
    const snap = await readNoteForEdit(file);
    const late = () => {
      writeSync(theirFd, '- appended late\n');
      closeSync(theirFd);
    };
    await expect(writeNoteAtomically(snap, OURS, { afterRename: late })).rejects.toThrow(/was put back and this edit was not applied/);
    expect(readFileSync(file, 'utf8')).toBe(`${ORIGINAL}- appended late\n`);
    expect(readdirSync(dir)).toEqual(['Api.md']);
    expect(statSync(file).mode & 0o777).toBe(snap.mode & 0o777);
  });

  it('any writer, any moment, any kind of write: either our edit or theirs is on disk, never a mix, never a loss', async () => {
    type Kind = 'append' | 'rename' | 'truncate';
    type Moment = 'none' | 'beforeRename' | 'afterRename';
    await fc.assert(
      fc.asyncProperty(fc.constantFrom<Kind>('append', 'rename', 'truncate'), fc.constantFrom<Moment>('none', 'beforeRename', 'afterRename'), fc.string({ minLength: 1, maxLength: 20 }), async (kind, moment, extra) => {
        const { dir, file } = setup();
        const held = openSync(file, 'r+');
        const snap = await readNoteForEdit(file);
        let theirs: string | null = null;
        const write = () => {
          if (kind === 'append') {
            writeSync(held, `- ${extra}\n`, ORIGINAL.length);
            theirs = `${ORIGINAL}- ${extra}\n`;
          } else if (kind === 'truncate') {
            ftruncateSync(held, 0);
            writeSync(held, `rewritten ${extra}\n`, 0);
            theirs = `rewritten ${extra}\n`;
          } else {
            if (moment === 'afterRename') return; // a save by rename after ours simply comes after it
            writeFileSync(join(dir, 'their.tmp'), `saved ${extra}\n`);
            renameSync(join(dir, 'their.tmp'), file);
            theirs = `saved ${extra}\n`;
          }
        };
        const seams = moment === 'none' ? {} : { [moment]: write };
        let wrote: boolean;
        try {
          wrote = await writeNoteAtomically(snap, OURS, seams);
        } catch (err) {
          expect(err).toBeInstanceOf(NoteConflictError);
          wrote = false;
        }
        closeSync(held);
        expect(readFileSync(file, 'utf8')).toBe(theirs ?? OURS);
        expect(wrote).toBe(theirs === null);
        expect(readdirSync(dir).sort()).toEqual(['Api.md']);
      }),
      { numRuns: 60 },
    );
  });
});

describe('ownership, permissions and hard links', () => {
  it('refuses a hard-linked note with a message and leaves every name as it was', async () => {
    const dir = fresh();
    const file = join(dir, 'Api.md');
    writeFileSync(file, 'one\n');
    linkSync(file, join(dir, 'Backup.md'));
    const snap = await readNoteForEdit(file);
    await expect(writeNoteAtomically(snap, 'two\n')).rejects.toThrow(/2 hard links; replacing it would leave the other names with the old text/);
    expect(readFileSync(file, 'utf8')).toBe('one\n');
    expect(statSync(file).ino).toBe(statSync(join(dir, 'Backup.md')).ino);
    expect(readdirSync(dir).sort()).toEqual(['Api.md', 'Backup.md']);
  });

  // Only root can give a file to another user, so only root can stage this case.
  it.skipIf(process.getuid?.() !== 0)('keeps the owner and group of a note that belongs to someone else (run as root)', async () => {
    const dir = fresh();
    const file = join(dir, 'Api.md');
    writeFileSync(file, 'one\n');
    chmodSync(file, 0o640);
    chownSync(file, 65534, 65534);
    const snap = await readNoteForEdit(file);
    expect(await writeNoteAtomically(snap, 'two\n')).toBe(true);
    const after = statSync(file);
    expect([after.uid, after.gid, after.mode & 0o777]).toEqual([65534, 65534, 0o640]);
    expect(readFileSync(file, 'utf8')).toBe('two\n');
  });
});
