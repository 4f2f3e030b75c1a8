#!/usr/bin/env node
// `npm run fuzz`: the property and fuzz tests (test/core/fuzz) with a large budget, then the number
// of cases run. FUZZ_RUNS sets the cases per property (default 10000; `npm test` uses 60),
// FUZZ_SEED replays a run, and the 10 MB note also goes through promotion and the index here.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const runs = process.env.FUZZ_RUNS ?? '10000';
const countFile = join(tmpdir(), `maturity-map-fuzz-${process.pid}.jsonl`);
const vitest = new URL('../node_modules/vitest/vitest.mjs', import.meta.url).pathname;
const started = Date.now();
const result = spawnSync(process.execPath, [vitest, 'run', 'test/core/fuzz', '--testTimeout=0', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, FUZZ_RUNS: runs, FUZZ_LONG: '1', FUZZ_COUNT_FILE: countFile },
});

let total = 0;
if (existsSync(countFile)) {
  for (const line of readFileSync(countFile, 'utf8').split('\n').filter(Boolean)) {
    const { file, total: cases, counts, tallies } = JSON.parse(line);
    total += cases;
    const tallyText = Object.keys(tallies ?? {}).length ? `; ${Object.entries(tallies).map(([k, v]) => `${k} ${v}`).join(', ')}` : '';
    console.log(`  ${file}: ${cases} cases (${Object.entries(counts).map(([k, v]) => `${k} ${v}`).join(', ')}${tallyText})`);
  }
  rmSync(countFile, { force: true });
}
console.log(`fuzz: ${total} generated cases run at FUZZ_RUNS=${runs}${process.env.FUZZ_SEED ? ` FUZZ_SEED=${process.env.FUZZ_SEED}` : ''} in ${Math.round((Date.now() - started) / 1000)} s, plus the hand-made hostile inputs in test/core/fuzz/hostile.test.ts`);
process.exit(result.status ?? 1);
