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
}

function moreText(left: number, page: number, noun: string): string {
  const next = Math.min(left, page);
  return next === left ? `Show ${count(left)} more ${noun}` : `Show ${count(next)} more ${noun} (${count(left)} not shown)`;
}

/**
 * Draw the first `page` items into `into` now; when more are left, a "Show more" button (placed
 * by the caller) draws the next page. Focus goes to the first new item's first link or button, so
 * a keyboard user carries on where the list grew.
 */
export function drawPaged<T>(doc: Document, items: readonly T[], into: HTMLElement, draw: (item: T) => HTMLElement, page: number, noun: string): PagedItems {
  const size = Number.isFinite(page) && page >= 1 ? Math.floor(page) : items.length;
  let shown = 0;
  const drawNext = (): HTMLElement | null => {
    const end = Math.min(items.length, shown + size);
    let first: HTMLElement | null = null;
    for (; shown < end; shown++) {
      const el = draw(items[shown]!);
      first ??= el;
      into.appendChild(el);
    }
    return first;
  };
  drawNext();
  if (shown >= items.length) return { shown: () => shown, more: null };
  const more = h(doc, 'button', { cls: 'mm-button mm-show-more', text: moreText(items.length - shown, size, noun), attrs: { type: 'button' } });
  more.addEventListener('click', () => {
    const first = drawNext();
    if (shown < items.length) {
      more.textContent = moreText(items.length - shown, size, noun);
      return;
    }
    more.remove();
    (first?.matches('a, button') ? first : first?.querySelector<HTMLElement>('a, button'))?.focus();
  });
  return { shown: () => shown, more };
}
