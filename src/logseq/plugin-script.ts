// The plugin comes as two scripts, so that no task of its load is long (docs/benchmarks.md,
// session 25 "Logseq's load"): index.js, the SDK and this contract, which the frame's page runs
// first, and plugin.js (the core, the views, d3-dag, the layout worker's code), which index.js
// adds as an async script: Chromium parses it off the main thread and runs it in a task of its
// own. plugin.js hands its start function over through one property of the frame's window.
import type { LogseqHost } from './host';

/** plugin.js, beside index.html in the plugin's folder (served by the same scheme as index.js). */
export const PLUGIN_SCRIPT = './plugin.js';
const START_KEY = '__maturityMapStart';

export type StartPlugin = (host: LogseqHost) => Promise<unknown>;

/** Called by plugin.js as it runs: the start function for index.js. */
export function registerStart(win: Window, start: StartPlugin): void {
  (win as unknown as Record<string, unknown>)[START_KEY] = start;
}

/** Adds plugin.js to the page; resolves with its start function once it has run. */
export function loadPluginScript(doc: Document, src = PLUGIN_SCRIPT): Promise<StartPlugin> {
  return new Promise((resolve, reject) => {
    const script = doc.createElement('script');
    script.async = true;
    script.src = src;
    script.addEventListener('load', () => {
      const start = (doc.defaultView as unknown as Record<string, unknown> | null)?.[START_KEY];
      if (typeof start === 'function') resolve(start as StartPlugin);
      else reject(new Error(`${src} ran but did not register the plugin`));
    });
    script.addEventListener('error', () => reject(new Error(`${src} did not load`)));
    doc.head.appendChild(script);
  });
}
