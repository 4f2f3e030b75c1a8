// @vitest-environment happy-dom
// The dashboard's table over many components (more than the table sorts at once): the tab's own
// task, or a header press's, sorts nothing and draws no row; the sort runs in the next task, the
// first rows in the one after, and the table ends as the one drawn at once. Counted, not timed:
// what each task read and drew. At 10k notes (9,259 components) the tab's task sorted every
// component and drew its first 25 rows: 35–80 ms of Chromium's CPU (benchmarks.md, session 22).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createIndex } from '../../src/core/index';
import { generateNotes } from '../../bench/generator/vault';
import { DEFAULT_COLUMNS, renderDashboard, renderTable, sortByColumn, type DashboardView, type ViewContext } from '../../src/render/index';
import { exampleFixture, taskQueue } from './helpers';


interface TaskWork {
  /** Reads of the name order (each sort reads it once to rank names). */
  sorts: number;
  /** Table rows created. */
  rows: number;
}

const rowIds = (el: Element) => [...el.querySelectorAll('.mm-table tbody tr')].map((tr) => tr.getAttribute('data-mm-id'));

const index = createIndex({});
for (const note of generateNotes({ notes: 1300, seed: 7, bytes: [600, 1200] })) index.upsert(note.path, note.text);

/** A dashboard over `index` with its first draw done; `work(act)` runs the act and then the host's tasks, and says what each read and drew. */
async function dashboard(): Promise<{ view: DashboardView; base: ViewContext; work: (act: () => void) => Promise<TaskWork[]> }> {
  const tasks = taskQueue();
  const base = exampleFixture({ nextTask: () => new Promise<void>((resolve) => tasks.push(resolve)) }, index).ctx;
  let sorts = 0;
  const ctx: ViewContext = { ...base, ids: () => (sorts++, base.ids()) };
  let rows = 0;
  const create = document.createElement.bind(document);
  vi.spyOn(document, 'createElement').mockImplementation(((tag: string) => (tag === 'tr' && rows++, create(tag))) as typeof document.createElement);
  const shown = renderDashboard(ctx, {});
  document.body.appendChild(shown.element);
  for (let run = await tasks.next(); run !== null; run = await tasks.next()) run();
  const work = async (act: () => void): Promise<TaskWork[]> => {
    const perTask: TaskWork[] = [];
    // A task's run resolves the awaited promise: what follows it runs in its microtasks, done by the next macrotask.
    const measure = async (run: () => void) => {
      [sorts, rows] = [0, 0];
      run();
      await new Promise((resolve) => setTimeout(resolve, 0));
      perTask.push({ sorts, rows });
    };
    await measure(act);
    for (let run = await tasks.next(); run !== null; run = await tasks.next()) await measure(run);
    return perTask.filter((t, i) => i === 0 || t.sorts > 0 || t.rows > 0);
  };
  return { view: shown, base, work };
}

/** A press on the dashboard table's header button titled `title`. */
const press = (view: DashboardView, title: string) => view.element.querySelector<HTMLButtonElement>(`.mm-table button.mm-sort[title="${title}"]`)!.click();

/** The first page's ids in a column's ascending order, sorted at once. */
const sortedAtOnce = (id: string, ctx: ViewContext) => sortByColumn(index.components(), DEFAULT_COLUMNS.find((c) => c.id === id)!, 'asc', ctx).slice(0, 100).map((c) => c.id);

describe('the dashboard’s table over more components than it sorts at once', () => {
  let view: DashboardView | null = null;
  afterEach(() => {
    view?.destroy();
    vi.restoreAllMocks();
  });

  it('sorts in a task after the tab’s and draws the first rows in the one after, ending as the table drawn at once', async () => {
    expect(index.ids().length).toBeGreaterThan(1000);
    const d = await dashboard();
    view = d.view;
    const perTask = await d.work(() => d.view.setTab('table'));
    // Before: [{ sorts: 1, rows: 26 }, { sorts: 0, rows: 25 } × 3]: the tab's task sorted and drew.
    // The tab's task draws the header row only.
    expect(perTask).toEqual([{ sorts: 0, rows: 1 }, { sorts: 1, rows: 0 }, { sorts: 0, rows: 25 }, { sorts: 0, rows: 25 }, { sorts: 0, rows: 25 }, { sorts: 0, rows: 25 }]);
    const atOnce = renderTable(index.components(), d.base, { pageSize: 100 });
    expect(rowIds(d.view.element)).toEqual(rowIds(atOnce));
    expect(d.view.element.querySelector('.mm-table [aria-busy]')).toBeNull();
    expect(d.view.element.querySelector('th.mm-col-name')?.getAttribute('aria-sort')).toBe('ascending');
  });

  it('sorts a header press’s order in a task of its own, keeping the rows shown until the new ones are drawn; the order is the one sorted at once', async () => {
    const d = await dashboard();
    view = d.view;
    await d.work(() => d.view.setTab('table'));
    const before = rowIds(d.view.element);
    let busyAfterPress = false;
    let shownAfterPress: Array<string | null> = [];
    const perTask = await d.work(() => {
      press(d.view, 'Sort by owner');
      busyAfterPress = d.view.element.querySelector('.mm-table tbody')?.getAttribute('aria-busy') === 'true';
      shownAfterPress = rowIds(d.view.element);
    });
    // Before: [{ sorts: 1, rows: 25 }, { sorts: 0, rows: 25 } × 3].
    expect(perTask).toEqual([{ sorts: 0, rows: 0 }, { sorts: 1, rows: 0 }, { sorts: 0, rows: 25 }, { sorts: 0, rows: 25 }, { sorts: 0, rows: 25 }, { sorts: 0, rows: 25 }]);
    expect(busyAfterPress).toBe(true);
    expect(shownAfterPress).toEqual(before);
    const sorted = sortedAtOnce('owner', d.base);
    expect(rowIds(d.view.element)).toEqual(sorted);
    expect(sorted).not.toEqual(before);
    expect(d.view.element.querySelector('th.mm-col-owner')?.getAttribute('aria-sort')).toBe('ascending');
    expect(d.view.element.querySelector('th.mm-col-name')?.getAttribute('aria-sort')).toBe('none');
  });

  it('draws only the last of two presses made before the first was sorted', async () => {
    const d = await dashboard();
    view = d.view;
    await d.work(() => d.view.setTab('table'));
    const perTask = await d.work(() => {
      press(d.view, 'Sort by owner');
      press(d.view, 'Sort by group');
    });
    expect(perTask.reduce((n, t) => n + t.sorts, 0)).toBe(1);
    expect(perTask.reduce((n, t) => n + t.rows, 0)).toBe(100);
    expect(rowIds(d.view.element)).toEqual(sortedAtOnce('group', d.base));
  });
});
