// The atomic write: a note that changed underneath is never overwritten, and nothing is left behind.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
