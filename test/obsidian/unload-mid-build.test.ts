// @vitest-environment happy-dom
// Disabling the plugin while its first build parses on the main thread (no Web Workers: the parser
// pool's fallback) stops the parsing there. Work shows as the continuations the plugin asks for to
// go on in a new task (slices.ts: `scheduler.yield()` on the desktop app, a MessageChannel message
// on the phones), which the harness counts, and the timers it sets (a yield once the channel is
// closed). The unload's own last cache write takes one (it makes the links to keep in a task of
// its own); nothing else may follow.
import { describe, expect, it } from 'vitest';
import { createHarness, dispose, exampleFiles, useHarnessSession, whenClosed } from './helpers';
import { continuations } from './harness/tasks';

useHarnessSession();

/** The example vault copied into `copies` folders: a build of many slices. */
function manyNotes(copies: number): Record<string, string> {
  const files: Record<string, string> = {};
  for (const [path, text] of Object.entries(exampleFiles())) for (let i = 0; i < copies; i++) files[`Copy ${i}/${path}`] = text;
  return files;
}

// The test's own waits go by node's setImmediate, so every window timer counted is the plugin's.
const macrotask = () => new Promise((resolve) => setImmediate(resolve));
let timers = 0;
const continued = () => continuations.channel + continuations.scheduler + timers;

/** Count the timers set through the window from now on (once: the window lives through the file). */
let counting = false;
function countTimers(): void {
  if (counting) return;
  counting = true;
  const set = window.setTimeout.bind(window);
  (window as unknown as { setTimeout: typeof setTimeout }).setTimeout = ((fn: () => void, delay?: number) => {
    timers++;
    return set(fn, delay);
  }) as typeof setTimeout;
}

describe('unloading during the first build', () => {
  it.each(['desktop', 'mobile'] as const)('stops parsing on the main thread (%s): no new slice once the plugin is gone', async (platform) => {
    const h = createHarness({ files: manyNotes(30), workers: false, platform });
    countTimers();
    await h.loadPlugin();
    await macrotask();
    h.loadVault();
    await macrotask();
    const before = continued();
    h.app.workspace.finishLayout();
    const indexer = (h.plugin as unknown as { indexer: { progress: { phase: string; done: number; total: number } } }).indexer;
    // Well into parsing, several slices in.
    while (indexer.progress.done < 60) await macrotask();
    expect(indexer.progress.phase).toBe('building');
    expect(continued()).toBeGreaterThan(before);

    dispose(h);
    const atUnload = continued();
    const doneAtUnload = indexer.progress.done;
    await whenClosed();
    const atClose = continued();
    for (let i = 0; i < 50; i++) await macrotask();
    // The batches being parsed at unload end at their next check: none starts another slice.
    expect(atClose - atUnload).toBeLessThanOrEqual(1);
    expect(continued() - atClose).toBe(0);
    expect(indexer.progress.done).toBe(doneAtUnload);
    expect(indexer.progress.done).toBeLessThan(indexer.progress.total);
  });
});
