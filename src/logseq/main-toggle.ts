// The main UI (the dashboard in the plugin's frame): opened and closed from the toolbar or the
// command palette, filled again when the graph finishes loading or is rebuilt. The dashboard reads
// every component's view: they are built a slice at a time before it is drawn (a placeholder shows
// meanwhile) and before it is drawn again after a change (the views an edit changed, a few), and
// the list of them the draw reads is collected in the same slices, not in the draw's task.
import type { Component } from '../core/index';
import type { Slicing } from '../plugin-cache/slicing';
import { frameSlicing } from './graph-queries';
import type { GraphIndex } from './graph-index';
import type { LogseqHost } from './host';
import { adoptHostTheme } from './navigation';
import { DB_GRAPH_MESSAGE, type OpenComponent, type PluginState } from './plugin-state';
import { busyElement, mountDashboard, type ComponentList } from './views';

export interface MainToggle {
  toggle(): void;
  /** Fill the main UI again if it is open (the graph finished loading, or was rebuilt). */
  refill(): void;
  /** The index changed: the dashboard, once its views are built again, shows it. */
  refresh(): Promise<void>;
}

/**
 * The index's `components()` (every view, in its order), a slice at a time: views not built yet are
 * built on the way. Then the problems across the graph (its cycles, kept by the index), which the
 * draw also reads, in a slice of their own. Null when `cancelled()` stopped it.
 */
async function componentsInSlices(index: GraphIndex['index'], slicing: Slicing, cancelled: () => boolean): Promise<ComponentList | null> {
  const revision = index.revision();
  const today = index.today();
  const list: Component[] = [];
  slicing.start();
  for (const id of index.ids()) {
    if (slicing.spent()) await slicing.yieldNow();
    if (cancelled()) return null;
    const component = index.component(id);
    if (component) list.push(component);
  }
  await slicing.yieldNow();
  if (cancelled()) return null;
  index.vaultDiagnostics();
  return { revision, today, list };
}

export function createMainToggle(host: LogseqHost, doc: Document, state: PluginState, open: OpenComponent, yieldNow: () => Promise<void>): MainToggle {
  let builds = 0;

  /**
   * Every component's view built and listed, a slice at a time (`onFirstYield` when it takes more
   * than one); null when a newer build, another graph or the plugin's stop cancelled it.
   */
  async function buildViews(onFirstYield: () => void = () => undefined): Promise<ComponentList | null> {
    const mine = ++builds;
    const { graph, loads } = state;
    if (!graph) return null;
    let yielded = false;
    const slicing = frameSlicing(async () => {
      if (!yielded) onFirstYield();
      yielded = true;
      await yieldNow();
    });
    return componentsInSlices(graph.index, slicing, () => mine !== builds || state.graph !== graph || state.loads !== loads);
  }

  async function refresh(): Promise<void> {
    if (!state.main) return;
    const list = await buildViews();
    if (list) state.main?.refresh(list);
  }

  async function fill(): Promise<void> {
    const mount = doc.getElementById('app') ?? doc.body;
    if (state.dbGraph || !state.graph) {
      const note = doc.createElement('p');
      note.setAttribute('class', 'mm mm-logseq-notice');
      note.textContent = state.dbGraph ? DB_GRAPH_MESSAGE : 'Maturity Map is still reading the graph…';
      mount.replaceChildren(note);
      state.main = null;
      return;
    }
    if (state.main) return refresh();
    const graph = state.graph;
    const placeholder = () => mount.replaceChildren(busyElement(doc, 'Maturity Map: building the dashboard…'));
    const list = await buildViews(placeholder);
    if (!list) return;
    // Drawn in a task of its own, not after the last slice of views.
    await yieldNow();
    if (state.main || state.graph !== graph) return;
    state.main = mountDashboard(mount, graph, open, () => host.hideMainUI(), list);
  }

  return {
    toggle() {
      if (host.isMainUIVisible) return host.hideMainUI();
      void fill();
      void adoptHostTheme(host, doc);
      host.showMainUI({ autoFocus: true });
      state.scheduler?.wake();
      state.scheduler?.soon(0);
    },
    refill() {
      if (host.isMainUIVisible) void fill();
    },
    refresh,
  };
}
