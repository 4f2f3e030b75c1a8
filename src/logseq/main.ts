// Entry of the Logseq plugin bundle (dist/logseq/index.js), loaded by dist/logseq/index.html in
// the plugin's frame. `@logseq/libs` sets up the global `logseq` (the SDK's client side).
import '@logseq/libs';
import layoutWorkerSource from 'maturity-map:layout-worker';
import viewsCss from '../render/styles.css';
import { startPlugin } from './plugin';
import { FRAME_CSS, LOGSEQ_CSS } from './styles';

const timers = {
  setTimeout: (fn: () => void, ms: number) => window.setTimeout(fn, ms),
  clearTimeout: (handle: unknown) => window.clearTimeout(handle as number),
  setInterval: (fn: () => void, ms: number) => window.setInterval(fn, ms),
  clearInterval: (handle: unknown) => window.clearInterval(handle as number),
};

// The main UI runs in this frame, which does not see Logseq's CSS variables: give it the views'
// styles (their built-in light/dark defaults) and follow Logseq's theme mode.
const style = document.createElement('style');
style.textContent = `${viewsCss}\n${LOGSEQ_CSS}\n${FRAME_CSS}`;
document.head.appendChild(style);

logseq
  .ready(() => startPlugin(logseq, { document, timers, css: `${viewsCss}\n${LOGSEQ_CSS}`, layoutWorkerSource }))
  .catch((error: unknown) => console.error('[maturity-map] failed to start', error));
