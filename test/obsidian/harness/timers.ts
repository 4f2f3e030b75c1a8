// Tracks the window's timers and animation frames, so a test can see what is still scheduled
// (nothing of the plugin's after unload) and fire the long ones (the midnight roll-over).
interface Pending {
  fn: () => void;
  delay: number;
  kind: 'timeout' | 'interval' | 'frame';
}

export const scheduled = new Map<number, Pending>();
let installed = false;
let realSetTimeout: (fn: () => void, ms: number) => unknown = (fn, ms) => setTimeout(fn, ms);

export function installTimers(win: Window & typeof globalThis): void {
  if (installed) return;
  installed = true;
  const setT = win.setTimeout.bind(win);
  const clearT = win.clearTimeout.bind(win);
  const setI = win.setInterval.bind(win);
  const clearI = win.clearInterval.bind(win);
  realSetTimeout = (fn, ms) => setT(fn, ms);
  const handles = new Map<number, unknown>();
  let next = 1;
  const w = win as unknown as Record<string, unknown>;
  w['setTimeout'] = (fn: () => void, delay = 0, ...args: unknown[]) => {
    const id = next++;
    const run = () => {
      scheduled.delete(id);
      handles.delete(id);
      fn(...(args as []));
    };
    scheduled.set(id, { fn: run, delay, kind: 'timeout' });
    // Long timers (the midnight one) are only fired by the test, never by the clock.
    if (delay < 60_000) handles.set(id, setT(run, delay));
    return id;
  };
  w['clearTimeout'] = (id: number) => {
    scheduled.delete(id);
    const h = handles.get(id);
    if (h !== undefined) clearT(h as number);
    handles.delete(id);
  };
  w['setInterval'] = (fn: () => void, delay = 0) => {
    const id = next++;
    scheduled.set(id, { fn, delay, kind: 'interval' });
    handles.set(id, setI(fn, delay));
    return id;
  };
  w['clearInterval'] = (id: number) => {
    scheduled.delete(id);
    const h = handles.get(id);
    if (h !== undefined) clearI(h as number);
    handles.delete(id);
  };
  w['requestAnimationFrame'] = (fn: (t: number) => void) => {
    const id = next++;
    const run = () => {
      scheduled.delete(id);
      handles.delete(id);
      fn(performance.now());
    };
    scheduled.set(id, { fn: run, delay: 0, kind: 'frame' });
    handles.set(id, setT(run, 0));
    return id;
  };
  w['cancelAnimationFrame'] = (id: number) => (w['clearTimeout'] as (id: number) => void)(id);
}

/** Timers due within `ms`. */
export function dueSoon(ms = 1000): number {
  let n = 0;
  for (const p of scheduled.values()) if (p.kind !== 'interval' && p.delay <= ms) n++;
  return n;
}

/** Fire every pending timer longer than `minDelay` (e.g. the one set for midnight). */
export function fireLongTimers(minDelay = 60 * 60 * 1000): number {
  const due = [...scheduled.entries()].filter(([, p]) => p.kind === 'timeout' && p.delay >= minDelay);
  for (const [, p] of due) p.fn();
  return due.length;
}

export function tick(): Promise<void> {
  return new Promise((resolve) => realSetTimeout(resolve, 0));
}
