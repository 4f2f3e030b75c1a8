// Reading a vault folder from disk: Markdown files only, hidden and tool folders skipped, binary
// and unreadable files reported rather than fatal.
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { MAX_NOTE_BYTES, tooLargeReason } from '../core/unreadable';

export interface VaultFile {
  path: string;
  text: string;
}

export interface SkippedFile {
  path: string;
  reason: string;
}

const SKIP_DIRS = new Set(['.git', '.obsidian', '.trash', 'node_modules', '.logseq', 'bak', '.hg', '.svn']);
const MARKDOWN = /\.(md|markdown)$/i;

export class UsageError extends Error {}

export async function readVault(root: string): Promise<{ files: VaultFile[]; skipped: SkippedFile[] }> {
  let info;
  try {
    info = await stat(root);
  } catch {
    throw new UsageError(`no such directory: ${root}`);
  }
  const files: VaultFile[] = [];
  const skipped: SkippedFile[] = [];
  if (info.isFile()) {
    await readOne(root, root.split(sep).pop() ?? root, files, skipped);
    return { files, skipped };
  }
  if (!info.isDirectory()) throw new UsageError(`not a directory: ${root}`);
  await walk(root, root, files, skipped);
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files, skipped };
}

async function walk(root: string, dir: string, files: VaultFile[], skipped: SkippedFile[]): Promise<void> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (err) {
    skipped.push({ path: relative(root, dir).split(sep).join('/') || '.', reason: `unreadable folder (${(err as NodeJS.ErrnoException).code ?? 'error'})` });
    return;
  }
  for (const entry of entries) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (SKIP_DIRS.has(entry.name) || (entry.name.startsWith('.') && entry.name !== '.')) continue;
      if (entry.name === 'bak' && dir.endsWith(`${sep}logseq`)) continue;
      await walk(root, full, files, skipped);
    } else if (entry.isFile()) {
      if (MARKDOWN.test(entry.name)) await readOne(full, relative(root, full).split(sep).join('/'), files, skipped);
    } else if (!entry.name.startsWith('.')) {
      const reason = await notFollowed(full, entry.isSymbolicLink(), MARKDOWN.test(entry.name));
      if (reason) skipped.push({ path: relative(root, full).split(sep).join('/'), reason });
    }
  }
}

/**
 * Why a link or special file is left out (said on stderr, never silently), or null when it is
 * nothing a user would miss (a link to an image). Links are not followed: they can leave the
 * vault or loop; a FIFO or device named `.md` would block or never end.
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

async function readOne(full: string, path: string, files: VaultFile[], skipped: SkippedFile[]): Promise<void> {
  let buffer: Buffer;
  try {
    const info = await stat(full);
    if (info.size > MAX_NOTE_BYTES) {
      skipped.push({ path, reason: tooLargeReason(info.size) });
      return;
    }
    buffer = await readFile(full);
  } catch (err) {
    skipped.push({ path, reason: `unreadable (${(err as NodeJS.ErrnoException).code ?? 'error'})` });
    return;
  }
  if (isBinary(buffer)) {
    skipped.push({ path, reason: 'binary content, not a text note' });
    return;
  }
  files.push({ path, text: buffer.toString('utf8') });
}

/** NUL bytes in the first 8 KB mean binary, as git decides it. */
export function isBinary(buffer: Uint8Array): boolean {
  const end = Math.min(buffer.length, 8192);
  for (let i = 0; i < end; i++) if (buffer[i] === 0) return true;
  return false;
}
