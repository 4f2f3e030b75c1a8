// The standalone dashboard's three scripts (`maturity-map dashboard` writes them into one page): the
// first script, the graph script that takes the first script's modules from it, and the layout
// block, built so that no module is in two of them. Used by the dashboard target (targets.mjs).
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

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
export function pageScriptOptions(entry, outfile, extra = {}) {
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
export async function buildPageScripts(page) {
  const scripts = { 'the first script': page, 'the graph script': await buildGraphScript(page), 'the layout block': await buildPageLayoutBlock() };
  const twice = heldTwice(scripts);
  if (twice.length > 0) throw new Error(`the dashboard's scripts both hold ${twice.join(', ')}`);
}
