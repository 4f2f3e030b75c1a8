// @vitest-environment happy-dom
// The standalone page's first draw, task by task (src/render/dashboard/main.ts): the data's maps
// and the context, the header and filters, the filters run over every component, then the board's
// first screenful, each in a task of its own, and the page shows the dashboard in the board's task
// (so the first paint is the header and the board together, as when drawn at once). Counted, not
// timed: what each task created and drew. At 10k notes (9,259 components) all of it was one task
// of 100–200 ms in Chromium (benchmarks.md, session 21).
import { describe, expect, it, vi } from 'vitest';
import { mountPageData } from '../helpers/standalone-page';
import { atEachTask, element } from '../obsidian/view-work';

interface TaskWork {
  /** The header's per-stage summary was built. */
  summary: boolean;
  /** The filters' count was written (the filters ran over every component). */
  counted: boolean;
  /** Board items created. */
  boardItems: number;
  /** The dashboard was put in the page. */
  shown: boolean;
}

describe('the standalone page’s first draw', () => {
  it('builds the header, runs the filters and draws the board’s first part in tasks of their own, and shows the page with the board', async () => {
    const { mount, index } = mountPageData(300, 5);

    let created: Element[] = [];
    const create = document.createElement.bind(document);
    vi.spyOn(document, 'createElement').mockImplementation(((tag: string) => {
      const el = create(tag);
      created.push(el);
      return el;
    }) as typeof document.createElement);
    const tasks: TaskWork[] = [];
    let count: Element | null = null;
    let countText = '';
    let shownBefore = false;
    const boundary = () => {
      count ??= created.find((el) => el.classList.contains('mm-filter-count')) ?? null;
      const shown = !shownBefore && mount.querySelector('.mm-dashboard') !== null;
      const work: TaskWork = {
        summary: created.some((el) => el.classList.contains('mm-summary')),
        counted: (count?.textContent ?? '') !== countText,
        boardItems: created.filter((el) => el.classList.contains('mm-board-item')).length,
        shown,
      };
      if (work.summary || work.counted || work.boardItems > 0 || work.shown) tasks.push(work);
      created = [];
      countText = count?.textContent ?? '';
      shownBefore ||= shown;
    };
    vi.resetModules(); // the page's script mounts when it loads: load it anew (test files share modules)
    await atEachTask(boundary, async () => {
      await import('../../src/render/dashboard/main');
      await element(() => mount.querySelector('.mm-board-item'));
    });

    const at = (test: (t: TaskWork) => boolean) => tasks.findIndex(test);
    const header = at((t) => t.summary);
    const filters = at((t) => t.counted);
    const board = at((t) => t.boardItems > 0);
    expect(header).toBeGreaterThanOrEqual(0);
    // Before: [{ summary: true, counted: true, boardItems: 24, shown: true }], all in one task.
    expect(tasks[header]).toEqual({ summary: true, counted: false, boardItems: 0, shown: false });
    expect(tasks[filters]).toEqual({ summary: false, counted: true, boardItems: 0, shown: false });
    expect(tasks[board]).toMatchObject({ summary: false, counted: false, shown: true });
    expect(tasks[board]!.boardItems).toBeLessThanOrEqual(24);
    expect(header < filters && filters < board).toBe(true);
    expect(mount.querySelector('.mm-filter-count')?.textContent).toBe(`${index.ids().length} components`);
  });
});
