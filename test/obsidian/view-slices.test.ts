// @vitest-environment happy-dom
// The first open of a view that shows many components (the dashboard, a query block, the graph
// view) after a start builds their component views a slice at a time, shows a placeholder until
// they are built, and then draws what it drew before. Measured in work, not time: from the open on,
// the clock is virtual and moves only when the plugin builds a view (one millisecond each), so a
// slice holds SLICE_MS views (view-work.ts).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startHarness, useHarnessSession } from './helpers';
import { atEachTask, element, generatedFiles, MOST_PER_TASK, perTask, plugin, shownIds, sum, viewClock, viewsPerTask } from './view-work';

useHarnessSession();
afterEach(() => vi.restoreAllMocks());

const STAGING = 'Reports/Staging.md';

/** A generated vault and a note holding a query block. */
const files = () => generatedFiles({ [STAGING]: '# Staging\n\n```maturity-query\nstage: staging\n```\n' });

describe('the dashboard', () => {
  it('builds every view a slice at a time, says so meanwhile, then shows every component', async () => {
    const h = await startHarness({ files: files() });
    const ids = plugin(h).indexer.index.ids();
    expect(ids.length).toBeGreaterThan(8 * MOST_PER_TASK);
    viewClock(h);
    let placeholder = '';
    const counts = await viewsPerTask(h, async () => {
      h.app.commands.executeCommandById('maturity-map:open-dashboard');
      const body = await element(() => document.querySelector('.maturity-map-dashboard-body'));
      placeholder = body.textContent ?? '';
      await h.settle();
    });
    expect(placeholder).toBe('Building views…');
    expect(sum(counts)).toBe(ids.length);
    expect(Math.max(...counts)).toBeLessThanOrEqual(MOST_PER_TASK);
    const dashboard = document.querySelector('.maturity-map-dashboard-body .mm-dashboard')!;
    expect(dashboard.querySelector('.maturity-map-pending')).toBeNull();
    // Every component on the board: its columns count them all, and the items drawn are theirs.
    const board = dashboard.querySelector('.mm-board')!;
    const counted = [...board.querySelectorAll('.mm-board-count')].map((el) => Number(el.textContent!.replace(/\D/g, '')));
    expect(sum(counted)).toBe(ids.length);
    expect(shownIds(board).every((id) => ids.includes(id))).toBe(true);
  });

  it('makes what its fingerprint reads of each view in the slices too: its first draw makes none', async () => {
    const h = await startHarness({ files: files() });
    const ids = plugin(h).indexer.index.ids();
    // Work is views built and summaries made (a summary is one JSON.stringify of a view), a virtual millisecond each.
    let made = 0;
    const stringify = JSON.stringify;
    vi.spyOn(JSON, 'stringify').mockImplementation((...args: Parameters<typeof JSON.stringify>) => {
      made++;
      return stringify(...args);
    });
    const work = () => plugin(h).indexer.viewsBuilt + made;
    const base = performance.now();
    vi.spyOn(performance, 'now').mockImplementation(() => base + work());
    const counts = await perTask(work, async () => {
      h.app.commands.executeCommandById('maturity-map:open-dashboard');
      await element(() => document.querySelector('.maturity-map-dashboard-body .mm-dashboard'));
      await h.settle();
    });
    expect(made).toBeGreaterThanOrEqual(ids.length);
    // A few more than a slice: the draw's own (the stage list, compared at each refresh).
    expect(Math.max(...counts)).toBeLessThanOrEqual(MOST_PER_TASK + 3);
  });

  it('draws its summary and filters a task before its board, the board busy meanwhile, then the board a part a frame', async () => {
    const h = await startHarness({ files: files() });
    const seen: string[] = [];
    await atEachTask(() => {
      const dashboard = document.querySelector('.maturity-map-dashboard-body .mm-dashboard');
      if (!dashboard) return;
      const state = `summary ${dashboard.querySelector('.mm-summary') ? 1 : 0}, busy ${dashboard.querySelector('.mm-panels[aria-busy="true"]') ? 1 : 0}, items ${dashboard.querySelectorAll('.mm-board-item').length}`;
      if (seen.at(-1) !== state) seen.push(state);
    }, async () => {
      h.app.commands.executeCommandById('maturity-map:open-dashboard');
      await h.settle();
    });
    const items = document.querySelectorAll('.mm-dashboard .mm-board-item').length;
    expect(items).toBeGreaterThan(0);
    expect(seen[0]).toBe('summary 1, busy 1, items 0');
    expect(seen.at(-1)).toBe(`summary 1, busy 0, items ${items}`);
    // Then the board's columns a part a frame (8 items each, the shared dashboard's slicing): never fewer items than before.
    const counts = seen.slice(1).map((state) => Number(/items (\d+)/.exec(state)![1]));
    expect(seen.slice(1).every((state) => state.startsWith('summary 1, busy 0, '))).toBe(true);
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
  });

  it("reads the day its indexer keeps, not the clock's, until the day is checked again", async () => {
    const h = await startHarness({ files: files() });
    const index = () => plugin(h).indexer.index as unknown as { today(): string };
    const day = index().today();
    vi.setSystemTime(new Date(`${day}T23:59:59`).getTime() + 2000);
    // Every view read compared the clock's date: the index now reads the day kept, moved on by the midnight timer or focus.
    expect(index().today()).toBe(day);
    window.dispatchEvent(new Event('focus'));
    expect(index().today()).not.toBe(day);
  });

  it('closed while it builds, builds no more views', async () => {
    const h = await startHarness({ files: files() });
    viewClock(h);
    h.app.commands.executeCommandById('maturity-map:open-dashboard');
    await element(() => (plugin(h).indexer.viewsBuilt > 2 * MOST_PER_TASK ? document.body : null));
    h.app.workspace.detachLeavesOfType('maturity-map-dashboard');
    const atClose = plugin(h).indexer.viewsBuilt;
    await h.settle();
    expect(plugin(h).indexer.viewsBuilt).toBe(atClose);
    expect(atClose).toBeLessThan(plugin(h).indexer.index.ids().length);
  });
});

describe("the dashboard's draw", () => {
  it('draws from the list its slices collected: the task that draws walks no list of views from the index', async () => {
    const h = await startHarness({ files: files() });
    const index = plugin(h).indexer.index as unknown as { components(): unknown[] };
    const components = index.components.bind(index);
    // Work per task: the lists of every view the index walked (9k views read back at 10k: 10–30 ms).
    let walks = 0;
    vi.spyOn(index, 'components').mockImplementation(() => {
      walks++;
      return components();
    });
    const tasks: Array<{ walks: number; drew: boolean }> = [];
    let drawn = false;
    await atEachTask(() => {
      const drew = !drawn && document.querySelector('.maturity-map-dashboard-body .mm-dashboard') !== null;
      drawn ||= drew;
      tasks.push({ walks, drew });
      walks = 0;
    }, async () => {
      h.app.commands.executeCommandById('maturity-map:open-dashboard');
      await h.settle();
    });
    // Before: the draw's fingerprint asked the index for every view in the draw's task.
    expect(tasks.filter((t) => t.drew)).toEqual([{ walks: 0, drew: true }]);
    expect(sum(tasks.map((t) => t.walks))).toBe(0);
  });
});

describe('the dashboard’s draw, after its prepare', () => {
  it('finds the vault’s cycles and joins its fingerprint in tasks before the draw: the task that draws joins no summaries', async () => {
    const h = await startHarness({ files: files() });
    const index = plugin(h).indexer.index as unknown as { cycles(): unknown; vaultDiagnostics(): unknown };
    let cycleAsks = 0;
    for (const name of ['cycles', 'vaultDiagnostics'] as const) {
      const real = index[name].bind(index);
      vi.spyOn(index, name).mockImplementation(() => (cycleAsks++, real()));
    }
    // Work per task: summaries joined into the dashboard's fingerprint (9k at 10k notes: ~20 ms of
    // the draw's task in the harness), and asks for the vault's cycles (the first one searches the
    // whole graph: 8–19 ms there).
    let joined = 0;
    const join = Array.prototype.join;
    vi.spyOn(Array.prototype, 'join').mockImplementation(function (this: unknown[], separator?: string) {
      if (separator === '\u0002') joined += this.length;
      return join.call(this, separator);
    });
    const tasks: Array<{ joined: number; cycleAsks: number; drew: boolean }> = [];
    let drawn = false;
    await atEachTask(() => {
      const drew = !drawn && document.querySelector('.maturity-map-dashboard-body .mm-dashboard') !== null;
      drawn ||= drew;
      if (joined > 0 || cycleAsks > 0 || drew) tasks.push({ joined, cycleAsks, drew });
      [joined, cycleAsks] = [0, 0];
    }, async () => {
      h.app.commands.executeCommandById('maturity-map:open-dashboard');
      await h.settle();
    });
    const draw = tasks.findIndex((t) => t.drew);
    const components = plugin(h).indexer.index.ids().length;
    // Before: the draw's task joined every summary and asked for the cycles first.
    expect(tasks[draw]!.joined).toBe(0);
    expect(tasks.findIndex((t) => t.cycleAsks > 0)).toBeLessThan(draw);
    expect(sum(tasks.slice(0, draw).map((t) => t.joined))).toBeGreaterThanOrEqual(components);
  });
});

describe('a query block', () => {
  it('builds only the views of the rows it shows, in slices, and offers the rest behind "Show more"', async () => {
    const h = await startHarness({ files: files() });
    viewClock(h);
    let block: Element | null = null;
    const counts = await viewsPerTask(h, async () => {
      const leaf = await h.open(STAGING);
      block = h.markdownView(leaf).previewEl!.querySelector('.block-language-maturity-query');
    });
    const staging = plugin(h).api.components('stage: staging').map((c) => c.id);
    expect(staging.length).toBeGreaterThan(25);
    expect(shownIds(block!)).toEqual(staging.slice(0, 25));
    expect(sum(counts)).toBe(25);
    expect(Math.max(...counts)).toBeLessThanOrEqual(MOST_PER_TASK);
    const more = block!.querySelector('button.maturity-map-show-more') as HTMLButtonElement;
    expect(more.textContent).toBe(`Show more (${staging.length - 25} not shown)`);

    more.click();
    await h.settle();
    expect(shownIds(block!)).toEqual(staging.slice(0, 75));
    // Pressed from the keyboard, the focus stays on the button, drawn again while more are left.
    const again = block!.querySelector('button.maturity-map-show-more');
    expect(again?.textContent ?? null).toBe(staging.length > 75 ? `Show more (${staging.length - 75} not shown)` : null);
    if (again) expect(document.activeElement).toBe(again);
  });

  it('draws its rows in a task of its own once building them took several tasks', async () => {
    const h = await startHarness({ files: files() });
    viewClock(h);
    const rows = () => document.querySelectorAll('.block-language-maturity-query [data-mm-id]').length;
    // Each task: the views it built, and whether the rows appeared in it.
    const tasks: Array<{ views: number; drew: boolean }> = [];
    let views = plugin(h).indexer.viewsBuilt;
    let drawn = 0;
    await atEachTask(() => {
      tasks.push({ views: plugin(h).indexer.viewsBuilt - views, drew: drawn === 0 && rows() > 0 });
      views = plugin(h).indexer.viewsBuilt;
      drawn = rows();
    }, () => h.open(STAGING).then(() => undefined));
    expect(tasks.filter((t) => t.views > 0).length).toBeGreaterThan(1);
    // Before: the rows were drawn after the last slice of views, in its task.
    expect(tasks.filter((t) => t.drew)).toEqual([{ views: 0, drew: true }]);
  });

  it('redraws an edit in the task that brings it, building only the changed views', async () => {
    const h = await startHarness({ files: files() });
    const leaf = await h.open(STAGING);
    const block = h.markdownView(leaf).previewEl!.querySelector('.block-language-maturity-query')!;
    const first = shownIds(block)[0]!;
    viewClock(h);
    const counts = await viewsPerTask(h, () => h.edit(first, (text) => text.replace(/^((?:owner::?|\*\*Owner\*\*:)[ \t]*).*$/gm, '$1Edited Owner')));
    expect(block.textContent).toContain('Edited Owner');
    expect(counts).toHaveLength(1);
    expect(counts[0]).toBeLessThan(25);
  });
});

describe("a query block's rows", () => {
  it('draws its first rows ten a task, a frame apart, busy until the last is in', async () => {
    const h = await startHarness({ files: files() });
    const rows = () => document.querySelectorAll('.block-language-maturity-query tr[data-mm-id]').length;
    const busy = () => document.querySelector('.block-language-maturity-query tbody[aria-busy="true"]') !== null;
    // Each task that drew rows: how many, and whether the table said it was busy at its end.
    const drawn: Array<{ rows: number; busy: boolean }> = [];
    let before = 0;
    await atEachTask(() => {
      if (rows() > before) drawn.push({ rows: rows() - before, busy: busy() });
      before = rows();
    }, () => h.open(STAGING).then(() => undefined));
    // Before: all 25 rows in the task that drew the block (a 25–55 ms task in the 10k bench).
    expect(drawn).toEqual([{ rows: 10, busy: true }, { rows: 10, busy: true }, { rows: 5, busy: false }]);
    const block = document.querySelector('.block-language-maturity-query')!;
    expect(block.querySelector('.mm-show-more')).toBeNull();
    expect(block.querySelector('button.maturity-map-show-more')).not.toBeNull();
  });
});

describe('the graph view', () => {
  it('builds every view a slice at a time before it lays the graph out', async () => {
    const h = await startHarness({ files: files() });
    const ids = plugin(h).indexer.index.ids();
    viewClock(h);
    const counts = await viewsPerTask(h, () => h.command('open-graph').then(() => undefined));
    expect(sum(counts)).toBe(ids.length);
    expect(Math.max(...counts)).toBeLessThanOrEqual(MOST_PER_TASK);
    const body = document.querySelector('.maturity-map-graph-body')!;
    expect(shownIds(body).filter((id) => !id.startsWith('external:')).sort()).toEqual([...ids].sort());
  });
});
