// @vitest-environment happy-dom
// Parts sized by a budget (pages.ts PageSlicing.budgetMs; the dashboard's table and cards,
// pacing.ts PART_BUDGET_MS): a part ends once it has run its budget on the context's clock, at
// least one item a task, at most its count. In the Logseq harness's frame 25 table rows were
// 20–30 ms of script, 3 cards up to 56 ms (benchmarks.md, sessions 23 and 24). Counted, not timed:
// the clock here is a count of what was drawn (and emptied), so each test knows its parts.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createIndex } from '../../src/core/index';
import { generateNotes } from '../../bench/generator/vault';
import { renderDashboard, renderTable, type DashboardView } from '../../src/render/index';
import { drawPaged, type PageSlicing } from '../../src/render/pages';
import { PART_BUDGET_MS } from '../../src/render/dashboard/pacing';
import { click, exampleFixture, taskQueue } from './helpers';

const ITEMS = Array.from({ length: 20 }, (_, i) => `item ${i + 1}`);

describe('a page drawn in parts of a budget', () => {
  /** Items that each take `cost` ms on the returned clock; tasks run by hand. */
  function costly(cost: number): { draw: (text: string) => HTMLElement; slicing: (perTask: number, budgetMs: number) => PageSlicing; run: () => Promise<boolean>; tick: (ms: number) => void } {
    let now = 0;
    let queue: Array<() => void> = [];
    return {
      draw: (text) => {
        now += cost;
        const li = document.createElement('li');
        li.textContent = text;
        return li;
      },
      slicing: (perTask, budgetMs) => ({ perTask, budgetMs, clock: () => now, nextTask: () => new Promise<void>((resolve) => queue.push(resolve)) }),
      run: async () => {
        const waiting = queue;
        queue = [];
        for (const resume of waiting) resume();
        await new Promise((resolve) => setTimeout(resolve, 0));
        return waiting.length > 0;
      },
      tick: (ms) => void (now += ms),
    };
  }

  it('ends a part once its budget is spent, at least one item and at most its count a task', async () => {
    const items = costly(5);
    const ul = document.createElement('ul');
    document.body.appendChild(ul);
    // 5 ms an item, a 12 ms budget: three items a part (5, 10, 15), where a count of 10 allows ten.
    drawPaged(document, ITEMS, ul, items.draw, 20, 'items', items.slicing(10, 12));
    const perTask = [ul.children.length];
    while (await items.run()) perTask.push(ul.children.length);
    expect(perTask).toEqual([3, 6, 9, 12, 15, 18, 20]);

    // A budget larger than the part's count: the count ends it.
    const wide = costly(1);
    const ol = document.createElement('ul');
    document.body.appendChild(ol);
    drawPaged(document, ITEMS, ol, wide.draw, 20, 'items', wide.slicing(4, 12));
    const wideParts = [ol.children.length];
    while (await wide.run()) wideParts.push(ol.children.length);
    expect(wideParts).toEqual([4, 8, 12, 16, 20]);
    ul.remove();
    ol.remove();
  });

  it('counts what its task did before the first part (`started`), and still draws one item', async () => {
    const items = costly(5);
    const ul = document.createElement('ul');
    document.body.appendChild(ul);
    const started = 0;
    items.tick(30); // the task spent 30 ms before it drew: its budget is gone
    drawPaged(document, ITEMS, ul, items.draw, 10, 'items', { ...items.slicing(10, 12), started });
    const perTask = [ul.children.length];
    while (await items.run()) perTask.push(ul.children.length);
    expect(perTask).toEqual([1, 4, 7, 10]);
    ul.remove();
  });
});

describe('the dashboard’s table and cards in parts of PART_BUDGET_MS', () => {
  const index = createIndex({});
  for (const note of generateNotes({ notes: 1300, seed: 7, bytes: [600, 1200] })) index.upsert(note.path, note.text);
  let view: DashboardView | null = null;
  afterEach(() => {
    view?.destroy();
    vi.restoreAllMocks();
  });

  /**
   * A dashboard whose clock counts work: each `tag` element created costs `cost` ms, each table
   * row removed `removed` ms. `work(act)` runs the act and then every task, and says how many
   * `tag` elements each task created.
   */
  async function dashboard(tag: string, cost: number, removed = 0): Promise<{ view: DashboardView; work: (act: () => void) => Promise<number[]> }> {
    const tasks = taskQueue();
    let now = 0;
    let made = 0;
    const { ctx } = exampleFixture({ nextTask: () => new Promise<void>((resolve) => tasks.push(resolve)), clock: () => now }, index);
    const create = document.createElement.bind(document);
    vi.spyOn(document, 'createElement').mockImplementation(((name: string) => {
      if (name === tag) [now, made] = [now + cost, made + 1];
      return create(name);
    }) as typeof document.createElement);
    const remove = Element.prototype.removeChild;
    vi.spyOn(Element.prototype, 'removeChild').mockImplementation(function (this: Element, child: Node) {
      if ((child as Element).tagName === 'TR') now += removed;
      return remove.call(this, child);
    } as typeof Element.prototype.removeChild);
    const shown = renderDashboard(ctx, {});
    document.body.appendChild(shown.element);
    for (let run = await tasks.next(); run !== null; run = await tasks.next()) run();
    const work = async (act: () => void): Promise<number[]> => {
      const perTask: number[] = [];
      const measure = async (run: () => void) => {
        made = 0;
        run();
        await new Promise((resolve) => setTimeout(resolve, 0));
        perTask.push(made);
      };
      await measure(act);
      for (let run = await tasks.next(); run !== null; run = await tasks.next()) await measure(run);
      return perTask.filter((n) => n > 0);
    };
    return { view: shown, work };
  }

  const rowIds = (el: Element) => [...el.querySelectorAll('.mm-table tbody tr')].map((tr) => tr.getAttribute('data-mm-id'));

  it('draws the table’s first page a budget’s worth of rows a task, ending as the page drawn at once', async () => {
    // 4 ms a row: three rows a part (4, 8, 12), where the count alone allows 25.
    const d = await dashboard('tr', 4);
    view = d.view;
    const perTask = await d.work(() => d.view.setTab('table'));
    // Main: [1 (the header row), 25, 25, 25, 25].
    expect(perTask[0]).toBe(1);
    expect(perTask.slice(1, -1).every((n) => n === 3)).toBe(true);
    expect(perTask.slice(1).reduce((a, b) => a + b, 0)).toBe(100);
    const atOnce = renderTable(index.components(), exampleFixture({}, index).ctx, { pageSize: 100 });
    expect(rowIds(d.view.element)).toEqual(rowIds(atOnce));
    expect(d.view.element.querySelector('.mm-panel-table [aria-busy]')).toBeNull();
    expect(PART_BUDGET_MS).toBe(12);
  });

  it('counts the rows a header press empties against its first part', async () => {
    // Each row removed costs 1 ms: emptying the 100 rows shown spends the first part's budget.
    const d = await dashboard('tr', 4, 1);
    view = d.view;
    await d.work(() => d.view.setTab('table'));
    const perTask = await d.work(() => click(d.view.element.querySelector<HTMLButtonElement>('.mm-table button.mm-sort[title="Sort by owner"]')!));
    // Main: [25, 25, 25, 25].
    expect(perTask[0]).toBe(1);
    expect(perTask.slice(1, -1).every((n) => n === 3)).toBe(true);
    expect(perTask.reduce((a, b) => a + b, 0)).toBe(100);
    expect(d.view.element.querySelector('th.mm-col-owner')?.getAttribute('aria-sort')).toBe('ascending');
  });

  it('draws the cards two a task when a card takes 7 ms', async () => {
    const d = await dashboard('article', 7);
    view = d.view;
    const perTask = await d.work(() => d.view.setTab('cards'));
    // Main: [3, 3, 3, 3].
    expect(perTask).toEqual([2, 2, 2, 2, 2, 2]);
    expect(d.view.element.querySelectorAll('.mm-panel-cards .mm-card-grid > .mm-card')).toHaveLength(12);
  });
});
