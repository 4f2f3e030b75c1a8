// Where output paths are relative to: for CI, the root of the git repository holding the notes (a
// `.git` folder or worktree file), else the current directory; for a canvas, the Obsidian vault
// holding them. Paths always use `/`.
import { existsSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

/** The nearest folder at or above `start` that holds `marker`, or null. */
function findAbove(start: string, marker: string): string | null {
  let dir = resolve(start);
  for (;;) {
    if (existsSync(join(dir, marker))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

export function findRepositoryRoot(start: string): string {
  return findAbove(start, '.git') ?? process.cwd();
}

/** The Obsidian vault holding `notesDir` (the nearest folder with `.obsidian`), else `notesDir` itself. */
export function findVaultRoot(notesDir: string): string {
  return findAbove(notesDir, '.obsidian') ?? resolve(notesDir);
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
