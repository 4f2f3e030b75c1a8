import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    // Browser and corpus suites take seconds alone and much longer on a shared 2-core machine;
    // a generous timeout costs nothing when they pass.
    testTimeout: 120_000,
    hookTimeout: 60_000,
    env: { TZ: 'UTC' },
  },
});
