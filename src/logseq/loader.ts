// Reading the graph: start-up in chunks, retries while no graph is open or a read failed, a new
// read on a graph switch or a new namespace, and settings changes applied without re-reading
// when they do not change how notes are read.
import { createGraphIndex, GraphNotOpenError } from './graph-index';
import type { LogseqHost } from './host';
import type { PluginEnvironment, PluginState } from './plugin-state';
import { createRefreshScheduler } from './refresh';
import { readSettings } from './settings';
import type { SlotRegistry } from './slot-types';
import type { WhenIdle, YieldNow } from './steps';
import { afterFirstDraw, beforeFirstDraw, nameKeysInSlices } from './warm-index';

/** Waits before trying a failed first read again (no graph open yet, a query that failed). */
export const RETRY_MS = [1000, 2000, 5000, 10000, 30000];

/** `checkCurrentIsDbGraph` exists only in the DB-era host; on 0.10.x the call rejects. */
export async function detectDbGraph(host: LogseqHost): Promise<boolean> {
  try {
    return (await host.App.checkCurrentIsDbGraph()) === true;
  } catch {
    return false;
  }
}

/** Settings values that were not valid (each fell back to its default): said once, as Logseq's message. */
export function reportSettingsProblems(host: LogseqHost, problems: readonly string[]): void {
  if (problems.length === 0) return;
  void Promise.resolve(host.UI.showMsg(`Maturity Map settings: ${problems.join('; ')}`, 'error', { timeout: 15000 })).catch(() => undefined);
}

interface LoaderParts {
  slots: SlotRegistry;
  rerender: () => Promise<void>;
  /** A component's Logseq reading, asked for by a card before it was known, is known now. */
  readingKnown: (id: string) => void;
  yieldNow: YieldNow;
  /** Wait until the views are drawn whole and the thread is idle (the links kept for the next start wait so). */
  quiet: WhenIdle;
  clearPageCache: () => void;
  refillMain: () => void;
}

export interface Loader {
  load(): Promise<void>;
  settingsChanged(raw: Record<string, unknown>): Promise<void>;
}

/** What a load and a settings change work with. */
interface LoaderContext {
  readonly host: LogseqHost;
  readonly env: PluginEnvironment;
  readonly state: PluginState;
  readonly parts: LoaderParts;
}

/** Reading the graph: start-up in chunks, retries, settings changes without re-reading. */
export function createLoader(host: LogseqHost, env: PluginEnvironment, state: PluginState, parts: LoaderParts): Loader {
  const context: LoaderContext = { host, env, state, parts };
  return { load: () => load(context), settingsChanged: (raw) => settingsChanged(context, raw) };
}

function schedule({ host, env, state, parts }: LoaderContext): void {
  state.scheduler?.stop();
  state.scheduler = createRefreshScheduler({
    graph: () => state.graph,
    onChange: parts.rerender,
    visible: async () => (await parts.slots.prune()) > 0 || host.isMainUIVisible,
    pollSeconds: state.settings.pollSeconds,
    timers: env.timers,
    onError: (error) => console.error('[maturity-map] refresh failed', error),
  });
  if (parts.slots.live().length > 0 || host.isMainUIVisible) state.scheduler.wake();
}

/** Drops the graph read so far (and its retry, refreshes and dashboard) before a new read. */
function resetForLoad({ env, state, parts }: LoaderContext): void {
  if (state.retry !== null) env.timers.clearTimeout(state.retry);
  state.retry = null;
  state.scheduler?.stop();
  state.scheduler = null;
  state.main?.destroy();
  state.main = null;
  parts.clearPageCache();
  void state.graph?.close();
  void state.loading?.close();
  state.graph = null;
  state.loading = null;
}

async function load(context: LoaderContext, attempt = 0): Promise<void> {
  const { host, env, state, parts } = context;
  const mine = ++state.loads;
  resetForLoad(context);
  try {
    const isDb = await detectDbGraph(host);
    if (mine !== state.loads) return; // a newer load (graph switch, settings) took over
    state.dbGraph = isDb;
    if (isDb) return void (await parts.slots.refresh());
    const next = await createGraphIndex(host, state.settings, { today: env.today, yieldNow: parts.yieldNow, quiet: parts.quiet, onLateDiagnostics: parts.readingKnown });
    state.loading = next;
    let shown = 0;
    await next.start((p) => {
      // Let the "indexing…" notices count up, a few times during the read.
      if (p.done - shown >= Math.max(1, p.total / 4)) void parts.slots.refresh().then(() => (shown = p.done));
    });
    if (mine !== state.loads) return void next.close();
    // Warmed while the slots still say "indexing…": a slot drawn in the warm-up's tasks with the
    // graph already published would be drawn again by the refresh below (twice the layout).
    await beforeFirstDraw(next.index, { yieldNow: parts.yieldNow, stale: () => mine !== state.loads });
    if (mine !== state.loads) return void next.close();
    state.graph = next;
    state.loading = null;
    schedule(context);
    parts.refillMain();
    await parts.slots.refresh();
    const stale = () => mine !== state.loads || state.graph !== next;
    await nameKeysInSlices(next.index, { yieldNow: parts.yieldNow, stale });
    await afterFirstDraw(next.index, () => next.keepLinks(), { yieldNow: parts.yieldNow, quiet: parts.quiet, stale });
  } catch (error) {
    if (mine !== state.loads) return;
    void state.loading?.close();
    state.loading = null;
    if (!(error instanceof GraphNotOpenError)) console.error('[maturity-map] reading the graph failed', error);
    const wait = RETRY_MS[Math.min(attempt, RETRY_MS.length - 1)]!;
    state.retry = env.timers.setTimeout(() => void load(context, attempt + 1), wait);
  }
}

async function settingsChanged(context: LoaderContext, raw: Record<string, unknown>): Promise<void> {
  const { host, state, parts } = context;
  const next = readSettings(raw);
  const prev = state.settings;
  if (JSON.stringify(next) === JSON.stringify(prev)) return; // the host echoes settings it already sent
  state.settings = next;
  const newProblems = JSON.stringify(next.problems) !== JSON.stringify(prev.problems);
  if (newProblems) reportSettingsProblems(host, next.problems);
  const graph = state.graph;
  if (!graph || next.namespacePrefix !== prev.namespacePrefix) return load(context);
  if (next.pollSeconds !== prev.pollSeconds) schedule(context);
  if (await graph.reconfigure(next)) {
    // The index was rebuilt: the dashboard holds the old one.
    state.main?.destroy();
    state.main = null;
    parts.refillMain();
    await parts.rerender();
  } else if (newProblems) {
    await parts.slots.refresh(); // the notices list the settings' problems
  }
}
