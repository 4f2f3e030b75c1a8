// Run the built CLI the way a user does; build it first when a test run starts without dist/.
import { execFileSync, spawnSync } from 'node:child_process';
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
}

export function runCli(args: string[], options: CliOptions = {}): { code: number; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd: options.cwd ?? ROOT,
    encoding: 'utf8',
    input: options.input,
    env: { ...process.env, NO_COLOR: '1', ...options.env },
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}
