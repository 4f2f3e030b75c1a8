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
}

/**
 * Slicing whose parts are a frame apart: the browser lays out and paints one part before the next is
 * drawn. With plain tasks the parts ran back to back and the frame after them laid out the whole
 * page at once (a hundred table rows: one ~50 ms frame). Where the window has no animation frames,
 * parts are only a task apart.
 */
export function frameSlicing(doc: Document, perTask: number, nextTask: () => Promise<void>): PageSlicing {
  const view = doc.defaultView;
  if (!view || typeof view.requestAnimationFrame !== 'function') return { perTask, nextTask };
  return { perTask, nextTask: () => new Promise<void>((resolve) => void view.requestAnimationFrame(() => void nextTask().then(resolve))) };
}

function moreText(left: number, page: number, noun: string): string {
  const next = Math.min(left, page);
  return next === left ? `Show ${count(left)} more ${noun}` : `Show ${count(next)} more ${noun} (${count(left)} not shown)`;
}

/** A new item's first link or button (or the item itself), where focus goes when the list grows. */
function focusable(item: HTMLElement | null): HTMLElement | null {
  return item?.matches('a, button') ? item : (item?.querySelector<HTMLElement>('a, button') ?? null);
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
  let shown = 0;
  let stopped = false;
  let busy = false;
  let asked = 0; // pages asked for while one was being drawn: drawn after it
  let placed = false; // `into` has been seen in the document
  let more: HTMLButtonElement | null = null;
  let firstOfPage: HTMLElement | null = null;
  const drawUpTo = (end: number): void => {
    for (; shown < end; shown++) {
      const el = draw(items[shown]!);
      firstOfPage ??= el;
      into.appendChild(el);
    }
  };
  const pageDrawn = (): void => {
    busy = false;
    into.removeAttribute('aria-busy');
    if (!more) return;
    if (asked > 0 && shown < items.length) {
      asked--;
      return drawNext();
    }
    if (shown < items.length) {
      more.textContent = moreText(items.length - shown, size, noun);
      more.hidden = false;
      return;
    }
    more.remove();
    // The last page, asked for with the button that is now gone.
    if (shown > size) focusable(firstOfPage)?.focus();
  };
  const drawRest = async (end: number): Promise<void> => {
    while (shown < end) {
      await slicing!.nextTask();
      if (into.isConnected) placed = true;
      else if (placed) stopped = true;
      if (stopped) return;
      drawUpTo(Math.min(end, shown + perTask));
    }
    pageDrawn();
  };
  /** The next page: the part that fits this task now, the rest a part a task after it. */
  const drawNext = (): void => {
    const end = Math.min(items.length, shown + size);
    firstOfPage = null;
    drawUpTo(Math.min(end, shown + perTask));
    if (shown >= end) return pageDrawn();
    busy = true;
    into.setAttribute('aria-busy', 'true');
    void drawRest(end);
  };
  drawNext();
  const stop = (): void => void (stopped = true);
  if (shown >= items.length) return { shown: () => shown, more: null, stop };
  const button = h(doc, 'button', { cls: 'mm-button mm-show-more', text: moreText(items.length - shown, size, noun), attrs: { type: 'button' } });
  // The first page is still being drawn: the button shows when it is.
  button.hidden = busy;
  more = button;
  button.addEventListener('click', () => {
    if (busy) asked++;
    else drawNext();
  });
  return { shown: () => shown, more: button, stop };
}
