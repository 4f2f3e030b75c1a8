// The build targets: one entry per deliverable. Hosts add themselves here.
import { build } from 'esbuild';

export const targets = [
  {
    name: 'cli',
    executable: true,
    options: {
      entryPoints: ['src/cli/main.ts'],
      outfile: 'dist/cli/maturity-map.mjs',
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      sourcemap: 'linked',
      // CommonJS dependencies (yaml) call require(); give the ESM bundle one.
      banner: { js: "#!/usr/bin/env node\nimport { createRequire } from 'node:module';\nconst require = createRequire(import.meta.url);" },
      logLevel: 'warning',
    },
  },
  {
    // The standalone dashboard's script and styles, inlined into the page by `maturity-map dashboard`.
    name: 'dashboard',
    options: {
      entryPoints: ['src/render/dashboard/main.ts'],
      outfile: 'dist/dashboard/dashboard.js',
      bundle: true,
      platform: 'browser',
      format: 'iife',
      target: ['chrome109', 'firefox115', 'safari16'],
      minify: true,
      logLevel: 'warning',
    },
    after: () =>
      build({ entryPoints: ['src/render/styles.css'], outfile: 'dist/dashboard/dashboard.css', bundle: true, minify: true, logLevel: 'warning' }),
  },
];
