// The browser's ways to continue work in a new task, as the plugin uses them to yield: a
// MessageChannel (every browser) and `scheduler.yield()` (Chromium, so Electron's desktop app; the
// phone harness goes without, as iOS WebKit does, so the channel path runs there). Each
// continuation runs in a task of its own and `settle()` waits for every one not yet run. Under
// Node the channel is the harness's (delivered as an immediate: no timer delay, as in a browser);
// in a real browser page the page's own channel stays, since the page's libraries use it too.
import { pending } from './vault';

type Deliver = (fn: () => void) => void;

/** Continuations run so far, by way (a test checks which way the plugin yields). */
export const continuations = { channel: 0, scheduler: 0 };

/** A page's own channel, for `scheduler.yield` in a real browser page. */
function pageChannel(win: Window & typeof globalThis): Deliver {
  const { port1, port2 } = new win.MessageChannel();
  const queue: Array<() => void> = [];
  port1.onmessage = () => queue.shift()?.();
  return (fn) => {
    queue.push(fn);
    // Both ports referenced here: a port nothing references may be collected with its messages.
    if (port1.onmessage) port2.postMessage(null);
  };
}

/** Run `fn` in a new task; settle() waits for it. */
function inNewTask(deliver: Deliver, fn: () => void): void {
  let done!: () => void;
  const handled = new Promise<void>((resolve) => (done = resolve));
  pending.add(handled);
  void handled.then(() => pending.delete(handled));
  deliver(() => {
    try {
      fn();
    } finally {
      done();
    }
  });
}

class HarnessPort {
  onmessage: ((event: { data: unknown }) => void) | null = null;
  other!: HarnessPort;
  closed = false;
  constructor(private readonly deliver: Deliver) {}

  postMessage(data: unknown): void {
    if (this.closed) return;
    const target = this.other;
    const copy = structuredClone(data);
    continuations.channel++;
    inNewTask(this.deliver, () => {
      if (!target.closed) target.onmessage?.({ data: copy });
    });
  }

  start(): void {}

  close(): void {
    this.closed = true;
    this.other.closed = true;
  }
}

let deliver: Deliver | null = null;

export function installTasks(win: Window & typeof globalThis, platform: 'desktop' | 'mobile'): void {
  const w = win as unknown as Record<string, unknown>;
  if (!deliver) {
    if (typeof setImmediate === 'function') {
      const immediate: Deliver = (fn) => void setImmediate(fn);
      w['MessageChannel'] = class MessageChannel {
        readonly port1 = new HarnessPort(immediate);
        readonly port2 = new HarnessPort(immediate);
        constructor() {
          this.port1.other = this.port2;
          this.port2.other = this.port1;
        }
      };
      deliver = immediate;
    } else deliver = pageChannel(win);
  }
  const run = deliver;
  const yieldTask = () => {
    continuations.scheduler++;
    return new Promise<void>((resolve) => inNewTask(run, resolve));
  };
  if (platform === 'desktop') w['scheduler'] = { yield: yieldTask };
  else delete w['scheduler'];
}
