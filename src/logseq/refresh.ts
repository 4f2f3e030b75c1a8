// When to re-read the graph. `DB.onChanged` fires for in-app edits only (not for files changed on
// disk by Obsidian or git, not for re-indexing, not above 1000 blocks), and Logseq writes the
// file — and so `:file/content` — a moment after the edit. So: re-read the changed pages shortly
// after a change and once more a little later, re-read everything on a route change, and poll
// slowly while something of ours is on screen. Refreshes run one at a time.
import type { GraphIndex } from './graph-index';

export interface RefreshTimers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  setInterval(fn: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

export interface RefreshOptions {
  graph: () => GraphIndex | null;
  /** Called after a refresh that changed a component. */
  onChange: () => Promise<void> | void;
  /** Whether anything is on screen (live slots, the main UI); the poll idles otherwise. */
  visible: () => boolean;
  pollSeconds: number;
  timers: RefreshTimers;
  onError?: (error: unknown) => void;
}

export interface RefreshScheduler {
  /** Blocks of these pages changed in the app. */
  pagesChanged(pageIds: number[]): void;
  /** Re-read every file soon (route change, settings). */
  soon(delayMs?: number): void;
  /** Re-read every file now; resolves when done. */
  now(): Promise<void>;
  stop(): void;
}

/** Logseq writes files a moment after the edit; read again once the write has landed. */
export const CHANGE_DELAYS_MS = [400, 2500];

export function createRefreshScheduler(options: RefreshOptions): RefreshScheduler {
  const { timers } = options;
  let chain: Promise<void> = Promise.resolve();
  const pending = new Set<unknown>();
  let poll: unknown = null;

  function run(task: (graph: GraphIndex) => Promise<boolean>): Promise<void> {
    chain = chain.then(async () => {
      const graph = options.graph();
      if (!graph) return;
      try {
        if (await task(graph)) await options.onChange();
      } catch (error) {
        options.onError?.(error);
      }
    });
    return chain;
  }

  function later(ms: number, fn: () => void): void {
    const handle = timers.setTimeout(() => {
      pending.delete(handle);
      fn();
    }, ms);
    pending.add(handle);
  }

  if (options.pollSeconds > 0) {
    poll = timers.setInterval(() => {
      if (options.visible()) void run((g) => g.refreshAll());
    }, options.pollSeconds * 1000);
  }

  let changedPages = new Set<number>();
  return {
    pagesChanged(pageIds) {
      if (pageIds.length === 0) return;
      const first = changedPages.size === 0;
      for (const id of pageIds) changedPages.add(id);
      if (!first) return;
      for (const delay of CHANGE_DELAYS_MS) {
        later(delay, () => {
          const ids = [...changedPages];
          if (delay === CHANGE_DELAYS_MS[CHANGE_DELAYS_MS.length - 1]) changedPages = new Set();
          void run((g) => g.refreshPages(ids));
        });
      }
    },
    soon(delayMs = 150) {
      later(delayMs, () => void run((g) => g.refreshAll()));
    },
    now: () => run((g) => g.refreshAll()),
    stop() {
      for (const handle of pending) timers.clearTimeout(handle);
      pending.clear();
      if (poll !== null) timers.clearInterval(poll);
      poll = null;
    },
  };
}
