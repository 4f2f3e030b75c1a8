// The plugin frame's thread as Chromium (Logseq's Electron) runs it, where happy-dom does not:
// - each zero-delay timer is a task of its own, with a microtask checkpoint after it. happy-dom
//   runs every zero-delay timer due at once inside one Node timer, microtasks after all of them:
//   two chains of work that each yield with setTimeout(0) then ran as one task, and the harness
//   charged one chain's work to the other's step (benchmarks.md, session 20);
// - `requestIdleCallback`, which Chromium gives every frame and happy-dom lacks. Logseq's plugin
//   iframe shares the renderer's main thread with Logseq's window, so the frame is idle when
//   neither it nor the host has a task to run: no timer of either window due (the messages
//   between them are such timers, bridge() in harness.ts). A callback then runs as a task of its
//   own, its deadline at most 50 ms away and never past the next timer's due time (Chromium's long
//   idle period); with `timeout`, it runs once that much time has passed, idle or not.

interface TimerWindow {
  setTimeout(fn: (...args: unknown[]) => void, ms?: number, ...rest: unknown[]): unknown;
  clearTimeout(handle: unknown): void;
}

export interface IdleDeadline {
  readonly didTimeout: boolean;
  timeRemaining(): number;
}

type IdleCallback = (deadline: IdleDeadline) => void;

/** Chromium's longest idle period. */
const MAX_IDLE_MS = 50;
/** How often the idle check looks while callbacks wait (a real Node timer, unref'd). */
const CHECK_MS = 1;

export interface FrameThread {
  /** Run `fn` as a frame task named `what` (the task clock's wrap, when there is one). */
  readonly asTask: (what: string, fn: () => void) => () => void;
}

/** When each window's pending timers are due (performance.now() ms), kept as they are set, run and cleared. */
function trackTimers(win: TimerWindow, due: Map<unknown, number>, zeroAsTask: boolean): void {
  const set = win.setTimeout.bind(win);
  const clear = win.clearTimeout.bind(win);
  win.setTimeout = (fn, ms, ...rest) => {
    // Node's setTimeout(0) is 1 ms anyway; as 1 ms, happy-dom gives each its own Node timer.
    const delay = zeroAsTask && !(Number(ms) > 0) ? 1 : Number(ms) || 0;
    const handle: unknown = set(
      (...args: unknown[]) => {
        due.delete(handle);
        fn(...args);
      },
      delay,
      ...rest,
    );
    due.set(handle, performance.now() + delay);
    return handle;
  };
  win.clearTimeout = (handle) => {
    due.delete(handle);
    clear(handle);
  };
}

/**
 * Makes the frame's timers and idle callbacks behave as in Chromium (see the top). Call before the
 * task clock patches the frame's timers and before bridge() (its messages are the windows' timers).
 */
export function installFrameThread(frame: TimerWindow & { closed?: boolean }, host: TimerWindow, thread: FrameThread): void {
  const due = new Map<unknown, number>();
  trackTimers(frame, due, true);
  trackTimers(host, due, false);
  const waiting = new Map<number, { callback: IdleCallback; timeoutAt: number }>();
  let nextId = 1;
  let checking: NodeJS.Timeout | null = null;
  const nextDue = () => Math.min(Infinity, ...due.values());
  const check = () => {
    checking = null;
    if (frame.closed) return waiting.clear();
    const now = performance.now();
    const idle = nextDue() > now + CHECK_MS;
    for (const [id, entry] of [...waiting]) {
      if (!idle && entry.timeoutAt > now) continue;
      waiting.delete(id);
      const deadlineAt = Math.min(now + MAX_IDLE_MS, nextDue());
      const deadline: IdleDeadline = { didTimeout: !idle, timeRemaining: () => Math.max(0, deadlineAt - performance.now()) };
      thread.asTask(`idle callback${entry.callback.name.includes(' ') ? ` (${entry.callback.name})` : ''}`, () => entry.callback(deadline))();
      break; // one callback a task; the next waits for the next idle check
    }
    if (waiting.size > 0) schedule();
  };
  const schedule = () => {
    checking ??= setTimeout(check, CHECK_MS).unref();
  };
  const target = frame as unknown as Record<string, unknown>;
  target['requestIdleCallback'] = (callback: IdleCallback, options?: { timeout?: number }) => {
    const id = nextId++;
    const timeout = options?.timeout;
    waiting.set(id, { callback, timeoutAt: timeout !== undefined && timeout > 0 ? performance.now() + timeout : Infinity });
    schedule();
    return id;
  };
  target['cancelIdleCallback'] = (id: number) => void waiting.delete(id);
}
