// The built plugin in the harness page in Chromium: the header, a board and the graph, in the
// light and the dark theme. Screenshots go to docs/screenshots/ with MATURITY_MAP_UPDATE_SCREENSHOTS=1
// (`npm run screenshots`), otherwise to a temporary folder. Note text with markup in it
// (the example vault has an `<img onerror>` title) must not run.
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { neighbourhood, stageName } from '../../src/core/index';
import { EXAMPLE_VAULT, loadFolder, ROOT, TODAY } from '../helpers/vault';
import { exampleFiles, mainJs, MANIFEST } from './helpers';

const CHROMIUM = '/usr/bin/chromium';
const present = existsSync(CHROMIUM);
if (!present) {
  const message = `NOTICE: ${CHROMIUM} is missing; the Obsidian browser suite (screenshots) is SKIPPED. Install it with apt-get install -y chromium.`;
  if (process.env['MATURITY_MAP_REQUIRE_BROWSER']) throw new Error(message);
  console.warn(message);
}

const OUT = process.env['MATURITY_MAP_UPDATE_SCREENSHOTS'] ? join(ROOT, 'docs/screenshots') : mkdtempSync(join(tmpdir(), 'mm-obsidian-shots-'));
const QUERY_NOTE = 'Reports/Maturity Board.md';
const files = { ...exampleFiles(), [QUERY_NOTE]: '# Maturity board\n\n```maturity-query\nview: board\n```\n' };

// What the screens must show, from the core over the same notes.
const index = loadFolder(EXAMPLE_VAULT, { today: TODAY });
const billingId = index.lookup('Billing Engine')!;
const billing = index.component(billingId)!;

/** Relative luminance (0 black … 1 white) of a computed `rgb(…)` colour. */
function luminance(rgb: string): number {
  const [r, g, b] = (rgb.match(/[\d.]+/g) ?? ['0', '0', '0']).slice(0, 3).map((v) => Number(v) / 255);
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

let browser: Browser;
let pageUrl: string;

beforeAll(async () => {
  if (!present) return;
  const dir = mkdtempSync(join(tmpdir(), 'mm-obsidian-page-'));
  await build({ entryPoints: [join(ROOT, 'test/obsidian/harness/browser-entry.ts')], outfile: join(dir, 'harness.js'), bundle: true, platform: 'browser', format: 'iife', logLevel: 'warning' });
  writeFileSync(join(dir, 'index.html'), `<!doctype html><html><head><meta charset="utf-8">
<link rel="stylesheet" href="${pathToFileURL(join(ROOT, 'test/obsidian/harness/theme.css')).href}">
<link rel="stylesheet" href="${pathToFileURL(join(ROOT, 'dist/obsidian/styles.css')).href}">
</head><body></body><script src="harness.js"></script></html>`);
  pageUrl = pathToFileURL(join(dir, 'index.html')).href;
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  mkdirSync(OUT, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
});

async function open(theme: 'light' | 'dark'): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 820 }, deviceScaleFactor: 1 });
  await page.clock.setFixedTime(new Date(`${TODAY}T10:00:00`));
  await page.goto(pageUrl);
  await page.evaluate((t) => {
    document.body.className = `theme-${t}`;
    (window as unknown as { __ran: string[] }).__ran = [];
    window.alert = (msg?: unknown) => (window as unknown as { __ran: string[] }).__ran.push(String(msg));
  }, theme);
  await page.evaluate(
    async ({ files, code, manifest }) => {
      const h = await window.obsidianHarness.start({ files, mainJs: code, manifest });
      (window as unknown as { h: unknown }).h = h;
    },
    { files, code: mainJs(), manifest: MANIFEST },
  );
  return page;
}

describe.skipIf(!present)('Obsidian plugin in Chromium', () => {
  for (const theme of ['light', 'dark'] as const) {
    it(`header, board and graph (${theme})`, async () => {
      const page = await open(theme);
      // The header at the top of a component note, in reading view.
      await page.evaluate(async () => {
        const h = (window as unknown as { h: { open(p: string): Promise<unknown> } }).h;
        await h.open('Components/Billing Engine.md');
      });
      const header = page.locator('.workspace-leaf:visible .maturity-map-header').first();
      await header.waitFor();
      // The stage, every transition's count and every dependency, as the core reads the note.
      const headerText = (await header.textContent()) ?? '';
      expect(headerText).toContain(stageName(index.pipeline, billing.note.stage!.id));
      for (const t of billing.note.transitions.filter((t) => t.total > 0)) expect(headerText).toContain(`${t.met}/${t.total}`);
      for (const d of billing.dependencies) expect(headerText).toContain(d.id ? index.component(d.id)!.name : d.name);
      // Drawn in the theme: dark text on a light page, light text on a dark one.
      const textColour = await header.evaluate((el) => getComputedStyle(el).color);
      expect(theme === 'light' ? luminance(textColour) < 0.5 : luminance(textColour) > 0.5).toBe(true);
      const box = (await header.boundingBox())!;
      expect(box.height).toBeGreaterThan(40);
      await page.screenshot({ path: join(OUT, `obsidian-header-${theme}.png`), clip: { x: 0, y: 0, width: 1280, height: Math.min(820, box.y + box.height + 160) } });

      // A board from a maturity-query block.
      await page.evaluate(async (path) => {
        const h = (window as unknown as { h: { open(p: string): Promise<unknown> } }).h;
        await h.open(path);
      }, QUERY_NOTE);
      await page.setViewportSize({ width: 1280, height: 1500 });
      const board = page.locator('.workspace-leaf:visible .mm-board').first();
      await board.waitFor();
      // One column per stage plus "Unknown stage", each holding exactly the components at that stage.
      const columns = await board.locator('.mm-board-column').evaluateAll((sections) =>
        sections.map((s) => ({ stage: s.getAttribute('data-mm-stage'), ids: [...s.querySelectorAll('[data-mm-id]')].map((a) => a.getAttribute('data-mm-id')) })),
      );
      expect(columns.map((c) => c.stage)).toEqual([...index.pipeline.stages.map((st) => st.id), 'unknown']);
      for (const column of columns) {
        const expected = index.components().filter((c) => (column.stage === 'unknown' ? !c.note.stage?.id || !index.pipeline.rank.has(c.note.stage.id) : c.note.stage?.id === column.stage));
        expect(new Set(column.ids), column.stage!).toEqual(new Set(expected.map((c) => c.id)));
      }
      await board.screenshot({ path: join(OUT, `obsidian-board-${theme}.png`) });

      // The graph view for one component, in the right sidebar.
      await page.setViewportSize({ width: 1280, height: 820 });
      await page.evaluate(async () => {
        const h = (window as unknown as { h: { open(p: string): Promise<unknown>; command(id: string): Promise<boolean> } }).h;
        await h.open('Components/Billing Engine.md');
        await h.command('show-component-graph');
      });
      const graph = page.locator('.maturity-map-graph-view');
      await graph.locator('.mm-graph-canvas svg [data-mm-id]').first().waitFor();
      await page.waitForTimeout(300);
      // Billing Engine and its neighbours two hops out, each drawn once.
      const drawn = await graph.locator('.mm-graph-canvas svg g[data-mm-id]').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-mm-id')));
      expect(new Set(drawn)).toEqual(neighbourhood(index, billingId, 2));
      expect(drawn.length).toBe(new Set(drawn).size);
      await page.screenshot({ path: join(OUT, `obsidian-graph-${theme}.png`) });

      expect(await page.evaluate(() => (window as unknown as { __ran: string[] }).__ran)).toEqual([]);
      await page.close();
    });
  }
});
