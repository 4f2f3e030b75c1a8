// What a Logseq macro slot asks for and what fills it: the slot registry's contract (slots.ts
// holds the registry itself). A view comes whole (markup), in pieces (a head, then each piece in a
// later task) or pending (prepared a slice at a time while a placeholder shows).
import type { Macro } from './macros';

export interface SlotState {
  sort?: { column: string; order: 'asc' | 'desc' };
  /** Rows shown by a query (its "show more" raises it). */
  limit?: number;
  focus?: string | null;
  hops?: number;
  /** False once the graph's "External" checkbox hid the external dependencies. */
  externals?: boolean;
  /** Graph zoom steps: + in, − out, 0 the starting view. */
  zoom?: number;
  /** What the reader typed in a large graph's Find field: its focus menu lists the matches (graph-focus-menu.ts). */
  find?: string;
}

export interface SlotRequest {
  slot: string;
  /** The uuid of the block holding the macro. */
  block: string;
  macro: Macro;
  state: SlotState;
}

/**
 * A view in pieces: `head` holds an empty element (id `container`) for each later piece. A piece
 * is known by its `key` (default: its place), and one with a `stamp` is written again only when
 * its stamp changed, its markup not even built: a query's rows already shown stay as they are
 * when "Show more" adds a page (each press then costs the same). Pieces written before and no
 * longer in the view are removed; a new head removes them all. A piece whose container is inside
 * another piece names that piece's key (`within`): when that one is written again, the host's
 * innerHTML takes this one's old content with it, in the same task, and it is written anew.
 * `markup` is told how many injected roots will hold the piece's content (the host's for the head,
 * its own, and one for each piece it is within): the host calls a control's model method once per
 * root around it, and the markup declares that count on its controls (markup.ts declareCalls).
 */
export interface SlotPiece {
  container: string;
  markup: (roots: number) => string;
  key?: string;
  stamp?: string;
  within?: string;
  /**
   * One of many pieces in a row (a large graph's layers): before it is written, the slot's check
   * asks for the slot's box, which has the host style and lay out the piece before it (`exists`).
   * Pieces a task apart came faster than Chromium rendered them, and the rendering task styled
   * every one injected since the last frame: 2,300–5,800 SVG elements, 47–76 ms of CPU at 2,000
   * components (benchmarks.md, session 21).
   */
  laidOutApart?: boolean;
}

export interface SlotPieces {
  head: string;
  parts: SlotPiece[];
}

/**
 * A view whose data is prepared a slice at a time (a query run, views built): `ready` gives the
 * view, or null once `cancelled()` is true (a newer render of the slot, the slot gone, the plugin
 * unloaded). It gives the thread back through `yieldNow`; the first time it does, a slot that
 * shows nothing yet shows `placeholder` (a slot showing an older view keeps it meanwhile).
 */
export interface SlotPending {
  placeholder: string;
  ready(cancelled: () => boolean, yieldNow: () => Promise<void>): Promise<string | SlotPieces | null>;
}

export type SlotMarkup = string | SlotPieces | SlotPending;

/** Markup for a slot, or null when there is nothing to show yet. */
export type SlotTemplate = (request: SlotRequest) => Promise<SlotMarkup | null>;

export interface SlotRegistry {
  /** A slotted event: remember the slot and render it. */
  mount(request: Omit<SlotRequest, 'state'>): Promise<void>;
  /** Change a slot's view state and render it again. */
  update(slot: string, patch: (state: SlotState) => SlotState): Promise<void>;
  get(slot: string): SlotRequest | undefined;
  /** Render every live slot again (the index changed); slots that are gone are forgotten. */
  refresh(): Promise<void>;
  /** Forget slots that are gone; how many are left. */
  prune(): Promise<number>;
  /** Slots believed live. */
  live(): string[];
  /** Resolves once no render is under way (every piece of every view started so far written, or dropped). */
  drawn(): Promise<void>;
  /** Is a render under way? */
  drawing(): boolean;
  clear(): void;
}
