// Where CI paths are relative to: the root of the git repository holding the notes (a `.git`
// folder or worktree file), else the current directory. Paths always use `/`.
import { existsSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

export function findRepositoryRoot(start: string): string {
  let dir = resolve(start);
  for (;;) {
    if (existsSync(join(dir, '.git'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
}

/** A vault-relative note id as a `/`-separated path relative to `base`. */
export function pathFrom(base: string, vaultRoot: string, id: string): string {
  return relative(base, resolve(vaultRoot, ...id.split('/'))).split(sep).join('/');
}

/** The folder note ids are relative to: the vault folder, or the folder of a single note given as the vault. */
export function notesFolder(vaultRoot: string): string {
  const path = resolve(vaultRoot);
  return statSync(path, { throwIfNoEntry: false })?.isFile() ? dirname(path) : path;
}
