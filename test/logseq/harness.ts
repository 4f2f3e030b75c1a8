// Loads the BUILT plugin (dist/logseq/index.js, which bundles the real `@logseq/libs` SDK) into a
// plugin frame (a happy-dom window) and connects it to the fake 0.10.x host running over Logseq's
// main document (a second window). The two talk only through postMessage, as in the app: each
// message is structured-cloned, carries its sender's origin (the host `file://`, the frame
// `lsp://logseq.io`, as for a marketplace install) and is delivered on a later turn; the frame
// sees the host as `window.parent`. The SDK does its own handshake, calls and events.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import type { IDBFactory } from 'fake-indexeddb';
import { installIndexedDB } from '../helpers/indexeddb';
import { createWorkerShim } from '../helpers/worker-threads';
import { listMarkdown, readNote, ROOT } from '../helpers/vault';
import { createFakeGraph, type Entity, type FakeGraph, type FakeGraphOptions, type ParsedBlock } from './fake/graph';
import { createFakeHost, type FakeHost, type FakeHostOptions, type FrameChannel } from './fake/host';
import { installFrameThread } from './fake/frame-thread';
import { runPluginScripts } from './fake/plugin-scripts';
import { parse } from './mldoc';
import type { TaskClock, TimerWindow } from './task-clock';

export const BUNDLE = join(ROOT, 'dist/logseq/index.js');
/** The plugin itself, which index.js adds to the frame's page (src/logseq/plugin-script.ts). */
export const PLUGIN_BUNDLE = join(ROOT, 'dist/logseq/plugin.js');
export const HOST_ORIGIN = 'file://';
export const FRAME_ORIGIN = 'lsp://logseq.io';

export function ensureBuilt(): string {
  if (!existsSync(BUNDLE) || !existsSync(PLUGIN_BUNDLE)) execFileSync(process.execPath, [join(ROOT, 'scripts/build.mjs'), '--only', 'logseq'], { stdio: 'inherit' });
  return readFileSync(BUNDLE, 'utf8');
}

type Inline = [string, unknown];

/** How Logseq splits a block's `{{renderer …}}` into arguments: mldoc's Macro node. */
export function mldocMacroArguments(content: string): string[] | null {
  for (const [node] of parse(content)) {
    const inlines = node[0] === 'Paragraph' ? (node[1] as Inline[]) : node[0] === 'Heading' ? (node[1] as { title: Inline[] }).title : [];
    for (const inline of inlines) {
      const macro = inline[1] as { name?: string; arguments?: string[] };
      if (inline[0] === 'Macro' && macro.name === 'renderer') return macro.arguments ?? [];
    }
  }
  return null;
}

/**
 * How the graph parser cuts a file into blocks: a pre-block for the page properties, then one
 * block per mldoc Heading (headings and list items), each holding the lines up to the next one.
 * mldoc's positions are UTF-8 byte offsets.
 */
const cut = new Map<string, ParsedBlock[]>();

export function mldocBlocks(text: string): ParsedBlock[] {
  const known = cut.get(text);
  if (known) return known;
  const blocks = mldocCut(text);
  cut.set(text, blocks);
  return blocks;
}

function mldocCut(text: string): ParsedBlock[] {
  const bytes = Buffer.from(text, 'utf8');
  const lineAt = (offset: number) => bytes.subarray(0, offset).toString('utf8').split('\n').length;
  const nodes = parse(text);
  const starts: Array<{ start: number; level: number }> = [];
  if (nodes.length > 0 && nodes[0]![0][0] !== 'Heading') starts.push({ start: 0, level: 1 });
  for (const [node, pos] of nodes) {
    if (node[0] !== 'Heading' || !pos) continue;
    // A list item's level is its indentation; a Markdown heading (`## …`, no bullet) is top level.
    const heading = node[1] as { level?: number; unordered?: boolean };
    starts.push({ start: pos.start_pos, level: heading.unordered ? (heading.level ?? 1) : 1 });
  }
  return starts.map(({ start, level }, i) => {
    const end = i + 1 < starts.length ? starts[i + 1]!.start : bytes.length;
    return { content: blockContent(bytes.subarray(start, end).toString('utf8')), line: lineAt(start), level };
  });
}

/**
 * A block's text as the graph parser keeps it: without the bullet and the indentation before it,
 * and its other lines without the indentation up to the bullet's text (`remove-indentation-spaces`).
 */
function blockContent(raw: string): string {
  const lead = /^\s*(?:[-*+]\s+)?/.exec(raw)![0];
  const width = lead.length - (lead.lastIndexOf('\n') + 1);
  const [first = '', ...rest] = raw.slice(lead.length).split('\n');
  return [first, ...rest.map((line) => line.replace(new RegExp(`^[ \\t]{0,${width}}`), ''))].join('\n').trimEnd();
}

/**
 * The JavaScript builtins the plugin's code reaches for in its loops, bound as locals around the
 * bundle (the same objects: the frame's own). happy-dom runs the frame's scripts in a Node `vm`
 * context, whose global object answers every lookup through interceptors: `Math.imul` in a
 * digest loop measured ~25× slower there than in Node or in Chromium, whose globals are as fast
 * as any property. Without this the harness charged the frame's work many times over.
 */
const BUILTINS = [
  'Math', 'Object', 'Array', 'String', 'Number', 'Boolean', 'JSON', 'Map', 'Set', 'WeakMap', 'WeakSet', 'Symbol', 'Reflect',
  'Proxy', 'Date', 'RegExp', 'Promise', 'Error', 'TypeError', 'RangeError', 'SyntaxError', 'Uint8Array', 'Uint16Array',
  'Uint32Array', 'Int32Array', 'Float64Array', 'ArrayBuffer', 'DataView', 'parseInt', 'parseFloat', 'isNaN', 'isFinite',
  'encodeURIComponent', 'decodeURIComponent', 'Intl',
];

export function withLocalBuiltins(code: string): string {
  return `(function (${BUILTINS.join(', ')}) {\n${code}\n})(${BUILTINS.map((name) => `globalThis.${name}`).join(', ')});`;
}

/** The clock of the plugin loaded now: a worker's message to the frame is one of the frame's tasks. */
let frameClock: TaskClock | undefined;

/**
 * Web Workers in the plugin frame, as Chromium gives the plugin's iframe (happy-dom has none): real
 * threads running the source of the Blob URL the plugin makes. One shim for the process: happy-dom's
 * URL class, where `createObjectURL` lives, is shared by every window.
 */
export const frameWorkers = createWorkerShim({
  deliver: (fn) => (frameClock ? frameClock.wrap('frame', 'message from a worker', fn)() : fn()),
});

function installFrameWorkers(frame: Window): void {
  const win = frame as unknown as Record<string, unknown> & { URL: { createObjectURL: unknown; revokeObjectURL: unknown } };
  win['Worker'] = frameWorkers.Worker;
  win.URL.createObjectURL = frameWorkers.createObjectURL;
  win.URL.revokeObjectURL = frameWorkers.revokeObjectURL;
}

export interface Loaded {
  fake: FakeHost;
  graph: FakeGraph;
  host: Window;
  frame: Window;
  /** Wait for pending timers, messages and renders to settle. */
  settle(ms?: number): Promise<void>;
  /** From now on, each message from the host reaches the frame `ms` after the one before it (see FrameLag). */
  lagFrame(ms: number): void;
  close(): Promise<void>;
}

export interface LoadOptions extends FakeGraphOptions {
  files: Map<string, string>;
  /**
   * Relaunch over this graph: Logseq restores its database as it was persisted (same entities,
   * same transactions; ids retracted last given out again: FakeGraph `restore`), and `files` are
   * not read again.
   */
  graph?: FakeGraph;
  /**
   * The plugin frame's IndexedDB (its `lsp://` origin's storage in Logseq's profile): pass the
   * same one to relaunch over the same cache. Default: none, as before a cache was written.
   */
  indexedDB?: IDBFactory | null;
  settings?: Record<string, unknown>;
  graphKind?: FakeHostOptions['graphKind'];
  writeIntervalMs?: number;
  /** Files loaded without `:file/last-modified-at` (a graph restored from Logseq's cache). */
  cachedGraph?: boolean;
  /** No graph open yet when the plugin starts (datascript_query answers nil). */
  repoClosed?: boolean;
  /** Called with the frame window before the bundle runs (e.g. to patch its timers). */
  beforeRun?: (frame: Window) => void;
  /** Counts every timer and message of the frame and the host as one main-thread task. */
  clock?: TaskClock;
  /** Web Workers in the frame (default true, as in Logseq's Electron); false: none, the plugin's fallbacks. */
  workers?: boolean;
}

export function filesOf(dir: string, prefix = ''): Map<string, string> {
  const files = new Map<string, string>();
  for (const path of listMarkdown(dir)) files.set(`${prefix}${path}`, readNote(dir, path));
  return files;
}

/** What a call asks for: its method and first argument, shortened (ground ids elided). */
function askedFor(payload: { method?: unknown; args?: unknown } | undefined): string[] {
  const args = payload?.args;
  const first = Array.isArray(args) && typeof args[0] === 'string' ? args[0].replace(/\[\(ground \[[\d ]+\]\)/, '[(ground [ids])').slice(0, 90) : undefined;
  return [payload?.method, first].filter((p): p is string => typeof p === 'string');
}

/** How big a reply's result is: rows of a list, keys of a map, characters of a string. */
function sizeOf(result: unknown): string {
  if (Array.isArray(result)) return `${result.length} rows`;
  if (typeof result === 'string') return `${result.length} chars`;
  if (result !== null && typeof result === 'object') return `${Object.keys(result).length} keys`;
  return String(result);
}

/**
 * What a message asks for, to name the task that handles it (`api:call get_page …`, `reply to
 * datascript_query … (25 rows)`). `asked` maps each call's `_sync` id to what it asked, so a
 * reply is named by its call.
 */
export function describeMessage(data: unknown, asked?: Map<unknown, string>): string {
  if (data === null || typeof data !== 'object') return 'message';
  const record = data as Record<string, unknown>;
  const value = record['value'] as { name?: unknown; data?: { type?: unknown; payload?: { method?: unknown; args?: unknown; _sync?: unknown } } } | undefined;
  const payload = value?.data?.payload;
  const call = askedFor(payload);
  if (asked && payload?._sync !== undefined && payload._sync !== null) asked.set(payload._sync, call.join(' '));
  if (record['property'] === '#lspmsg#reply#') {
    const reply = record['data'] as { result?: unknown; _sync?: unknown } | undefined;
    return `reply to ${asked?.get(reply?._sync) ?? 'a call'} (${sizeOf(reply?.result)})`;
  }
  const parts = [record['postmate'], record['property'], value?.data?.type, ...call].filter((p) => typeof p === 'string');
  return parts.join(' ') || 'message';
}

/**
 * A loaded machine: the plugin's frame busy between two messages from the host, so each is handled
 * `ms` after the one before it (their order kept, as the browser keeps postMessage's). 0: each as
 * soon as the frame is free.
 */
export interface FrameLag {
  lag(ms: number): void;
}

/** postMessage between two happy-dom windows, as between Logseq's window and a plugin frame. */
export function bridge(host: Window, frame: Window, clock?: TaskClock): FrameChannel & FrameLag {
  let lagMs = 0;
  // With a lag: the messages not yet handled, each handled `lagMs` after the one before ran.
  const queued: Array<() => void> = [];
  let pumping = false;
  const pump = () => {
    const next = queued.shift();
    if (!next) return void (pumping = false);
    next();
    frame.setTimeout(pump, lagMs);
  };
  const asked = new Map<unknown, string>();
  const asTask = (side: 'host' | 'frame', data: unknown, fn: () => void) => (clock ? clock.wrap(side, `message ${describeMessage(data, asked)}`, fn) : fn);
  const listeners = new Set<(data: Record<string, unknown>) => void>();
  const check = (targetOrigin: string, origin: string) => {
    if (targetOrigin !== '*' && targetOrigin !== origin) throw new Error(`postMessage: target origin ${targetOrigin} does not match ${origin}`);
  };
  const hostProxy = {
    postMessage(data: unknown, targetOrigin: string) {
      check(targetOrigin, HOST_ORIGIN);
      const copy = structuredClone(data) as Record<string, unknown>;
      // Each message a task of the host's own, as a browser delivers postMessage: microtasks (a
      // MutationObserver's callback) run between two of them. happy-dom runs every zero-delay
      // timer due at once in one Node timer, with no microtask between; a 1 ms delay is what
      // Node's setTimeout(0) is anyway, one Node timer each.
      host.setTimeout(
        asTask('host', copy, () => {
          for (const listener of [...listeners]) listener(copy);
        }),
        1,
      );
    },
  };
  Object.defineProperty(frame, 'parent', { value: hostProxy, configurable: true });
  return {
    post(message) {
      const copy = structuredClone(message);
      const deliver = asTask('frame', copy, () => frame.dispatchEvent(new frame.MessageEvent('message', { data: copy, origin: HOST_ORIGIN, source: hostProxy as unknown as null })));
      if (lagMs === 0 && !pumping) return void frame.setTimeout(deliver);
      queued.push(deliver);
      if (!pumping) {
        pumping = true;
        frame.setTimeout(pump);
      }
    },
    lag(ms) {
      lagMs = ms;
    },
    listen(handler) {
      listeners.add(handler);
      return () => listeners.delete(handler);
    },
  };
}

export async function loadPlugin(options: LoadOptions): Promise<Loaded> {
  const code = ensureBuilt();
  const graph = options.graph ?? createFakeGraph(options);
  // A relaunch: Logseq restores the database it persisted (FakeGraph `restore`).
  if (options.graph) graph.restore();
  else graph.load(options.files, options.cachedGraph ? { mtime: null } : {});
  // Logseq has rendered its own pages, lists and journals before it loads plugins.
  graph.runAppQueries();
  const host = new Window({ url: 'file:///Applications/Logseq.app/index.html' });
  const frame = new Window({ url: `${FRAME_ORIGIN}/maturity-map/index.html`, ...(process.env['MM_DEBUG_FRAME'] ? { console: globalThis.console } : {}), settings: { enableJavaScriptEvaluation: true, suppressInsecureJavaScriptEnvironmentWarning: true } });
  const fake = createFakeHost({ graph, hostDocument: host.document as unknown as Document, graphKind: options.graphKind, macroArguments: mldocMacroArguments, settings: options.settings, writeIntervalMs: options.writeIntervalMs });
  const app = frame.document.createElement('div');
  app.id = 'app';
  frame.document.body.appendChild(app);
  // Chromium (Logseq's Electron) has it; happy-dom's window does not, and d3-dag uses it.
  (frame as unknown as Record<string, unknown>)['structuredClone'] = structuredClone;
  installIndexedDB(options.indexedDB ?? null, frame);
  if (options.workers !== false) installFrameWorkers(frame);
  frameClock = options.clock;
  if (options.repoClosed) fake.closeRepo();
  // Zero-delay timers a task each, and requestIdleCallback, as in Chromium (fake/frame-thread.ts).
  const clock = options.clock;
  installFrameThread(frame as unknown as Parameters<typeof installFrameThread>[0], host as unknown as Parameters<typeof installFrameThread>[1], {
    asTask: (what, fn) => (clock ? clock.wrap('frame', what, fn) : fn),
  });
  if (options.clock) options.clock.patchTimers(frame as unknown as TimerWindow, 'frame');
  const channel = bridge(host, frame, options.clock);
  options.beforeRun?.(frame);
  const scripts = { index: withLocalBuiltins(code), plugin: withLocalBuiltins(readFileSync(PLUGIN_BUNDLE, 'utf8')) };
  runPluginScripts(frame, { code: (name) => (name === 'plugin.js' ? scripts.plugin : scripts.index), clock: options.clock, evaluated: [] });
  await fake.connect(channel);
  await fake.ready();
  // Real timers: the plugin's poll interval never lets happy-dom's waitUntilComplete() finish.
  const settle = (ms = 30) => new Promise<void>((r) => setTimeout(r, ms));
  // Started: the plugin registered everything and began reading the graph.
  for (let i = 0; i < 200 && !fake.calls.some((c) => c.method === 'check_current_is_db_graph'); i++) await settle(10);
  await settle(50);
  return {
    fake,
    graph,
    host,
    frame,
    settle,
    lagFrame: (ms) => channel.lag(ms),
    close: async () => {
      await Promise.race([fake.unload(), settle(500)]);
      fake.close();
      await frame.happyDOM.abort();
      await frame.happyDOM.close();
      await host.happyDOM.close();
    },
  };
}

/** Wait until `check` holds (polling), or fail with `what`. */
export async function until(l: Loaded, check: () => boolean, what: string, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await l.settle(20);
  }
}

/**
 * Waits until the plugin has asked the host nothing for three settles in a row: every render in
 * flight has written (each write follows its slot check), so what the test does next races none.
 */
export async function quiet(l: Loaded, what = 'the plugin to go quiet', ms = 10000): Promise<void> {
  const end = Date.now() + ms;
  let seen = -1;
  let still = 0;
  while (still < 3) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await l.settle(40);
    still = l.fake.calls.length === seen ? still + 1 : 0;
    seen = l.fake.calls.length;
  }
}

/**
 * A query table's rows: the head's `<tr>`s and the rows its later pieces inject into the table
 * (`<div role="row">`: Logseq parses a template in a <div>, where <tr> is dropped; table-pieces.ts).
 */
export const ROW_SELECTOR = 'tr[data-mm-id], [role="row"][data-mm-id]';

export function slotElement(l: Loaded, slot: string): HTMLElement {
  return l.host.document.getElementById(slot) as unknown as HTMLElement;
}

/** Every piece of a view is in (a card's sections, a graph's drawing come after its head, one task each). */
export function viewComplete(el: Element | null | undefined): boolean {
  const parts = [...(el?.querySelectorAll('.mm-card-part, .mm-slot-part') ?? [])].every((part) => part.children.length > 0);
  // A graph's drawing in layers (graph-layers.ts): its first layer says how many there are.
  // The later layers are injected into a holder inside the first's piece: every injected piece in the canvas is a layer.
  const layers = [...(el?.querySelectorAll('[data-mm-layers]') ?? [])].every((first) => (first.closest('.mm-graph-canvas')?.querySelectorAll('[data-injected-ui]').length ?? 0) >= Number(first.getAttribute('data-mm-layers')));
  return parts && layers;
}

/** A block holding `content` on the page of `path`, rendered; resolves once its slot shows its view (no busy notice, every piece in). */
export async function macro(l: Loaded, path: string, content: string): Promise<{ slot: string; el: HTMLElement; block: Entity }> {
  const block = l.graph.addBlock(l.graph.pageOfFile(path)!, content);
  const slot = l.fake.renderBlock(block);
  const filled = () => {
    const el = slotElement(l, slot);
    // Not while a notice says work is under way (`aria-busy`: "indexing…", a query running).
    return el?.querySelector('[data-injected-ui]') !== null && el?.querySelector('[aria-busy="true"]') === null && viewComplete(el);
  };
  await until(l, filled, `slot ${slot} of ${content}`, 15000);
  await l.settle(30);
  return { slot, el: slotElement(l, slot), block };
}

/** A query macro rendered with every row it matches shown ("Show more" pressed until it goes). */
export async function macroAll(l: Loaded, path: string, content: string): Promise<{ slot: string; el: HTMLElement; block: Entity }> {
  const shown = await macro(l, path, content);
  return { ...shown, el: await showAll(l, shown.slot) };
}

/** Press a query slot's "Show more" until every row it matches is shown (a slot shows a page at first). */
export async function showAll(l: Loaded, slot: string, ms = 30000): Promise<HTMLElement> {
  for (;;) {
    const more = slotElement(l, slot).querySelector('button.mm-show-more') as HTMLElement | null;
    if (!more) return slotElement(l, slot);
    more.click();
    await until(l, () => slotElement(l, slot).querySelector('button.mm-show-more') !== more && viewComplete(slotElement(l, slot)), 'the next page', ms);
  }
}
