// @vitest-environment happy-dom
// Long pages drawn a part a task (pages.ts PageSlicing): the dashboard's table rows, timeline rows
// and cards. Each task draws at most its part, the page ends up as the one drawn at once, "Show
// more" waits for the page (and remembers a press made meanwhile), and a page whose list was
// replaced or taken away stops being drawn.
import { describe, expect, it } from 'vitest';
import { createIndex } from '../../src/core/index';
import { generateNotes } from '../../bench/generator/vault';
import { renderBoard, renderDashboard, renderTable } from '../../src/render/index';
import { drawPaged, frameSlicing, type PageSlicing } from '../../src/render/pages';
import { click, exampleFixture, textOf } from './helpers';

/** A task queue the test runs by hand, counting what each task draws. */
function manualTasks(): { slicing: (perTask: number) => PageSlicing; run: () => Promise<number>; pending: () => number } {
  let queue: Array<() => void> = [];
  return {
    slicing: (perTask) => ({ perTask, nextTask: () => new Promise<void>((resolve) => queue.push(resolve)) }),
    pending: () => queue.length,
    /** Run the tasks waiting now (each resumes one drawing), and the promise jobs they start. */
    run: async () => {
      const now = queue;
      queue = [];
      for (const resume of now) resume();
      await new Promise((resolve) => setTimeout(resolve, 0));
      return now.length;
    },
  };
}

function list(): HTMLUListElement {
  const ul = document.createElement('ul');
  document.body.appendChild(ul);
  return ul;
}

const ITEMS = Array.from({ length: 23 }, (_, i) => `item ${i + 1}`);
const item = (text: string) => {
  const li = document.createElement('li');
  const a = document.createElement('a');
  a.href = '#';
  a.textContent = text;
  li.appendChild(a);
  return li;
};
const texts = (ul: HTMLElement) => [...ul.querySelectorAll('li')].map((li) => li.textContent);

describe('a page drawn a part a task', () => {
  it('draws at most its part a task, is busy meanwhile, and shows "Show more" when the page is drawn', async () => {
    const tasks = manualTasks();
    const ul = list();
    const paged = drawPaged(document, ITEMS, ul, item, 10, 'items', tasks.slicing(3));
    document.body.appendChild(paged.more!);
    const drawnPerTask = [texts(ul).length];
    expect(ul.getAttribute('aria-busy')).toBe('true');
    expect(paged.more!.hidden).toBe(true);
    while (tasks.pending() > 0) {
      await tasks.run();
      drawnPerTask.push(texts(ul).length);
    }
    expect(drawnPerTask).toEqual([3, 6, 9, 10]);
    expect(ul.hasAttribute('aria-busy')).toBe(false);
    expect(paged.more!.hidden).toBe(false);
    expect(textOf(paged.more!)).toBe('Show 10 more items (13 not shown)');
    expect(texts(ul)).toEqual(ITEMS.slice(0, 10));
    paged.more!.remove();
    ul.remove();
  });

  it('remembers a press made while a page is drawn, and moves focus to the last page’s first item', async () => {
    const tasks = manualTasks();
    const ul = list();
    const paged = drawPaged(document, ITEMS, ul, item, 10, 'items', tasks.slicing(4));
    document.body.appendChild(paged.more!);
    while (tasks.pending() > 0) await tasks.run();
    click(paged.more!); // the second page starts: 4 of it now
    click(paged.more!); // pressed again while it is drawn: the third page follows it
    expect(texts(ul)).toHaveLength(14);
    while (tasks.pending() > 0) await tasks.run();
    expect(texts(ul)).toEqual(ITEMS);
    expect(paged.more!.isConnected).toBe(false);
    expect(document.activeElement?.textContent).toBe('item 21');
    ul.remove();
  });

  it('stops when its list is taken out of the page, or on stop()', async () => {
    const tasks = manualTasks();
    const taken = list();
    drawPaged(document, ITEMS, taken, item, 20, 'items', tasks.slicing(5));
    await tasks.run(); // drawn in the page: 10 so far
    taken.remove();
    while (tasks.pending() > 0) await tasks.run();
    expect(texts(taken)).toHaveLength(10);

    const stopped = list();
    const paged = drawPaged(document, ITEMS, stopped, item, 20, 'items', tasks.slicing(5));
    paged.stop();
    while (tasks.pending() > 0) await tasks.run();
    expect(texts(stopped)).toHaveLength(5);
    stopped.remove();
  });

  it('parts a frame apart where the window has animation frames', async () => {
    let frames = 0;
    const view = document.defaultView!;
    const original = view.requestAnimationFrame.bind(view);
    view.requestAnimationFrame = (callback: FrameRequestCallback) => {
      frames++;
      return original(callback);
    };
    try {
      let tasks = 0;
      const slicing = frameSlicing(document, 2, () => new Promise<void>((resolve) => void (tasks++, setTimeout(resolve, 0))));
      const ul = list();
      drawPaged(document, ITEMS.slice(0, 6), ul, item, 6, 'items', slicing);
      await expect.poll(() => texts(ul).length).toBe(6);
      expect([frames, tasks]).toEqual([2, 2]);
      ul.remove();
    } finally {
      view.requestAnimationFrame = original;
    }
  });
});

describe('the dashboard’s sliced lists', () => {
  const { index, ctx } = exampleFixture();
  const all = index.components();

  it('a table re-sorted while its page is drawn shows the new order only', async () => {
    const tasks = manualTasks();
    const whole = [...renderTable(all, ctx).querySelectorAll('tbody tr')].map((r) => r.getAttribute('data-mm-id'));
    const table = renderTable(all, ctx, { pageSize: 12, slicing: tasks.slicing(4) });
    document.body.appendChild(table);
    await tasks.run();
    click(table.querySelectorAll<HTMLButtonElement>('thead button')[0]!); // by name, descending
    while (tasks.pending() > 0) await tasks.run();
    const rows = [...table.querySelectorAll('tbody tr')].map((r) => r.getAttribute('data-mm-id'));
    expect(rows).toEqual([...whole].reverse().slice(0, 12));
    table.remove();
  });

  it('draws the cards and table tabs a part a task, ending as the pages drawn at once', async () => {
    let tasks = 0;
    const counting = exampleFixture({ nextTask: () => new Promise<void>((resolve) => void (tasks++, setTimeout(resolve, 0))) });
    const view = renderDashboard(counting.ctx);
    document.body.appendChild(view.element);
    const panel = (tab: string) => view.element.querySelector<HTMLElement>(`.mm-panel-${tab}`)!;
    const tabButton = (tab: string) => view.element.querySelector<HTMLElement>(`[data-mm-tab="${tab}"]`)!;
    click(tabButton('cards'));
    // 12 cards a page, 3 a task: the first part now, the rest after three tasks.
    expect(panel('cards').querySelectorAll('.mm-card-grid > .mm-card')).toHaveLength(3);
    await expect.poll(() => panel('cards').querySelectorAll('.mm-card-grid > .mm-card').length).toBe(12);
    expect(tasks).toBeGreaterThanOrEqual(3);
    const cardIds = [...panel('cards').querySelectorAll('.mm-card-grid > .mm-card')].map((c) => c.getAttribute('data-mm-id'));
    expect(cardIds).toEqual(all.slice(0, 12).map((c) => c.id));
    click(tabButton('table'));
    await expect.poll(() => panel('table').querySelectorAll('tbody tr').length).toBe(all.length);
    expect(panel('table').querySelector('[aria-busy="true"]')).toBeNull();
    view.destroy?.();
    view.element.remove();
  });
});

describe('the dashboard’s board drawn a part a task', () => {
  const index = createIndex({});
  for (const note of generateNotes({ notes: 300, seed: 5 })) index.upsert(note.path, note.text);
  const items = (el: Element) => [...el.querySelectorAll('.mm-board-item')].map((a) => a.getAttribute('data-mm-id'));

  it('draws a screenful of each column with the header (24 items at most), then each column’s page 8 items a task, ending as the board drawn at once', async () => {
    let tasks = 0;
    const { ctx } = exampleFixture({ nextTask: () => new Promise<void>((resolve) => void (tasks++, setTimeout(resolve, 0))) }, index);
    const columns = [...renderBoard(index.components(), ctx, { headingLevel: 2, pageSize: 30 }).querySelectorAll('.mm-board-column')];
    const whole = columns.flatMap((col) => items(col));
    // At least two columns hold more than a screenful: the first task draws a screenful of each
    // (happy-dom's window is 768 px, ~8 items of ~96 px), within 24 items shared by the columns.
    expect(columns.filter((col) => col.querySelectorAll('.mm-board-item').length > 8).length).toBeGreaterThanOrEqual(2);
    const filled = columns.filter((col) => col.querySelectorAll('.mm-board-item').length > 0);
    const share = Math.min(8, Math.floor(24 / filled.length));
    const firstPart = filled.reduce((n, col) => n + Math.min(share, col.querySelectorAll('.mm-board-item').length), 0);
    expect(firstPart).toBeLessThanOrEqual(24);
    const view = renderDashboard(ctx);
    document.body.appendChild(view.element);
    expect(view.element.querySelectorAll('.mm-board-item')).toHaveLength(firstPart);
    expect(view.element.querySelector('.mm-board-items[aria-busy="true"]')).not.toBeNull();
    await expect.poll(() => view.element.querySelectorAll('.mm-board-item').length).toBe(whole.length);
    expect(tasks).toBeGreaterThanOrEqual(3);
    expect(view.element.querySelector('.mm-board [aria-busy="true"]')).toBeNull();
    expect([...view.element.querySelectorAll('.mm-board-column')].flatMap((col) => items(col))).toEqual(whole);
    view.destroy();
  });

  it('marks the shown component where a later part of the board draws it', async () => {
    const { ctx } = exampleFixture({ nextTask: () => new Promise<void>((resolve) => void setTimeout(resolve, 0)) }, index);
    const column = [...renderBoard(index.components(), ctx, { headingLevel: 2, pageSize: 30 }).querySelectorAll('.mm-board-column')].find((col) => col.querySelectorAll('.mm-board-item').length > 8)!;
    const late = items(column)[8]!;
    const view = renderDashboard(ctx);
    document.body.appendChild(view.element);
    view.show(late);
    expect(view.element.querySelector(`.mm-board-item[data-mm-id="${CSS.escape(late)}"]`)).toBeNull();
    const marked = () => view.element.querySelector('.mm-board-item.mm-current')?.getAttribute('data-mm-id');
    await expect.poll(marked).toBe(late);
    expect(view.element.querySelectorAll('.mm-current')).toHaveLength(1);
    view.destroy();
  });
});
