// When to look for changed files. `DB.onChanged` fires for in-app edits only (not for files
// changed on disk by Obsidian or git, not above 1000 blocks), and Logseq writes the edited page's
// file from a queue flushed every second (later for long pages while the user types). So:
// - after an edit, look once the write has landed (WRITE_SETTLE_MS after the LAST edit: every
//   edit moves the look later) and once more a while after (a long page's delayed write);
// - on a route change, look soon, but only while something of ours is on screen;
// - poll slowly while something is on screen, and stop the poll when nothing is.
// A look is one cheap query (graph-changes.ts); only the poll's full look also checks for deleted
// pages (a scan of every page). Looks run one at a time.
import type { GraphIndex } from './graph-index';

export interface RefreshTimers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  setInterval(fn: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

export interface RefreshOptions {
  graph: () => GraphIndex | null;
  /** Called after a look that changed a component. */
  onChange: () => Promise<void> | void;
  /** Whether anything is on screen (live slots, the main UI); checked before each poll. */
  visible: () => Promise<boolean> | boolean;
  pollSeconds: number;
  timers: RefreshTimers;
  onError?: (error: unknown) => void;
}

export interface RefreshScheduler {
  /** Blocks of these pages changed in the app. */
  pagesChanged(pageIds: number[]): void;
  /** Look soon (route change, a slot appeared). */
  soon(delayMs?: number): void;
  /** A full look now; resolves when done. */
  now(): Promise<void>;
  /** Something of ours is on screen again: make sure the poll runs. */
  wake(): void;
  polling(): boolean;
  stop(): void;
}

/** Logseq's write queue flushes every 1000 ms; the write lands a little after. */
export const WRITE_SETTLE_MS = 1300;
/** A long page (> 500 blocks) is written once typing pauses for 3 s. */
export const LATE_WRITE_MS = 4500;

export function createRefreshScheduler(options: RefreshOptions): RefreshScheduler {
  const { timers } = options;
  let chain: Promise<void> = Promise.resolve();
  let poll: unknown = null;
  let settle: unknown = null;
  let late: unknown = null;
  let soonTimer: unknown = null;
  let stopped = false;

  function run(full = false): Promise<void> {
    chain = chain.then(async () => {
      const graph = options.graph();
      if (!graph || !graph.ready() || stopped) return;
      try {
        if (await graph.refreshChanged({ full })) await options.onChange();
      } catch (error) {
        options.onError?.(error);
      }
    });
    return chain;
  }

  function startPoll(): void {
    if (poll !== null || options.pollSeconds <= 0 || stopped) return;
    poll = timers.setInterval(() => void tick(), options.pollSeconds * 1000);
  }

  async function tick(): Promise<void> {
    if (!(await options.visible())) {
      if (poll !== null) timers.clearInterval(poll);
      poll = null;
      return;
    }
    await run(true);
  }

  const reset = (handle: unknown) => {
    if (handle !== null) timers.clearTimeout(handle);
  };

  return {
    pagesChanged(pageIds) {
      if (pageIds.length === 0 || stopped) return;
      reset(settle);
      reset(late);
      settle = timers.setTimeout(() => {
        settle = null;
        void run();
      }, WRITE_SETTLE_MS);
      late = timers.setTimeout(() => {
        late = null;
        void run();
      }, LATE_WRITE_MS);
    },
    soon(delayMs = 150) {
      if (stopped) return;
      reset(soonTimer);
      soonTimer = timers.setTimeout(() => {
        soonTimer = null;
        void (async () => {
          if (await options.visible()) await run();
        })();
      }, delayMs);
    },
    now: () => run(true),
    wake: startPoll,
    polling: () => poll !== null,
    stop() {
      stopped = true;
      for (const handle of [settle, late, soonTimer]) reset(handle);
      if (poll !== null) timers.clearInterval(poll);
      poll = null;
    },
  };
}
