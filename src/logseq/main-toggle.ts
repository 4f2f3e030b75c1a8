// The main UI (the dashboard in the plugin's frame): opened and closed from the toolbar or the
// command palette, filled again when the graph finishes loading or is rebuilt.
import type { LogseqHost } from './host';
import { adoptHostTheme } from './navigation';
import { DB_GRAPH_MESSAGE, type OpenComponent, type PluginState } from './plugin-state';
import { mountDashboard } from './views';

export interface MainToggle {
  toggle(): void;
  /** Fill the main UI again if it is open (the graph finished loading, or was rebuilt). */
  refill(): void;
}

export function createMainToggle(host: LogseqHost, doc: Document, state: PluginState, open: OpenComponent): MainToggle {
  const fill = () => {
    const mount = doc.getElementById('app') ?? doc.body;
    if (state.dbGraph || !state.graph) {
      const note = doc.createElement('p');
      note.setAttribute('class', 'mm mm-logseq-notice');
      note.textContent = state.dbGraph ? DB_GRAPH_MESSAGE : 'Maturity Map is still reading the graph…';
      mount.replaceChildren(note);
      state.main = null;
    } else if (!state.main) {
      state.main = mountDashboard(mount, state.graph, open, () => host.hideMainUI());
    } else {
      state.main.refresh();
    }
  };
  return {
    toggle() {
      if (host.isMainUIVisible) return host.hideMainUI();
      fill();
      void adoptHostTheme(host, doc);
      host.showMainUI({ autoFocus: true });
      state.scheduler?.wake();
      state.scheduler?.soon(0);
    },
    refill() {
      if (host.isMainUIVisible) fill();
    },
  };
}
