// bench:logseq's dashboard phases after its first open: each tab shown, a table header pressed, a
// tab's "Show more" and the text filter typed, each after the dashboard was opened (its board
// drawn, the plugin quiet) in a relaunch of its own. The dashboard is the plugin's main UI: our own
// page in the plugin's iframe (src/logseq/main-toggle.ts, `showMainUI`), not markup handed to the
// host, so a press or a keystroke in it is an event of the frame's, and what it runs is one of the
// frame's tasks (Logseq's plugin iframe shares the renderer's main thread with Logseq's window).
// Nothing of it crosses to the host: the phases wait for the frame to go quiet, not the host.
import type { Loaded } from '../../test/logseq/harness';
import type { TaskClock } from '../../test/logseq/task-clock';

export type DashboardTab = 'board' | 'graph' | 'timeline' | 'table' | 'cards';

/** What a dashboard phase does once the dashboard is open. */
export interface DashboardAct {
  /** The tab pressed (its first show since the open). */
  tab?: DashboardTab;
  /** Typed into the text filter (one input event, as a paste or Playwright's fill), on the board. */
  filter?: string;
}

/** The page of each tab's list and the items it draws (render/dashboard/dashboard.ts `PAGE`). */
const LISTS = {
  table: { page: 100, items: '.mm-panel-table .mm-table tbody tr' },
  timeline: { page: 100, items: '.mm-panel-timeline .mm-tl-row' },
  cards: { page: 12, items: '.mm-panel-cards .mm-card-grid > *' },
  board: { page: 30, items: '.mm-panel-board .mm-board-item' },
} as const;

/** The dashboard's root in the frame (`#app`, the main UI's page). */
export function dashboardRoot(l: Loaded): Element {
  return l.frame.document.getElementById('app') as unknown as Element;
}

/** Components the filters let through: the filter bar's count ("9,259 components", "1,204 of 9,259 components"). */
function countShown(root: Element): number {
  return Number((root.querySelector('.mm-filter-count')?.textContent ?? '').split(' of ')[0]!.replace(/\D/g, ''));
}

/** Nothing in the dashboard marked busy (a first draw deferred, a page drawn a part a frame, a graph drawn in slices). */
function idle(root: Element): boolean {
  return root.querySelector('[aria-busy="true"]') === null;
}

/** The board drawn (its first items) and nothing busy: the dashboard open as a user sees it. */
export function boardShown(root: Element): string | null {
  const items = root.querySelectorAll(LISTS.board.items).length;
  return items > 0 && idle(root) ? `${items} board items` : null;
}

/** A tab's list shows its first page (or every component), drawn whole. */
function listShown(root: Element, tab: keyof typeof LISTS): string | null {
  const { page, items } = LISTS[tab];
  const drawn = root.querySelectorAll(items).length;
  return drawn >= Math.min(page, countShown(root)) && drawn > 0 && idle(root) ? `${drawn} ${tab === 'cards' ? 'cards' : 'rows'}` : null;
}

/** The graph tab shows its drawing or its notice (more components than it lays out), nothing busy. */
function graphShown(root: Element): string | null {
  const canvas = root.querySelector('.mm-panel-graph .mm-graph-canvas');
  if (!canvas || canvas.hasAttribute('aria-busy') || !idle(root)) return null;
  const notice = canvas.querySelector('.mm-graph-too-many');
  if (notice) return `the notice (${(notice.textContent ?? '').slice(0, 60)})`;
  const nodes = canvas.querySelectorAll('.mm-graph-nodes > *').length;
  return nodes > 0 ? `${nodes} graph nodes` : null;
}

/** What the act shows once it is done, or null while it is not. */
export function actShown(root: Element, act: DashboardAct): string | null {
  if (act.filter !== undefined) {
    const count = root.querySelector('.mm-filter-count')?.textContent ?? '';
    return count.includes(' of ') && boardShown(root) ? `${count}, ${boardShown(root)}` : null;
  }
  const tab = act.tab ?? 'board';
  if (root.querySelector(`[role="tab"][data-mm-tab="${tab}"]`)?.getAttribute('aria-selected') !== 'true') return null;
  return tab === 'graph' ? graphShown(root) : listShown(root, tab);
}

/** Run `fn` as one of the frame's tasks: a user's press or keystroke in the plugin's page. */
export function frameEvent(clock: TaskClock, what: string, fn: () => void): void {
  clock.wrap('frame', what, fn)();
}

/** The act: the tab pressed, or the filter typed (the value set and one `input` event), as one frame task. */
export function doAct(l: Loaded, clock: TaskClock, act: DashboardAct): void {
  const root = dashboardRoot(l);
  if (act.filter !== undefined) {
    const input = root.querySelector('input.mm-filter-text') as HTMLInputElement;
    frameEvent(clock, `type "${act.filter}" in the filter`, () => {
      input.value = act.filter!;
      input.dispatchEvent(new l.frame.Event('input', { bubbles: true }) as unknown as Event);
    });
    return;
  }
  const button = root.querySelector(`[role="tab"][data-mm-tab="${act.tab}"]`) as HTMLElement;
  frameEvent(clock, `press the ${act.tab} tab`, () => button.click());
}

/** The list a tab's "Show more" grows, and its button. */
export function listOf(tab: DashboardTab): { items: string; more: string } | null {
  if (tab === 'graph') return null;
  return { items: LISTS[tab].items, more: `.mm-panel-${tab} button.mm-show-more` };
}
