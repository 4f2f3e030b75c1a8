// @vitest-environment happy-dom
// The dashboard's deferred first draw in tasks a host can keep short (the 50 ms rule): filtering
// every component in one task, the board's first items in the next, at most a part (8 items) a
// task, ending as the board drawn at once. Counted, not timed: what each task reads and draws.
// In the Logseq harness at 10k pages, the first draw filtered 9,259 components and drew 4 × 8
// board items in one task of 31–54 ms (benchmarks.md, sessions 17 and 18).
import { describe, expect, it } from 'vitest';
import { createIndex } from '../../src/core/index';
import { generateNotes } from '../../bench/generator/vault';
import { renderBoard, renderDashboard, type ViewContext } from '../../src/render/index';
import { exampleFixture } from './helpers';

/** One queue for the host's `defer` and the context's `nextTask`: the test runs the tasks one at a time. */
function taskQueue(): { push: (run: () => void) => void; next: () => Promise<(() => void) | null> } {
  const queue: Array<() => void> = [];
  return {
    push: (run) => void queue.push(run),
    // A part waits for an animation frame before it asks for its task: wait for it a little.
    async next() {
      for (let k = 0; k < 40 && queue.length === 0; k++) await new Promise((resolve) => setTimeout(resolve, 5));
      return queue.shift() ?? null;
    },
  };
}

describe('the dashboard’s deferred first draw', () => {
  const index = createIndex({});
  for (const note of generateNotes({ notes: 300, seed: 5 })) index.upsert(note.path, note.text);
  const items = (el: Element) => [...el.querySelectorAll('.mm-board-item')].map((a) => a.getAttribute('data-mm-id'));

  it('filters in a task of its own, then draws at most 8 board items a task, ending as the board drawn at once', async () => {
    const tasks = taskQueue();
    const base = exampleFixture({ nextTask: () => new Promise<void>((resolve) => tasks.push(resolve)) }, index).ctx;
    let reads = 0;
    const ctx: ViewContext = { ...base, components: () => (reads++, base.components()) };
    const whole = items(renderBoard(index.components(), base, { headingLevel: 2, pageSize: 30 }));
    const view = renderDashboard(ctx, { defer: (draw) => tasks.push(draw) });
    document.body.appendChild(view.element);
    expect(items(view.element)).toHaveLength(0);
    const perTask: Array<{ reads: number; drawn: number }> = [];
    for (let run = await tasks.next(); run !== null; run = await tasks.next()) {
      const [readsBefore, drawnBefore] = [reads, items(view.element).length];
      run();
      await new Promise((resolve) => setTimeout(resolve, 0));
      perTask.push({ reads: reads - readsBefore, drawn: items(view.element).length - drawnBefore });
    }
    const filtering = perTask.filter((t) => t.reads > 0);
    expect(filtering).toEqual([{ reads: 1, drawn: 0 }]);
    expect(Math.max(...perTask.map((t) => t.drawn))).toBeLessThanOrEqual(8);
    expect(items(view.element)).toEqual(whole);
    expect(view.element.querySelector('[aria-busy="true"]')).toBeNull();
    view.destroy();
  });
});
