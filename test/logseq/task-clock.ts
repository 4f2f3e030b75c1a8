// Main-thread tasks as the browser counts them (the Long Tasks API): each message delivered and
// each timer fired in the plugin frame or in the host is one task, from its callback's start
// until the next task starts (its microtasks included: Node drains them before the next
// callback). A task's cost is the CPU time the main thread used over it (the process's where the
// kernel does not give a thread's: worker threads, such as the graph's layout, are not the
// frame's), capped by its wall time, so a shared machine that deschedules us does not inflate
// it; idle waits cost nothing.
import { threadCpuClock } from '../helpers/thread-cpu';

const threadCpu = threadCpuClock();
/** CPU milliseconds so far: this thread's, else the process's. */
function cpuNowMs(): number {
  if (threadCpu) return threadCpu() / 1e6;
  const used = process.cpuUsage();
  return (used.user + used.system) / 1000;
}
export type TaskSide = 'frame' | 'host' | 'harness';

export interface TaskRecord {
  side: TaskSide;
  what: string;
  cpuMs: number;
  wallMs: number;
  /** When it started (performance.now()): with wallMs, where the garbage collector's pauses fall (gc-log.ts). */
  startMs: number;
}

export interface TaskClock {
  /** `fn` wrapped so each call is one task of `side`, named by `what` (a string or computed at the call). */
  wrap<A extends unknown[]>(side: TaskSide, what: string | ((...args: A) => string), fn: (...args: A) => void): (...args: A) => void;
  /** Patch a window's timers so every callback it schedules is a task of `side`. */
  patchTimers(win: TimerWindow, side: TaskSide): void;
  /** Start or stop recording (tasks outside are not kept). */
  recording(on: boolean): void;
  /** The longest recorded task of each side (and its name). */
  longest(): Record<TaskSide, TaskRecord | null>;
  /** Tasks over `ms` (CPU), longest first. */
  over(ms: number): TaskRecord[];
  /** The CPU time of every recorded task, by side: how much of a wall time was work on the thread. */
  busy(): Record<TaskSide, number>;
  /** A mark in the record (the task running now is closed first): `since` lists what came after it. */
  mark(): number;
  /** The tasks recorded after `mark`, in the order they ran. */
  since(mark: number): TaskRecord[];
}

export interface TimerWindow {
  setTimeout(fn: (...args: unknown[]) => void, ms?: number, ...rest: unknown[]): unknown;
  setInterval(fn: (...args: unknown[]) => void, ms?: number, ...rest: unknown[]): unknown;
}

/**
 * The step a timer resumes, when the plugin named it (src/logseq/steps.ts: the callback is named
 * after the step, and every step's name has a space; a minified callback's own name has none).
 */
function stepOf(fn: (...args: unknown[]) => void): string {
  return fn.name.includes(' ') ? ` (${fn.name})` : '';
}

function longestBySide(tasks: readonly TaskRecord[]): Record<TaskSide, TaskRecord | null> {
  const best: Record<TaskSide, TaskRecord | null> = { frame: null, host: null, harness: null };
  for (const t of tasks) if (!best[t.side] || t.cpuMs > best[t.side]!.cpuMs) best[t.side] = t;
  return best;
}

function busyBySide(tasks: readonly TaskRecord[]): Record<TaskSide, number> {
  const sum: Record<TaskSide, number> = { frame: 0, host: 0, harness: 0 };
  for (const t of tasks) sum[t.side] += t.cpuMs;
  return sum;
}

export function createTaskClock(): TaskClock {
  let on = false;
  let open: { side: TaskSide; what: string; cpu: number; wall: number } | null = null;
  const tasks: TaskRecord[] = [];

  function close(): void {
    if (!open) return;
    const wall = performance.now() - open.wall;
    const cpu = Math.min(cpuNowMs() - open.cpu, wall);
    if (on) tasks.push({ side: open.side, what: open.what, cpuMs: cpu, wallMs: wall, startMs: open.wall });
    open = null;
  }

  function begin(side: TaskSide, what: string): void {
    close();
    open = { side, what, cpu: cpuNowMs(), wall: performance.now() };
  }

  // Closes the last task when the thread goes idle: an immediate runs after the timers and
  // microtasks of this turn (it starts no task of its own).
  let idleCheck: NodeJS.Immediate | null = null;
  const closeWhenIdle = () => {
    if (idleCheck) return;
    idleCheck = setImmediate(() => {
      idleCheck = null;
      close();
    });
  };

  const clock: TaskClock = {
    wrap(side, what, fn) {
      return (...args) => {
        begin(side, typeof what === 'string' ? what : what(...args));
        closeWhenIdle();
        fn(...args);
      };
    },
    patchTimers(win, side) {
      const setTimeoutOf = win.setTimeout.bind(win);
      const setIntervalOf = win.setInterval.bind(win);
      win.setTimeout = (fn, ms, ...rest) => setTimeoutOf(clock.wrap(side, `timer ${ms ?? 0} ms${stepOf(fn)}`, fn), ms, ...rest);
      win.setInterval = (fn, ms, ...rest) => setIntervalOf(clock.wrap(side, `interval ${ms ?? 0} ms`, fn), ms, ...rest);
    },
    recording(value) {
      close();
      on = value;
    },
    longest: () => longestBySide(tasks),
    over: (ms) => tasks.filter((t) => t.cpuMs > ms).sort((a, b) => b.cpuMs - a.cpuMs),
    busy: () => busyBySide(tasks),
    mark: () => (close(), tasks.length),
    since: (mark) => (close(), tasks.slice(mark)),
  };
  return clock;
}
