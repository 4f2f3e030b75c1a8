// The Logseq plugin's long draws in real Chromium (the harness runs them in happy-dom, several
// times slower): `node bench/logseq/draws-chromium.mjs [pages]` (default 10,000). Bundles
// draws-chromium.entry.ts, loads it with the views' stylesheet in headless Chromium
// (MATURITY_MAP_CHROMIUM, default /usr/bin/chromium) and prints the median of each measure over
// nine alternating rounds: the dashboard's first draw with the component list handed to it (now)
// and walked in the draw (before), a graph query's draw of 100 and of 2,000 components, and the
// host's DOMPurify and injection of a query slot's markup (tables of 25 and 10 rows, graphs of 100
// and 50 components).
import { buildSync } from 'esbuild';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

/* global window -- the page functions below run in the browser */

const here = dirname(fileURLToPath(import.meta.url));
const pages = Number(process.argv[2] ?? 10_000);
const dir = mkdtempSync(join(tmpdir(), 'mm-draws-'));
buildSync({ entryPoints: [join(here, 'draws-chromium.entry.ts')], bundle: true, format: 'iife', platform: 'browser', outfile: join(dir, 'bundle.js'), logLevel: 'error' });
const css = pathToFileURL(join(here, '../../src/render/styles.css')).href;
writeFileSync(join(dir, 'page.html'), `<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="${css}"></head><body><script src="bundle.js"></script></body></html>`);

const browser = await chromium.launch({
  executablePath: process.env.MATURITY_MAP_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
await page.goto(pathToFileURL(join(dir, 'page.html')).href);
const { components } = await page.evaluate((n) => window.mmBench.setUp(n), pages);
const rounds = { walk: [], 'dashboard draw, list handed to it': [], 'dashboard draw, list walked in the draw': [], 'dashboard style and layout': [], 'graph 100: draw': [], 'graph 100: d3-dag layout': [], 'graph 100: serialise': [], 'graph 100: style and layout': [] };
for (let i = 0; i < 9; i++) {
  rounds.walk.push(await page.evaluate(() => window.mmBench.walk()));
  const kept = await page.evaluate(() => window.mmBench.dashboard(false));
  rounds['dashboard draw, list handed to it'].push(kept.draw);
  rounds['dashboard style and layout'].push(kept.layout);
  rounds['dashboard draw, list walked in the draw'].push((await page.evaluate(() => window.mmBench.dashboard(true))).draw);
  const g = await page.evaluate(() => window.mmBench.graph(100));
  rounds['graph 100: draw'].push(g.draw);
  rounds['graph 100: d3-dag layout'].push(g.dag);
  rounds['graph 100: serialise'].push(g.serialise);
  rounds['graph 100: style and layout'].push(g.layout);
}
const slots = {};
for (const [view, n] of [['table', 25], ['table', 10], ['graph', 100], ['graph', 50]]) {
  const runs = [];
  for (let i = 0; i < 9; i++) runs.push(await page.evaluate(([v, k]) => window.mmBench.slotHost(v, k), [view, n]));
  slots[`${view} ${n}`] = runs;
}
const big = [];
for (let i = 0; i < 3; i++) big.push(await page.evaluate(() => window.mmBench.graph(2000)));
await browser.close();

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`Chromium, ${pages} pages (${components} components), medians of 9 rounds (ms):`);
for (const [name, xs] of Object.entries(rounds)) console.log(`  ${name}: ${median(xs).toFixed(1)} (range ${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)})`);
for (const [name, runs] of Object.entries(slots)) {
  const of = (key) => median(runs.map((r) => r[key])).toFixed(1);
  console.log(`  the host's side of a query slot, ${name} (${(runs[0].chars / 1000).toFixed(0)} KB of markup): DOMPurify ${of('purify')}, injection ${of('inject')}, style and layout ${of('layout')}`);
}
const m = (key) => median(big.map((g) => g[key])).toFixed(0);
console.log(`  graph of ${big[0].nodes} nodes (median of 3): draw ${m('draw')}, of which d3-dag layout ${m('dag')}; serialise ${m('serialise')} (${(big[0].chars / 1e6).toFixed(1)} MB); style and layout ${m('layout')}`);
