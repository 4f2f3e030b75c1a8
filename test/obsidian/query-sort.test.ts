// @vitest-environment happy-dom
// A query block's table draws its first rows of a long result; a press on a column header sorts
// the whole result, not the rows drawn, and draws the first rows of that order. The rows are
// checked against the core's own sorted query (the plugin's API); the work is counted in views
// built per task (view-work.ts), as the dashboard's and the block's first open are.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_COLUMNS, sortByColumn } from '../../src/render/table';
import { contextFromIndex } from '../../src/render/context';
import type { MaturityIndex } from '../../src/core/index';
import type { Harness } from './harness/app';
import { startHarness, useHarnessSession } from './helpers';
import { atEachTask, generatedFiles, MOST_PER_TASK, nextTask, plugin, shownIds, sum, viewClock, viewsPerTask } from './view-work';

useHarnessSession();
afterEach(() => vi.restoreAllMocks());

const ALL = 'Reports/All.md';
const RECENT = 'Reports/Recent.md';
const BY_PROGRESS = 'Reports/Progress.md';

const block = (options: string) => `# Report\n\n\`\`\`maturity-query\n${options}\`\`\`\n`;
const files = () => generatedFiles({ [ALL]: block(''), [RECENT]: block('sort: updated\norder: desc\nlimit: 40\n'), [BY_PROGRESS]: block('sort: progress\norder: desc\n') });

/** The core's result for `options`, as ids. */
const coreIds = (h: Harness, options: string) => plugin(h).api.components(options).map((c) => c.id);

async function openBlock(h: Harness, path: string): Promise<Element> {
  const leaf = await h.open(path);
  return h.markdownView(leaf).previewEl!.querySelector('.block-language-maturity-query')!;
}

const header = (el: Element, column: string) => el.querySelector<HTMLButtonElement>(`th.mm-col-${column} button.mm-sort`)!;
const ariaSort = (el: Element, column: string) => el.querySelector(`th.mm-col-${column}`)!.getAttribute('aria-sort');

/** Press a header as a keyboard user does (focused, then activated), and let the block redraw. */
async function press(h: Harness, el: Element, column: string): Promise<void> {
  const button = header(el, column);
  button.focus();
  button.click();
  await h.settle();
}

describe('a query block sorted from its table header', () => {
  it('draws the first rows of the whole result in that order, both ways, and "Show more" goes on in it', async () => {
    const h = await startHarness({ files: files() });
    const el = await openBlock(h, ALL);
    const all = coreIds(h, '');
    expect(all.length).toBeGreaterThan(100);
    expect(shownIds(el)).toEqual(all.slice(0, 25));

    await press(h, el, 'stage');
    const byStage = coreIds(h, 'sort: stage');
    expect(shownIds(el)).toEqual(byStage.slice(0, 25));
    expect(ariaSort(el, 'stage')).toBe('ascending');
    expect(ariaSort(el, 'name')).toBe('none');
    // The keyboard user's focus is on the header pressed, drawn again.
    expect(document.activeElement).toBe(header(el, 'stage'));

    await press(h, el, 'stage');
    const byStageDesc = coreIds(h, 'sort: stage\norder: desc');
    expect(shownIds(el)).toEqual(byStageDesc.slice(0, 25));
    expect(ariaSort(el, 'stage')).toBe('descending');

    (el.querySelector('button.maturity-map-show-more') as HTMLButtonElement).click();
    await h.settle();
    expect(shownIds(el)).toEqual(byStageDesc.slice(0, 75));
  });

  it("draws a block's own sort: option in its order, the header saying so", async () => {
    const h = await startHarness({ files: files() });
    const el = await openBlock(h, BY_PROGRESS);
    expect(shownIds(el)).toEqual(coreIds(h, 'sort: progress\norder: desc').slice(0, 25));
    expect(ariaSort(el, 'progress')).toBe('descending');
  });

  it('sorts a limited result within its matches', async () => {
    const h = await startHarness({ files: files() });
    const el = await openBlock(h, RECENT);
    const recent = new Set(coreIds(h, 'sort: updated\norder: desc\nlimit: 40'));
    expect(recent.size).toBe(40);
    await press(h, el, 'stage');
    const expected = coreIds(h, 'sort: stage').filter((id) => recent.has(id));
    expect(shownIds(el)).toEqual(expected.slice(0, 25));
    (el.querySelector('button.maturity-map-show-more') as HTMLButtonElement).click();
    await h.settle();
    expect(shownIds(el)).toEqual(expected);
  });

  it("sorts by a column the core's query has no order for (problems) over the whole result", async () => {
    const h = await startHarness({ files: files() });
    const el = await openBlock(h, ALL);
    await press(h, el, 'problems');
    await press(h, el, 'problems');
    const index = plugin(h).indexer.index as unknown as MaturityIndex;
    const ctx = contextFromIndex(index, { document, onOpen: () => undefined });
    const components = coreIds(h, '').flatMap((id) => index.component(id) ?? []);
    const expected = sortByColumn(components, DEFAULT_COLUMNS.find((c) => c.id === 'problems')!, 'desc', ctx).map((c) => c.id);
    expect(shownIds(el)).toEqual(expected.slice(0, 25));
    expect(ariaSort(el, 'problems')).toBe('descending');
  });

  it('builds only the views the order needs, in slices', async () => {
    const h = await startHarness({ files: files() });
    const el = await openBlock(h, ALL);
    // The index's ids, not the API's components: the API builds every view.
    const all = plugin(h).indexer.index.ids();
    viewClock(h);
    // Progress is read from what the index keeps: only the views of the new rows drawn.
    const progress = await viewsPerTask(h, () => press(h, el, 'progress'));
    const byProgress = shownIds(el);
    expect(sum(progress)).toBeLessThanOrEqual(25);
    expect(Math.max(0, ...progress)).toBeLessThanOrEqual(MOST_PER_TASK);
    // Readiness is a view's: every one, a slice at a time.
    const readiness = await viewsPerTask(h, () => press(h, el, 'readiness'));
    const byReadiness = shownIds(el);
    expect(sum(readiness)).toBeGreaterThan(all.length - 60);
    expect(Math.max(...readiness)).toBeLessThanOrEqual(MOST_PER_TASK);
    expect(byProgress).toEqual(coreIds(h, 'sort: progress').slice(0, 25));
    expect(byReadiness).toEqual(coreIds(h, 'sort: readiness').slice(0, 25));
  });

  it('sorts the whole result in a task of its own, not at the end of the last slice of views', async () => {
    const h = await startHarness({ files: files() });
    const el = await openBlock(h, ALL);
    const all = plugin(h).indexer.index.ids();
    viewClock(h);
    // Each task: the views it built and the most elements one sort in it ordered.
    const sort = Array.prototype.sort;
    let sorted = 0;
    vi.spyOn(Array.prototype, 'sort').mockImplementation(function (this: unknown[], compare) {
      sorted = Math.max(sorted, this.length);
      return sort.call(this, compare) as never;
    });
    const tasks: Array<{ views: number; sorted: number }> = [];
    let views = plugin(h).indexer.viewsBuilt;
    await atEachTask(() => {
      tasks.push({ views: plugin(h).indexer.viewsBuilt - views, sorted });
      views = plugin(h).indexer.viewsBuilt;
      sorted = 0;
    }, () => press(h, el, 'readiness'));
    const sorting = tasks.filter((t) => t.sorted >= all.length - 60);
    expect(tasks.filter((t) => t.views > 0).length).toBeGreaterThan(1);
    // Before: the sort came after the last slice's views, in its task.
    expect(sorting.map((t) => t.views)).toEqual([0]);
    expect(shownIds(el)).toEqual(coreIds(h, 'sort: readiness').slice(0, 25));
  });

  it('stops a sort under way when another header is pressed, and draws the last order asked for', async () => {
    const h = await startHarness({ files: files() });
    const el = await openBlock(h, ALL);
    const all = plugin(h).indexer.index.ids();
    viewClock(h);
    const before = plugin(h).indexer.viewsBuilt;
    header(el, 'readiness').click();
    for (let i = 0; i < 10_000 && plugin(h).indexer.viewsBuilt - before < 2 * MOST_PER_TASK; i++) await nextTask();
    expect(plugin(h).indexer.viewsBuilt - before).toBeGreaterThanOrEqual(2 * MOST_PER_TASK);
    expect(el.querySelector('.mm-table-wrap')?.closest('[aria-busy="true"]')).not.toBeNull();
    header(el, 'owner').click();
    await h.settle();
    // The readiness sort stopped at its next slice: far from every view built.
    expect(plugin(h).indexer.viewsBuilt - before).toBeLessThan(all.length / 2);
    expect(ariaSort(el, 'owner')).toBe('ascending');
    expect(el.querySelector('[aria-busy="true"]')).toBeNull();
    expect(shownIds(el)).toEqual(coreIds(h, 'sort: owner').slice(0, 25));
  });
});

describe("a header sort's tasks", () => {
  it('sorts by stage in a task that visits no component: the visits fit in the press, the sort comes a task later', async () => {
    const h = await startHarness({ files: files() });
    const el = await openBlock(h, ALL);
    const index = plugin(h).indexer.index as unknown as MaturityIndex;
    const all = index.ids();
    // Work per task: the entries the run read (one a component it visits) and the longest list sorted.
    const entry = index.entry.bind(index);
    let visited = 0;
    vi.spyOn(index, 'entry').mockImplementation((id) => {
      visited++;
      return entry(id);
    });
    const sort = Array.prototype.sort;
    let sorted = 0;
    vi.spyOn(Array.prototype, 'sort').mockImplementation(function (this: unknown[], compare) {
      sorted = Math.max(sorted, this.length);
      return sort.call(this, compare) as never;
    });
    const tasks: Array<{ visited: number; sorted: number }> = [];
    await atEachTask(() => {
      tasks.push({ visited, sorted });
      visited = 0;
      sorted = 0;
    }, () => press(h, el, 'stage'));
    expect(tasks.some((t) => t.visited >= all.length - 60)).toBe(true);
    // Before: one task read every component's entry and then sorted them all (~50 ms at 10k).
    expect(tasks.filter((t) => t.sorted >= all.length - 60).map((t) => t.visited)).toEqual([0]);
    expect(shownIds(el)).toEqual(coreIds(h, 'sort: stage').slice(0, 25));
  });
});
