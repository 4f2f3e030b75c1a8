// Word wrapping in narrow panes, in Chromium: the shared views over realistic notes (owners like
// "identity-team", groups like "Core Platform", names like "Experiment Router 3") at the width of
// Logseq's right sidebar and of a narrow note. Words wrap at spaces and after hyphens; only a token
// wider than its cell (a URL, a 200-character name) is broken, and none widens the page.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createIndex } from '../../src/core/index';
import { snapshotIndex } from '../../src/core/snapshot';
import { LOGSEQ_CSS } from '../../src/logseq/styles';
import { ROOT } from '../helpers/vault';
import { CHROMIUM, CHROMIUM_ARGS, describeWithChromium } from '../browser/chromium';

const OUT = join(ROOT, 'test/render/out');
/** One unbroken token of 200 characters, as a pasted identifier would be. */
const LONG_TOKEN = `svc-${'x'.repeat(40)}${'0123456789'.repeat(15)}ab`.slice(0, 200);

interface NoteSpec { name: string; stage: string; owner: string; group: string; dependsOn?: string[]; blocker?: string }

const NOTES: NoteSpec[] = [
  { name: 'Experiment Router 3', stage: 'Staging', owner: 'identity-team', group: 'Core Platform', dependsOn: ['Identity Broker'] },
  { name: 'Identity Broker', stage: 'Production', owner: 'identity-team', group: 'Core Platform' },
  { name: 'Ledger Reconciliation', stage: 'Development', owner: 'payments-core-team', group: 'Billing and Payments', dependsOn: ['Identity Broker', 'Experiment Router 3'], blocker: 'Waiting on the settlement-file format from the acquiring bank' },
  { name: 'Search Indexer', stage: 'Staging', owner: 'data-platform', group: 'Data Platform' },
  { name: 'Notification Fan-out', stage: 'Development', owner: 'messaging-team', group: 'Core Platform', blocker: 'Provider quota: see https://status.example-provider.com/incidents/2026-11-19-rate-limits-eu-west' },
  { name: LONG_TOKEN, stage: 'Development', owner: LONG_TOKEN, group: 'Core Platform' },
];

function noteText(n: NoteSpec): string {
  const deps = (n.dependsOn ?? []).map((d) => `- [[${d}]]`).join('\n');
  return `---\ntags: [maturity]\nowner: ${n.owner}\n---\n# ${n.name}\n\n**Current Stage**: ${n.stage}\n**Last Updated**: 2026-11-18\n**Owner**: ${n.owner}\n**Functional Group**: ${n.group}\n\n**Dependencies**:\n${deps || '- None'}\n\n## Current Blockers\n\n${n.blocker ? `- ${n.blocker}` : '**None**'}\n`;
}

async function pageFile(): Promise<string> {
  const index = createIndex({ today: '2026-11-24' });
  for (const n of NOTES) index.upsert(`Components/${n.name.slice(0, 60)}.md`, noteText(n));
  const bundle = await build({ entryPoints: [join(ROOT, 'test/render/wrap/views-page.ts')], write: false, bundle: true, platform: 'browser', format: 'iife', logLevel: 'warning' });
  const data = JSON.stringify(snapshotIndex(index, 'wrap vault')).replace(/</g, '\\u003c');
  // Logseq's own rules for its query table's appended rows come after the views' (as the host adds them).
  const css = `${readFileSync(join(ROOT, 'src/render/styles.css'), 'utf8')}\n${LOGSEQ_CSS}`;
  const file = join(OUT, 'wrap-views.html');
  mkdirSync(OUT, { recursive: true });
  writeFileSync(file, `<!doctype html><html><head><meta charset="utf-8"><title>wrap</title><style>${css}</style></head><body style="margin:8px"><div id="app" class="mm"></div><script type="application/json" id="mm-data">${data}</script><script>${bundle.outputFiles[0]!.text}</script></body></html>`);
  return file;
}

/** Words (runs between spaces and after hyphens) under `scope` that the layout drew on two lines, the 200-character token left out. */
function splitWords(page: Page, scope: string): Promise<string[]> {
  return page.evaluate(([selector, long]) => {
    const split: string[] = [];
    for (const root of document.querySelectorAll(selector)) {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? '';
        for (const match of text.matchAll(/[^\s-]+-?/g)) {
          if (long.includes(match[0].replace(/-$/, '')) && match[0].length > 40) continue;
          const range = document.createRange();
          range.setStart(node, match.index);
          range.setEnd(node, match.index + match[0].length);
          const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
          if (tops.size > 1) split.push(match[0]);
        }
      }
    }
    return split;
  }, [scope, LONG_TOKEN] as const);
}

const VIEWS = ['table', 'logseq-table', 'board', 'list', 'cards', 'timeline'];

describeWithChromium('word wrapping in narrow panes (Chromium)', () => {
  let browser: Browser;
  let file: string;

  beforeAll(async () => {
    file = await pageFile();
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  });
  afterAll(async () => {
    await browser?.close();
  });

  // 480 px: a narrow note or window; 400 px: Logseq's right sidebar.
  it.each([480, 400])('at %i px no word is split over two lines, and the 200-character token does not widen the page', async (width) => {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));
    await page.goto(`file://${file}`);
    await page.waitForFunction(() => (window as unknown as { __mmReady?: boolean }).__mmReady === true);
    const split: Record<string, string[]> = {};
    for (const view of VIEWS) split[view] = await splitWords(page, `section[data-view="${view}"]`);
    expect(split).toEqual(Object.fromEntries(VIEWS.map((v) => [v, []])));
    // The checker sees splits: the table's cells are full of words it measured.
    expect(await page.locator('section[data-view="table"] td').count()).toBeGreaterThan(30);
    for (const view of ['table', 'logseq-table', 'board', 'cards']) await page.locator(`section[data-view="${view}"]`).screenshot({ path: join(OUT, `wrap-${view}-${width}.png`) });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a cell holding the 200-character token is broken at the cap, not as wide as the token', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(`file://${file}`);
    await page.waitForFunction(() => (window as unknown as { __mmReady?: boolean }).__mmReady === true);
    const widths = await page.evaluate((long) => [...document.querySelectorAll('.mm-table td.mm-col-owner, .mm-table [role="cell"].mm-col-owner')]
      .filter((cell) => cell.textContent === long)
      .map((cell) => ({ cell: cell.getBoundingClientRect().width, em: parseFloat(getComputedStyle(cell).fontSize) })), LONG_TOKEN);
    expect(widths).toHaveLength(2);
    for (const { cell, em } of widths) expect(cell).toBeLessThan(22 * em);
    await page.close();
  });
});
