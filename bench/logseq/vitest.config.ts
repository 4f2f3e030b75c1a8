// `npm run bench:logseq`: the plugin benchmark runs under vitest (for the TypeScript harness) but
// is no test: it prints figures, writes bench/results-logseq.json and asserts nothing.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['bench/logseq/*.run.ts'],
    environment: 'node',
    testTimeout: 1_800_000,
    hookTimeout: 600_000,
    // A full collection before each relaunch (startup.run.ts `collectGarbage`): a relaunch starts in a fresh process.
    pool: 'forks',
    execArgv: ['--expose-gc'],
    env: { TZ: 'UTC' },
  },
});
