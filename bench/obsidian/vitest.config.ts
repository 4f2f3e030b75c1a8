// `npm run bench:obsidian`: the plugin benchmark runs under vitest (for the happy-dom environment
// the harness needs) but is no test: it prints figures and asserts nothing.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['bench/obsidian/*.run.ts'],
    environment: 'happy-dom',
    testTimeout: 600_000,
    // The benchmark collects garbage between phases (startup.run.ts `close`). MM_BENCH_CPU_PROF=dir
    // writes a CPU profile of the main thread there (cpu-profile.ts; the views-only mode prints its long tasks' times).
    pool: 'forks',
    execArgv: ['--expose-gc'],
    env: { TZ: 'UTC' },
  },
});
