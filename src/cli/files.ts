// Reading a vault folder from disk: Markdown files only, hidden and tool folders skipped; binary,
// oversized and unreadable files, links and special files reported rather than fatal. Files are
// read one by one in path order and handed on as read, so the texts are never all held at once.
import { isAscii } from 'node:buffer';
import * as fs from 'node:fs';
import { stat } from 'node:fs/promises';
import { sep } from 'node:path';
import { MAX_NOTE_BYTES, tooLargeReason } from '../core/unreadable';

export interface SkippedFile {
  path: string;
  reason: string;
  /** Why it is left out: a note that could not be read (oversized, unreadable, binary), or a link or special file not followed. */
  kind: 'unreadable' | 'not-followed';
}

export interface VaultReading {
  /** Notes handed to the caller. */
  noteCount: number;
  /** Files left out, in path order. */
  skipped: SkippedFile[];
}

const SKIP_DIRS = new Set(['.git', '.obsidian', '.trash', 'node_modules', '.logseq', 'bak', '.hg', '.svn']);
const MARKDOWN = /\.(md|markdown)$/i;

export class UsageError extends Error {}

/** What the file system says of a note before it is read. */
export interface FileState {
  size: number;
  mtimeMs: number;
}

/**
 * A caller that already holds some notes (the scan cache, scan-cache.ts): asked before a note is
 * read and again before its bytes are decoded; a note it holds is neither read further nor handed on.
 */
export interface HeldNotes {
  unchanged(path: string, state: FileState): boolean;
  sameBytes(path: string, bytes: Uint8Array, state: FileState): boolean;
}

interface Listed {
  full: string;
  path: string;
}

function errorCode(err: unknown): string {
  return (err as NodeJS.ErrnoException).code ?? 'error';
}

/**
 * Read every note under `root` (or the one file `root` names) and hand each text to `take`, in
 * path order, one at a time: a text is dropped (unless `take` keeps it) before the next is read.
 */
export async function readVault(root: string, take: (path: string, text: string, state: FileState) => void, held?: HeldNotes): Promise<VaultReading> {
  let info;
  try {
    info = await stat(root);
  } catch {
    throw new UsageError(`no such directory: ${root}`);
  }
  const skipped: SkippedFile[] = [];
  let listed: Listed[];
  if (info.isFile()) listed = [{ full: root, path: root.split(sep).pop() ?? root }];
  else if (info.isDirectory()) listed = listNotes(root, skipped);
  else throw new UsageError(`not a directory: ${root}`);
  let noteCount = 0;
  for (const file of listed) {
    const result = readNote(file, held);
    if (result === HELD) {
      noteCount++;
    } else if ('text' in result) {
      take(file.path, result.text, result.state);
      noteCount++;
    } else {
      skipped.push({ path: file.path, reason: result.reason, kind: 'unreadable' });
    }
  }
  skipped.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { noteCount, skipped };
}

/**
 * Every Markdown file under `root`, sorted by vault path; links and special files go to `skipped`.
 * Synchronous, as the reads are (see readNote): a promise per folder cost more than listing it.
 */
function listNotes(root: string, skipped: SkippedFile[]): Listed[] {
  const out: Listed[] = [];
  // Paths are built as the walk goes down (`a/b/c.md`), not computed back from full paths.
  const walk = (dir: string, prefix: string): void => {
    let entries;
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (err) {
      skipped.push({ path: prefix === '' ? '.' : prefix.slice(0, -1), reason: `unreadable folder (${errorCode(err)})`, kind: 'unreadable' });
      return;
    }
    const folders: Array<[string, string]> = [];
    // Names from readdir hold no separator and are never `.` or `..`: joined as they are, without
    // path.join's normalising (a fifth of the listing). `full` only ever goes to the file system.
    const base = dir.endsWith(sep) ? dir : dir + sep;
    for (const entry of entries) {
      const name = entry.name;
      const full = base + name;
      if (entry.isDirectory()) {
        if (SKIP_DIRS.has(name) || name.startsWith('.')) continue;
        if (name === 'bak' && dir.endsWith(`${sep}logseq`)) continue;
        folders.push([full, `${prefix}${name}/`]);
      } else if (entry.isFile()) {
        if (MARKDOWN.test(name)) out.push({ full, path: prefix + name });
      } else if (!name.startsWith('.')) {
        const reason = notFollowed(full, entry.isSymbolicLink(), MARKDOWN.test(name));
        if (reason) skipped.push({ path: prefix + name, reason, kind: 'not-followed' });
      }
    }
    for (const [full, path] of folders) walk(full, path);
  };
  walk(root, '');
  out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return out;
}

/**
 * Why a link or special file is left out, or null when it is nothing a user would miss (a link
 * to an image). Links are not followed: they can leave the vault or loop.
 */
function notFollowed(full: string, isLink: boolean, markdown: boolean): string | null {
  if (!isLink) return markdown ? 'not a regular file (a pipe, socket or device)' : null;
  if (markdown) return 'symbolic link, not followed';
  try {
    return fs.statSync(full).isDirectory() ? 'symbolic link to a folder, not followed' : null;
  } catch {
    return null; // a broken link to something that is not a note
  }
}

type ReadResult = { text: string; state: FileState } | { reason: string } | typeof HELD;
/** A note the caller holds already (HeldNotes): not handed on. */
const HELD = Symbol('held');

/**
 * Read one note: its text, or why it cannot be one. Synchronous, as the I/O floor reads: on a
 * warm or local disk a batch command gains nothing from overlapping reads, and each asynchronous
 * step (open, stat, read, close through libuv's threads) cost more CPU than the reading itself.
 * Opened non-blocking and checked to be a regular file, so a pipe put in a note's place after
 * the listing is never waited on.
 */
function readNote({ full, path }: Listed, held: HeldNotes | undefined): ReadResult {
  let fd: number;
  try {
    fd = fs.openSync(full, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
  } catch (err) {
    return { reason: `unreadable (${errorCode(err)})` };
  }
  try {
    const info = fs.fstatSync(fd);
    if (!info.isFile()) return { reason: 'not a regular file (a pipe, socket or device)' };
    if (info.size > MAX_NOTE_BYTES) return { reason: tooLargeReason(info.size) };
    const state: FileState = { size: info.size, mtimeMs: info.mtimeMs };
    if (held?.unchanged(path, state)) return HELD;
    const buffer = readBuffer(info.size);
    let offset = 0;
    while (offset < info.size) {
      const bytes = fs.readSync(fd, buffer, offset, info.size - offset, offset);
      if (bytes === 0) break; // the file shrank while being read: what was there is the note
      offset += bytes;
    }
    const bytes = buffer.subarray(0, offset);
    if (isBinary(bytes)) return { reason: 'binary content, not a text note' };
    if (held?.sameBytes(path, bytes, state)) return HELD;
    return { text: decode(bytes), state };
  } catch (err) {
    return { reason: `unreadable (${errorCode(err)})` };
  } finally {
    fs.closeSync(fd);
  }
}

// One buffer serves every note up to this size: the text is decoded out of it before the next
// read, and a buffer per note was garbage the collector had to account for (external memory).
const SHARED_BUFFER_BYTES = 1024 * 1024;
let shared: Buffer | null = null;

/** A buffer of at least `size` bytes to read one note into, valid until the next call. */
function readBuffer(size: number): Buffer {
  if (size > SHARED_BUFFER_BYTES) return Buffer.allocUnsafe(size);
  shared ??= Buffer.allocUnsafeSlow(SHARED_BUFFER_BYTES);
  return shared;
}

function decode(buffer: Buffer): string {
  // ASCII reads the same as Latin-1 and as UTF-8; copied as Latin-1 it skips the UTF-8 decoder,
  // which cost several times the check on most notes.
  return isAscii(buffer) ? buffer.toString('latin1') : buffer.toString('utf8');
}

/** NUL bytes in the first 8 KB mean binary, as git decides it. */
export function isBinary(buffer: Uint8Array): boolean {
  return buffer.subarray(0, 8192).indexOf(0) !== -1;
}
