// How the cache gives the host's thread back: each host slices its main-thread work its own way
// (Obsidian: src/obsidian/index/slices.ts; Logseq: a time budget and a macrotask), and the cache's
// reads and writes follow it so no task decodes or encodes the whole cache at once.
export interface Slicing {
  /** A new slice begins (the task just started). */
  start(): void;
  /** The slice's time is spent: yield before doing more. */
  spent(): boolean;
  /** Give the thread back; resolves in a later task. */
  yieldNow(): Promise<void>;
}

/** Slices of `budgetMs` by `now()`, yielding through `yieldNow`. */
export function timeSlicing(budgetMs: number, now: () => number, yieldNow: () => Promise<void>): Slicing {
  let started = now();
  return {
    start: () => void (started = now()),
    spent: () => now() - started > budgetMs,
    yieldNow: async () => {
      await yieldNow();
      started = now();
    },
  };
}
