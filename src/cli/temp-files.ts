// Temporary files for atomic writes (notes and output files alike): created exclusively under an
// unpredictable name in the target's own folder, never through a symlink, and removed when the
// process is interrupted (SIGINT, SIGTERM, SIGHUP) before the rename.
import { randomBytes } from 'node:crypto';
import { constants, unlinkSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { writeErr } from './terminal';

export const TEMP_SUFFIX = '.maturity-map.tmp';

const live = new Set<string>();
let cleanupInstalled = false;

/** Remove every temporary file still registered (synchronously: it runs in a signal handler). */
export function removeLiveTemps(): void {
  for (const path of live) {
    try {
      unlinkSync(path);
    } catch {
      // already gone
    }
  }
  live.clear();
}

/** On SIGINT/SIGTERM/SIGHUP: remove the temporary files, then die of the same signal. */
function installCleanup(): void {
  if (cleanupInstalled) return;
  cleanupInstalled = true;
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      removeLiveTemps();
      process.kill(process.pid, signal); // the handler ran once; the default action now ends the process
    });
  }
}

/** The temporary name's stem: the target's name, cut to stay well inside NAME_MAX (255 bytes). */
function stem(target: string): string {
  const name = basename(target);
  const bytes = Buffer.from(name, 'utf8');
  return bytes.length <= 120 ? name : bytes.subarray(0, 120).toString('utf8');
}

export interface TempFile {
  path: string;
  handle: FileHandle;
}

/**
 * Create `.<name>.<random>.maturity-map.tmp` next to `target`: O_CREAT|O_EXCL|O_NOFOLLOW, so a file
 * or symlink planted under that name makes the open fail instead of being followed or reused.
 * The name has 128 random bits; a clash is retried with a new name.
 */
export async function createTemp(target: string, mode: number): Promise<TempFile> {
  installCleanup();
  const flags = constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY | constants.O_NOFOLLOW;
  for (let attempt = 0; ; attempt++) {
    const path = join(dirname(target), `.${stem(target)}.${randomBytes(16).toString('hex')}${TEMP_SUFFIX}`);
    try {
      live.add(path);
      const handle = await open(path, flags, mode);
      return { path, handle };
    } catch (err) {
      live.delete(path);
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 3) throw err;
    }
  }
}

/** The temporary file was renamed into place (or removed): nothing to clean up any more. */
export function releaseTemp(path: string): void {
  live.delete(path);
}

/**
 * A test seam: with MATURITY_MAP_TEST_HOLD=<point> the writer stops at that point, says so on
 * stderr and waits for a line on stdin, so a test can act (append to the note, send SIGINT) at an
 * exact moment without sleeping. Points: `before-rename`, `after-rename`.
 */
export async function holdPoint(point: 'before-rename' | 'after-rename', detail: string): Promise<void> {
  if (process.env['MATURITY_MAP_TEST_HOLD'] !== point) return;
  writeErr(`maturity-map: test hold at ${point}: ${detail}\n`);
  await new Promise<void>((resolve) => {
    const done = () => {
      process.stdin.off('data', done);
      process.stdin.off('end', done);
      process.stdin.pause();
      resolve();
    };
    process.stdin.on('data', done);
    process.stdin.on('end', done);
    process.stdin.resume();
  });
}
