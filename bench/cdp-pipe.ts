// Chromium driven over its DevTools pipe, with no Playwright: Playwright enables the DevTools
// Network domain on every page, and its agent keeps every byte of a document and decodes all of it
// again when it has loaded — for the 6 MB page of a 10k vault one main-thread task of 77–89 ms of
// CPU that no reader's browser runs (docs/benchmarks.md, session 27). Here the page's session
// enables only what the bench needs (`Page` for its init script, `Performance`), never `Network`.
// What the bench needs of a page: an init script, navigation, evaluation, waiting on a condition,
// a click and typing as input events (as Playwright sends them), its main thread's CPU time, and a
// browser-wide trace.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';

export interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string; data?: Record<string, unknown> };
}

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void };
type Message = { id?: number; method?: string; params?: { value?: TraceEvent[] }; result?: unknown; error?: unknown };

/** One Chromium over `--remote-debugging-pipe`: protocol calls, and the trace it reports. */
export class PipeBrowser {
  private readonly waiting = new Map<number, Pending>();
  private traced: TraceEvent[] = [];
  private traceDone: (() => void) | null = null;
  private nextId = 1;
  private buffer = '';

  private constructor(private readonly child: ChildProcess) {
    (child.stdio[4] as Readable).on('data', (data: Buffer) => this.receive(data.toString()));
    child.on('exit', () => {
      for (const pending of this.waiting.values()) pending.reject(new Error('Chromium exited'));
      this.waiting.clear();
    });
  }

  /**
   * Chromium headless with a DevTools pipe; under `taskset -c <cpus>` when `cpus` is given and taskset
   * exists (the bench's page pinned to a core of its own, away from other work on the machine).
   */
  static launch(executable: string, args: readonly string[], cpus?: string): PipeBrowser {
    const own = [...args, '--remote-debugging-pipe', 'about:blank'];
    const pinned = cpus !== undefined && cpus !== '' && spawnSync('taskset', ['-V']).status === 0;
    const [command, commandArgs] = pinned ? ['taskset', ['-c', cpus, executable, ...own]] : [executable, own];
    return new PipeBrowser(spawn(command, commandArgs, { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'] }));
  }

  private receive(text: string): void {
    this.buffer += text;
    for (let end = this.buffer.indexOf('\0'); end >= 0; end = this.buffer.indexOf('\0')) {
      const message = JSON.parse(this.buffer.slice(0, end)) as Message;
      this.buffer = this.buffer.slice(end + 1);
      const pending = message.id === undefined ? undefined : this.waiting.get(message.id);
      if (pending && message.id !== undefined) {
        this.waiting.delete(message.id);
        if (message.error) pending.reject(new Error(JSON.stringify(message.error)));
        else pending.resolve(message.result);
      } else if (message.method === 'Tracing.dataCollected') this.traced.push(...(message.params?.value ?? []));
      else if (message.method === 'Tracing.tracingComplete') this.traceDone?.();
    }
  }

  send<T>(method: string, params: object = {}, sessionId?: string): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const id = this.nextId++;
      this.waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
      (this.child.stdio[3] as Writable).write(`${JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) })}\0`);
    });
  }

  /** A new page of `width` × `height` CSS pixels, attached in a session of its own. */
  async newPage(width: number, height: number): Promise<PipePage> {
    const { targetId } = await this.send<{ targetId: string }>('Target.createTarget', { url: 'about:blank' });
    const { sessionId } = await this.send<{ sessionId: string }>('Target.attachToTarget', { targetId, flatten: true });
    await this.send('Emulation.setDeviceMetricsOverride', { width, height, deviceScaleFactor: 1, mobile: false }, sessionId);
    await this.send('Performance.enable', {}, sessionId);
    return new PipePage(this, sessionId);
  }

  async startTracing(categories: readonly string[]): Promise<void> {
    this.traced = [];
    await this.send('Tracing.start', { transferMode: 'ReportEvents', traceConfig: { includedCategories: categories } });
  }

  async stopTracing(): Promise<TraceEvent[]> {
    const ended = new Promise<void>((resolve) => (this.traceDone = resolve));
    await this.send('Tracing.end');
    await ended;
    this.traceDone = null;
    const events = this.traced;
    this.traced = [];
    return events;
  }

  close(): void {
    this.child.kill();
  }
}

type Evaluated = { result?: { value?: unknown }; exceptionDetails?: { text?: string; exception?: { description?: string } } };
type Box = { x: number; y: number } | null;

/** A page of a PipeBrowser: what the dashboard bench does to it. */
export class PipePage {
  constructor(
    private readonly browser: PipeBrowser,
    private readonly sessionId: string,
  ) {}

  private send<T>(method: string, params: object = {}): Promise<T> {
    return this.browser.send<T>(method, params, this.sessionId);
  }

  /** Run `source` (a function's text) in every document before its own scripts (the Page domain runs them only when enabled). */
  async addInitScript(source: string): Promise<void> {
    await this.send('Page.enable');
    await this.send('Page.addScriptToEvaluateOnNewDocument', { source: `(${source})()` });
  }

  /** The value of `expression` in the page (awaited when it is a promise). */
  async evaluate<T>(expression: string): Promise<T> {
    const answer = await this.send<Evaluated>('Runtime.evaluate', { expression, returnByValue: true, awaitPromise: true });
    if (answer.exceptionDetails) throw new Error(answer.exceptionDetails.exception?.description ?? answer.exceptionDetails.text ?? 'evaluation failed');
    return answer.result?.value as T;
  }

  /**
   * Poll `expression` until it is true, every `everyMs` from outside the page (no poller of the
   * bench's own runs in the page's frames); an evaluation that fails while a document is replaced
   * counts as not yet.
   */
  async waitFor(expression: string, timeoutMs = 300_000, everyMs = 50): Promise<void> {
    const started = Date.now();
    while ((await this.evaluate<boolean>(expression).catch(() => false)) !== true) {
      if (Date.now() - started > timeoutMs) throw new Error(`not true after ${timeoutMs} ms: ${expression}`);
      await sleep(everyMs);
    }
  }

  /** Navigate to `url` and wait until its document has loaded. */
  async goto(url: string): Promise<void> {
    await this.send('Page.navigate', { url });
    await this.waitFor(`location.href === ${JSON.stringify(url)} && document.readyState === 'complete'`);
  }

  /**
   * Press the first element that matches `selector` with the mouse, as Playwright does: wait for it,
   * scroll it into view if needed, then move, press and release at its centre.
   */
  async click(selector: string): Promise<void> {
    const centre = `(() => {
      const el = document.querySelector(${JSON.stringify(selector)});
      if (!el) return null;
      el.scrollIntoViewIfNeeded(true);
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0 ? { x: r.left + r.width / 2, y: r.top + r.height / 2 } : null;
    })()`;
    await this.waitFor(`${centre} !== null`);
    const box = await this.evaluate<Box>(centre);
    if (!box) throw new Error(`${selector}: gone before the click`);
    const at = { x: box.x, y: box.y, button: 'left', clickCount: 1 };
    await this.send('Input.dispatchMouseEvent', { type: 'mouseMoved', x: box.x, y: box.y });
    await this.send('Input.dispatchMouseEvent', { type: 'mousePressed', ...at });
    await this.send('Input.dispatchMouseEvent', { type: 'mouseReleased', ...at });
  }

  /** Type `text` into the first input that matches `selector`, replacing its value (Playwright's `fill`). */
  async fill(selector: string, text: string): Promise<void> {
    const ready = `(() => { const el = document.querySelector(${JSON.stringify(selector)}); if (!el) return false; el.focus(); el.select(); return true; })()`;
    await this.waitFor(ready);
    await this.send('Input.insertText', { text });
  }

  /** The page's main thread's CPU time so far, ms. */
  async threadMs(): Promise<number> {
    const { metrics } = await this.send<{ metrics: { name: string; value: number }[] }>('Performance.getMetrics');
    return (metrics.find((m) => m.name === 'ThreadTime')?.value ?? NaN) * 1000;
  }
}
