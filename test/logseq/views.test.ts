// Views of the whole graph in the BUILT plugin (real SDK, fake 0.10.x host) over a few hundred
// generated pages, right after a start (no component view built yet): a query macro and the
// dashboard show a placeholder while the views they need are built a slice at a time (the build
// spans several of the frame's tasks), then the same results the core's query gives. What showed
// is followed by MutationObservers on the slot (host document) and on the main UI (frame), and
// the frame's tasks by the harness's task clock: the bundle's own counters are out of reach.
import { afterEach, describe, expect, it } from 'vitest';
import { createIndex, runQuery, type ComponentQuery } from '../../src/core/index';
import { generatedGraph } from './generated-graph';
import { loadPlugin, quiet, showAll, slotElement, until, viewComplete, type Loaded, ROW_SELECTOR } from './harness';
import { GRAPH_PAGE, QUERY_PAGE } from '../../src/logseq/query-slot';
import { createTaskClock, type TaskClock } from './task-clock';

const PAGES = 400;
const { files, core, somePage } = generatedGraph(PAGES);

let open: Loaded | null = null;

afterEach(async () => {
  await open?.close();
  open = null;
});

/** Start over the generated graph, every task recorded; started once a badge shows. */
async function start(clock: TaskClock): Promise<Loaded> {
  const l = await loadPlugin({ files, settings: { pollSeconds: 0 }, clock, beforeRun: () => clock.recording(true) });
  open = l;
  const slot = l.fake.renderBlock(l.graph.addBlock(l.graph.pageOfFile(somePage)!, '{{renderer :maturity-badge}}'));
  await until(l, () => slotElement(l, slot)?.querySelector('.mm-inline-badge') !== null, 'the start', 60_000);
  await quiet(l);
  return l;
}

interface Shown {
  state: string;
  /** The task clock's mark when it showed. */
  mark: number;
}

/** Each state `classify` reads from `el` as it changes (a DOM mutation), with the clock's mark. */
function follow(win: { MutationObserver: typeof MutationObserver }, el: Element, classify: (el: Element) => string | null, clock: TaskClock): Shown[] {
  const shown: Shown[] = [];
  new win.MutationObserver(() => {
    const state = classify(el);
    if (state !== null && shown.at(-1)?.state !== state) shown.push({ state, mark: clock.mark() });
  }).observe(el, { childList: true, subtree: true });
  return shown;
}

const classifySlot = (el: Element) => (el.querySelector('[aria-busy="true"]') ? 'building' : el.querySelector('.mm-logseq-slot') ? 'results' : null);
// The dashboard's board lists are busy while drawn a part a task: the placeholder is what says 'building'.
const classifyMain = (el: Element) => (el.querySelector('.mm-dashboard') ? 'dashboard' : el.querySelector('[aria-busy="true"]') ? 'building' : null);

/** The frame's tasks from one shown state to the next. */
function frameTasksBetween(clock: TaskClock, from: Shown, to: Shown): number {
  return clock
    .since(from.mark)
    .slice(0, to.mark - from.mark)
    .filter((t) => t.side === 'frame').length;
}

/** Render a query macro and follow its slot until its results show. */
async function renderQuery(l: Loaded, clock: TaskClock, macro: string): Promise<{ el: HTMLElement; shown: Shown[]; slot: string }> {
  const slot = l.fake.renderBlock(l.graph.addBlock(l.graph.pageOfFile(somePage)!, macro));
  const el = slotElement(l, slot);
  const shown = follow(l.host as unknown as { MutationObserver: typeof MutationObserver }, el, classifySlot, clock);
  await until(l, () => shown.at(-1)?.state === 'results' && viewComplete(el), macro, 30_000);
  return { el, shown, slot };
}

/** Press a slot's "Show more"; the rows it asks for (its model call's argument). */
function clickMore(l: Loaded, slot: string): string | undefined {
  const more = slotElement(l, slot).querySelector('button.mm-show-more') as HTMLElement;
  more.click();
  return more.dataset['mmArg'];
}

/** Rows a query slot shows at first. */
const FIRST = QUERY_PAGE.first;

/** A page at Development and its text with its stage line moved to Production (checked with the core). */
function movedToProduction(): { page: string; text: string } {
  for (const page of core.idsAtStageByName('development')) {
    const text = files.get(page)!.replace(/^(\*\*Current Stage:?\*\*:?\s*)development/im, '$1Production');
    const one = createIndex({});
    one.upsert(page, text);
    if (one.component(page)?.note.stage?.id === 'production') return { page, text };
  }
  throw new Error('no development page whose stage line can be moved');
}

const rowIds = (el: Element) => [...el.querySelectorAll(ROW_SELECTOR)].map((row) => row.getAttribute('data-mm-id'));
const coreIds = (query: ComponentQuery) => runQuery(core, query).map((c) => c.id);

describe('views of the whole graph, right after a start (built bundle, generated pages)', () => {
  it('a query whose filter reads every view shows a placeholder, builds the views over several tasks, then the core’s rows', async () => {
    const clock = createTaskClock();
    const l = await start(clock);
    const { el, shown } = await renderQuery(l, clock, '{{renderer :maturity-query, blocked=true}}');
    expect(shown.map((s) => s.state)).toEqual(['building', 'results']);
    expect(frameTasksBetween(clock, shown[0]!, shown[1]!)).toBeGreaterThan(1);
    const expected = coreIds({ blocked: true });
    expect(expected.length).toBeGreaterThan(FIRST);
    expect(rowIds(el)).toEqual(expected.slice(0, FIRST));
    expect(el.querySelector('button.mm-show-more')?.textContent).toBe(`Show more (${expected.length - FIRST} not shown)`);
  });

  it('queries by stage and by text show the core’s rows and counts', async () => {
    const clock = createTaskClock();
    const l = await start(clock);
    const stage = await renderQuery(l, clock, '{{renderer :maturity-query, stage=staging}}');
    const staging = coreIds({ stage: ['staging'] });
    expect(rowIds(stage.el)).toEqual(staging.slice(0, FIRST));
    expect(stage.el.querySelector('button.mm-show-more')?.textContent).toBe(`Show more (${staging.length - FIRST} not shown)`);
    const text = await renderQuery(l, clock, '{{renderer :maturity-query, text=pay, limit=20}}');
    const paying = coreIds({ text: 'pay', limit: 20 });
    expect(paying).toHaveLength(20);
    expect(rowIds(text.el)).toEqual(paying);
    expect(text.el.querySelector('button.mm-show-more')).toBeNull();
  });

  it('a slot shows a page of rows first; "Show more" reaches the rest in the core’s order, never past the limit', async () => {
    const clock = createTaskClock();
    const l = await start(clock);
    const { slot } = await renderQuery(l, clock, '{{renderer :maturity-query, stage=staging, limit=80}}');
    expect(rowIds(slotElement(l, slot))).toEqual(coreIds({ stage: ['staging'], limit: 80 }).slice(0, QUERY_PAGE.limited));
    expect(rowIds(await showAll(l, slot))).toEqual(coreIds({ stage: ['staging'], limit: 80 }));
    const stage = await renderQuery(l, clock, '{{renderer :maturity-query, stage=staging}}');
    const pressed = clickMore(l, stage.slot);
    // The page's rows come a piece at a time (table-pieces.ts).
    await until(l, () => rowIds(slotElement(l, stage.slot)).length >= FIRST + QUERY_PAGE.more, 'a page more');
    expect(pressed).toBe(String(FIRST + QUERY_PAGE.more));
    expect(rowIds(slotElement(l, stage.slot))).toEqual(coreIds({ stage: ['staging'] }).slice(0, FIRST + QUERY_PAGE.more));
  });

  it('a graph query’s "Show more" draws more components, not fewer', async () => {
    const clock = createTaskClock();
    const l = await start(clock);
    const staging = coreIds({ stage: ['staging'] });
    expect(staging.length).toBeGreaterThan(GRAPH_PAGE.first);
    const nodes = (el: Element) => el.querySelectorAll('.mm-graph-nodes > [data-mm-id]').length;
    const graph = await renderQuery(l, clock, '{{renderer :maturity-query, stage=staging, view=graph}}');
    expect(nodes(graph.el)).toBe(GRAPH_PAGE.first);
    clickMore(l, graph.slot);
    await until(l, () => viewComplete(slotElement(l, graph.slot)) && nodes(slotElement(l, graph.slot)) > GRAPH_PAGE.first, 'the graph after Show more', 30_000);
    expect(nodes(slotElement(l, graph.slot))).toBe(Math.min(staging.length, GRAPH_PAGE.first + GRAPH_PAGE.more));
  });

  it('the dashboard shows a placeholder while every view is built over several tasks, then the core’s counts; an edit refreshes it without the placeholder', async () => {
    const clock = createTaskClock();
    const l = await start(clock);
    const app = l.frame.document.getElementById('app')!;
    const shown = follow(l.frame as unknown as { MutationObserver: typeof MutationObserver }, app as unknown as Element, classifyMain, clock);
    l.fake.clickToolbar();
    await until(l, () => shown.at(-1)?.state === 'dashboard', 'the dashboard', 30_000);
    expect(shown.map((s) => s.state)).toEqual(['building', 'dashboard']);
    expect(frameTasksBetween(clock, shown[0]!, shown[1]!)).toBeGreaterThan(1);
    const counts = () => [...app.querySelectorAll('.mm-board-count')].map((s) => Number(s.textContent));
    // The board comes a task after the header.
    await until(l, () => counts().length > 0, 'the board');
    const atStage = (stage: string | null) => [...core.ids()].filter((id) => (core.component(id)!.note.stage?.id ?? null) === stage).length;
    expect(counts().slice(0, 3)).toEqual(['development', 'staging', 'production'].map(atStage));
    // One page moves to Production in the app: the open dashboard shows it, with no placeholder.
    const { page, text } = movedToProduction();
    l.fake.editInApp(page, text);
    await until(l, () => counts()[2] === atStage('production') + 1, 'the edit in the dashboard', 10_000);
    expect(shown.map((s) => s.state)).toEqual(['building', 'dashboard']);
  });

  it('the dashboard draws its header, summary and filters first, then its board a part a task', async () => {
    const clock = createTaskClock();
    const l = await start(clock);
    const app = l.frame.document.getElementById('app')!;
    // The board items shown after each change of the main UI, once the dashboard is in.
    const steps: number[] = [];
    new (l.frame as unknown as { MutationObserver: typeof MutationObserver }).MutationObserver(() => {
      if (!app.querySelector('.mm-dashboard')) return;
      const items = app.querySelectorAll('.mm-board-item').length;
      if (steps.at(-1) !== items) steps.push(items);
    }).observe(app as unknown as Node, { childList: true, subtree: true });
    l.fake.clickToolbar();
    await until(l, () => app.querySelector('.mm-board') !== null && app.querySelector('[aria-busy="true"]') === null, 'the board', 30_000);
    // A page (30 items) a column, as drawn at once.
    const page = [...app.querySelectorAll('.mm-board-count')].reduce((n, count) => n + Math.min(30, Number(count.textContent)), 0);
    expect(steps.at(-1)).toBe(page);
    expect(steps[0]).toBe(0);
    expect(steps.length).toBeGreaterThanOrEqual(4);
    // No step draws more than a part (8 items) of each column.
    for (let i = 1; i < steps.length; i++) expect(steps[i]! - steps[i - 1]!).toBeLessThanOrEqual(8 * 4);
  });
});