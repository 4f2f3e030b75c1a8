// Grid cards laid out ahead, a few a frame, once the grid is drawn and the page has a frame to
// spare. A grid card is `content-visibility: auto`: off screen it is neither styled nor laid out
// until it comes into view. Going to the grid's end at once (its "Show more" button scrolled into
// view, the End key, a focus) brought the ten cards above the button into view together, and one
// frame styled and laid out all of them: ~890 elements, 49–53 ms of CPU at 10k (benchmarks.md,
// session 28). A card laid out ahead is marked `mm-card-drawn` (`content-visibility: visible`), so
// coming into view costs it nothing new.

/** Cards laid out ahead in one frame: ~90 elements each with their evidence folded. */
export const CARDS_WARMED_A_FRAME = 2;

/** The class of a card laid out ahead (styles.css: `content-visibility: visible`). */
export const DRAWN_CARD = 'mm-card-drawn';

export interface CardWarming {
  /** Cards marked so far, in order (for counting). */
  marked(): number;
  stop(): void;
}

/** The grid can spare a frame: in the page, its panel shown, no page of it being drawn. */
function idle(grid: HTMLElement): boolean {
  return grid.isConnected && grid.getAttribute('aria-busy') !== 'true' && grid.closest('[hidden]') === null;
}

/**
 * Mark the grid's cards `DRAWN_CARD`, `perFrame` a frame in the order they were drawn, in frames
 * where the grid is idle; cards drawn later (its next pages) are marked in their turn. A frame that
 * finds the grid busy or its `panel` hidden waits, without frames, for the grid's cards or
 * `aria-busy` or the panel's `hidden` to change. Where the window has no animation frames, nothing
 * is marked (the cards stay `content-visibility: auto`).
 */
export function warmCards(grid: HTMLElement, panel: HTMLElement, perFrame = CARDS_WARMED_A_FRAME): CardWarming {
  const view = grid.ownerDocument.defaultView;
  let marked = 0;
  let stopped = false;
  let scheduled = false;
  let last: Element | null = null;
  const frame = () => {
    scheduled = false;
    if (stopped || !idle(grid)) return;
    let now = 0;
    // On from the last card marked while it is still the grid's (a walk from the first card each
    // frame went over every card marked before: quadratic in a long grid).
    let card = last !== null && last.parentElement === grid ? last.nextElementSibling : grid.firstElementChild;
    for (; card && now < perFrame; card = card.nextElementSibling) {
      if (card.classList.contains(DRAWN_CARD)) continue;
      card.classList.add(DRAWN_CARD);
      last = card;
      marked++;
      now++;
    }
    if (now > 0) schedule(); // else every card is marked: the observer wakes this for the next page
  };
  const schedule = () => {
    if (scheduled || stopped || !view || typeof view.requestAnimationFrame !== 'function') return;
    scheduled = true;
    view.requestAnimationFrame(frame);
  };
  const observer = view && typeof view.MutationObserver === 'function' ? new view.MutationObserver(schedule) : null;
  // New cards, the grid's own `aria-busy` ending when a page is drawn, the panel shown again.
  observer?.observe(grid, { childList: true, attributes: true, attributeFilter: ['aria-busy'] });
  observer?.observe(panel, { attributes: true, attributeFilter: ['hidden'] });
  schedule();
  return {
    marked: () => marked,
    stop: () => {
      stopped = true;
      observer?.disconnect();
    },
  };
}
