// Main-thread work in slices: a long job checks `sliceSpent()` as it goes and, once its slice has
// run its time, awaits `yieldToUI()`, which continues it in a new task so input and paint come
// first. Continuations use `scheduler.yield()` where the app has it (Electron's Chromium), else a
// MessageChannel message (a phone's WebKit): a timer would cost 4 ms per yield once timers nest,
// and thousands of yields in a build would add seconds of idle time.
import type { Slicing } from '../../plugin-cache/slicing';

/** How long one slice may hold the main thread: one frame, well under the 50 ms of a long task. */
export const SLICE_MS = 16;

let sliceStart = 0;

interface Scheduler {
  yield?: () => Promise<void>;
}

type Resolve = () => void;
let channel: { post: () => void; waiting: Resolve[]; close: () => void } | null = null;
/** The plugin unloaded: what still yields (its last cache write) goes by timer, opening no new channel. */
let closed = false;

/** One channel for the plugin: each message posted continues the oldest waiting job. */
function messageChannel(): { post: () => void; waiting: Resolve[] } | null {
  if (channel) return channel;
  if (closed) return null;
  const Channel = window.MessageChannel;
  if (typeof Channel !== 'function') return null;
  const { port1, port2 } = new Channel();
  const waiting: Resolve[] = [];
  port1.onmessage = () => waiting.shift()?.();
  channel = {
    post: () => port2.postMessage(null),
    waiting,
    close: () => {
      port1.close();
      port2.close();
    },
  };
  return channel;
}

/** Close the channel (the plugin unloads); jobs still waiting continue, and find their build gone. */
export function closeYields(): void {
  closed = true;
  const open = channel;
  channel = null;
  if (!open) return;
  open.close();
  for (const resolve of open.waiting.splice(0)) resolve();
}

function nextTask(): Promise<void> {
  const scheduler = (window as unknown as { scheduler?: Scheduler }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  const ports = messageChannel();
  if (ports) {
    return new Promise((resolve) => {
      ports.waiting.push(resolve);
      ports.post();
    });
  }
  return new Promise((resolve) => window.setTimeout(resolve, 0));
}

/** Yields so far (any job's): a job that sees the count move went on across tasks. */
let yields = 0;

/** Continue in a new task; the slice clock starts again there. */
export async function yieldToUI(): Promise<void> {
  yields++;
  await nextTask();
  sliceStart = performance.now();
}

/** How many times work has yielded so far: compare two readings to learn whether a job took more than one task. */
export function yieldCount(): number {
  return yields;
}

/** Has the current slice run its time? (After a task this module did not start, it may have: a yield then costs little.) */
export function sliceSpent(): boolean {
  return performance.now() - sliceStart > SLICE_MS;
}

/** Yield if the slice has run its time. */
export async function checkpoint(): Promise<void> {
  if (sliceSpent()) await yieldToUI();
}

/** Start a slice now (at the start of a task the host began: a worker message, a read). */
export function startSlice(): void {
  sliceStart = performance.now();
}

/**
 * `make` of each item in turn, in slices; once `stopped()` says so (checked before each item, so
 * after a yield too), the results made so far.
 */
export async function mapInSlices<T, R>(items: readonly T[], make: (item: T) => R, stopped: () => boolean): Promise<R[]> {
  const out: R[] = [];
  for (const item of items) {
    if (sliceSpent()) await yieldToUI();
    if (stopped()) break;
    out.push(make(item));
  }
  return out;
}

/** The items that pass `keep`, in slices. */
export async function sliced<T>(items: readonly T[], keep: (item: T) => boolean): Promise<T[]> {
  const out: T[] = [];
  for (const item of items) {
    if (keep(item)) out.push(item);
    if (sliceSpent()) await yieldToUI();
  }
  return out;
}

/** The plugin's slicing, as the shared cache (src/plugin-cache) takes it. */
export const OBSIDIAN_SLICING: Slicing = { start: startSlice, spent: sliceSpent, yieldNow: yieldToUI };
