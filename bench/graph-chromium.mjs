// The graph view's longest main-thread task and longest animation frame in real Chromium, a
// checkout before a change against this one: `node bench/graph-chromium.mjs [before-checkout]
// [nodes] [rounds]` (default: /tmp/wt-before, a checkout of the commit before: `git worktree add
// --detach /tmp/wt-before <commit> && ln -s "$PWD/node_modules" /tmp/wt-before/node_modules`; 2,000
// components; 5 rounds). Bundles graph-chromium.entry.ts against each checkout's src, opens each in
// headless Chromium (MATURITY_MAP_CHROMIUM, default /usr/bin/chromium) with the layout worker as
// the plugins start it (BEFORE_WORKER=0: the before page without one, as before session 15), and in
// alternating rounds opens the graph of the first N components, watching the browser's `longtask`
// and `long-animation-frame` entries until it is drawn. Reference, same pages, same run: the same
// graph's layout alone on the main thread. Saves a screenshot of the last drawing of each
// (graph-before.png, graph-after.png) in the temporary folder it prints.
import { buildSync } from 'esbuild';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

/* global window -- the page functions below run in the browser */

const here = dirname(fileURLToPath(import.meta.url));
const after = join(here, '..');
const before = process.argv[2] ?? '/tmp/wt-before';
const nodes = Number(process.argv[3] ?? 2000);
const NOTES = 3000;
const ROUNDS = Number(process.argv[4] ?? 5);
const dir = mkdtempSync(join(tmpdir(), 'mm-graph-'));

/** A page for one checkout: its bundle, and for `after` the layout worker as the plugins start it. */
function page(name, root, withWorker) {
  // The older checkout has no copy of the entry: it gets this one (written against the API both share).
  if (root !== after) copyFileSync(join(here, 'graph-chromium.entry.ts'), join(root, 'bench/graph-chromium.entry.ts'));
  buildSync({ entryPoints: [join(root, 'bench/graph-chromium.entry.ts')], bundle: true, format: 'iife', platform: 'browser', outfile: join(dir, `${name}.js`), logLevel: 'error' });
  let workerScript = '';
  if (withWorker) {
    const source = buildSync({ entryPoints: [join(root, 'src/render/graph/layout-worker-entry.ts')], bundle: true, write: false, platform: 'browser', format: 'iife', target: 'es2018', minify: true, logLevel: 'error' }).outputFiles[0].text;
    buildSync({
      stdin: { contents: `import { createLayoutWorker } from './src/render/index'; window.mmGraphLayout = createLayoutWorker(${JSON.stringify(source)}, window);`, resolveDir: root, loader: 'ts' },
      bundle: true, format: 'iife', platform: 'browser', outfile: join(dir, `${name}-worker.js`), logLevel: 'error',
    });
    workerScript = `<script src="${name}-worker.js"></script>`;
  }
  const css = pathToFileURL(join(root, 'src/render/styles.css')).href;
  writeFileSync(join(dir, `${name}.html`), `<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="${css}"><style>.mm-graph-canvas{height:800px}</style></head><body>${workerScript}<script src="${name}.js"></script></body></html>`);
  return join(dir, `${name}.html`);
}

const browser = await chromium.launch({
  executablePath: process.env.MATURITY_MAP_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
const pages = {};
for (const [name, root, worker] of [['before', before, process.env.BEFORE_WORKER !== '0'], ['after', after, true]]) {
  const p = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await p.goto(pathToFileURL(page(name, root, worker)).href);
  await p.evaluate((n) => window.mmGraph.setUp(n), NOTES);
  pages[name] = p;
}
const load = () => loadavg().map((l) => l.toFixed(1)).join(' / ');
const loadAtStart = load();
const runs = { before: [], after: [], reference: [] };
for (let round = 0; round < ROUNDS; round++) {
  for (const name of round % 2 === 0 ? ['before', 'after'] : ['after', 'before']) runs[name].push(await pages[name].evaluate((n) => window.mmGraph.open(n), nodes));
  runs.reference.push(await pages.before.evaluate((n) => window.mmGraph.reference(n), nodes));
}
// The whole graph (the Fit button), as a reader sees it after pressing it.
for (const name of ['before', 'after']) {
  await pages[name].click('button:has-text("Fit")');
  await pages[name].waitForTimeout(300);
  await pages[name].screenshot({ path: join(dir, `graph-${name}.png`) });
}
await browser.close();

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ref = median(runs.reference);
console.log(`Chromium, graph of the first ${nodes} of ${NOTES} generated notes' components; load ${loadAtStart} at the start, ${load()} at the end`);
console.log(`reference (same pages, same run): the layout alone on the main thread, median ${ref.toFixed(0)} ms (runs ${runs.reference.map((r) => r.toFixed(0)).join(', ')})`);
for (const name of ['before', 'after']) {
  const rs = runs[name];
  const longest = median(rs.map((r) => r.longest));
  // A run with no long-task entry had no task of 50 ms or more: its longest is under 50 ms (shown as 0).
  console.log(`${name}: ${rs[0].nodes} nodes drawn; longest main-thread task median ${longest.toFixed(0)} ms = ${(longest / ref).toFixed(2)}× the reference (runs ${rs.map((r) => (r.longest > 0 ? r.longest.toFixed(0) : '<50')).join(', ')}); tasks over 50 ms ${rs.map((r) => r.over50).join(', ')}; longest animation frame ${rs.map((r) => (r.longestFrame > 0 ? r.longestFrame.toFixed(0) : '<50')).join(', ')} ms, frames over 50 ms ${rs.map((r) => r.framesOver50).join(', ')}; drawn and painted after ${rs.map((r) => r.drawnMs.toFixed(0)).join(', ')} ms; layout: ${rs[0].worker}`);
}
console.log(`screenshots: ${join(dir, 'graph-before.png')}, ${join(dir, 'graph-after.png')}`);
