// The harness in a real browser page (Chromium, for screenshots): the same app, loaded with the
// built main.js, driven from the test through `window.obsidianHarness`.
import { Harness, type HarnessOptions } from './app';

declare global {
  interface Window {
    obsidianHarness: { start(options: HarnessOptions): Promise<Harness> };
  }
}

window.obsidianHarness = {
  start: (options) => new Harness(options).start(),
};
