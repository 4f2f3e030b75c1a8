// What the plugin's parts share while it runs: the settings, the graph being read or shown, the
// main UI and the refresh scheduler; and the frame's timers and document they run on.
import type { GraphIndex } from './graph-index';
import type { RefreshScheduler, RefreshTimers } from './refresh';
import type { PluginSettings } from './settings';
import type { MainUI } from './views';

export const DB_GRAPH_MESSAGE = 'Maturity Map does not support Logseq DB graphs yet. It reads file graphs (Markdown files), as served by the Logseq 0.10.x app.';

export interface PluginEnvironment {
  /** The plugin's own frame: the main UI mounts here, slot markup is built here. */
  document: Document;
  timers: RefreshTimers;
  /** ISO date for staleness (tests); default: today. */
  today?: string;
  /** Styles shipped with the views, injected into Logseq's document. */
  css: string;
  /** The graph layout worker's bundled source (graph-layout.ts); none: graphs are laid out in the frame's thread. */
  layoutWorkerSource?: string;
}

export interface PluginState {
  settings: PluginSettings;
  /** The graph once read (null while reading, or on a DB graph). */
  graph: GraphIndex | null;
  /** The graph being read (its progress shows in "indexing…"). */
  loading: GraphIndex | null;
  dbGraph: boolean;
  main: MainUI | null;
  scheduler: RefreshScheduler | null;
  /** Counts loads, so a load that a newer one replaced stops. */
  loads: number;
  retry: unknown;
}

/** Open a component's page (a click; shift: the right sidebar; a line: that block). */
export type OpenComponent = (id: string, event?: MouseEvent | KeyboardEvent, line?: number) => void;
