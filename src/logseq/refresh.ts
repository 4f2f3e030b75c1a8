// When to look for changed files. `DB.onChanged` fires for in-app edits only (not for files
// changed on disk by Obsidian or git, not above 1000 blocks), and Logseq writes the edited page's
// file from a queue flushed every second (later for long pages while the user types). So:
// - after an edit, look once the write has landed (WRITE_SETTLE_MS after the LAST edit: every
//   edit moves the look later) and once more a while after (a long page's delayed write);
// - on a route change, look soon, but only while something of ours is on screen;
// - poll slowly while something is on screen, and stop the poll when nothing is.
// A look is one cheap query (graph-changes.ts); only the poll's full look also checks for deleted
// pages (a scan of every page). Looks run one at a time.
import type { GraphIndex } from './graph-index';

export interface RefreshTimers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  setInterval(fn: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

export interface RefreshOptions {
  graph: () => GraphIndex | null;
  /** Called after a look that changed a component. */
  onChange: () => Promise<void> | void;
  /** Whether anything is on screen (live slots, the main UI); checked before each poll. */
  visible: () => Promise<boolean> | boolean;
  pollSeconds: number;
  timers: RefreshTimers;
  onError?: (error: unknown) => void;
}

export interface RefreshScheduler {
  /** Blocks of these pages changed in the app. */
  pagesChanged(pageIds: number[]): void;
  /** Look soon (route change, a slot appeared). */
  soon(delayMs?: number): void;
  /** A full look now; resolves when done. */
  now(): Promise<void>;
  /** Something of ours is on screen again: make sure the poll runs. */
  wake(): void;
  polling(): boolean;
  stop(): void;
}

/** Logseq's write queue flushes every 1000 ms; the write lands a little after. */
export const WRITE_SETTLE_MS = 1300;
/** A long page (> 500 blocks) is written once typing pauses for 3 s. */
export const LATE_WRITE_MS = 4500;

/** The scheduler's timers and the chain of looks (one at a time). */
interface Schedule {
  readonly options: RefreshOptions;
  chain: Promise<void>;
  poll: unknown;
  settle: unknown;
  late: unknown;
  soonTimer: unknown;
  stopped: boolean;
}

export function createRefreshScheduler(options: RefreshOptions): RefreshScheduler {
  const schedule: Schedule = { options, chain: Promise.resolve(), poll: null, settle: null, late: null, soonTimer: null, stopped: false };
  return {
    pagesChanged: (pageIds) => pagesChanged(schedule, pageIds),
    soon: (delayMs = 150) => soon(schedule, delayMs),
    now: () => run(schedule, true),
    wake: () => startPoll(schedule),
    polling: () => schedule.poll !== null,
    stop() {
      schedule.stopped = true;
      for (const handle of [schedule.settle, schedule.late, schedule.soonTimer]) clear(schedule, handle);
      stopPoll(schedule);
    },
  };
}

function run(schedule: Schedule, full = false): Promise<void> {
  const { options } = schedule;
  schedule.chain = schedule.chain.then(async () => {
    const graph = options.graph();
    if (!graph || !graph.ready() || schedule.stopped) return;
    try {
      if (await graph.refreshChanged({ full })) await options.onChange();
    } catch (error) {
      options.onError?.(error);
    }
  });
  return schedule.chain;
}

function startPoll(schedule: Schedule): void {
  const { options } = schedule;
  if (schedule.poll !== null || options.pollSeconds <= 0 || schedule.stopped) return;
  schedule.poll = options.timers.setInterval(() => void tick(schedule), options.pollSeconds * 1000);
}

function stopPoll(schedule: Schedule): void {
  if (schedule.poll !== null) schedule.options.timers.clearInterval(schedule.poll);
  schedule.poll = null;
}

/** A poll's full look, or the poll's end when nothing of ours is on screen. */
async function tick(schedule: Schedule): Promise<void> {
  if (!(await schedule.options.visible())) return stopPoll(schedule);
  await run(schedule, true);
}

function clear(schedule: Schedule, handle: unknown): void {
  if (handle !== null) schedule.options.timers.clearTimeout(handle);
}

/** Every edit moves both looks later: once the write landed, and once after a long page's late write. */
function pagesChanged(schedule: Schedule, pageIds: number[]): void {
  if (pageIds.length === 0 || schedule.stopped) return;
  const { timers } = schedule.options;
  clear(schedule, schedule.settle);
  clear(schedule, schedule.late);
  schedule.settle = timers.setTimeout(() => {
    schedule.settle = null;
    void run(schedule);
  }, WRITE_SETTLE_MS);
  schedule.late = timers.setTimeout(() => {
    schedule.late = null;
    void run(schedule);
  }, LATE_WRITE_MS);
}

function soon(schedule: Schedule, delayMs: number): void {
  if (schedule.stopped) return;
  clear(schedule, schedule.soonTimer);
  schedule.soonTimer = schedule.options.timers.setTimeout(() => {
    schedule.soonTimer = null;
    void (async () => {
      if (await schedule.options.visible()) await run(schedule);
    })();
  }, delayMs);
}
