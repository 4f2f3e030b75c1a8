// The app's own main-thread work, told apart from the plugin's for the benchmark. Code the app runs
// on its own account (announcing the vault's files, its metadata cache parsing notes — which
// Obsidian does in a worker —, rendering a note in reading view) runs inside `asHost`; the plugin
// callbacks it makes from there run inside `asPlugin`. With a clock installed (the benchmark's
// thread CPU time) the time spent as host is added up, so a task can be charged to the plugin
// without it; without a clock both are plain calls.
let clock: (() => number) | null = null;
let hostDepth = 0;

/** Nanoseconds the app spent on its own work since the clock was installed. */
export const hostTime = { ns: 0 };

/** Install (or remove, with null) the clock: nanoseconds of the main thread's CPU time. */
export function setHostClock(next: (() => number) | null): void {
  clock = next;
  hostDepth = 0;
  hostTime.ns = 0;
}

/** Run the app's own work; nested calls count once. */
export function asHost<T>(fn: () => T): T {
  if (clock === null || hostDepth > 0) {
    hostDepth++;
    try {
      return fn();
    } finally {
      hostDepth--;
    }
  }
  const read = clock;
  const start = read();
  hostDepth = 1;
  try {
    return fn();
  } finally {
    hostDepth = 0;
    hostTime.ns += read() - start;
  }
}

/** Run a plugin callback from inside the app's own work: its time is not the app's. */
export function asPlugin<T>(fn: () => T): T {
  if (clock === null || hostDepth === 0) return fn();
  const read = clock;
  const saved = hostDepth;
  const start = read();
  hostDepth = 0;
  try {
    return fn();
  } finally {
    hostDepth = saved;
    // The enclosing asHost adds the whole stretch; take the plugin's part (and any host work
    // nested in it, which counted itself) back out.
    hostTime.ns -= read() - start;
  }
}
