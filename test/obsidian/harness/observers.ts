// IntersectionObserver and ResizeObserver for the harness: the first reports what `isShown()`
// says whenever the harness layout changes (a leaf is revealed); both are counted for leak checks.
import { asHost, asPlugin } from './host-work';

/** IntersectionObserver that reports what `isShown()` says whenever the harness layout changes. */
const observers = new Set<TrackedIntersectionObserver>();
export class TrackedIntersectionObserver {
  private targets = new Set<Element>();
  constructor(private readonly callback: (entries: Array<{ target: Element; isIntersecting: boolean }>) => void) {}
  observe(el: Element): void {
    this.targets.add(el);
    observers.add(this);
  }
  unobserve(el: Element): void {
    this.targets.delete(el);
  }
  disconnect(): void {
    this.targets.clear();
    observers.delete(this);
  }
  takeRecords(): [] {
    return [];
  }
  fire(): void {
    // Working out what intersects is the browser's work (its layout), not the plugin's: only the
    // callback is charged to the plugin (host-work.ts).
    const entries = asHost(() => [...this.targets].map((target) => ({ target, isIntersecting: (target as HTMLElement).isShown() })));
    if (entries.length) asPlugin(() => this.callback(entries));
  }
  static active(): number {
    return observers.size;
  }
  /** Harness: what the active observers watch (class names), for leak reports. */
  static watched(): string[] {
    return [...observers].flatMap((o) => [...o.targets].map((t) => t.className));
  }
}
/** ResizeObserver that only records what is observed (the harness has no layout), for leak checks. */
const resizeObservers = new Set<TrackedResizeObserver>();
export class TrackedResizeObserver {
  private targets = new Set<Element>();
  constructor(private readonly callback: (entries: unknown[]) => void) {
    void this.callback;
  }
  observe(el: Element): void {
    this.targets.add(el);
    resizeObservers.add(this);
  }
  unobserve(el: Element): void {
    this.targets.delete(el);
  }
  disconnect(): void {
    this.targets.clear();
    resizeObservers.delete(this);
  }
  static active(): number {
    return resizeObservers.size;
  }
}

export function notifyVisibility(): void {
  for (const o of [...observers]) o.fire();
}
