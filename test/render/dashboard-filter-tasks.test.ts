// @vitest-environment happy-dom
// A filter change on a dashboard over many components (more than it draws for at once): the
// keystroke's task filters every component and says how many match, and draws nothing; the shown
// panel is drawn in the host's next task, once however many changes came before it, and ends as
// the panel drawn at once. Counted, not timed: what each task read and drew. At 10k pages (9,259
// components) the keystroke's task filtered them and drew the board's first part: 49–70 ms of the
// Logseq harness's frame (benchmarks.md, session 23).
import { describe, expect, it } from 'vitest';
import { createIndex } from '../../src/core/index';
import { generateNotes } from '../../bench/generator/vault';
import { renderBoard, renderDashboard, type DashboardView, type ViewContext } from '../../src/render/index';
import { filterComponents } from '../../src/render/dashboard/filter';
import { exampleFixture, taskQueue } from './helpers';

interface TaskWork {
  /** Walks of every component (a filter reads them once). */
  filters: number;
  /** Board items created. */
  items: number;
}

const index = createIndex({});
for (const note of generateNotes({ notes: 1300, seed: 7, bytes: [600, 1200] })) index.upsert(note.path, note.text);

const itemIds = (el: Element) => [...el.querySelectorAll('.mm-board-item')].map((a) => a.getAttribute('data-mm-id'));

/** A dashboard over `index`, its board drawn; `work(act)` runs the act, then the host's tasks one at a time, and says what each read and drew. */
async function dashboard(): Promise<{ view: DashboardView; base: ViewContext; work: (act: () => void) => Promise<TaskWork[]> }> {
  const tasks = taskQueue();
  const base = exampleFixture({ nextTask: () => new Promise<void>((resolve) => tasks.push(resolve)) }, index).ctx;
  let filters = 0;
  const ctx: ViewContext = { ...base, components: () => (filters++, base.components()) };
  const view = renderDashboard(ctx, {});
  document.body.replaceChildren(view.element);
  for (let run = await tasks.next(); run !== null; run = await tasks.next()) run();
  const work = async (act: () => void): Promise<TaskWork[]> => {
    const perTask: TaskWork[] = [];
    const measure = async (run: () => void) => {
      filters = 0;
      const drawnBefore = new Set(view.element.querySelectorAll('.mm-board-item'));
      run();
      await new Promise((resolve) => setTimeout(resolve, 0));
      const now = [...view.element.querySelectorAll('.mm-board-item')];
      perTask.push({ filters, items: now.filter((el) => !drawnBefore.has(el)).length });
    };
    await measure(act);
    for (let run = await tasks.next(); run !== null; run = await tasks.next()) await measure(run);
    return perTask.filter((t, i) => i === 0 || t.filters > 0 || t.items > 0);
  };
  return { view, base, work };
}

function type(view: DashboardView, text: string): void {
  const input = view.element.querySelector<HTMLInputElement>('input.mm-filter-text')!;
  input.value = text;
  input.dispatchEvent(new Event('input'));
}

/** The board's first page of `text`'s results, drawn at once. */
const boardAtOnce = (text: string, ctx: ViewContext) => itemIds(renderBoard(filterComponents(index.components(), { text }, ctx), ctx, { headingLevel: 2, pageSize: 30 }));

describe('a filter change on a dashboard over more components than it draws for at once', () => {
  it('filters in the keystroke’s task and draws the board in the next, ending as drawn at once', async () => {
    expect(index.ids().length).toBeGreaterThan(1000);
    const { view, base, work } = await dashboard();
    const holder = view.element.querySelector('.mm-panels')!;
    let busyAfterKey: string | null = null;
    const perTask = await work(() => {
      type(view, 'pay');
      busyAfterKey = holder.getAttribute('aria-busy');
    });
    // The keystroke's task: one walk, the count, no item drawn (the old board kept, busy).
    const matches = filterComponents(index.components(), { text: 'pay' }, base).length;
    expect(matches).toBeGreaterThan(30);
    expect(perTask[0]).toEqual({ filters: 1, items: 0 });
    expect(busyAfterKey).toBe('true');
    expect(view.element.querySelector('.mm-filter-count')!.textContent).toMatch(new RegExp(`^${matches} of [\\d,]+ components$`));
    // The next task draws the board's first part; later tasks a part each; no task filters again.
    expect(perTask[1]!.items).toBeGreaterThan(0);
    expect(perTask[1]!.items).toBeLessThanOrEqual(24);
    expect(perTask.slice(1).every((t) => t.filters === 0 && t.items <= 24)).toBe(true);
    expect(itemIds(view.element)).toEqual(boardAtOnce('pay', base));
    expect(holder.hasAttribute('aria-busy')).toBe(false);
    view.destroy();
  });

  it('draws once for changes that came before its task, with the last change’s results', async () => {
    const { view, base, work } = await dashboard();
    const perTask = await work(() => {
      type(view, 'pa');
      type(view, 'pay');
    });
    expect(perTask[0]).toEqual({ filters: 2, items: 0 });
    // One board drawn: its first part in one task, no part drawn twice.
    const drawn = perTask.reduce((n, t) => n + t.items, 0);
    expect(drawn).toBe(boardAtOnce('pay', base).length);
    expect(itemIds(view.element)).toEqual(boardAtOnce('pay', base));
    view.destroy();
  });
});
