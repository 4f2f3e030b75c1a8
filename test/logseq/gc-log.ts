// The garbage collector's pauses on this thread (Node's `gc` performance entries), to tell how much
// of a long task was collection: the harness's frame and host share one heap with the host's
// database and the graph's text, so a task that allocates little may still pay for a collection.
import { PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks';

export interface GcLog {
  /** Milliseconds of collection within [start, start + ms] (performance.now() time). */
  within(start: number, ms: number): number;
  stop(): void;
}

export function createGcLog(): GcLog {
  const pauses: PerformanceEntry[] = [];
  const observer = new PerformanceObserver((list) => void pauses.push(...list.getEntries()));
  observer.observe({ entryTypes: ['gc'] });
  return {
    within(start, ms) {
      const end = start + ms;
      let sum = 0;
      for (const p of pauses) sum += Math.max(0, Math.min(end, p.startTime + p.duration) - Math.max(start, p.startTime));
      return sum;
    },
    stop: () => observer.disconnect(),
  };
}
