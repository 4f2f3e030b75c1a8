// The dashboard bench's reading of a trace (bench/dashboard-tasks.ts): the CPU time of the longest
// main-thread task. Chromium runs a `scheduler.yield()` continuation (the page's placement and
// slicing tasks) in a microtask checkpoint it traces outside any task run.
import { describe, expect, it } from 'vitest';
import { longestTaskCpu } from '../../bench/dashboard-tasks';

const main = { pid: 1, tid: 2 };
const thread = [{ name: 'thread_name', ph: 'M', ...main, ts: 0, args: { name: 'CrRendererMain' } }];
const task = (name: string, ts: number, dur: number, tdur: number, where = main) => ({ name, ph: 'X', ...where, ts, dur, tdur });

describe('longestTaskCpu', () => {
  it('counts a scheduler.yield continuation, traced as a microtask checkpoint outside any task run (and one inside a task run as part of it)', () => {
    const events = [...thread, task('ThreadControllerImpl::RunTask', 0, 10_000, 9_000), task('BlinkScheduler_PerformMicrotaskCheckpoint', 20_000, 60_000, 55_000)];
    expect(longestTaskCpu(events)).toBe(55);
    // A checkpoint inside a task run is part of that task; other threads' events are no task of the page's.
    const nested = [
      ...thread,
      task('ThreadControllerImpl::RunTask', 0, 30_000, 20_000),
      task('BlinkScheduler_PerformMicrotaskCheckpoint', 1_000, 25_000, 18_000),
      task('BlinkScheduler_PerformMicrotaskCheckpoint', 40_000, 90_000, 80_000, { pid: 1, tid: 3 }),
    ];
    expect(longestTaskCpu(nested)).toBe(20);
  });
});
