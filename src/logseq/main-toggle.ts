// The main UI (the dashboard in the plugin's frame): opened and closed from the toolbar or the
// command palette, filled again when the graph finishes loading or is rebuilt. The dashboard reads
// every component's view: they are built a slice at a time before it is drawn (a placeholder shows
// meanwhile) and before it is drawn again after a change (the views an edit changed, a few), and
// the list of them the draw reads is collected in the same slices, not in the draw's task.
import type { Slicing } from '../plugin-cache/slicing';
import { componentsInSlices } from '../plugin-cache/view-slices';
import { frameSlicing } from './graph-queries';
import type { GraphIndex } from './graph-index';
import type { LogseqHost } from './host';
import { adoptHostTheme } from './navigation';
import { DB_GRAPH_MESSAGE, type OpenComponent, type PluginState } from './plugin-state';
import { busyElement, mountDashboard } from './views';

export interface MainToggle {
  toggle(): void;
  /** Fill the main UI again if it is open (the graph finished loading, or was rebuilt). */
  refill(): void;
  /** The index changed: the dashboard, once its views are built again, shows it. */
  refresh(): Promise<void>;
}

/**
 * The index's `components()` (every view, in its order), a slice at a time and kept for the draw
 * (view-slices.ts). Then the problems across the graph (its cycles, kept by the index), which the
 * draw also reads, in a slice of their own. False when `cancelled()` stopped it.
 */
async function listInSlices(index: GraphIndex['index'], slicing: Slicing, cancelled: () => boolean): Promise<boolean> {
  if (!(await componentsInSlices(index, slicing, cancelled))) return false;
  await slicing.yieldNow();
  if (cancelled()) return false;
  index.vaultDiagnostics();
  return true;
}

export function createMainToggle(host: LogseqHost, doc: Document, state: PluginState, open: OpenComponent, yieldNow: () => Promise<void>): MainToggle {
  let builds = 0;

  /**
   * Every component's view built and listed, a slice at a time (`onFirstYield` when it takes more
   * than one); false when a newer build, another graph or the plugin's stop cancelled it.
   */
  async function buildViews(onFirstYield: () => void = () => undefined): Promise<boolean> {
    const mine = ++builds;
    const { graph, loads } = state;
    if (!graph) return false;
    let yielded = false;
    const slicing = frameSlicing(async () => {
      if (!yielded) onFirstYield();
      yielded = true;
      await yieldNow();
    });
    return listInSlices(graph.index, slicing, () => mine !== builds || state.graph !== graph || state.loads !== loads);
  }

  async function refresh(): Promise<void> {
    if (state.main && (await buildViews())) state.main?.refresh();
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
    if (!(await buildViews(placeholder))) return;
    // Drawn in a task of its own, not after the last slice of views.
    await yieldNow();
    if (state.main || state.graph !== graph) return;
    state.main = mountDashboard(mount, graph, open, () => host.hideMainUI());
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
