// Reading a note for editing and writing it back without ever losing a byte: the note must be
// UTF-8 text (so decoding and encoding give back the same bytes); the new text goes to a temporary
// file in the same folder with the note's mode, owner and group; the original stays open across
// the write, is checked before the rename (same file, same bytes) and again after it: if another
// program wrote to it meanwhile, its version is put back and the edit is reported as a conflict.
import { constants, type BigIntStats } from 'node:fs';
import { access, open, realpath, rename, unlink, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { createTemp, holdPoint, releaseTemp } from './temp-files';

/** The note as read: the text to edit and what is needed to notice a change underneath. */
export interface NoteSnapshot {
  /** Real path (symlinks resolved, so the link itself is never replaced by a file). */
  path: string;
  text: string;
  bytes: Buffer;
  mode: number;
  uid: number;
  gid: number;
  /** The file's identity and state when read: a different inode, size or mtime means a change. */
  dev: bigint;
  ino: bigint;
  size: bigint;
  mtimeNs: bigint;
  nlink: number;
}

/** The note cannot be read or edited safely; nothing was written. */
export class NoteAccessError extends Error {}
/** Another program changed the note while we edited it; its version is what is on disk. */
export class NoteConflictError extends Error {}

/** Test seams: called at the two moments a concurrent writer matters (no sleeps in tests). */
export interface WriteSeams {
  beforeRename?(): Promise<void> | void;
  afterRename?(): Promise<void> | void;
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export async function readNoteForEdit(file: string): Promise<NoteSnapshot> {
  let path: string;
  let handle: FileHandle | undefined;
  try {
    path = await realpath(file);
    handle = await open(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
    const info = await handle.stat({ bigint: true });
    if (!info.isFile()) throw new NoteAccessError(`${file} is not a file`);
    const bytes = await handle.readFile();
    return decodeNote(file, path, bytes, info);
  } catch (err) {
    if (err instanceof NoteAccessError) throw err;
    throw new NoteAccessError(`cannot read ${file} (${describe(err)})`);
  } finally {
    await handle?.close();
  }
}

function decodeNote(file: string, path: string, bytes: Buffer, info: BigIntStats): NoteSnapshot {
  if (bytes.includes(0)) throw new NoteAccessError(`${file} holds binary data (NUL bytes); not editing it`);
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw new NoteAccessError(`${file} is not valid UTF-8 text; not editing it (a rewrite could change bytes it does not mean to)`);
  }
  return {
    path,
    text,
    bytes,
    mode: Number(info.mode & 0o7777n),
    uid: Number(info.uid),
    gid: Number(info.gid),
    dev: info.dev,
    ino: info.ino,
    size: info.size,
    mtimeNs: info.mtimeNs,
    nlink: Number(info.nlink),
  };
}

/**
 * Replace the note with `text`, atomically, unless it changed since `snapshot` was taken.
 * Returns false (and writes nothing) when `text` equals what was read.
 */
export async function writeNoteAtomically(snapshot: NoteSnapshot, text: string, seams: WriteSeams = {}): Promise<boolean> {
  if (text === snapshot.text) return false;
  await assertWritable(snapshot);
  let original: FileHandle;
  try {
    original = await open(snapshot.path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (err) {
    throw new NoteConflictError(`${snapshot.path} disappeared or became unreadable while editing (${describe(err)}); nothing written`);
  }
  try {
    await assertUnchanged(snapshot, original, 'edited');
    const temp = await writeTemp(snapshot, Buffer.from(text, 'utf8'));
    let renamed = false;
    try {
      await seams.beforeRename?.();
      await holdPoint('before-rename', temp);
      await assertUnchanged(snapshot, original, 'edited');
      await rename(temp, snapshot.path);
      renamed = true;
    } catch (err) {
      throw wrapWriteError(snapshot, err);
    } finally {
      if (!renamed) await unlinkQuietly(temp);
      releaseTemp(temp);
    }
    await seams.afterRename?.();
    await holdPoint('after-rename', snapshot.path);
    await putBackIfTouched(snapshot, original);
    return true;
  } finally {
    await original.close();
  }
}

/**
 * Writable for real, not by mode bits alone: `access()` as this user for the note and its folder
 * (the rename needs the folder), and never a note with other hard links (a rename would split
 * them: the other names would keep the old text). Read-only for everyone stays read-only even for
 * root.
 */
async function assertWritable(snapshot: NoteSnapshot): Promise<void> {
  if ((snapshot.mode & 0o222) === 0) throw new NoteAccessError(`${snapshot.path} is read-only; not writing it`);
  if (snapshot.nlink > 1) {
    throw new NoteAccessError(`${snapshot.path} has ${snapshot.nlink} hard links; replacing it would leave the other names with the old text, so it is not edited (break the links, or edit it by hand)`);
  }
  const note = await denied(snapshot.path, constants.W_OK);
  if (note === 'ENOENT') throw new NoteConflictError(`${snapshot.path} disappeared while it was being edited; nothing written`);
  if (note !== null) throw new NoteAccessError(`${snapshot.path} is not writable by you; not writing it`);
  if ((await denied(dirname(snapshot.path), constants.W_OK | constants.X_OK)) !== null) {
    throw new NoteAccessError(`the folder of ${snapshot.path} is not writable by you, so the note cannot be replaced; not writing it`);
  }
}

/** Null when this user may, else the error code (EACCES, EROFS, ENOENT…). */
async function denied(path: string, mode: number): Promise<string | null> {
  return access(path, mode).then(
    () => null,
    (err: NodeJS.ErrnoException) => err.code ?? 'EACCES',
  );
}

/** The new text in a temporary file with the note's mode, owner and group, flushed to disk. */
async function writeTemp(snapshot: NoteSnapshot, bytes: Buffer): Promise<string> {
  const temp = await createTemp(snapshot.path, snapshot.mode);
  try {
    await temp.handle.writeFile(bytes);
    await keepOwnership(snapshot, temp.handle);
    await temp.handle.chmod(snapshot.mode); // open()'s mode is filtered by the umask
    await temp.handle.sync();
  } catch (err) {
    await temp.handle.close();
    await unlinkQuietly(temp.path);
    releaseTemp(temp.path);
    throw wrapWriteError(snapshot, err);
  }
  await temp.handle.close();
  return temp.path;
}

/** The replacement must belong to the note's owner and group, or the edit does not happen. */
async function keepOwnership(snapshot: NoteSnapshot, handle: FileHandle): Promise<void> {
  const info = await handle.stat();
  if (info.uid === snapshot.uid && info.gid === snapshot.gid) return;
  try {
    await handle.chown(snapshot.uid, snapshot.gid); // root may; a user may only change to a group they are in
  } catch {
    const what = info.uid !== snapshot.uid ? `owned by user ${snapshot.uid}` : `in group ${snapshot.gid}`;
    throw new NoteAccessError(`${snapshot.path} is ${what}; replacing it would change that, so it is not edited`);
  }
}

/**
 * The note at `snapshot.path` is still the file that was read (same inode) and the open original
 * still holds the same bytes, size and mtime.
 */
async function assertUnchanged(snapshot: NoteSnapshot, original: FileHandle, when: string): Promise<void> {
  const current = await statPath(snapshot.path);
  if (current === null) throw new NoteConflictError(`${snapshot.path} disappeared while it was being ${when}; nothing written`);
  if (current.ino !== snapshot.ino || current.dev !== snapshot.dev || (await touched(snapshot, original))) {
    throw new NoteConflictError(`${snapshot.path} changed on disk while it was being ${when}; nothing written — run the command again`);
  }
}

async function statPath(path: string): Promise<{ ino: bigint; dev: bigint } | null> {
  const handle = await open(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK).catch(() => null);
  if (handle === null) return null;
  try {
    return await handle.stat({ bigint: true });
  } finally {
    await handle.close();
  }
}

/** Size, mtime or content of the open original differ from what was read. */
async function touched(snapshot: NoteSnapshot, original: FileHandle): Promise<boolean> {
  const info = await original.stat({ bigint: true });
  if (info.size !== snapshot.size || info.mtimeNs !== snapshot.mtimeNs) return true;
  return !(await readAll(original)).equals(snapshot.bytes);
}

async function readAll(handle: FileHandle): Promise<Buffer> {
  const { size } = await handle.stat();
  const buffer = Buffer.alloc(size);
  let read = 0;
  while (read < size) {
    const { bytesRead } = await handle.read(buffer, read, size - read, read);
    if (bytesRead === 0) break;
    read += bytesRead;
  }
  return buffer.subarray(0, read);
}

/**
 * After the rename: a program that had the note open (an editor saving in place, an `>>` append)
 * may have written to the original meanwhile. Its bytes are still reachable through our open
 * handle; if they changed, they go back under the note's name and the edit is reported.
 */
async function putBackIfTouched(snapshot: NoteSnapshot, original: FileHandle): Promise<void> {
  if (!(await touched(snapshot, original))) return;
  const theirs = await readAll(original);
  try {
    const temp = await writeTemp(snapshot, theirs);
    try {
      await rename(temp, snapshot.path);
    } finally {
      releaseTemp(temp);
    }
  } catch (err) {
    throw new NoteConflictError(`${snapshot.path} was changed by another program while it was being written, and its version could not be put back (${describe(err)})`);
  }
  throw new NoteConflictError(`${snapshot.path} was changed by another program while it was being written; that version was put back and this edit was not applied — run the command again`);
}

function wrapWriteError(snapshot: NoteSnapshot, err: unknown): Error {
  if (err instanceof NoteConflictError || err instanceof NoteAccessError) return err;
  return new NoteAccessError(`cannot write ${snapshot.path} (${describe(err)}); the note is unchanged`);
}

async function unlinkQuietly(path: string): Promise<void> {
  await unlink(path).catch(() => undefined);
}

function describe(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a folder';
  if (code === 'ELOOP') return 'a symbolic link';
  if (code === 'ENOSPC') return 'no space left on the device';
  return code ?? (err as Error).message ?? String(err);
}
