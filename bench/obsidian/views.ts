// bench:obsidian's view phases: after a start, the first open of something that shows many
// components at once: the dashboard, a note holding a ```maturity-query``` block, the graph view.
// Each phase runs on its own launch (the index fresh, no view built yet), as a user opens it after
// starting the app; each is timed from the open until it shows its results, with the main thread's
// tasks watched throughout.
import type { Harness } from '../../test/obsidian/harness/app';
import type { TaskStats } from './main-thread';

/** Notes holding a query block, added to the generated vault (their path → their text). */
export const QUERY_NOTES = {
  'Reports/Pay.md': '# Pay\n\n```maturity-query\ntext: pay\nlimit: 20\n```\n',
  'Reports/Staging.md': '# Staging\n\n```maturity-query\nstage: staging\n```\n',
  'Reports/All.md': '# All\n\n```maturity-query\n```\n',
} as const;

export interface ViewPhase {
  /** As the printed line names it. */
  name: string;
  /** What comes before, not timed (the block a header sort sorts, drawn). */
  setup?(h: Harness): Promise<unknown>;
  /** What the user does. */
  open(h: Harness): Promise<unknown>;
  /** The results are on screen. */
  shown(h: Harness): boolean;
}

interface IndexLike {
  indexer: { index: { ids(): string[] } };
}

const componentCount = (h: Harness) => (h.plugin as unknown as IndexLike).indexer.index.ids().length;

/** The dashboard is drawn, its board's columns counting every component (long columns draw a page, then "Show more"). */
function dashboardShown(h: Harness): boolean {
  const board = document.querySelector('.maturity-map-dashboard .mm-dashboard .mm-board');
  if (!board) return false;
  let counted = 0;
  for (const count of board.querySelectorAll('.mm-board-count')) counted += Number((count.textContent ?? '').replace(/\D/g, ''));
  return counted >= componentCount(h);
}

/** The block in `path` shows its rows (or says that nothing matches). */
function queryShown(path: keyof typeof QUERY_NOTES): () => boolean {
  return () => {
    const block = document.querySelector(`[data-mm-bench="${path}"] .block-language-maturity-query`) ?? null;
    return !!block && (block.querySelector('[data-mm-id]') !== null || block.querySelector('.maturity-map-empty') !== null);
  };
}

async function openQueryNote(h: Harness, path: keyof typeof QUERY_NOTES): Promise<void> {
  const leaf = await h.open(path);
  leaf.view.containerEl.setAttribute('data-mm-bench', path);
}

const ALL_BLOCK = '[data-mm-bench="Reports/All.md"] .block-language-maturity-query';

/** The block over every component, drawn; then a press on its table's `column` header sorts the whole result. */
function headerSort(column: string): Pick<ViewPhase, 'setup' | 'open' | 'shown'> {
  return {
    setup: async (h) => {
      await openQueryNote(h, 'Reports/All.md');
      await until(queryShown('Reports/All.md'));
    },
    open: () => {
      document.querySelector<HTMLElement>(`${ALL_BLOCK} th.mm-col-${column} button`)!.click();
      return Promise.resolve();
    },
    shown: () => {
      const block = document.querySelector(ALL_BLOCK);
      return !!block && block.querySelector(`th.mm-col-${column}[aria-sort="ascending"]`) !== null && block.querySelector('[aria-busy="true"]') === null;
    },
  };
}

const DASHBOARD = '.maturity-map-dashboard .mm-dashboard';

/** The dashboard's table shows its first page (100 rows, or every component) in the order `column` names, none of it still being drawn. */
function tableShown(h: Harness, column: string): boolean {
  const table = document.querySelector(`${DASHBOARD} .mm-panel-table .mm-table`);
  if (!table || table.querySelector(`th.mm-col-${column}[aria-sort="ascending"]`) === null || table.querySelector('[aria-busy="true"]') !== null) return false;
  return table.querySelectorAll('tbody tr').length >= Math.min(100, componentCount(h));
}

/** The dashboard opened and its board drawn, then (`table`) its Table tab shown, as a user who opened it before. */
async function openDashboard(h: Harness, table: boolean): Promise<void> {
  await h.command('open-dashboard');
  await until(() => dashboardShown(h) && document.querySelector(`${DASHBOARD} [aria-busy="true"]`) === null);
  if (!table) return;
  document.querySelector<HTMLElement>(`${DASHBOARD} [data-mm-tab="table"]`)!.click();
  await until(() => tableShown(h, 'name'));
}

/**
 * The graph view shows its drawing (or its notice). The look is itself a task on the thread the
 * bench watches: a selector that fails deep in a 2,000-node SVG walks all of it (happy-dom, 200 ms
 * a look), so it finds the canvas first (it comes before the drawing) and looks only inside it.
 */
function graphShown(): boolean {
  const canvas = document.querySelector('.maturity-map-graph-body .mm-graph-canvas');
  if (!canvas) return document.querySelector('.maturity-map-graph-body .maturity-map-empty') !== null;
  return !canvas.hasAttribute('aria-busy') && canvas.querySelector(':scope > svg, :scope > .mm-graph-too-many') !== null;
}

/** The dashboard's timeline tab shows its first page of rows, drawn whole (its timelines placed a slice a task before). */
function timelineShown(): boolean {
  const timeline = document.querySelector('.maturity-map-dashboard .mm-panel-timeline .mm-timeline');
  return !!timeline && timeline.querySelectorAll('.mm-tl-row').length >= Math.min(100, componentCountShown()) && timeline.querySelector('[aria-busy="true"]') === null && !timeline.hasAttribute('aria-busy');
}

/** Components the dashboard's filters let through (its count: "9,259 components"). */
function componentCountShown(): number {
  return Number((document.querySelector('.maturity-map-dashboard .mm-filter-count')?.textContent ?? '').replace(/\D/g, ''));
}

export const VIEW_PHASES: ViewPhase[] = [
  { name: 'dashboard open', open: (h) => h.command('open-dashboard'), shown: dashboardShown },
  {
    // The tab's first show: every component sorted by name, the first page drawn.
    name: 'table tab, dashboard over every component',
    setup: (h) => openDashboard(h, false),
    open: () => Promise.resolve(document.querySelector<HTMLElement>(`${DASHBOARD} [data-mm-tab="table"]`)!.click()),
    shown: (h) => tableShown(h, 'name'),
  },
  {
    name: 'table header sort, dashboard over every component (owner)',
    setup: (h) => openDashboard(h, true),
    open: () => Promise.resolve(document.querySelector<HTMLElement>(`${DASHBOARD} .mm-table th.mm-col-owner button`)!.click()),
    shown: (h) => tableShown(h, 'owner'),
  },
  {
    name: 'dashboard timeline tab',
    setup: (h) => openDashboard(h, false),
    open: () => Promise.resolve(document.querySelector<HTMLElement>(`${DASHBOARD} [data-mm-tab="timeline"]`)!.click()),
    shown: timelineShown,
  },
  { name: 'query block (text: pay, limit: 20)', open: (h) => openQueryNote(h, 'Reports/Pay.md'), shown: queryShown('Reports/Pay.md') },
  { name: 'query block (stage: staging)', open: (h) => openQueryNote(h, 'Reports/Staging.md'), shown: queryShown('Reports/Staging.md') },
  { name: 'header sort, block over every component (stage)', ...headerSort('stage') },
  { name: 'header sort, block over every component (readiness)', ...headerSort('readiness') },
  {
    // Laid out in the plugin's worker, drawn a slice a task: shown once the canvas is no longer busy
    // (every node and edge in), or with its notice (more components than it lays out: at 10k notes;
    // MM_BENCH_NOTES=2000 for a graph of ~1,850 components).
    name: 'graph view open',
    open: (h) => h.command('open-graph'),
    shown: graphShown,
  },
];

export interface ViewFigures {
  ms: number;
  tasks: TaskStats;
  /** The reference task's CPU time, measured just before the phase (reference-task.ts). */
  referenceMs: number;
}

/** Wait for `shown`, a millisecond at a time (the wait is idle: a timer). */
export async function until(shown: () => boolean, timeoutMs = 300_000): Promise<void> {
  const t0 = performance.now();
  while (!shown()) {
    if (performance.now() - t0 > timeoutMs) throw new Error('the view never showed its results');
    await new Promise((r) => setTimeout(r, 1));
  }
}

/** `dashboard open: N ms, longest task T ms, K tasks over 50 ms; reference task R ms (T/R ×)`. */
export function viewLine(name: string, figures: ViewFigures): string {
  const ratio = figures.referenceMs > 0 ? ` (${(figures.tasks.longestMs / figures.referenceMs).toFixed(2)}×)` : '';
  return `${name}: ${Math.round(figures.ms)} ms, longest task ${Math.round(figures.tasks.longestMs)} ms, ${figures.tasks.over50} tasks over 50 ms; reference task ${figures.referenceMs} ms${ratio}`;
}
