// Main-thread tasks during a benchmark phase, charged to the plugin. A task starts where the event
// loop enters a macrotask callback (a timer, an immediate, a worker message, I/O — node's
// async_hooks `before`, promise reactions excluded) and runs until the next one starts, so the
// microtasks a callback sets off are part of it, as in a browser. Its length is the thread's own
// CPU time (Linux: /proc/thread-self/schedstat, nanoseconds), which a shared machine does not
// inflate by descheduling the thread, minus the app's own work inside it (harness/host-work.ts).
// A timer probe every millisecond also records the longest wall-clock gap, which includes the time
// the thread waited for a core and several tasks in one turn: an upper bound, printed beside it.
import { createHook } from 'node:async_hooks';
import { threadCpuClock } from '../../test/helpers/thread-cpu';
// Node's own timers: the harness tracks the window's, and waits for them to settle.
import { clearTimeout, setTimeout } from 'node:timers';
import { hostTime, setHostClock } from '../../test/obsidian/harness/host-work';

export interface LongTask {
  /** Plugin CPU time of the task. */
  ms: number;
  /** The app's own work inside it, not charged. */
  hostMs: number;
  /** process.hrtime of its start and end, in microseconds (to find it in a --cpu-prof profile). */
  startUs: number;
  endUs: number;
}

export interface TaskStats {
  clock: 'thread-cpu' | 'wall';
  tasks: number;
  longestMs: number;
  over50: number;
  /** Longest wall-clock gap between two runs of the 1 ms probe (upper bound, see above). */
  longestWallGapMs: number;
  /** The longest few, longest first. */
  top: LongTask[];
}

const cpuClock = threadCpuClock();
const clock: () => number = cpuClock ?? (() => performance.now() * 1e6);

/** The main thread's CPU time so far in milliseconds (wall time where the kernel does not say). */
export function mainThreadCpuMs(): number {
  return clock() / 1e6;
}
const KEEP = 8;
const NOT_TASKS = new Set(['PROMISE', 'TickObject', 'Microtask']);

/** Macrotask resources (by async id) seen since the hook was installed; `current` gets a call as each one starts. */
const macro = new Set<number>();
let current: (() => void) | null = null;
let hooked = false;

/** One hook for the whole run, so resources made in one phase (a worker's port) count in the next. */
function installHook(): void {
  if (hooked) return;
  hooked = true;
  createHook({
    init(asyncId, type) {
      if (!NOT_TASKS.has(type)) macro.add(asyncId);
    },
    before(asyncId) {
      if (current && macro.has(asyncId)) current();
    },
    destroy(asyncId) {
      macro.delete(asyncId);
    },
  }).enable();
}

/** Watch the main thread until `stop()`. */
export function monitorTasks(): { stop(): TaskStats } {
  installHook();
  setHostClock(clock);
  const top: LongTask[] = [];
  let tasks = 0;
  let over50 = 0;
  let startCpu = clock();
  let startHost = hostTime.ns;
  let startUs = hrUs();

  const boundary = () => {
    const cpu = clock();
    const host = hostTime.ns;
    const now = hrUs();
    const ms = (cpu - startCpu - (host - startHost)) / 1e6;
    tasks++;
    if (ms > 50) over50++;
    if (top.length < KEEP || ms > top[top.length - 1]!.ms) {
      top.push({ ms, hostMs: (host - startHost) / 1e6, startUs, endUs: now });
      top.sort((a, b) => b.ms - a.ms);
      top.length = Math.min(top.length, KEEP);
    }
    startCpu = cpu;
    startHost = host;
    startUs = now;
  };
  current = boundary;

  let longestWallGap = 0;
  let last = performance.now();
  let probing = true;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const probe = () => {
    const now = performance.now();
    longestWallGap = Math.max(longestWallGap, now - last - 1);
    last = now;
    if (probing) timer = setTimeout(probe, 1);
  };
  timer = setTimeout(probe, 1);

  return {
    stop() {
      boundary();
      current = null;
      probing = false;
      if (timer) clearTimeout(timer);
      setHostClock(null);
      return {
        clock: cpuClock ? 'thread-cpu' : 'wall',
        tasks,
        longestMs: top[0]?.ms ?? 0,
        over50,
        longestWallGapMs: longestWallGap,
        top: top.map((t) => ({ ...t, ms: round(t.ms), hostMs: round(t.hostMs) })),
      };
    },
  };
}

function hrUs(): number {
  return Number(process.hrtime.bigint() / 1000n);
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}
