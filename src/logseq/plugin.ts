// The Logseq plugin: wires the host's events to the graph index, the macro slots and the main UI.
// It targets file graphs served by the Logseq 0.10.x app; on a DB graph (Logseq 2.x, detected by
// feature: `checkCurrentIsDbGraph` throws "Not existed method" on 0.10.x) it says so and stays idle.
import type { GraphIndex } from './graph-index';
import { startGraphLayout } from './graph-layout';
import type { LogseqHost } from './host';
import { subscribe } from './host-events';
import { createLoader, reportSettingsProblems } from './loader';
import { createMainToggle } from './main-toggle';
import { registerLinkCommand } from './link-command';
import { createPageOpener } from './open-page';
import type { PluginEnvironment, PluginState } from './plugin-state';
import { registerUI } from './register-ui';
import { readSettings } from './settings';
import { createSlotContent } from './slot-content';
import { createSlotRegistry } from './slots';
import type { SlotRegistry } from './slot-types';
import { frameIdle, frameYield, type IdleWindow, type WhenIdle } from './steps';

export { DB_GRAPH_MESSAGE, type PluginEnvironment } from './plugin-state';
export { RETRY_MS, detectDbGraph } from './loader';
export { TOOLBAR_KEY, slotPatch } from './register-ui';

export interface RunningPlugin {
  graph(): GraphIndex | null;
  isDbGraph(): boolean;
  stop(): Promise<void>;
}

export async function startPlugin(host: LogseqHost, env: PluginEnvironment): Promise<RunningPlugin> {
  const doc = env.document;
  const state: PluginState = { settings: readSettings(host.settings), graph: null, loading: null, dbGraph: false, main: null, scheduler: null, loads: 0, retry: null };
  const offs: Array<() => void> = [];
  // The graph's layout off the frame's thread (graph-layout.ts); stopped with the plugin.
  const frame = doc.defaultView;
  if (frame && env.layoutWorkerSource) offs.push(startGraphLayout(frame, env.layoutWorkerSource));
  const yieldNow = frameYield(env.timers);
  const content = createSlotContent(host, doc, state);
  const slots: SlotRegistry = createSlotRegistry(host, content.template, yieldNow);
  const { openLine, openComponent } = createPageOpener(host, () => state.graph);

  async function rerender(): Promise<void> {
    await Promise.all([mainUI.refresh(), slots.refresh()]);
  }

  const mainUI = createMainToggle(host, doc, state, openComponent, yieldNow);
  /**
   * A card's Logseq reading came after the card was drawn: the slots are drawn again (a card in a
   * slot shows it then), the dashboard only puts it into its cards of that component. Drawing the
   * dashboard again collected every view and drew the shown tab from its first page, once for
   * every card that asked (its Cards tab lost a page asked for with Show more).
   */
  const readingKnown = (id: string) => {
    state.main?.readingKnown(id);
    void slots.refresh();
  };
  const toggleMain = () => mainUI.toggle();
  const quiet = afterDrawing(slots, frameIdle(frame as IdleWindow | null, yieldNow));
  const loader = createLoader(host, env, state, { slots, rerender, readingKnown, yieldNow, quiet, clearPageCache: content.clearPageCache, refillMain: () => mainUI.refill() });
  offs.push(registerUI(host, env, { slots, openLine, toggleMain, onSettings: (raw) => void loader.settingsChanged(raw) }));
  registerLinkCommand(host, () => state.graph);
  offs.push(...subscribe(host, state, slots, loader.load));
  host.beforeunload(() => stopAll());

  /** Stop everything; resolves once the graph's cache has written what it was writing. */
  async function stopAll(): Promise<void> {
    state.loads++;
    state.scheduler?.stop();
    if (state.retry !== null) env.timers.clearTimeout(state.retry);
    state.main?.destroy();
    for (const off of offs.splice(0)) off();
    slots.clear();
    await Promise.all([state.graph?.close(), state.loading?.close()]);
  }

  reportSettingsProblems(host, state.settings.problems);
  offs.push(await followThemeMode(host, doc));
  await loader.load();
  return { graph: () => state.graph, isDbGraph: () => state.dbGraph, stop: stopAll };
}

/**
 * Run a step once every slot's view is drawn whole (all of its pieces written) and the thread is
 * idle; a render that started while it waited for idle time is waited for too.
 */
function afterDrawing(slots: SlotRegistry, idle: WhenIdle): WhenIdle {
  return async (step) => {
    do {
      await slots.drawn();
      await idle(step);
    } while (slots.drawing());
  };
}

/** The frame follows Logseq's light or dark mode; returns the unsubscribe. */
async function followThemeMode(host: LogseqHost, doc: Document): Promise<() => void> {
  const theme = (mode: unknown) => doc.documentElement.setAttribute('data-mm-theme', mode === 'dark' ? 'dark' : 'light');
  const off = host.App.onThemeModeChanged(({ mode }) => theme(mode));
  try {
    theme((await host.App.getUserConfigs()).preferredThemeMode);
  } catch {
    theme('light');
  }
  return off;
}
