#!/usr/bin/env node
// The Obsidian dashboard's first draw (renderDashboard over every view), its deferred board task
// and a query block's table (the first 25 rows of `stage: staging`, the 20 of `text: pay`) at
// 10,000 generated notes (9,259 components), the same code in happy-dom — the DOM the
// harness and bench:obsidian run on — and in Chromium (playwright-core, /usr/bin/chromium): how
// much of a long task in the harness is happy-dom's own DOM. Not part of bench:obsidian (it
// indexes the vault twice, ~40 s). `node bench/obsidian/dom-compare.mjs` (NOTES=… to change).
import { readFileSync } from 'node:fs';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { Window } from 'happy-dom';

const notes = Number(process.env.NOTES ?? 10000);
const at = (path) => new URL(path, import.meta.url);
const { outputFiles } = await build({ entryPoints: [at('./dom-compare.ts').pathname], bundle: true, format: 'iife', globalName: 'drawBench', platform: 'browser', target: 'es2022', write: false, logLevel: 'warning' });
const bundle = outputFiles[0].text;
const round = (runs) => runs.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, Math.round(v * 10) / 10])));

async function inChromium() {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.setContent(`<!doctype html><html><head><style>${readFileSync(at('../../src/render/styles.css'), 'utf8')}</style></head><body></body></html>`);
  await page.addScriptTag({ content: bundle });
  const setup = await page.evaluate((n) => globalThis.drawBench.setup(n), notes);
  const draws = [];
  for (let i = 0; i < 6; i++) draws.push(await page.evaluate(() => globalThis.drawBench.draw()));
  const boards = [];
  for (let i = 0; i < 6; i++) boards.push(await page.evaluate(() => globalThis.drawBench.board()));
  const tables = [];
  for (let i = 0; i < 6; i++) for (const which of ['staging', 'pay']) tables.push(await page.evaluate((w) => globalThis.drawBench.queryTable(w), which));
  await browser.close();
  return { setup, draws: round(draws), boards: round(boards), tables: round(tables) };
}

function inHappyDom() {
  const window = new Window({ width: 1400, height: 900 });
  globalThis.window = window;
  globalThis.document = window.document;
  const drawBench = new Function(`${bundle}\nreturn drawBench;`)();
  const setup = drawBench.setup(notes);
  const draws = Array.from({ length: 6 }, () => drawBench.draw());
  const boards = Array.from({ length: 6 }, () => drawBench.board());
  const tables = Array.from({ length: 6 }, () => ['staging', 'pay'].map((w) => drawBench.queryTable(w))).flat();
  return { setup, draws: round(draws), boards: round(boards), tables: round(tables) };
}

for (const [name, run] of [['chromium', inChromium], ['happy-dom', inHappyDom]]) {
  const { setup, draws, boards, tables } = await run();
  console.log(`${name}: ${setup.components} components (index and views built in ${Math.round(setup.ms)} ms)`);
  console.log(`  first draw (script, then style and layout forced; the first is cold): ${draws.map((d) => `${d.scriptMs}+${d.layoutMs}`).join(', ')} ms`);
  console.log(`  of it, no DOM (every view read twice, the filter, the stage tallies): ${draws.map((d) => d.jsOnlyMs).join(', ')} ms`);
  console.log(`  the board task alone: ${boards.map((d) => `${d.scriptMs}+${d.layoutMs}`).join(', ')} ms`);
  for (const [i, name] of [[0, 'stage: staging, 25 rows'], [1, 'text: pay, 20 rows']]) console.log(`  a query block's table (${name}): ${tables.filter((_, k) => k % 2 === i).map((d) => `${d.scriptMs}+${d.layoutMs}`).join(', ')} ms`);
}
