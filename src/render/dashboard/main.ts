// Entry of the standalone HTML dashboard's first script (bundled by esbuild as an IIFE and inlined
// by `maturity-map dashboard`). Reads the data from its blocks (page-data.ts: the JSON header in
// <script type="application/json" id="mm-data">, a text block a chunk; light components to paint,
// each card's detail unpacked when it opens), mounts the dashboard,
// and keeps the selected component in the URL hash. The graph's code is the page's second script,
// run when the Graph tab is first drawn (graph-script.ts).
import { prepareNameOrder } from '../../core/text';
import { contextFromSnapshot } from '../context';
import { loadDashboardData, type LoadedDashboard } from './data';
import { h } from '../dom';
import { renderDashboard, type DashboardView } from './dashboard';
import { pageGraph, type PageGraph } from './graph-script';
import { readPageData } from './page-data';
import { themeSwitch } from './theme';

const HASH_PREFIX = '#component=';

function idFromHash(): string | null {
  if (!location.hash.startsWith(HASH_PREFIX)) return null;
  try {
    return decodeURIComponent(location.hash.slice(HASH_PREFIX.length));
  } catch {
    return null;
  }
}

function fail(mount: HTMLElement, message: string): void {
  mount.replaceChildren(h(document, 'p', { cls: 'mm mm-fatal', text: `This dashboard cannot be shown: ${message}.` }));
}

/**
 * A new task: the browser's scheduler.yield (Chromium) or a MessageChannel message; no timer, which
 * waits 4 ms once timers nest.
 */
function nextTask(): Promise<void> {
  const scheduler = (window as unknown as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => {
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = () => {
      port1.close();
      resolve();
    };
    port2.postMessage(null);
  });
}

/**
 * The dashboard drawn in tasks of its own, none over 50 ms at 10k components: the context in one,
 * the header and filters in the next, the filters run over every component, then the board's first
 * screenful (renderDashboard's `defer`). The page shows it once the board's first part is in, so
 * the first paint is the header and the board together, as drawn at once (all of it was one task
 * of 50–66 ms of CPU at 10k, benchmarks.md session 21).
 */
async function mountDashboard(mount: HTMLElement, loaded: LoadedDashboard, graph: PageGraph): Promise<DashboardView> {
  await nextTask();
  const data = loaded.data;
  let view: DashboardView | null = null;
  const ctx = contextFromSnapshot(data, {
    document,
    href: (id) => `${HASH_PREFIX}${encodeURIComponent(id)}`,
    onOpen: (id) => {
      view?.show(id);
      history.replaceState(null, '', `${HASH_PREFIX}${encodeURIComponent(id)}`);
    },
    nextTask,
  }, loaded.detail);
  await nextTask();
  let settle: { drawn: () => void; failed: (err: unknown) => void } = { drawn: () => undefined, failed: () => undefined };
  const panelDrawn = new Promise<void>((drawn, failed) => (settle = { drawn, failed }));
  // A draw that throws fails the page, as it did when it ran inside start().
  const defer = (draw: () => void) => void nextTask().then(draw).catch(settle.failed);
  view = renderDashboard(ctx, { graph: graph.render, title: document.title || `Maturity Map — ${data.root}`, headerExtras: [themeSwitch(document)], defer, onFirstDraw: settle.drawn });
  const initial = idFromHash();
  if (initial) view.show(initial);
  await panelDrawn;
  mount.replaceChildren(view.element);
  return view;
}

async function start(): Promise<void> {
  const mount = document.getElementById('mm-app');
  if (!mount) return;
  try {
    const loaded = await loadDashboardData(readPageData(document));
    const graph = pageGraph(document);
    const view = await mountDashboard(mount, loaded, graph);
    window.addEventListener('hashchange', () => {
      const id = idFromHash();
      if (id) view.show(id);
    });
    // Once the board is on screen: the name collator (the page's first paint compares no names; the
    // table's first sort would build it, 10-14 ms, in a task already near 50), then the details
    // inflated so the first cards are quick, each chunk in a task of its own; the graph's layout
    // worker started meanwhile in a thread of its own, so the first Graph tab does not wait for it.
    requestAnimationFrame(() =>
      setTimeout(() => {
        prepareNameOrder();
        void loaded.prefetch().catch(() => undefined);
        graph.startWorker(loaded.data.components.length);
      }, 0),
    );
  } catch (err) {
    fail(mount, (err as Error).message);
  }
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => void start());
else void start();
