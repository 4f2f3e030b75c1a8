#!/usr/bin/env node
// `npm run bench`: bundle bench/run.ts with esbuild, then run it with a forced-GC-capable Node,
// pinned to one core when `taskset` exists (the targets are "on one core"). Arguments pass through.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const outfile = 'bench/out/run.mjs';
await build({
  entryPoints: ['bench/run.ts'],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: 'linked',
  // CommonJS dependencies (yaml) call require(); give the ESM bundle one.
  banner: { js: "import { createRequire } from 'node:module';\nconst require = createRequire(import.meta.url);" },
  external: ['playwright-core'],
  logLevel: 'warning',
});

const args = process.argv.slice(2);
const node = [process.execPath, '--expose-gc', '--max-old-space-size=8192', outfile];
const pinned = existsSync('/usr/bin/taskset') && !args.includes('--no-pin');
const command = pinned ? ['/usr/bin/taskset', '-c', '0', ...node, '--pinned'] : node;
const result = spawnSync(command[0], [...command.slice(1), ...args.filter((a) => a !== '--no-pin')], { stdio: 'inherit' });
process.exit(result.status ?? 1);
