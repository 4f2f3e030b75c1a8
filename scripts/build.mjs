#!/usr/bin/env node
// Builds every deliverable with esbuild. `--only <target>` builds one; `--watch` rebuilds on change.
import { build, context } from 'esbuild';
import { chmod, mkdir, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { targets } from './targets.mjs';

const { values } = parseArgs({
  options: { only: { type: 'string', multiple: true }, watch: { type: 'boolean', default: false } },
});

const selected = targets.filter((t) => !values.only || values.only.includes(t.name));
if (selected.length === 0) {
  console.error(`No build target matches ${values.only?.join(', ')}. Known: ${targets.map((t) => t.name).join(', ')}`);
  process.exit(2);
}

for (const target of selected) {
  const entry = target.options.entryPoints[0];
  if (!existsSync(typeof entry === 'string' ? entry : entry.in)) continue; // a host not built yet in this checkout
  if (target.clean) await rm(new URL(`../${target.clean}`, import.meta.url), { recursive: true, force: true });
  await mkdir(new URL(`../${target.outdir ?? 'dist'}`, import.meta.url), { recursive: true });
  if (values.watch) {
    const ctx = await context(target.options);
    await ctx.watch();
    console.log(`watching ${target.name}`);
  } else {
    const result = await build(target.options);
    if (target.after) await target.after(result);
    if (target.executable) await chmod(target.executable, 0o755);
    console.log(`built ${target.name}`);
  }
}
