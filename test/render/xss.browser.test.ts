// XSS in a real browser (Debian's Chromium through playwright-core). Every payload calls
// `__mmXssHit(n)` or opens a dialog if it ever runs. Two pages: every shared view over the hostile
// vault, and the standalone HTML dashboard as `maturity-map dashboard` writes it. We load them,
// hover, focus and click everything, switch every tab and open every component, then assert that
// nothing ran, no markup was injected, and the payloads are on screen as text.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snapshotIndex } from '../../src/core/snapshot';
import { ensureBuilt, runCli } from '../helpers/cli';
import { ROOT } from '../helpers/vault';
import { hostileIndex, INJECTED_SELECTOR, writeHostileVault, XSS_PAYLOADS } from '../helpers/xss';

const CHROMIUM = '/usr/bin/chromium';
const OUT = join(ROOT, 'test/render/out');
const available = existsSync(CHROMIUM);
if (!available) console.warn(`NOTICE: ${CHROMIUM} is absent (apt-get install -y chromium); the Chromium XSS tests are skipped.`);
const dashboardCommand = existsSync(join(ROOT, 'src/cli/commands/dashboard.ts'));
if (!dashboardCommand) console.warn('NOTICE: the `dashboard` CLI command has not landed; the standalone dashboard XSS test is skipped.');

interface Watch {
  dialogs: string[];
  errors: string[];
}

async function open(browser: Browser, url: string): Promise<{ page: Page; watch: Watch }> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1600 } });
  const watch: Watch = { dialogs: [], errors: [] };
  await page.addInitScript(() => {
    const w = window as unknown as { __mmXssHits: unknown[]; __mmXssHit: (n: unknown) => void };
    w.__mmXssHits = [];
    w.__mmXssHit = (n) => w.__mmXssHits.push(n);
  });
  page.on('dialog', (d) => {
    watch.dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  page.on('pageerror', (err) => watch.errors.push(err.message));
  await page.goto(url);
  return { page, watch };
}

/** Hover, focus and click (without following links) everything the views made interactive. */
async function poke(page: Page, scope: string): Promise<number> {
  return page.evaluate(async (selector) => {
    const root = document.querySelector(selector)!;
    const targets = [...root.querySelectorAll('a, button, [tabindex], [role="button"], .mm-card, .mm-node, th, summary, details')];
    let clicks = 0;
    for (const el of targets) {
      el.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
      el.dispatchEvent(new MouseEvent('mouseenter'));
      el.dispatchEvent(new PointerEvent('pointerover', { bubbles: true }));
      (el as HTMLElement).focus?.();
      // Buttons re-render what they belong to (sorting, claim warnings, "line N"): a sample of them.
      if (el.matches('button') && clicks++ < 80) (el as HTMLElement).click();
    }
    await new Promise((r) => setTimeout(r, 300)); // onerror/onload of anything injected fire asynchronously
    return targets.length;
  }, scope);
}

/** What a page shows: no payload ran, nothing injected, the payloads visible as text. */
async function assertClean(page: Page, watch: Watch, scope: string): Promise<void> {
  const report = await page.evaluate(
    ({ selector, injectedSelector }) => {
      const root = document.querySelector(selector)!;
      const injected = [...root.querySelectorAll(injectedSelector)].map((e) => e.outerHTML.slice(0, 120)); // eslint-disable-line no-restricted-properties -- reporting only
      const handlers: string[] = [];
      for (const el of root.querySelectorAll('*')) for (const a of el.attributes) if (a.name.toLowerCase().startsWith('on')) handlers.push(`${el.localName} ${a.name}`);
      const scripts = [...root.querySelectorAll('[href], [src], [action], [formaction]')]
        .map((e) => e.getAttribute('href') ?? e.getAttribute('src') ?? e.getAttribute('action') ?? e.getAttribute('formaction') ?? '')
        .filter((v) => /^\s*(javascript|data|vbscript):/i.test(v));
      const visible = (root as HTMLElement).offsetHeight > 0 && getComputedStyle(root).display !== 'none';
      return {
        hits: (window as unknown as { __mmXssHits: unknown[] }).__mmXssHits,
        injected,
        handlers,
        scripts,
        visible,
        text: root.textContent ?? '',
        location: location.href,
        title: document.title,
      };
    },
    { selector: scope, injectedSelector: INJECTED_SELECTOR },
  );
  expect(report.hits).toEqual([]);
  expect(watch.dialogs).toEqual([]);
  expect(watch.errors).toEqual([]);
  expect(report.injected).toEqual([]);
  expect(report.handlers).toEqual([]);
  expect(report.scripts).toEqual([]);
  expect(report.visible).toBe(true); // `<style>*{display:none}</style>` did not apply
  expect(report.location.startsWith('file://')).toBe(true); // no meta refresh, no base, no navigation
  // Every payload is on screen as the text it is (as the parser reads it: the owner field keeps it whole).
  const shown = XSS_PAYLOADS.filter((p) => report.text.includes(p));
  expect(shown.length, `payloads shown verbatim: ${shown.length}/${XSS_PAYLOADS.length}`).toBeGreaterThanOrEqual(XSS_PAYLOADS.length - 8);
}

describe.runIf(available)('XSS in Chromium', () => {
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('every shared view over the hostile vault: nothing runs, payloads show as text', async () => {
    const bundle = await build({ entryPoints: [join(ROOT, 'test/render/xss/views-page.ts')], write: false, bundle: true, platform: 'browser', format: 'iife', logLevel: 'warning' });
    const script = bundle.outputFiles[0]!.text;
    const data = JSON.stringify(snapshotIndex(hostileIndex(), 'hostile vault')).replace(/</g, '\\u003c');
    const css = existsSync(join(ROOT, 'dist/dashboard/dashboard.css')) ? readFileSync(join(ROOT, 'dist/dashboard/dashboard.css'), 'utf8') : '';
    const file = join(OUT, 'xss-views.html');
    writeFileSync(file, `<!doctype html><html><head><meta charset="utf-8"><title>xss views</title><style>${css}</style></head><body><div id="app" class="mm"></div><script type="application/json" id="mm-data">${data}</script><script>${script}</script></body></html>`);
    const { page, watch } = await open(browser, `file://${file}`);
    await page.waitForFunction(() => (window as unknown as { __mmReady?: boolean }).__mmReady === true);
    const views = await page.evaluate(() => [...document.querySelectorAll('#app > section')].map((s) => s.getAttribute('data-view')));
    expect(views).toEqual(['cards', 'badges', 'progress', 'readiness', 'strips', 'table', 'list', 'board', 'query-table', 'query-list', 'query-board', 'query-graph', 'graph', 'dashboard']);
    expect(await poke(page, '#app')).toBeGreaterThan(500);
    await page.evaluate(async () => {
      const v = (window as unknown as { __mmViews: { ids: string[]; show(id: string): void; setTab(t: string): void; focusGraph(id: string): void } }).__mmViews;
      for (const tab of ['board', 'graph', 'table', 'cards']) v.setTab(tab);
      for (const id of v.ids) {
        v.show(id);
        v.focusGraph(id);
      }
      await new Promise((r) => setTimeout(r, 300));
    });
    await assertClean(page, watch, '#app');
    await page.locator('section[data-view="cards"] .mm-card').first().screenshot({ path: join(OUT, 'xss-card.png') });
    await page.close();
  });

  it.runIf(dashboardCommand).each([
    ['as written (with its Content-Security-Policy)', false],
    ['with the Content-Security-Policy removed, so only the views stand between payload and page', true],
  ])('the standalone HTML dashboard written by `maturity-map dashboard`, %s', async (_label, stripCsp) => {
    ensureBuilt();
    const dir = mkdtempSync(join(tmpdir(), 'mm-xss-'));
    writeHostileVault(join(dir, 'vault'), true);
    const file = join(dir, 'dashboard.html');
    const result = runCli(['dashboard', join(dir, 'vault'), '--output', file, '--today', '2026-11-24', '--title', XSS_PAYLOADS[0]!]);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/wrote .*dashboard\.html \(62 components/);
    let html = readFileSync(file, 'utf8');
    // The data blocks are inert: its JSON header and a base64 block a chunk; no payload closes one or opens markup.
    const data = [...html.matchAll(/<script type="(?:application\/json|text\/plain)" id="mm-data[^"]*">([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
    const chunks = data.length - 1;
    expect(chunks).toBeGreaterThan(3);
    expect(data.join('').length).toBeGreaterThan(10000);
    expect(data.join('')).not.toMatch(/<|>/);
    expect(data.slice(1).every((chunk) => /^[A-Za-z0-9+/]+=*$/.test(chunk))).toBe(true);
    // The data's blocks, the graph's script and the layout worker's as text, the page's script, nothing from the notes.
    expect(html.match(/<script/g)).toHaveLength(4 + chunks);
    if (stripCsp) {
      html = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '');
      expect(html).not.toContain('Content-Security-Policy');
      writeFileSync(file, html);
    }
    const { page, watch } = await open(browser, `file://${file}`);
    await page.waitForSelector('.mm-dashboard, .mm-card, .mm-board');
    expect(await page.title()).toBe(XSS_PAYLOADS[0]);
    // The board's first page comes a part a frame (its first task draws a share of a part a column).
    await page.waitForFunction(() => document.querySelector('.mm-board') !== null && document.querySelector('.mm-board [aria-busy="true"]') === null);
    const ids = await page.evaluate(() => [...new Set([...document.querySelectorAll('[data-mm-id]')].map((e) => e.getAttribute('data-mm-id')!))]);
    expect(ids.length).toBe(XSS_PAYLOADS.length);
    const tabs = await page.evaluate(() => [...document.querySelectorAll('[role="tab"]')].map((t) => t.id || t.textContent || ''));
    expect(tabs.length).toBeGreaterThanOrEqual(4);
    for (let i = 0; i < tabs.length; i++) {
      await page.evaluate((k) => (document.querySelectorAll('[role="tab"]')[k] as HTMLElement).click(), i);
    }
    // Every page of every list drawn, so every payload is in every view that pokes it. Long pages
    // are drawn a part a frame (pages.ts): a list is done when nothing is busy and no button is left.
    const pages = await page.evaluate(async () => {
      const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
      let clicked = 0;
      for (let rounds = 0; rounds < 2000 && clicked < 500; rounds++) {
        const more = document.querySelector<HTMLElement>('.mm-show-more:not([hidden])');
        if (more && !document.querySelector('[aria-busy="true"]')) {
          more.click();
          clicked++;
        } else if (!more && !document.querySelector('.mm-show-more, [aria-busy="true"]')) break;
        await frame();
      }
      return clicked;
    });
    expect(pages).toBeGreaterThan(0);
    expect(await poke(page, '#mm-app')).toBeGreaterThan(2000);
    for (const id of ids) await page.evaluate((target) => { location.hash = `#component=${encodeURIComponent(target)}`; }, id);
    await page.waitForTimeout(300);
    // The graph's script ran from its block (the Graph tab was shown) and left no element of its own.
    expect(await page.evaluate(() => document.querySelectorAll('script').length)).toBe(4 + chunks);
    await assertClean(page, watch, '#mm-app');
    await page.screenshot({ path: join(OUT, `xss-dashboard${stripCsp ? '-no-csp' : ''}.png`) });
    await page.close();
  }, 120_000);
});
