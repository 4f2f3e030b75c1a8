// The build targets: one entry per deliverable. Hosts add themselves here.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { asciiOnly, asciiScripts } from './ascii.mjs';

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
      b.onEnd((result) => {
        if (result.errors.length > 0) return;
        const path = join(ROOT, outfile);
        let code = readFileSync(path, 'utf8');
        for (const [name, comment] of comments) {
          const parts = code.split(JSON.stringify(marker(name)));
          if (parts.length !== 2) throw new Error(`${outfile}: the ${name} marker is there ${parts.length - 1} times, not once`);
          // A space first: minified code writes `return"…"`.
          code = parts.join(` String(function(){/*${comment}*/})`);
        }
        writeFileSync(path, asciiOnly(code, outfile));
      });
    },
  };
}

/** Globals the page's scripts meet by (src/render/dashboard/graph-script.ts names the same). */
const PAGE_MODULES_GLOBAL = 'mmGraphPageModules';
const GRAPH_EXPORTS_GLOBAL = 'mmGraphScript';
const LAYOUT_BLOCK_GLOBAL = 'mmLayoutBlock';
const GRAPH_SCRIPT_TABLE = 'src/render/dashboard/graph-script.ts';
const FROM_THE_PAGE = Symbol('resolving for from-the-page');

/**
 * The graph script's imports of modules the page's first script already holds: each is read from
 * that script (its PAGE_MODULES table, handed over in a global while the graph script runs) rather
 * than bundled again, so the page has one copy of each (dom.ts's id counter, the work counters).
 * `taken` collects their paths.
 */
function fromThePage(pageInputs, taken) {
  return {
    name: 'from-the-page',
    setup(b) {
      b.onResolve({ filter: /.*/ }, async (args) => {
        if (args.kind === 'entry-point' || args.pluginData === FROM_THE_PAGE) return undefined;
        const resolved = await b.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: FROM_THE_PAGE });
        if (resolved.errors.length > 0) return { errors: resolved.errors };
        const path = relative(ROOT, resolved.path);
        if (!pageInputs.has(path)) return undefined;
        taken.add(path);
        return { path, namespace: 'from-the-page' };
      });
      b.onLoad({ filter: /.*/, namespace: 'from-the-page' }, ({ path }) => ({
        contents: `var m = globalThis.${PAGE_MODULES_GLOBAL} && globalThis.${PAGE_MODULES_GLOBAL}[${JSON.stringify(path)}];\nif (!m) throw new Error(${JSON.stringify(`the page gives the graph script no ${path}`)});\nmodule.exports = m;`,
        loader: 'js',
      }));
    },
  };
}

const DASHBOARD_TARGETS = ['chrome109', 'firefox115', 'safari16'];

/** What every script of the standalone page is built with: one minified browser IIFE from `entry`. */
function pageScriptOptions(entry, outfile, extra = {}) {
  return { entryPoints: [entry], outfile, absWorkingDir: ROOT, bundle: true, platform: 'browser', format: 'iife', target: DASHBOARD_TARGETS, minify: true, logLevel: 'warning', ...extra };
}

/**
 * Modules the layout block may hold beside another script: it runs in a worker, where it cannot take
 * modules from the page, so it holds its own copy of what both sides compute — the key of an edge's
 * route, a pure function. Nothing with state (counters, ids) and no library belongs here.
 */
const LAYOUT_BLOCK_MAY_SHARE = new Set(['src/render/graph/layout-types.ts']);

/** The modules (by path) that two of the page's scripts would both hold: each may be in one only. */
function heldTwice(scripts) {
  const seen = new Map();
  const twice = [];
  for (const [name, result] of Object.entries(scripts)) {
    for (const path of Object.keys(result.metafile.inputs)) {
      if (name === 'the layout block' && LAYOUT_BLOCK_MAY_SHARE.has(path)) continue;
      if (seen.has(path)) twice.push(`${path} (${seen.get(path)} and ${name})`);
      else seen.set(path, name);
    }
  }
  return twice;
}

/**
 * The standalone page's second script (src/render/dashboard/graph-script-entry.ts: the graph view),
 * which the page runs when the Graph tab is first drawn; `page` is the first script's build. Fails
 * when the first script's table lacks a module the graph script takes from it.
 */
async function buildGraphScript(page) {
  const pageInputs = new Set(Object.keys(page.metafile.inputs));
  const taken = new Set();
  const result = await build(
    pageScriptOptions('src/render/dashboard/graph-script-entry.ts', 'dist/dashboard/dashboard-graph.js', {
      globalName: GRAPH_EXPORTS_GLOBAL,
      metafile: true,
      plugins: [fromThePage(pageInputs, taken)],
    }),
  );
  const table = new Set((page.metafile.inputs[GRAPH_SCRIPT_TABLE]?.imports ?? []).map((i) => i.path));
  const missing = [...taken].filter((path) => !table.has(path));
  if (missing.length > 0) throw new Error(`the graph script takes ${missing.join(', ')} from the page: add ${missing.length === 1 ? 'it' : 'them'} to PAGE_MODULES in ${GRAPH_SCRIPT_TABLE}`);
  return result;
}

/**
 * The page's layout block (src/render/dashboard/layout-block-entry.ts: d3-dag and the layout), which
 * `maturity-map dashboard` writes as a text block: the graph script starts it as a Web Worker from
 * a Blob URL, or runs it on the main thread where no worker can start (graph-script.ts).
 */
function buildPageLayoutBlock() {
  return build(pageScriptOptions('src/render/dashboard/layout-block-entry.ts', 'dist/dashboard/dashboard-layout-worker.js', { globalName: LAYOUT_BLOCK_GLOBAL, metafile: true }));
}

/**
 * The page's three scripts, which share no module: the first script's are handed to the graph
 * script (above), and d3-dag is the layout block's alone. Fails when a module is in two of them.
 */
async function buildPageScripts(page) {
  const scripts = { 'the first script': page, 'the graph script': await buildGraphScript(page), 'the layout block': await buildPageLayoutBlock() };
  const twice = heldTwice(scripts);
  if (twice.length > 0) throw new Error(`the dashboard's scripts both hold ${twice.join(', ')}`);
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
      const { copyFile, readFile, writeFile } = await import('node:fs/promises');
      const at = (path) => new URL(`../${path}`, import.meta.url);
      await copyFile(at('manifest.json'), at('dist/obsidian/manifest.json'));
      // One styles.css: the shared views' styles, then the plugin's own.
      const css = await Promise.all(['src/render/styles.css', 'src/obsidian/styles.css'].map((p) => readFile(at(p), 'utf8')));
      await writeFile(at('dist/obsidian/styles.css'), css.join('\n'));
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
