// The build targets: one entry per deliverable. Hosts add themselves here.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { asciiOnly, asciiScripts } from './ascii.mjs';
import { buildPageScripts, pageScriptOptions } from './page-scripts.mjs';
import { writeWhole, writeWholeSync } from './write-whole.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/**
 * A digest of the sources that decide what a note's cache record holds (the core and the record
 * codec): the Logseq plugin keeps no record made by another build of them.
 */
function parserBuild() {
  const hash = createHash('sha256');
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts')) hash.update(relative(ROOT, path)).update(readFileSync(path));
    }
  };
  walk(join(ROOT, 'src/core'));
  walk(join(ROOT, 'src/plugin-cache'));
  return hash.digest('hex').slice(0, 16);
}

/** What the Logseq plugin's two scripts are built with. */
const LOGSEQ_OPTIONS = {
  bundle: true,
  platform: 'browser',
  format: 'iife',
  // Logseq 0.10.x runs on Electron 27+ (Chromium 118).
  target: ['chrome109'],
  loader: { '.css': 'text' },
  define: { MATURITY_MAP_BUILD: JSON.stringify(parserBuild()) },
  minify: true,
  // No source map: it would ship in the plugin folder (2 MB) and the marketplace zip.
  logLevel: 'warning',
};

/** A worker's entry bundled on its own, in ASCII: its code, and the files it was made from. */
async function workerBundle(entry, name) {
  const result = await build({ entryPoints: [entry], bundle: true, write: false, metafile: true, platform: 'browser', format: 'iife', target: 'es2018', minify: true, logLevel: 'warning' });
  return { text: asciiOnly(result.outputFiles[0].text, name), inputs: Object.keys(result.metafile.inputs) };
}

/**
 * `import source from 'maturity-map:<name>'`: a worker bundled on its own and embedded as a string
 * (Logseq loads a single index.js and starts the worker from a Blob URL): Logseq's graph layout.
 */
function embeddedWorker(name, entry) {
  const filter = new RegExp(`^maturity-map:${name}$`);
  return {
    name,
    setup(b) {
      b.onResolve({ filter }, (args) => ({ path: args.path, namespace: name }));
      b.onLoad({ filter: /.*/, namespace: name }, async () => {
        const { text, inputs } = await workerBundle(entry, name);
        return { contents: `export default ${JSON.stringify(text)};`, loader: 'js', watchFiles: inputs };
      });
    },
  };
}

/**
 * Obsidian's main.js as the app compiles it, whole, in the task that loads the plugin: in ASCII
 * (asciiOnly), and with each worker's code in a comment rather than a string literal, which V8
 * would scan, copy, hash and store (the two workers' 350 KB cost that task ~4 ms on the bench
 * machine; a comment is only skipped). `import code from 'maturity-map:code/<name>'` gives a
 * function that returns the text of a function whose comment holds the worker's code, with `*` `/`
 * written `%2A/` and `%` written `%25` (src/obsidian/embedded-code.ts reads it back when a worker
 * first starts), and `digest`, a hash of that code made here (the note cache's parser build).
 */
function obsidianMainJs(outfile, workers) {
  const marker = (name) => `maturity-map:code/${name}, replaced by the build`;
  return {
    name: 'obsidian-main-js',
    setup(b) {
      const comments = new Map();
      b.onResolve({ filter: /^maturity-map:code\// }, (args) => ({ path: args.path.slice('maturity-map:code/'.length), namespace: 'worker-code' }));
      b.onLoad({ filter: /.*/, namespace: 'worker-code' }, async ({ path: name }) => {
        if (!(name in workers)) return { errors: [{ text: `no worker named ${name}` }] };
        const { text, inputs } = await workerBundle(workers[name], name);
        comments.set(name, text.replace(/%/g, '%25').replace(/\*\//g, '%2A/'));
        const digest = createHash('sha256').update(text).digest('hex').slice(0, 16);
        return { contents: `export default function () { return ${JSON.stringify(marker(name))}; }\nexport const digest = ${JSON.stringify(digest)};`, loader: 'js', watchFiles: inputs };
      });
      // esbuild hands the bundle over (write: false) and it is written once, whole, with the
      // workers in place: a test reading main.js meanwhile gets the last build or this one.
      b.onEnd((result) => {
        if (result.errors.length > 0) return;
        const path = join(ROOT, outfile);
        const output = result.outputFiles?.find((file) => file.path === path);
        if (!output) throw new Error(`${outfile}: esbuild gave no such output`);
        let code = output.text;
        for (const [name, comment] of comments) {
          const parts = code.split(JSON.stringify(marker(name)));
          if (parts.length !== 2) throw new Error(`${outfile}: the ${name} marker is there ${parts.length - 1} times, not once`);
          // A space first: minified code writes `return"…"`.
          code = parts.join(` String(function(){/*${comment}*/})`);
        }
        writeWholeSync(path, asciiOnly(code, outfile));
      });
    },
  };
}

/** The dependency graph's layout (src/render/graph/layout-worker-entry.ts): d3-dag and our operators, no DOM. */
const LAYOUT_WORKER = 'src/render/graph/layout-worker-entry.ts';
const layoutWorker = embeddedWorker('layout-worker', LAYOUT_WORKER);

export const targets = [
  {
    name: 'cli',
    executable: 'dist/cli/maturity-map.mjs',
    // Cleared first: chunk names carry content hashes, so old chunks would pile up.
    clean: 'dist/cli',
    options: {
      // The parse worker threads' entry (parse-pool.ts) sits beside the CLI's and shares its chunks.
      entryPoints: [{ in: 'src/cli/main.ts', out: 'maturity-map' }, { in: 'src/cli/parse-worker.ts', out: 'parse-worker' }],
      outdir: 'dist/cli',
      // Each command's code (and the libraries only it uses) in chunks loaded when it runs.
      splitting: true,
      // Beside the entry: modules resolve assets from their own URL (dashboard-page.ts).
      chunkNames: '[name]-[hash]',
      outExtension: { '.js': '.mjs' },
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      sourcemap: 'linked',
      plugins: [asciiScripts()],
      // CommonJS dependencies (yaml) call require(); give the ESM bundle one.
      banner: { js: "#!/usr/bin/env node\nimport { createRequire } from 'node:module';\nconst require = createRequire(import.meta.url);" },
      logLevel: 'warning',
    },
  },
  {
    // The standalone dashboard's two scripts, its layout block and styles, inlined into the page
    // by `maturity-map dashboard`: the first script runs as the page opens, the graph script
    // (dashboard-graph.js) when the Graph tab is first drawn (src/render/dashboard/graph-script.ts),
    // the layout block (dashboard-layout-worker.js) as the layout worker, or on the main thread
    // where no worker can start.
    name: 'dashboard',
    options: pageScriptOptions('src/render/dashboard/main.ts', 'dist/dashboard/dashboard.js', { metafile: true }),
    after: async (page) => {
      await buildPageScripts(page);
      await build({ entryPoints: ['src/render/styles.css'], outfile: 'dist/dashboard/dashboard.css', bundle: true, minify: true, logLevel: 'warning' });
    },
  },
  {
    // The Obsidian plugin folder: main.js + manifest.json + styles.css (see src/obsidian).
    name: 'obsidian',
    outdir: 'dist/obsidian',
    options: {
      entryPoints: ['src/obsidian/main.ts'],
      outfile: 'dist/obsidian/main.js',
      // The plugin below writes main.js itself, whole (write-whole.mjs).
      write: false,
      bundle: true,
      // Obsidian also runs on phones: a browser bundle, no Node built-ins (test/obsidian/bundle.test.ts checks).
      platform: 'browser',
      format: 'cjs',
      target: 'es2018',
      // What the app provides at run time, as in the official sample plugin.
      external: [
        'obsidian',
        'electron',
        '@codemirror/autocomplete',
        '@codemirror/collab',
        '@codemirror/commands',
        '@codemirror/language',
        '@codemirror/lint',
        '@codemirror/search',
        '@codemirror/state',
        '@codemirror/view',
        '@lezer/common',
        '@lezer/highlight',
        '@lezer/lr',
      ],
      minify: true,
      plugins: [obsidianMainJs('dist/obsidian/main.js', { 'parse-worker': 'src/obsidian/index/worker-entry.ts', 'layout-worker': LAYOUT_WORKER })],
      banner: { js: '/* Maturity Map for Obsidian. Built with esbuild from src/obsidian; see the repository for sources. */' },
      logLevel: 'warning',
    },
    after: async () => {
      const { readFile } = await import('node:fs/promises');
      const at = (path) => fileURLToPath(new URL(`../${path}`, import.meta.url));
      // Each written whole: the harness pages and the plugin tests read these while a build in the
      // same tree may be running.
      await writeWhole(at('dist/obsidian/manifest.json'), await readFile(at('manifest.json')));
      // One styles.css: the shared views' styles, then the plugin's own.
      const css = await Promise.all(['src/render/styles.css', 'src/obsidian/styles.css'].map((p) => readFile(at(p), 'utf8')));
      await writeWhole(at('dist/obsidian/styles.css'), css.join('\n'));
    },
  },
  {
    // The Logseq plugin: load dist/logseq/ as an unpacked plugin (see docs/logseq.md). Two scripts
    // (src/logseq/plugin-script.ts): plugin.js, the plugin, which index.js adds as an async script
    // evaluated in a task of its own, then index.js (the next target), which the page runs first.
    name: 'logseq',
    options: {
      entryPoints: [{ in: 'src/logseq/plugin-main.ts', out: 'plugin' }],
      outdir: 'dist/logseq',
      ...LOGSEQ_OPTIONS,
      plugins: [layoutWorker, asciiScripts()],
    },
  },
  {
    // index.js: the SDK's own script as @logseq/libs ships it, first, then the loader (main.ts).
    // Bundled, esbuild would wrap the SDK in a function V8 compiles lazily, on the main thread, as
    // the task runs (27-29 ms of CPU for that task, against 11-12 for the shipped script, whose
    // `!function(){…}()` V8 compiles with the streamed parse: docs/benchmarks.md, session 25).
    name: 'logseq',
    options: {
      entryPoints: ['src/logseq/main.ts'],
      outfile: 'dist/logseq/index.js',
      ...LOGSEQ_OPTIONS,
      banner: { js: readFileSync(fileURLToPath(import.meta.resolve('@logseq/libs')), 'utf8') },
      plugins: [asciiScripts()],
    },
    after: () => import('./logseq-package.mjs').then((m) => m.writeLogseqPackage()),
  },
];
