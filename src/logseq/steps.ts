// How the plugin gives its frame's thread back between steps of work, each resumed step named.
// The timer's callback carries the step's name (`fn.name`): a profiler's "Timer Fired" entry, or
// the benchmark's task clock (bench/logseq, test/logseq/task-clock.ts), can say which step a long
// task ran instead of "a timer" (benchmarks.md, session 19). Naming costs one closure a yield.

/** Give the thread back; resolves in a later task, which runs `step` (a name for profilers; none: unnamed). */
export type YieldNow = (step?: string) => Promise<void>;

interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
}

/** `resume` as a function named `step`. */
function named(step: string, resume: () => void): () => void {
  return { [step]: () => resume() }[step]!;
}

/** The frame's yield: a macrotask (a zero timer), its callback named after the step it resumes. */
export function frameYield(timers: Timers): YieldNow {
  return (step) => new Promise<void>((resolve) => void timers.setTimeout(step ? named(step, resolve) : resolve, 0));
}

/**
 * Wait until the thread is idle, then run the step named `step`: Chromium's (Electron's) frames
 * have requestIdleCallback, and Logseq's plugin iframe shares the renderer's main thread with
 * Logseq's window, so an idle callback runs when neither has work queued. Where the frame has no
 * idle callbacks, a yield.
 */
export type WhenIdle = (step: string) => Promise<void>;

export interface IdleWindow {
  requestIdleCallback?(callback: () => void, options?: { timeout: number }): unknown;
}

/**
 * The longest wait for an idle period: a bound, not a schedule (the work waits for idle time; if a
 * busy host never gives any, the work is done anyway rather than never).
 */
export const IDLE_TIMEOUT_MS = 10_000;

export function frameIdle(frame: IdleWindow | null | undefined, yieldNow: YieldNow): WhenIdle {
  const request = frame?.requestIdleCallback?.bind(frame);
  if (!request) return yieldNow;
  return (step) => new Promise<void>((resolve) => void request(named(step, resolve), { timeout: IDLE_TIMEOUT_MS }));
}
