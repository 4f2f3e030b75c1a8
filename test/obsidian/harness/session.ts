// One set-up for the plugin tests: `useHarnessSession()` fixes the date at TODAY (Date only: the
// harness's timers stay real) before each test and, after it, disposes of every harness the test
// started and puts the real clock back. The harness registries are module-level, like the app's,
// so an app left open would leak into the next test.
import { afterEach, beforeEach, vi } from 'vitest';
import type { Harness } from './app';
import { TODAY } from '../../helpers/vault';

const open = new Set<Harness>();
/**
 * The cache writes of unloaded plugins, still running: Obsidian lets them finish (the page lives
 * on), and a test waits for them, or a test file's page is taken down under them.
 */
const finishing = new Set<Promise<void>>();

/** Called for every harness made (helpers.ts createHarness): disposed after the test. */
export function track(harness: Harness): void {
  open.add(harness);
}

/** Unload the plugin and clear what the app left on the page (modals, popovers, menus). */
export function dispose(harness: Harness | null): void {
  if (!harness) return;
  open.delete(harness);
  const indexer = (harness.plugin as unknown as { indexer?: { closed: Promise<void> } } | null)?.indexer;
  if (harness.plugin) harness.unloadPlugin();
  // The window closes: each view closes, and an editor saves what it has not saved yet, as Obsidian
  // does, so no save timer outlives the test (one that fired after the file's page was taken down
  // threw "window is not defined").
  harness.app.workspace.iterateAllLeaves((leaf) => leaf.detach());
  if (indexer) {
    const done = indexer.closed;
    finishing.add(done);
    void done.then(() => finishing.delete(done));
  }
  for (const modal of document.querySelectorAll('.modal-container')) modal.remove();
  for (const popover of [...harness.popovers]) popover.hide();
  harness.menus.length = 0;
  document.body.empty();
}

/** Every disposed plugin's last cache write done (its database closed). */
export async function whenClosed(): Promise<void> {
  await Promise.all([...finishing]);
}

export interface SessionOptions {
  /** Fix the date at TODAY, 10:00 local (default true). */
  fixedDate?: boolean;
}

export function useHarnessSession(options: SessionOptions = {}): void {
  if (options.fixedDate !== false) {
    beforeEach(() => {
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(new Date(`${TODAY}T10:00:00`));
    });
  }
  afterEach(async () => {
    for (const harness of [...open]) dispose(harness);
    await whenClosed();
    vi.useRealTimers();
  });
}
