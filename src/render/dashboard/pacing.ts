// How the dashboard paces its drawing: items a tab shows at once, items drawn a frame, and the
// sizes above which a tab places, sorts or draws in tasks of its own (figures: docs/benchmarks.md).
import type { ViewContext } from '../context';
import { frameSlicing, type PageSlicing } from '../pages';

/**
 * Items drawn at once in each tab, the rest a page at a time on request (pages.ts): more than a
 * tall screen shows, and few enough that a page of a 10k-component vault is a short task.
 */
export const PAGE = { board: 30, table: 100, timeline: 100, cards: 12, vaultProblems: 5 } as const;
/**
 * Table rows, timeline rows, cards and each board column's items of a page drawn a task (pages.ts
 * PageSlicing): with their style and layout, a hundred table rows took ~70 ms of Chromium's main
 * thread, a hundred timeline rows ~60–90 ms and twelve cards ~120 ms at 9k components; the board's
 * 4 × 30 items 40–55 ms in Chromium and over 100 ms in the Logseq harness (benchmarks.md, session 16).
 * A frame's style, layout and paint of 25 timeline rows were 17–30 ms of CPU at 10k, of 10 rows
 * 10–18 (ten fill the window; session 22).
 */
export const PER_TASK = { table: 25, cards: 3, timeline: 10, board: 8 } as const;

/**
 * What a part of the table's or the cards' page may take, ms of the context's clock: with it a
 * part holds as many of its items as fit (at least one, at most PER_TASK's). Twenty-five table
 * rows were 20–30 ms of script in the Logseq harness's frame, with a collection in them 30–60,
 * three cards 27–56 ms; in Chromium twenty-five rows' script is a few ms, and the frame after it
 * lays them out (benchmarks.md, session 24).
 */
export const PART_BUDGET_MS = 12;

/** `perTask` items of a page a frame, after the host's next task; with `budget`, fewer once a part has run PART_BUDGET_MS. */
export function sliced(ctx: ViewContext, perTask: number, budget = false): PageSlicing {
  return frameSlicing(ctx.document, perTask, ctx.nextTask, budget ? { budgetMs: PART_BUDGET_MS, clock: ctx.clock } : {});
}

/** Components the timeline places in the tab's own task; more are placed a task at a time. */
export const TIMELINE_AT_ONCE = 500;

/** Rows the table sorts in the tab's (or a header press's) own task; more are sorted in a task of their own. */
export const TABLE_SORT_AT_ONCE = 1000;

/**
 * Components a filter change draws the shown panel for in its own task; with more, the panel is
 * drawn in the host's next task: the filter over 9,259 components and the board's first part in
 * the keystroke's task were 49–70 ms of the Logseq harness's frame (benchmarks.md, session 23).
 */
export const FILTER_DRAW_AT_ONCE = 1000;

