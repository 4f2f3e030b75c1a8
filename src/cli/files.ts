// Reading a vault folder from disk: Markdown files only, hidden and tool folders skipped; binary,
// oversized and unreadable files, links and special files reported rather than fatal. Files are
// read several at a time and handed on in path order one by one, so the texts are never all held
// at once and reading overlaps with what the caller does with each.
import * as fs from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join, sep } from 'node:path';
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
/** Reads in flight at once: enough to keep the disk and libuv's threads busy while notes are parsed. */
export const READ_CONCURRENCY = 16;

export class UsageError extends Error {}

interface Listed {
  full: string;
  path: string;
}

function errorCode(err: unknown): string {
  return (err as NodeJS.ErrnoException).code ?? 'error';
}

/**
 * Read every note under `root` (or the one file `root` names) and hand each text to `take`, in
 * path order. At most `concurrency` files are read ahead of the one being handed on.
 */
export async function readVault(root: string, take: (path: string, text: string) => void, concurrency = READ_CONCURRENCY): Promise<VaultReading> {
  let info;
  try {
    info = await stat(root);
  } catch {
    throw new UsageError(`no such directory: ${root}`);
  }
  const skipped: SkippedFile[] = [];
  let listed: Listed[];
  if (info.isFile()) listed = [{ full: root, path: root.split(sep).pop() ?? root }];
  else if (info.isDirectory()) listed = await listNotes(root, skipped);
  else throw new UsageError(`not a directory: ${root}`);
  let noteCount = 0;
  await readInOrder(listed, concurrency, (file, result) => {
    if (typeof result === 'string') {
      take(file.path, result);
      noteCount++;
    } else {
      skipped.push({ path: file.path, reason: result.reason, kind: 'unreadable' });
    }
  });
  skipped.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { noteCount, skipped };
}

/** Every Markdown file under `root`, sorted by vault path; links and special files go to `skipped`. */
async function listNotes(root: string, skipped: SkippedFile[]): Promise<Listed[]> {
  const out: Listed[] = [];
  // Paths are built as the walk goes down (`a/b/c.md`), not computed back from full paths.
  const walk = async (dir: string, prefix: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (err) {
      skipped.push({ path: prefix === '' ? '.' : prefix.slice(0, -1), reason: `unreadable folder (${errorCode(err)})`, kind: 'unreadable' });
      return;
    }
    const folders: Array<[string, string]> = [];
    for (const entry of entries) {
      const name = entry.name;
      const full = join(dir, name);
      if (entry.isDirectory()) {
        if (SKIP_DIRS.has(name) || name.startsWith('.')) continue;
        if (name === 'bak' && dir.endsWith(`${sep}logseq`)) continue;
        folders.push([full, `${prefix}${name}/`]);
      } else if (entry.isFile()) {
        if (MARKDOWN.test(name)) out.push({ full, path: prefix + name });
      } else if (!name.startsWith('.')) {
        const reason = await notFollowed(full, entry.isSymbolicLink(), MARKDOWN.test(name));
        if (reason) skipped.push({ path: prefix + name, reason, kind: 'not-followed' });
      }
    }
    // Sibling folders are listed together; each level waits for the one below.
    await Promise.all(folders.map(([full, path]) => walk(full, path)));
  };
  await walk(root, '');
  out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return out;
}

/**
 * Why a link or special file is left out, or null when it is nothing a user would miss (a link
 * to an image). Links are not followed: they can leave the vault or loop.
 */
async function notFollowed(full: string, isLink: boolean, markdown: boolean): Promise<string | null> {
  if (!isLink) return markdown ? 'not a regular file (a pipe, socket or device)' : null;
  if (markdown) return 'symbolic link, not followed';
  try {
    return (await stat(full)).isDirectory() ? 'symbolic link to a folder, not followed' : null;
  } catch {
    return null; // a broken link to something that is not a note
  }
}

type ReadResult = string | { reason: string };

/**
 * Read one note: its text, or why it cannot be one. Written with fs callbacks, one promise per
 * file: FileHandle's promise per step cost three times the CPU of the reading itself.
 */
function readNote(full: string): Promise<ReadResult> {
  return new Promise((resolve) => {
    const failed = (err: unknown) => resolve({ reason: `unreadable (${errorCode(err)})` });
    fs.open(full, 'r', (openError, fd) => {
      if (openError) return failed(openError);
      const done = (result: ReadResult) => fs.close(fd, () => resolve(result));
      fs.fstat(fd, (statError, info) => {
        if (statError) return done({ reason: `unreadable (${errorCode(statError)})` });
        if (info.size > MAX_NOTE_BYTES) return done({ reason: tooLargeReason(info.size) });
        const buffer = Buffer.allocUnsafe(info.size);
        const more = (offset: number) => {
          if (offset === info.size) return done(decode(buffer));
          fs.read(fd, buffer, offset, info.size - offset, offset, (readError, bytes) => {
            if (readError) return done({ reason: `unreadable (${errorCode(readError)})` });
            // The file shrank while being read: what was there is the note.
            if (bytes === 0) return done(decode(buffer.subarray(0, offset)));
            more(offset + bytes);
          });
        };
        more(0);
      });
    });
  });
}

function decode(buffer: Buffer): ReadResult {
  return isBinary(buffer) ? { reason: 'binary content, not a text note' } : buffer.toString('utf8');
}

/**
 * Read files with up to `window` reads in flight and hand each result on in list order: a result
 * that arrives early waits for the ones before it, so no more than `window` texts are held.
 */
async function readInOrder(files: readonly Listed[], window: number, hand: (file: Listed, result: ReadResult) => void): Promise<void> {
  const pending: Array<Promise<ReadResult>> = [];
  let next = 0;
  const start = () => {
    while (next < files.length && pending.length < window) pending.push(readNote(files[next++]!.full));
  };
  start();
  for (let i = 0; i < files.length; i++) {
    const result = await pending.shift()!;
    start();
    hand(files[i]!, result);
  }
}

/** NUL bytes in the first 8 KB mean binary, as git decides it. */
export function isBinary(buffer: Uint8Array): boolean {
  return buffer.subarray(0, 8192).indexOf(0) !== -1;
}
