// The build targets: one entry per deliverable. Hosts add themselves here.
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
];
