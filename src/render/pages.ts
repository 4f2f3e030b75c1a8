// Long lists drawn a page at a time. Drawing 9,000 table rows, board items or timeline rows at
// once held Chromium's main thread for 5–7 s (mostly its own style and layout of the whole list);
// a page is a short task, and the reader asks for the next one. The dashboard passes page sizes;
// a view given none draws everything (Logseq's query markup is a string: it cannot page, and
// shows as many as its own limit).
import { count, h } from './dom';

/** The items drawn so far and the button that draws the next page (null once all are drawn). */
export interface PagedItems {
  shown(): number;
  readonly more: HTMLButtonElement | null;
  /** Stop drawing a page still under way (the list is being drawn again). */
  stop(): void;
}

/**
 * A page drawn a part a task: `perTask` items in the task that asks for the page, the rest a part
 * after each `nextTask`. Twelve cards or a hundred table rows of a 9k-component dashboard, drawn
 * with their style and layout in one task, held Chromium's main thread 70–150 ms.
 */
export interface PageSlicing {
  perTask: number;
  nextTask: () => Promise<void>;
  /**
   * Items of the first page drawn in the task that draws the list (default perTask, and it may be
   * more: what the first paint should show); the rest of it a part a task. Lists drawn side by side
   * share that task: the board gives each column a share.
   */
  firstPart?: number;
  /**
   * A part also ends once it has run this long (ms by `clock`; at least one item a task): rows cost
   * what the host's DOM makes them cost. Twenty-five dashboard table rows were 20–30 ms of script
   * in the Logseq harness's frame, three cards up to 56 ms, against a few ms in Chromium
   * (benchmarks.md, sessions 23 and 24). Default: parts of `perTask` items whatever they take.
   */
  budgetMs?: number;
  /** The clock of that budget (default the document's window's `performance.now`). */
  clock?: () => number;
  /** When the task that draws the first part began, by `clock` (default: when the list is drawn): what it did before counts against that part. */
  started?: number;
}

/** The document's window's `performance.now` (or the global one): the default clock of part budgets. */
export function documentClock(doc: Document): () => number {
  const perf = doc.defaultView?.performance ?? globalThis.performance;
  return () => perf.now();
}

/** The clock a slicing's budget reads. */
export function sliceClock(doc: Document, slicing?: PageSlicing): () => number {
  return slicing?.clock ?? documentClock(doc);
}

/**
 * Slicing whose parts are a frame apart: the browser lays out and paints one part before the next is
 * drawn. With plain tasks the parts ran back to back and the frame after them laid out the whole
 * page at once (a hundred table rows: one ~50 ms frame). Where the window has no animation frames,
 * parts are only a task apart.
 */
export function frameSlicing(doc: Document, perTask: number, nextTask: () => Promise<void>, budget: Pick<PageSlicing, 'budgetMs' | 'clock'> = {}): PageSlicing {
  const view = doc.defaultView;
  if (!view || typeof view.requestAnimationFrame !== 'function') return { perTask, nextTask, ...budget };
  return { perTask, nextTask: () => new Promise<void>((resolve) => void view.requestAnimationFrame(() => void nextTask().then(resolve))), ...budget };
}

function moreText(left: number, page: number, noun: string): string {
  const next = Math.min(left, page);
  return next === left ? `Show ${count(left)} more ${noun}` : `Show ${count(next)} more ${noun} (${count(left)} not shown)`;
}

/** A new item's first link or button (or the item itself), where focus goes when the list grows. */
function focusable(item: HTMLElement | null): HTMLElement | null {
  return item?.matches('a, button') ? item : (item?.querySelector<HTMLElement>('a, button') ?? null);
}

/** One list's drawing: what it draws, how far it has got, and its button. */
interface Pager<T> {
  items: readonly T[];
  into: HTMLElement;
  draw: (item: T) => HTMLElement;
  noun: string;
  /** Items a page, and a part of a page drawn in one task. */
  size: number;
  perTask: number;
  nextTask: (() => Promise<void>) | null;
  /** The part's budget: when this task's drawing stops (Infinity: none), by `clock`, and the items drawn in this task so far. */
  budgetMs: number;
  clock: () => number;
  deadline: number;
  drawnInTask: number;
  shown: number;
  /** A page is being drawn a part a task. */
  busy: boolean;
  /** Pages asked for while one was being drawn: drawn after it. */
  asked: number;
  stopped: boolean;
  /** `into` has been seen in the document. */
  placed: boolean;
  more: HTMLButtonElement | null;
  firstOfPage: HTMLElement | null;
}

/** A new task begins drawing (at `at`, by the pager's clock): its part's budget starts. */
function startTask<T>(p: Pager<T>, at?: number): void {
  p.drawnInTask = 0;
  p.deadline = p.budgetMs === Infinity ? Infinity : (at ?? p.clock()) + p.budgetMs;
}

/** Items up to `end`, or fewer once this task's budget is spent (it always draws one). */
function drawUpTo<T>(p: Pager<T>, end: number): void {
  while (p.shown < end) {
    if (p.drawnInTask > 0 && p.deadline !== Infinity && p.clock() >= p.deadline) return;
    const el = p.draw(p.items[p.shown]!);
    p.shown++;
    p.drawnInTask++;
    p.firstOfPage ??= el;
    p.into.appendChild(el);
  }
}

/** The next page: the part that fits this task now (`part` items), the rest a part a task after it. */
function drawNext<T>(p: Pager<T>, part = p.perTask): void {
  const end = Math.min(p.items.length, p.shown + p.size);
  p.firstOfPage = null;
  drawUpTo(p, Math.min(end, p.shown + part));
  if (p.shown >= end) return pageDrawn(p);
  p.busy = true;
  p.into.setAttribute('aria-busy', 'true');
  void drawRest(p, end);
}

async function drawRest<T>(p: Pager<T>, end: number): Promise<void> {
  while (p.shown < end) {
    await p.nextTask!();
    if (p.into.isConnected) p.placed = true;
    else if (p.placed) p.stopped = true;
    if (p.stopped) return;
    startTask(p);
    drawUpTo(p, Math.min(end, p.shown + p.perTask));
  }
  pageDrawn(p);
}

function pageDrawn<T>(p: Pager<T>): void {
  p.busy = false;
  p.into.removeAttribute('aria-busy');
  const more = p.more;
  if (!more) return;
  if (p.asked > 0 && p.shown < p.items.length) {
    p.asked--;
    return drawNext(p);
  }
  if (p.shown < p.items.length) {
    more.textContent = moreText(p.items.length - p.shown, p.size, p.noun);
    more.hidden = false;
    return;
  }
  more.remove();
  // The last page, asked for with the button that is now gone.
  if (p.shown > p.size) focusable(p.firstOfPage)?.focus();
}

/**
 * Draw the first `page` items into `into` now (with `slicing`, its first part now and the rest a
 * part a task, `aria-busy` meanwhile); when more are left, a "Show more" button (placed by the
 * caller; hidden until the first page is drawn) draws the next page, or the one after the page
 * being drawn. When the last page is drawn the button goes and focus moves to the first new item's
 * first link or button, so a keyboard user carries on where the list grew. A page still under way
 * stops when `into` is taken out of the document after being in it, or on `stop()`.
 */
export function drawPaged<T>(doc: Document, items: readonly T[], into: HTMLElement, draw: (item: T) => HTMLElement, page: number, noun: string, slicing?: PageSlicing): PagedItems {
  const size = Number.isFinite(page) && page >= 1 ? Math.floor(page) : items.length;
  const perTask = slicing && slicing.perTask >= 1 ? Math.floor(slicing.perTask) : Infinity;
  const budgetMs = slicing?.budgetMs !== undefined && slicing.budgetMs > 0 ? slicing.budgetMs : Infinity;
  const p: Pager<T> = { items, into, draw, noun, size, perTask, nextTask: slicing?.nextTask ?? null, budgetMs, clock: sliceClock(doc, slicing), deadline: Infinity, drawnInTask: 0, shown: 0, busy: false, asked: 0, stopped: false, placed: false, more: null, firstOfPage: null };
  startTask(p, slicing?.started);
  drawNext(p, slicing?.firstPart !== undefined && slicing.firstPart >= 0 ? Math.floor(slicing.firstPart) : perTask);
  const paged = { shown: () => p.shown, stop: () => void (p.stopped = true) };
  if (p.shown >= items.length) return { ...paged, more: null };
  const more = h(doc, 'button', { cls: 'mm-button mm-show-more', text: moreText(items.length - p.shown, size, noun), attrs: { type: 'button' } });
  more.hidden = p.busy; // the first page is still being drawn: the button shows when it is
  more.addEventListener('click', () => {
    if (p.busy) p.asked++;
    else {
      startTask(p);
      drawNext(p);
    }
  });
  p.more = more;
  return { ...paged, more };
}
