// Writing an output file (`-o` of dashboard, report, graph, lint) the way notes are written: a
// temporary file created exclusively next to the target, then a rename, so a failed or
// interrupted write never leaves half a file behind and a planted symlink is never followed.
import { lstat, realpath, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { UsageError } from './files';
import { createTemp, holdPoint, releaseTemp } from './temp-files';
import { visible, writeOut } from './terminal';

/**
 * Where the bytes go. `-o` onto a symlink writes the link's target (atomically: the link stays a
 * link), like the shell's `>` — except where Linux's protected_symlinks rule would refuse to follow
 * it: a link in a sticky, world-writable folder (such as /tmp) owned by neither us nor the folder's
 * owner, which is how a link is planted for someone else. A dangling link is refused. An existing
 * FIFO, device or `/dev/stdout` is written in place (there is nothing to rename over).
 */
async function resolveTarget(path: string): Promise<{ target: string; inPlace: boolean; mode: number | null }> {
  const link = await lstat(path).catch(() => null);
  if (link === null) return { target: path, inPlace: false, mode: null };
  const info = await stat(path).catch(() => null);
  if (info === null) throw new UsageError(`${visible(path)} is a symbolic link to a missing file; not following it`);
  if (info.isDirectory()) throw new UsageError(`${visible(path)} is a folder`);
  if (!info.isFile()) return { target: path, inPlace: true, mode: null };
  if (!link.isSymbolicLink()) return { target: path, inPlace: false, mode: info.mode & 0o7777 };
  const folder = await stat(dirname(path));
  const uid = process.getuid?.() ?? -1;
  const sticky = (folder.mode & 0o1000) !== 0 && (folder.mode & 0o002) !== 0;
  if (sticky && link.uid !== uid && link.uid !== folder.uid) {
    throw new UsageError(`${visible(path)} is a symbolic link another user made in a shared folder; not following it (remove it or choose another name)`);
  }
  return { target: await realpath(path), inPlace: false, mode: info.mode & 0o7777 };
}

export async function writeAtomically(path: string, content: string): Promise<void> {
  const { target, inPlace, mode } = await resolveTarget(path);
  if (inPlace) {
    await writeFile(target, content, 'utf8');
    return;
  }
  const temp = await createTemp(target, 0o666); // the umask applies, as for any new file
  let renamed = false;
  try {
    try {
      await temp.handle.writeFile(content, 'utf8');
      if (mode !== null) await temp.handle.chmod(mode); // replacing a file keeps its permissions
      await temp.handle.sync();
    } finally {
      await temp.handle.close();
    }
    await holdPoint('before-rename', temp.path);
    await rename(temp.path, target);
    renamed = true;
  } finally {
    if (!renamed) await unlink(temp.path).catch(() => undefined);
    releaseTemp(temp.path);
  }
}

/** Write to a file when one is named (`-` or nothing means standard output). */
export async function emit(output: string | undefined, content: string): Promise<void> {
  if (output === undefined || output === '-') {
    writeOut(content);
    return;
  }
  try {
    await writeAtomically(output, content);
  } catch (err) {
    if (err instanceof UsageError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    throw new UsageError(`cannot write ${visible(output)} (${code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'ENOENT' ? 'no such folder' : code === 'ENOSPC' ? 'no space left on the device' : (code ?? (err as Error).message)}); nothing written`);
  }
}
