// The garbage collector's pauses on this thread (Node's `gc` performance entries), to tell how much
// of a long task was collection: the harness's frame and host share one heap with the host's
// database and the graph's text, so a task that allocates little may still pay for a collection.
import { constants, PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks';

export interface GcLog {
  /** Milliseconds of collection within [start, start + ms] (performance.now() time). */
  within(start: number, ms: number): number;
  /** The same, full (mark-compact) collections only: a minor one (a scavenge) costs a few ms at most. */
  majorWithin(start: number, ms: number): number;
  stop(): void;
}

export function createGcLog(): GcLog {
  const pauses: PerformanceEntry[] = [];
  const observer = new PerformanceObserver((list) => void pauses.push(...list.getEntries()));
  observer.observe({ entryTypes: ['gc'] });
  const sumWithin = (start: number, ms: number, counted: (p: PerformanceEntry) => boolean) => {
    const end = start + ms;
    let sum = 0;
    for (const p of pauses) if (counted(p)) sum += Math.max(0, Math.min(end, p.startTime + p.duration) - Math.max(start, p.startTime));
    return sum;
  };
  return {
    within: (start, ms) => sumWithin(start, ms, () => true),
    majorWithin: (start, ms) => sumWithin(start, ms, (p) => (p as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR),
    stop: () => observer.disconnect(),
  };
}
