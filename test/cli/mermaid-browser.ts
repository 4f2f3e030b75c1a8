// Mermaid itself, in Chromium, for the tests of the diagrams the CLI writes: one browser per suite,
// and a render of a diagram's text into a blank page with Mermaid's strict security level, so a
// test can ask what it drew (sections, nodes, labels) and whether anything was injected or run.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { CHROMIUM, CHROMIUM_ARGS } from '../browser/chromium';
import { ROOT } from '../helpers/vault';

const MERMAID_JS = join(ROOT, 'node_modules/mermaid/dist/mermaid.min.js');

export interface MermaidDrawing<T> {
  /** Mermaid's error when it could not draw the text, else null. */
  error: string | null;
  /** What `query` read from the drawn SVG's container (null when Mermaid failed). */
  drawn: T | null;
  /** Messages of any dialogs the page opened (each dismissed): a payload that ran. */
  dialogs: string[];
}

export type DrawMermaid = <T>(source: string, query: (out: Element) => T) => Promise<MermaidDrawing<T>>;

/**
 * Register the suite's beforeAll/afterAll (call inside `describeWithChromium`) and return the
 * renderer: it draws `source` and runs `query` (self-contained: it runs in the page) on the
 * element holding the SVG.
 */
export function mermaidInChromium(): DrawMermaid {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  });
  afterAll(async () => {
    await browser?.close();
  });
  return async (source, query) => {
    if (!browser) throw new Error('Chromium is not launched yet (draw inside a test)');
    const page = await browser.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.setContent('<!doctype html><html><body><div id="out"></div></body></html>');
    await page.addScriptTag({ content: readFileSync(MERMAID_JS, 'utf8') });
    const error = await page.evaluate(async (text) => {
      const m = (window as unknown as { mermaid: { initialize(c: object): void; render(id: string, text: string): Promise<{ svg: string }> } }).mermaid;
      m.initialize({ startOnLoad: false, securityLevel: 'strict' });
      try {
        const { svg } = await m.render('diagram', text);
        document.getElementById('out')!.innerHTML = svg; // eslint-disable-line no-restricted-properties -- Mermaid's own SVG output, the thing under test
        return null;
      } catch (err) {
        return String(err);
      }
    }, source);
    const drawn = error === null ? await page.locator('#out').evaluate(query) : null;
    await page.close();
    return { error, drawn, dialogs };
  };
}
