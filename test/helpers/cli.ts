// Run the built CLI the way a user does; build it first when a test run starts without dist/.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './vault';

export const CLI = join(ROOT, 'dist/cli/maturity-map.mjs');

export function ensureBuilt(): void {
  if (!existsSync(CLI)) execFileSync(process.execPath, [join(ROOT, 'scripts/build.mjs'), '--only', 'cli'], { cwd: ROOT, stdio: 'inherit' });
}

export interface CliOptions {
  cwd?: string;
  input?: string;
  /** Added to the environment (which has NO_COLOR=1 unless overridden here). */
  env?: Record<string, string>;
  /** Run as this user and group (the test process must be root). */
  uid?: number;
  gid?: number;
}

export function runCli(args: string[], options: CliOptions = {}): { code: number; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd: options.cwd ?? ROOT,
    encoding: 'utf8',
    input: options.input,
    // A scan of a few hundred notes prints more JSON than spawnSync's default 1 MB.
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: '1', ...options.env },
    ...(options.uid !== undefined ? { uid: options.uid } : {}),
    ...(options.gid !== undefined ? { gid: options.gid } : {}),
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

export interface HeldCli {
  /** Resolves with the detail the CLI printed (e.g. the temporary file) once it stops at the hold point. */
  held: Promise<string>;
  /** Resolves when the process ends. */
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
  /** Let the CLI go on from the hold point. */
  release(): void;
  kill(signal: NodeJS.Signals): void;
}

/**
 * Start the built CLI with the writer's test seam (MATURITY_MAP_TEST_HOLD): it stops at `point`,
 * says so on stderr and waits for a line on stdin. No sleeps: the test acts when the CLI is there.
 */
export function startHeld(args: string[], point: 'before-rename' | 'after-rename', options: CliOptions = {}): HeldCli {
  const child = spawn(process.execPath, [CLI, ...args], {
    cwd: options.cwd ?? ROOT,
    env: { ...process.env, NO_COLOR: '1', ...options.env, MATURITY_MAP_TEST_HOLD: point },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  const marker = `test hold at ${point}: `;
  const held = new Promise<string>((resolve, reject) => {
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
      const at = stderr.indexOf(marker);
      const end = stderr.indexOf('\n', at);
      if (at >= 0 && end > at) resolve(stderr.slice(at + marker.length, end));
    });
    child.on('exit', () => reject(new Error(`the CLI ended before the hold point: ${stderr}`)));
  });
  held.catch(() => undefined);
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve) => {
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return {
    held,
    exit,
    release: () => child.stdin.end('\n'),
    kill: (signal) => child.kill(signal),
  };
}
