// @vitest-environment happy-dom
// The timeline of many components, task by task (timeline.ts, pages.ts): the timelines worked out
// a slice a task with the dates they span, the chart drawn in a task that reads none of them again,
// its rows a part a frame (10 in the dashboard: 25 rows' style, layout and paint were 17–30 ms of
// Chromium's CPU at 10k), the lists below it starting a task later. Counted, not timed: timelines
// worked out and read for the range (core workCount) and rows and list entries drawn, per task.
import { describe, expect, it } from 'vitest';
import { createIndex } from '../../src/core/index';
import { workCount } from '../../src/core/work-count';
import { generateNotes } from '../../bench/generator/vault';
import { renderDashboard, renderTimeline } from '../../src/render/index';
import { EXAMPLE_VAULT, loadFolder } from '../helpers/vault';
import { click, exampleFixture } from './helpers';

interface TaskWork {
  /** Timelines worked out. */
  placed: number;
  /** Timelines read for the range the chart spans. */
  ranged: number;
  /** Chart rows drawn. */
  rows: number;
  /** Entries of the lists below the chart drawn ("Left out", "Not on the timeline"). */
  entries: number;
}

const countRows = () => document.querySelectorAll('.mm-tl-row').length;
const countEntries = () => document.querySelectorAll('.mm-tl-aside li, .mm-tl-undated li').length;

/**
 * A host's tasks, each a timer of its own, with the work done between two task starts recorded:
 * what a task resumes runs in the promise jobs right after its timer, before the next one.
 */
function recordedTasks(): { nextTask: () => Promise<void>; start: () => void; end: () => TaskWork[] } {
  let work: TaskWork[] = [];
  const now = () => ({ placed: workCount.timelines, ranged: workCount.timelinesRanged, rows: countRows(), entries: countEntries() });
  let mark = now();
  const cut = () => {
    const here = now();
    work.push({ placed: here.placed - mark.placed, ranged: here.ranged - mark.ranged, rows: here.rows - mark.rows, entries: here.entries - mark.entries });
    mark = here;
  };
  return {
    nextTask: () => new Promise<void>((resolve) => void setTimeout(() => (cut(), resolve()), 0)),
    /** From here on: the work before the first task is the calling task's (a click's). */
    start: () => {
      mark = now();
      work = [];
    },
    end: () => (cut(), work.filter((w) => w.placed + w.ranged + w.rows + w.entries > 0)),
  };
}

/** Until the page is quiet: nothing busy, and `ready` holds. */
async function settled(root: Element, ready: () => boolean): Promise<void> {
  await expect.poll(() => ready() && root.querySelector('[aria-busy="true"]') === null, { timeout: 60_000, interval: 20 }).toBe(true);
  await new Promise((resolve) => setTimeout(resolve, 20));
}

describe('the dashboard’s timeline tab over 600 components', () => {
  const index = createIndex({});
  for (const note of generateNotes({ notes: 700, seed: 5 })) index.upsert(note.path, note.text);
  const ids = (el: ParentNode) => [...el.querySelectorAll('.mm-tl-row')].map((r) => r.getAttribute('data-mm-id'));

  it('works out ≤ 250 timelines a task, draws the chart in a task that reads none, then 10 rows a task; its Show more too', async () => {
    const tasks = recordedTasks();
    const { ctx } = exampleFixture({ nextTask: tasks.nextTask }, index);
    const components = index.components();
    expect(components.length).toBeGreaterThan(500); // the dashboard places more than 500 a task at a time
    const dated = ids(renderTimeline(components, ctx));
    const whole = dated.slice(0, 200);
    const view = renderDashboard(ctx);
    document.body.appendChild(view.element);
    await settled(view.element, () => view.element.querySelector('.mm-board-item') !== null);

    tasks.start();
    click(view.element.querySelector('[data-mm-tab="timeline"]')!);
    await settled(view.element, () => countRows() === 100);
    const shown = tasks.end();
    expect(shown.reduce((n, w) => n + w.placed, 0)).toBe(components.length);
    expect(shown.reduce((n, w) => n + w.ranged, 0)).toBe(dated.length);
    for (const w of shown) {
      expect(w.placed).toBeLessThanOrEqual(250);
      expect(w.ranged).toBeLessThanOrEqual(250);
      expect(w.rows + w.entries).toBeLessThanOrEqual(10);
    }
    const chart = shown.findIndex((w) => w.rows > 0);
    expect(shown[chart]).toEqual({ placed: 0, ranged: 0, rows: 10, entries: 0 });
    expect(shown.slice(chart).every((w) => w.placed === 0 && w.ranged === 0)).toBe(true);
    expect(ids(view.element)).toEqual(whole.slice(0, 100));

    tasks.start();
    click(view.element.querySelector<HTMLButtonElement>('.mm-timeline > .mm-show-more')!);
    await settled(view.element, () => countRows() === 200);
    const more = tasks.end();
    expect(more.length).toBeGreaterThanOrEqual(10);
    for (const w of more) expect(w).toEqual({ placed: 0, ranged: 0, rows: 10, entries: 0 });
    expect(ids(view.element)).toEqual(whole);
    view.destroy();
  });
});

describe('the lists below a sliced timeline', () => {
  it('start a task after the chart’s first rows, a part a task, ending as drawn at once', async () => {
    const tasks = recordedTasks();
    const vault = loadFolder(EXAMPLE_VAULT);
    // Notes the chart cannot place: created after their last update (a file date, set aside).
    for (const name of ['Ledger', 'Mailer', 'Queue']) vault.upsert(`${name}.md`, `---\ntags: [maturity]\ncreated: 2026-11-01\n---\n# ${name}\n\n**Current Stage**: Development\n**Last Updated**: 2026-10-01\n`);
    const { index, ctx } = exampleFixture({ nextTask: tasks.nextTask }, vault);
    const whole = renderTimeline(index.components(), ctx, { pageSize: 4 });
    const sliced = renderTimeline(index.components(), ctx, { atOnce: 5, pageSize: 4, slicing: { perTask: 2, nextTask: tasks.nextTask } });
    tasks.start();
    document.body.appendChild(sliced);
    await settled(sliced, () => sliced.querySelector('.mm-tl-chart') !== null);
    const work = tasks.end();
    const chart = work.findIndex((w) => w.rows > 0);
    expect(work[chart]).toEqual({ placed: 0, ranged: 0, rows: 2, entries: 0 });
    expect(whole.querySelectorAll('.mm-tl-aside li').length).toBeGreaterThan(2);
    expect(whole.querySelectorAll('.mm-tl-undated li').length).toBeGreaterThan(2);
    for (const w of work) expect(w.rows + w.entries).toBeLessThanOrEqual(2);
    const text = (el: Element) => [...el.querySelectorAll('.mm-tl-row, .mm-tl-aside li, .mm-tl-undated li, h3')].map((e) => e.textContent);
    expect(text(sliced)).toEqual(text(whole));
    sliced.remove();
  });
});
