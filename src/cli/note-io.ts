// Reading a note for editing and writing it back without ever losing a byte: the note must be
// UTF-8 text (so decoding and encoding give back the same bytes), the new text goes to a temporary
// file in the same folder (same file system, so the rename is atomic), and the rename happens only
// if the note on disk still holds exactly what was read. A failed write leaves the note as it was.
import { chmod, readFile, realpath, rename, stat, unlink } from 'node:fs/promises';
import { createTemp, holdPoint, releaseTemp } from './temp-files';

/** The note as read: the text to edit and what is needed to notice a change underneath. */
export interface NoteSnapshot {
  /** Real path (symlinks resolved, so the link itself is never replaced by a file). */
  path: string;
  text: string;
  bytes: Buffer;
  mode: number;
}

/** The note cannot be read or edited safely; nothing was written. */
export class NoteAccessError extends Error {}
/** The note changed between read and write; nothing was written. */
export class NoteConflictError extends Error {}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export async function readNoteForEdit(file: string): Promise<NoteSnapshot> {
  let path: string;
  let bytes: Buffer;
  let info;
  try {
    path = await realpath(file);
    info = await stat(path);
    if (!info.isFile()) throw new NoteAccessError(`${file} is not a file`);
    bytes = await readFile(path);
  } catch (err) {
    if (err instanceof NoteAccessError) throw err;
    throw new NoteAccessError(`cannot read ${file} (${describe(err)})`);
  }
  if (bytes.includes(0)) throw new NoteAccessError(`${file} holds binary data (NUL bytes); not editing it`);
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw new NoteAccessError(`${file} is not valid UTF-8 text; not editing it (a rewrite could change bytes it does not mean to)`);
  }
  return { path, text, bytes, mode: info.mode & 0o7777 };
}

/**
 * Replace the note with `text`, atomically, unless it changed since `snapshot` was taken.
 * Returns false (and writes nothing) when `text` equals what was read.
 */
export async function writeNoteAtomically(snapshot: NoteSnapshot, text: string): Promise<boolean> {
  if (text === snapshot.text) return false;
  if ((snapshot.mode & 0o222) === 0) throw new NoteAccessError(`${snapshot.path} is read-only; not writing it`);
  let temp = '';
  let created = false;
  try {
    const file = await createTemp(snapshot.path, snapshot.mode);
    const handle = file.handle;
    temp = file.path;
    created = true;
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await chmod(temp, snapshot.mode); // open()'s mode is filtered by the umask
    await holdPoint('before-rename', temp);
    await assertUnchanged(snapshot);
    await rename(temp, snapshot.path);
    created = false;
    return true;
  } catch (err) {
    if (err instanceof NoteConflictError || err instanceof NoteAccessError) throw err;
    throw new NoteAccessError(`cannot write ${snapshot.path} (${describe(err)}); the note is unchanged`);
  } finally {
    if (created) await unlink(temp).catch(() => undefined);
    if (temp) releaseTemp(temp);
  }
}

/**
 * The note on disk must hold exactly the bytes that were read. Content, not mtime: a sync tool that
 * only touches the file loses nothing, and an edit within the same mtime tick is still caught.
 */
async function assertUnchanged(snapshot: NoteSnapshot): Promise<void> {
  let now: Buffer;
  try {
    now = await readFile(snapshot.path);
  } catch (err) {
    throw new NoteConflictError(`${snapshot.path} disappeared or became unreadable while editing (${describe(err)}); nothing written`);
  }
  if (!now.equals(snapshot.bytes)) {
    throw new NoteConflictError(`${snapshot.path} changed on disk while it was being edited; nothing written — run the command again`);
  }
}

function describe(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a folder';
  return code ?? (err as Error).message ?? String(err);
}
