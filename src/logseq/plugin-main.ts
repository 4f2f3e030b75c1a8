// Entry of dist/logseq/plugin.js, the plugin itself, which index.js (main.ts) adds to the frame's
// page once the SDK is running (plugin-script.ts): it registers the start and does no other work
// as it is evaluated.
import layoutWorkerSource from 'maturity-map:layout-worker';
import viewsCss from '../render/styles.css';
import { startPlugin } from './plugin';
import { registerStart } from './plugin-script';
import { FRAME_CSS, LOGSEQ_CSS } from './styles';

const timers = {
  setTimeout: (fn: () => void, ms: number) => window.setTimeout(fn, ms),
  clearTimeout: (handle: unknown) => window.clearTimeout(handle as number),
  setInterval: (fn: () => void, ms: number) => window.setInterval(fn, ms),
  clearInterval: (handle: unknown) => window.clearInterval(handle as number),
};

registerStart(window, (host) => {
  // The main UI runs in this frame, which does not see Logseq's CSS variables: give it the views'
  // styles (their built-in light/dark defaults) and follow Logseq's theme mode.
  const style = document.createElement('style');
  style.textContent = `${viewsCss}\n${LOGSEQ_CSS}\n${FRAME_CSS}`;
  document.head.appendChild(style);
  return startPlugin(host, { document, timers, css: `${viewsCss}\n${LOGSEQ_CSS}`, layoutWorkerSource });
});
