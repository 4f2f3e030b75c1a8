// How the plugin frame's page loads the plugin's scripts, as Chromium does in Logseq's iframe:
// index.js, which index.html names, is evaluated in a task of its own ("load index.js"); a script
// it adds (plugin.js, src/logseq/plugin-script.ts) is fetched, parsed off the main thread and
// evaluated in a later task of its own ("load plugin.js"), then gets its `load` event. happy-dom
// would fetch and run it itself, through its own compiler and outside any task the clock sees:
// the frame's `head.appendChild` hands such a script to the harness instead. Both tasks are the
// harness's side of the clock: in Node the script's compile runs in them, on this thread, where
// Chromium parses a `<script src>` off the main thread while it streams in; the plugin's load is
// measured in Chromium (bench/logseq/load-chromium.mjs), here only its tasks' order is kept.
import type { Window } from 'happy-dom';
import type { TaskClock } from '../task-clock';

export interface PluginScripts {
  /** The text of a script of the plugin's folder (index.js, plugin.js), ready to evaluate in the frame. */
  code(name: string): string;
  clock?: TaskClock;
  /** Each script evaluated, in order (the name of its file). */
  evaluated: string[];
}

/** One task, named (on the harness's side of the clock, when there is one). */
function loadTask(scripts: PluginScripts, what: string, fn: () => void): () => void {
  return scripts.clock ? scripts.clock.wrap('harness', what, fn) : fn;
}

function evaluate(frame: Window, scripts: PluginScripts, name: string): void {
  frame.eval(scripts.code(name));
  scripts.evaluated.push(name);
}

/** Runs index.js now, as its own task, with the frame's page ready to load the scripts it adds. */
export function runPluginScripts(frame: Window, scripts: PluginScripts): void {
  type Appended = Parameters<typeof frame.document.head.appendChild>[0];
  const head = frame.document.head;
  const append = head.appendChild.bind(head);
  head.appendChild = (node: Appended): Appended => {
    const element = node as unknown as { tagName: string; getAttribute(name: string): string | null; dispatchEvent(event: unknown): boolean };
    const src = element.tagName === 'SCRIPT' ? element.getAttribute('src') : null;
    if (src === null) return append(node);
    const name = src.replace(/^.*\//, '');
    const load = loadTask(scripts, `load ${name}`, () => {
      evaluate(frame, scripts, name);
      element.dispatchEvent(new frame.Event('load'));
    });
    // A later task: Chromium fetches and parses an async script off the main thread first.
    frame.setTimeout(load, 0);
    return node;
  };
  loadTask(scripts, 'load index.js', () => evaluate(frame, scripts, 'index.js'))();
}
