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
