// @vitest-environment happy-dom
// The dashboard's deferred first draw in tasks a host can keep short (the 50 ms rule): filtering
// every component in one task, the board's first items in the next, ending as the board drawn at
// once. The board's task draws what a screen shows of each column (the first paint is that task's
// work) within 24 items; every later task a part (8 items) at most. Counted, not timed: what each
// task reads and draws. In the Logseq harness at 10k pages, the first draw filtered 9,259
// components and drew 4 × 8 board items in one task of 31–54 ms (benchmarks.md, sessions 17 and
// 18); session 18 then drew 2 a column there and the columns grew over the next frames.
import { describe, expect, it } from 'vitest';
import { createIndex } from '../../src/core/index';
import { generateNotes } from '../../bench/generator/vault';
import { renderBoard, renderDashboard, type ViewContext } from '../../src/render/index';
import { exampleFixture, taskQueue } from './helpers';


const items = (el: Element) => [...el.querySelectorAll('.mm-board-item')].map((a) => a.getAttribute('data-mm-id'));

/** Run the host's tasks one at a time; what each read and drew, and the columns' items after each. */
async function runTasks(tasks: ReturnType<typeof taskQueue>, view: { element: HTMLElement }, reads: () => number): Promise<Array<{ reads: number; drawn: number; columns: number[] }>> {
  const perTask: Array<{ reads: number; drawn: number; columns: number[] }> = [];
  for (let run = await tasks.next(); run !== null; run = await tasks.next()) {
    const [readsBefore, drawnBefore] = [reads(), items(view.element).length];
    run();
    await new Promise((resolve) => setTimeout(resolve, 0));
    const columns = [...view.element.querySelectorAll('.mm-board-column')].map((col) => col.querySelectorAll('.mm-board-item').length);
    perTask.push({ reads: reads() - readsBefore, drawn: items(view.element).length - drawnBefore, columns });
  }
  return perTask;
}

describe('the dashboard’s deferred first draw', () => {
  const index = createIndex({});
  for (const note of generateNotes({ notes: 300, seed: 5 })) index.upsert(note.path, note.text);

  it('filters in a task of its own, then draws a screenful of each column in the board’s task and at most 8 items a later task, ending as the board drawn at once', async () => {
    const tasks = taskQueue();
    const base = exampleFixture({ nextTask: () => new Promise<void>((resolve) => tasks.push(resolve)) }, index).ctx;
    let reads = 0;
    const ctx: ViewContext = { ...base, components: () => (reads++, base.components()) };
    const whole = renderBoard(index.components(), base, { headingLevel: 2, pageSize: 30 });
    const view = renderDashboard(ctx, { defer: (draw) => tasks.push(draw) });
    document.body.appendChild(view.element);
    expect(items(view.element)).toHaveLength(0);
    const perTask = await runTasks(tasks, view, () => reads);
    expect(perTask.filter((t) => t.reads > 0)).toEqual([{ reads: 1, drawn: 0, columns: [] }]);
    // The board's task: each column as many items as fill the window (768 px in happy-dom, an item
    // ~96 px: 8), or all it has; 24 at most in all (three columns here).
    const board = perTask.findIndex((t) => t.drawn > 0);
    const lengths = [...whole.querySelectorAll('.mm-board-column')].map((col) => col.querySelectorAll('.mm-board-item').length);
    expect(lengths.filter((n) => n > 8).length).toBeGreaterThanOrEqual(2);
    expect(window.innerHeight).toBe(768);
    expect(perTask[board]!.columns).toEqual(lengths.map((n) => Math.min(n, 8)));
    expect(perTask[board]!.drawn).toBeLessThanOrEqual(24);
    expect(Math.max(...perTask.slice(board + 1).map((t) => t.drawn))).toBeLessThanOrEqual(8);
    expect(items(view.element)).toEqual(items(whole));
    expect(view.element.querySelector('[aria-busy="true"]')).toBeNull();
    view.destroy();
  });

  // A short window: 5 a column (400 / 96); a tall one: ~21 a column, but the columns share 24.
  it.each([{ height: 400, perColumn: 5 }, { height: 2000, perColumn: 8 }])('on a $height px window the board’s task draws $perColumn a column (24 at most in all)', async ({ height, perColumn }) => {
    const tasks = taskQueue();
    const ctx = exampleFixture({ nextTask: () => new Promise<void>((resolve) => tasks.push(resolve)) }, index).ctx;
    const saved = Object.getOwnPropertyDescriptor(window, 'innerHeight');
    Object.defineProperty(window, 'innerHeight', { configurable: true, value: height });
    try {
      const view = renderDashboard(ctx, { defer: (draw) => tasks.push(draw) });
      document.body.appendChild(view.element);
      const perTask = await runTasks(tasks, view, () => 0);
      const board = perTask.find((t) => t.drawn > 0)!;
      const lengths = [...renderBoard(index.components(), ctx, { headingLevel: 2 }).querySelectorAll('.mm-board-column')].map((col) => col.querySelectorAll('.mm-board-item').length);
      expect(lengths.filter((n) => n > 0)).toHaveLength(3);
      expect(board.columns).toEqual(lengths.map((n) => Math.min(n, perColumn)));
      expect(board.drawn).toBeLessThanOrEqual(24);
      view.destroy();
    } finally {
      if (saved) Object.defineProperty(window, 'innerHeight', saved);
      else Reflect.deleteProperty(window, 'innerHeight');
    }
  });
});

describe('the shown component’s mark', () => {
  const index = createIndex({});
  for (const note of generateNotes({ notes: 300, seed: 5 })) index.upsert(note.path, note.text);

  it('is searched for in the panels only once a component has been shown: a first open searches nothing, a show and a close mark and clear', async () => {
    const tasks = taskQueue();
    const ctx = exampleFixture({ nextTask: () => new Promise<void>((resolve) => tasks.push(resolve)) }, index).ctx;
    const view = renderDashboard(ctx, { defer: (draw) => tasks.push(draw) });
    document.body.appendChild(view.element);
    const holder = view.element.querySelector('.mm-dash-body > :first-child')!;
    const all = holder.querySelectorAll.bind(holder);
    // Searches of the panels: a walk over every element drawn in them (2–9 ms of the board's first task at 10k in the Obsidian harness).
    let searches = 0;
    holder.querySelectorAll = ((selectors: string) => (searches++, all(selectors))) as typeof holder.querySelectorAll;
    await runTasks(tasks, view, () => 0);
    expect(items(view.element).length).toBeGreaterThan(0);
    expect(searches).toBe(0);

    const id = items(view.element)[3]!;
    view.show(id);
    expect(searches).toBeGreaterThan(0);
    expect([...view.element.querySelectorAll('.mm-current')].map((el) => el.getAttribute('data-mm-id'))).toEqual([id]);
    // The board drawn again while it is shown: marked again.
    view.refresh();
    expect([...view.element.querySelectorAll('.mm-current')].map((el) => el.getAttribute('data-mm-id'))).toEqual([id]);
    view.element.querySelector<HTMLButtonElement>('.mm-details-close')!.click();
    expect(view.element.querySelectorAll('.mm-current')).toHaveLength(0);
    // Nothing shown and nothing left marked: the next draw searches nothing.
    searches = 0;
    view.refresh();
    expect(searches).toBe(0);
    view.destroy();
  });
});
