import { defineConfig } from 'vitest/config';

// The suites by what they need and how long they take. `npm run test:quick` runs `unit` only
// (no browser, no built bundle, no corpus, no generated-input suites); `npm test` runs them all.
// Naming does most of the sorting: `*.browser.test.ts` needs Chromium, `*.property.test.ts` runs
// generated or hostile inputs, test/core/corpus/ reads ../shared/corpus, test/core/fuzz/ is fuzzing.
const GROUPS = {
  browser: ['test/browser/**/*.test.ts', 'test/**/*.browser.test.ts', 'test/obsidian/screenshots.test.ts', 'test/logseq/browser.test.ts'],
  corpus: ['test/core/corpus/**/*.test.ts', 'test/core/scanner-differential.test.ts', 'test/logseq/mldoc-parity.test.ts'],
  property: [
    'test/**/*.property.test.ts',
    'test/core/fuzz/**/*.test.ts',
    'test/core/scanner-differential-generated.test.ts',
    'test/core/placeholder-fast-path.test.ts',
    'test/core/simple-yaml.test.ts',
    'test/render/xss.test.ts',
    'test/render/hostile-text.test.ts',
    'test/bench/**/*.test.ts',
    // Mixed suites (example vault + corpus + generated vaults / fast-check) that should be split by
    // their owners into x.test.ts, x.property.test.ts and test/core/corpus/; until then, whole here.
    'test/core/first-look.test.ts',
    'test/render/dashboard-data.test.ts',
    'test/render/layout.test.ts',
  ],
  // The built bundles: the CLI run as a user runs it, the plugins in their host harnesses.
  cli: ['test/cli/**/*.test.ts', 'test/docs/**/*.test.ts', 'test/scripts/**/*.test.ts', 'test/core/reference-isolation.test.ts'],
  hosts: ['test/obsidian/**/*.test.ts', 'test/logseq/**/*.test.ts'],
};

const ALL = Object.values(GROUPS).flat();

/** A group's files, less those an earlier group already claimed (browser before hosts, …). */
function project(name: keyof typeof GROUPS) {
  const order = Object.keys(GROUPS) as Array<keyof typeof GROUPS>;
  const earlier = order.slice(0, order.indexOf(name)).flatMap((g) => GROUPS[g]);
  return { extends: true as const, test: { name, include: GROUPS[name], exclude: ['**/node_modules/**', ...earlier] } };
}

export default defineConfig({
  test: {
    environment: 'node',
    // Browser and corpus suites take seconds alone and much longer on a shared 2-core machine;
    // a generous timeout costs nothing when they pass.
    testTimeout: 120_000,
    hookTimeout: 60_000,
    env: { TZ: 'UTC' },
    // One temporary folder for the run, removed at its end (test/helpers/temp-root.ts).
    globalSetup: ['test/helpers/temp-root.ts'],
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: ['**/node_modules/**', ...ALL], isolate: false } },
      project('browser'),
      project('corpus'),
      project('property'),
      project('cli'),
      project('hosts'),
    ],
  },
});
