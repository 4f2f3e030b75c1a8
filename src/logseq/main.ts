// The loader of the Logseq plugin, the end of dist/logseq/index.js, which dist/logseq/index.html
// loads in the plugin's frame: the build puts the SDK's own script before it (`@logseq/libs` sets
// up the global `logseq`, the SDK's client side; scripts/targets.mjs). It starts the SDK's
// handshake with Logseq and adds plugin.js (plugin-script.ts). The rest of the plugin is not
// here: evaluating all of it in the page's first task took 50-126 ms of Logseq's UI thread
// (docs/benchmarks.md, session 25).
import type {} from '@logseq/libs'; // the global `logseq`'s type: the SDK itself is index.js's first part
import { loadPluginScript } from './plugin-script';

const pluginScript = loadPluginScript(document);

logseq
  .ready(async () => {
    const start = await pluginScript;
    // Not in plugin.js's own task, which `load` follows at once.
    await new Promise((next) => window.setTimeout(next, 0));
    await start(logseq);
  })
  .catch((error: unknown) => console.error('[maturity-map] failed to start', error));
