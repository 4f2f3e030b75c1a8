// The standalone page inflates its embedded data in a Web Worker started from a Blob URL
// (src/render/dashboard/inflate-worker.ts): the browser's DecompressionStream leaves Blink garbage
// that the page's main thread swept after its next full collection (150–460 ms at 10k, inside the
// Timeline tab: benchmarks.md, session 26). Counted, not timed: the DecompressionStreams the page's
// main thread makes (an init script wraps the constructor), on the example vault and a generated
// 1k vault, with and without a policy that lets a worker start. What the page frees of its own
// (session 28): every buffer the worker answers with goes back to it, and a chunk is decoded only in
// the task that parses it, so its text dies young (counted: answers, buffers posted back, and the
// most chunk texts decoded and not yet parsed before the board is shown).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { expect, it } from 'vitest';
import { writeVault } from '../../bench/generator/write';
import { ROOT } from '../helpers/vault';
import { describeWithChromium } from './chromium';
import { dashboardSuite } from './dashboard-suite';

interface Opened {
  /** DecompressionStreams made on the page's main thread, until the details are inflated. */
  streamsHere: number;
  workers: string[];
  errors: string[];
  boardItems: number;
  /** The first card's heading, opened once the page is idle. */
  card: string;
  /** The worker's answers with bytes, the buffers the page posted back to it, and the most texts of 1 KB or more decoded ahead of their parse before the board. */
  answers: number;
  handedBack: number;
  decodedAhead: number;
}

/**
 * Run in the page before its scripts: counts the inflate streams, the worker's answers, the buffers
 * handed back to it and the chunk texts decoded before the board and not parsed yet.
 */
function countInflation(): void {
  const w = window as unknown as { mmStreams: number; mmAnswers: number; mmHandedBack: number; mmAhead: number; DecompressionStream: typeof DecompressionStream };
  w.mmStreams = 0;
  w.mmAnswers = 0;
  w.mmHandedBack = 0;
  w.mmAhead = 0;
  // Chunk texts decoded before the board and not parsed yet (a text is parsed whole, once).
  const unparsed = new Set<string>();
  const decode = TextDecoder.prototype.decode;
  TextDecoder.prototype.decode = function (this: TextDecoder, input?: AllowSharedBufferSource, options?: TextDecodeOptions) {
    const text = decode.call(this, input, options);
    if (text.length >= 1024 && !document.querySelector('.mm-board-item')) {
      unparsed.add(text);
      w.mmAhead = Math.max(w.mmAhead, unparsed.size);
    }
    return text;
  };
  const parse = JSON.parse;
  JSON.parse = function (text: string, reviver?: (key: string, value: unknown) => unknown) {
    unparsed.delete(text);
    return parse.call(JSON, text, reviver) as unknown;
  };
  const post = Worker.prototype.postMessage as (this: Worker, message: unknown, transfer: Transferable[]) => void;
  Worker.prototype.postMessage = function (this: Worker, message: unknown, transfer?: Transferable[] | StructuredSerializeOptions) {
    if (Array.isArray(transfer) && transfer.some((t) => t instanceof ArrayBuffer)) w.mmHandedBack++;
    post.call(this, message, Array.isArray(transfer) ? transfer : []);
  } as typeof Worker.prototype.postMessage;
  const handler = Object.getOwnPropertyDescriptor(Worker.prototype, 'onmessage')!;
  Object.defineProperty(Worker.prototype, 'onmessage', {
    ...handler,
    set(this: Worker, listener: ((event: MessageEvent) => void) | null) {
      handler.set!.call(this, listener && ((event: MessageEvent<{ bytes?: unknown }>) => {
        if (event.data?.bytes instanceof Uint8Array) w.mmAnswers++;
        listener.call(this, event);
      }));
    },
  });
  const Native = w.DecompressionStream;
  w.DecompressionStream = new Proxy(Native, {
    construct(target, args: [CompressionFormat]) {
      w.mmStreams++;
      return new target(...args);
    },
  });
}

/** Open `file`, wait for its board and its details inflated ahead (the page idle), then open the Cards tab. */
async function open(browser: Browser, file: string): Promise<Opened> {
  const context = await browser.newContext({ viewport: { width: 1360, height: 900 } });
  const page = await context.newPage();
  const errors: string[] = [];
  const workers: string[] = [];
  page.on('pageerror', (err) => errors.push(String(err)));
  page.on('console', (msg) => {
    if (msg.type() === 'error' || msg.type() === 'warning') errors.push(msg.text());
  });
  page.on('worker', (worker) => workers.push(worker.url()));
  await page.addInitScript(countInflation);
  await page.goto(pathToFileURL(file).href);
  await page.waitForSelector('.mm-board-item');
  // The details are inflated ahead once the board is painted, a chunk a task: let them finish.
  await page.waitForTimeout(1500);
  const { streamsHere, answers, handedBack, decodedAhead } = await page.evaluate(() => {
    const w = window as unknown as { mmStreams: number; mmAnswers: number; mmHandedBack: number; mmAhead: number };
    return { streamsHere: w.mmStreams, answers: w.mmAnswers, handedBack: w.mmHandedBack, decodedAhead: w.mmAhead };
  });
  const boardItems = await page.locator('.mm-board-item').count();
  await page.locator('[data-mm-tab="cards"]').click();
  await page.waitForSelector('.mm-panel-cards .mm-card h3, .mm-panel-cards .mm-card h2');
  const card = (await page.locator('.mm-panel-cards .mm-card').first().textContent()) ?? '';
  await context.close();
  return { streamsHere, workers, errors, boardItems, card, answers, handedBack, decodedAhead };
}

describeWithChromium('the dashboard page’s data inflated in a worker (Chromium)', () => {
  const generated = writeVault({ notes: 1000, seed: 1 }).dir;
  const { work, pages, browser } = dashboardSuite('inflate-worker', { example: join(ROOT, 'examples/vault'), generated });

  it('inflates every chunk in a worker from a blob: URL, no DecompressionStream on the page’s main thread; in the page where its policy allows no worker, with the same board and cards', async () => {
    const inWorker: Record<string, Opened> = {};
    for (const name of ['example', 'generated']) {
      const opened = await open(browser(), pages[name]!);
      inWorker[name] = opened;
      expect(opened.errors).toEqual([]);
      expect(opened.boardItems).toBeGreaterThan(0);
      expect(opened.card.length).toBeGreaterThan(0);
      // Main made one a chunk on the page's own thread (4 for the example vault).
      expect(opened.streamsHere).toBe(0);
      expect(opened.workers.length).toBeGreaterThanOrEqual(1);
      expect(opened.workers[0]).toMatch(/^blob:null\//);
      // Every buffer answered goes back to the worker, and a chunk's text is decoded in the task
      // that parses it. Main posted none back and decoded each answer as it came.
      expect(opened.answers).toBeGreaterThan(0);
      expect(opened.decodedAhead).toBe(1);
      expect(opened.handedBack).toBe(opened.answers);
    }

    const html = readFileSync(pages['example']!, 'utf8');
    expect(html.includes('; worker-src blob:;'), 'the page’s policy allows blob: workers').toBe(true);
    const blocked = join(work, 'no-worker.html');
    writeFileSync(blocked, html.replace('; worker-src blob:;', ';'));
    const opened = await open(browser(), blocked);
    expect(opened.workers).toEqual([]);
    expect(opened.streamsHere).toBeGreaterThan(0);
    expect(opened.boardItems).toBe(inWorker['example']!.boardItems);
    expect(opened.card).toBe(inWorker['example']!.card);
    // Chromium says why on the console (the inflate worker; the example vault starts no layout worker before its Graph tab); the page says nothing.
    expect(opened.errors.length).toBeGreaterThanOrEqual(1);
    for (const e of opened.errors) expect(e).toMatch(/^Creating a worker from 'blob:null\/[^']+' violates the following Content Security Policy directive/);
  });
});
