// Events and Component as obsidian.d.ts documents them. Every Events instance is tracked so a test
// can count the listeners still attached anywhere in the app (after unload: none of the plugin's).
// Tracked weakly: Obsidian keeps no list of them, so an Events nobody holds (a detached leaf, an
// app quit) must be collected here too, with whatever it still points to.
import { asPlugin } from './host-work';

const tracked = new Set<WeakRef<Events>>();
const untrack = new FinalizationRegistry<WeakRef<Events>>((ref) => tracked.delete(ref));

/** Every Events instance still reachable from somewhere. */
export const allEvents: Iterable<Events> = {
  *[Symbol.iterator]() {
    for (const ref of tracked) {
      const events = ref.deref();
      if (events) yield events;
    }
  },
};

export interface EventRef {
  events: Events;
  name: string;
  fn: (...data: unknown[]) => unknown;
  ctx: unknown;
}

export class Events {
  private handlers = new Map<string, EventRef[]>();

  constructor() {
    const ref = new WeakRef(this);
    tracked.add(ref);
    untrack.register(this, ref);
  }

  on(name: string, fn: (...data: unknown[]) => unknown, ctx?: unknown): EventRef {
    const ref: EventRef = { events: this, name, fn, ctx };
    const list = this.handlers.get(name) ?? [];
    list.push(ref);
    this.handlers.set(name, list);
    return ref;
  }

  off(name: string, fn: (...data: unknown[]) => unknown): void {
    const list = this.handlers.get(name);
    if (!list) return;
    this.handlers.set(name, list.filter((ref) => ref.fn !== fn));
  }

  offref(ref: EventRef): void {
    const list = ref.events.handlers.get(ref.name);
    if (!list) return;
    ref.events.handlers.set(ref.name, list.filter((r) => r !== ref));
  }

  trigger(name: string, ...data: unknown[]): void {
    for (const ref of [...(this.handlers.get(name) ?? [])]) this.tryTrigger(ref, data);
  }

  tryTrigger(ref: EventRef, args: unknown[]): void {
    try {
      asPlugin(() => ref.fn.apply(ref.ctx, args));
    } catch (err) {
      // Obsidian logs a throwing handler and carries on with the others.
      console.error(err);
    }
  }

  /** Harness only: listeners attached, per event name. */
  listenerCount(name?: string): number {
    if (name) return this.handlers.get(name)?.length ?? 0;
    let n = 0;
    for (const list of this.handlers.values()) n += list.length;
    return n;
  }
}

/** Counts of what components registered and have not released yet. */
export const live = { domListeners: 0, intervals: 0, loadedComponents: 0 };

export class Component {
  _loaded = false;
  private _children: Component[] = [];
  private _cleanups: Array<() => unknown> = [];

  load(): void {
    if (this._loaded) return;
    this._loaded = true;
    live.loadedComponents++;
    const result = this.onload() as unknown;
    // Obsidian does not await onload; children added meanwhile load as they are added.
    void result;
    for (const child of this._children) child.load();
  }

  onload(): void {}

  unload(): void {
    if (!this._loaded) return;
    this._loaded = false;
    live.loadedComponents--;
    for (const child of this._children.splice(0)) child.unload();
    for (const cleanup of this._cleanups.splice(0).reverse()) cleanup();
    this.onunload();
  }

  onunload(): void {}

  addChild<T extends Component>(child: T): T {
    this._children.push(child);
    if (this._loaded) child.load();
    return child;
  }

  removeChild<T extends Component>(child: T): T {
    const i = this._children.indexOf(child);
    if (i !== -1) {
      this._children.splice(i, 1);
      child.unload();
    }
    return child;
  }

  register(cb: () => unknown): void {
    this._cleanups.push(cb);
  }

  registerEvent(ref: EventRef): void {
    this.register(() => ref.events.offref(ref));
  }

  registerDomEvent(el: EventTarget, type: string, callback: EventListener, options?: boolean | AddEventListenerOptions): void {
    el.addEventListener(type, callback, options);
    live.domListeners++;
    this.register(() => {
      el.removeEventListener(type, callback, options);
      live.domListeners--;
    });
  }

  registerInterval(id: number): number {
    live.intervals++;
    this.register(() => {
      window.clearInterval(id);
      live.intervals--;
    });
    return id;
  }
}
