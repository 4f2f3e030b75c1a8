// Entry of the Logseq plugin (dist/logseq/index.js), loaded by dist/logseq/index.html in the
// plugin's frame: the SDK (`@logseq/libs` sets up the global `logseq`, the SDK's client side),
// which starts its handshake with Logseq, and plugin.js added beside it (plugin-script.ts). The
// rest of the plugin is not here: evaluating all of it in the page's first task took 50-126 ms
// of Logseq's UI thread (docs/benchmarks.md, session 25).
import '@logseq/libs';
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
