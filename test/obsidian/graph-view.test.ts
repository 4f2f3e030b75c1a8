// @vitest-environment happy-dom
// The graph view's fingerprint is what the graph draws (render/graph/scope.ts): over 2,000
// components only a notice that counts them, so its first open builds no view and no model of the
// vault; focused, only the neighbourhood in view. It changes whenever the drawing would — a count,
// a node's stage, an external dependency's name, a name in the focus menu — and not otherwise.
// Counted in work (components read per task, views built), never in time.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { generateNotes } from '../../bench/generator/vault';
import { MAX_GRAPH_COMPONENTS } from '../../src/render/graph/view';
import type { Harness } from './harness/app';
import { startHarness, useHarnessSession } from './helpers';
import { generatedFiles, MOST_PER_TASK, perTask, plugin } from './view-work';

useHarnessSession();
afterEach(() => vi.restoreAllMocks());

interface IndexLike {
  ids(): string[];
  component(id: string): unknown;
}

const graphBody = () => document.querySelector('.maturity-map-graph-body')!;
const drawnSvg = () => graphBody().querySelector('.mm-graph-canvas > svg');
const drawnIds = () => [...graphBody().querySelectorAll('.mm-graph-nodes [data-mm-id]')].map((el) => el.getAttribute('data-mm-id')!).sort();
const stageOf = (id: string) => graphBody().querySelector(`.mm-graph-nodes [data-mm-id="${id}"]`)?.getAttribute('data-mm-stage');
const externalNames = () => [...graphBody().querySelectorAll('.mm-graph-nodes [data-mm-external] .mm-node-name')].map((el) => (el.textContent ?? '').replace(/^⬚ /, ''));
const noticeCount = () => Number((graphBody().querySelector('.mm-graph-too-many')?.textContent ?? '').match(/^[\d,]+/)?.[0].replace(/,/g, '') ?? NaN);

/** More component notes than the graph lays out (small ones, to index fast). */
function manyFiles(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const note of generateNotes({ notes: 2300, seed: 3, bytes: [300, 700] })) out[note.path] = note.text;
  return out;
}

/** Components read from the index (a view built or taken from its cache) in each task while `run` goes on. */
function componentsReadPerTask(h: Harness, run: () => Promise<void>): Promise<number[]> {
  const index = plugin(h).indexer.index as unknown as IndexLike;
  const read = index.component.bind(index);
  let count = 0;
  index.component = (id) => {
    count++;
    return read(id);
  };
  return perTask(() => count, run);
}

describe('the graph view over more components than it lays out', () => {
  it('shows its notice without reading every component in one task, and builds no view', async () => {
    const h = await startHarness({ files: manyFiles() });
    const total = plugin(h).indexer.index.ids().length;
    expect(total).toBeGreaterThan(MAX_GRAPH_COMPONENTS);
    const built = plugin(h).indexer.viewsBuilt;
    const counts = await componentsReadPerTask(h, () => h.command('open-graph').then(() => undefined));
    expect(noticeCount()).toBe(total);
    // Before: every view built in slices, then the fingerprint read all of them in one task.
    expect(Math.max(0, ...counts)).toBeLessThanOrEqual(MOST_PER_TASK);
    expect(plugin(h).indexer.viewsBuilt - built).toBe(0);
  });

  it('counts a component added or removed, and lists a renamed one in its focus menu', async () => {
    const h = await startHarness({ files: manyFiles() });
    await h.command('open-graph');
    const total = noticeCount();
    const [first] = plugin(h).indexer.index.ids();
    await h.app.vault.create('Added/Extra Component.md', await h.app.vault.read(h.file(first!)));
    await h.settle();
    expect(noticeCount()).toBe(total + 1);
    await h.app.vault.delete(h.file('Added/Extra Component.md'));
    await h.settle();
    expect(noticeCount()).toBe(total);
    // The menu lists every component once the reader opens it; a rename after that is listed too.
    const menu = () => graphBody().querySelector<HTMLSelectElement>('.mm-graph-toolbar select')!;
    menu().dispatchEvent(new Event('focus'));
    await h.app.vault.rename(h.file(first!), 'Renamed/Zz Renamed.md');
    await h.settle();
    menu().dispatchEvent(new Event('focus'));
    const option = [...menu().options].find((o) => o.value === 'Renamed/Zz Renamed.md');
    expect(option?.text).toBe(nameOf(h, 'Renamed/Zz Renamed.md'));
    expect([...menu().options].some((o) => o.value === first)).toBe(false);
  });
});

function nameOf(h: Harness, id: string): string {
  return (plugin(h).indexer.index as unknown as { entry(id: string): { identity: { name: string } } | undefined }).entry(id)!.identity.name;
}

describe('the graph view draws again exactly when its drawing changes', () => {
  it('focused on a component: redrawn for a change in its neighbourhood, not for one outside it', async () => {
    const h = await startHarness({ workers: false });
    await h.open('Components/Billing Engine.md');
    await h.command('show-component-graph');
    expect(drawnIds()).toEqual(['Components/Auth Gateway.md', 'Components/Billing Engine.md', 'Components/Config Service.md', 'Components/Ledger.md', 'Components/Search Indexer.md', 'Components/Session Store.md']);
    const svg = drawnSvg();
    expect(svg).not.toBeNull();
    // Dock Scheduler is more than two hops away: before, any component's change drew the graph again.
    await h.edit('Components/Dock Scheduler.md', (text) => text.replace('**Current Stage**: Staging', '**Current Stage**: Production'));
    expect(drawnSvg()).toBe(svg);
    await h.edit('Components/Ledger.md', (text) => text.replace(/\*\*Current Stage\*\*: [^\n]*/, '**Current Stage**: Production'));
    expect(drawnSvg()).not.toBe(svg);
    expect(stageOf('Components/Ledger.md')).toBe('production');
  });

  it('focused from its own menu: follows that focus', async () => {
    const h = await startHarness({ workers: false });
    await h.command('open-graph');
    const menu = graphBody().querySelector<HTMLSelectElement>('.mm-graph-toolbar select')!;
    menu.value = 'Components/Billing Engine.md';
    menu.dispatchEvent(new Event('change'));
    await h.settle();
    expect(drawnIds()).toContain('Components/Ledger.md');
    expect(drawnIds()).not.toContain('Components/Dock Scheduler.md');
    await h.edit('Components/Ledger.md', (text) => text.replace(/\*\*Current Stage\*\*: [^\n]*/, '**Current Stage**: Production'));
    expect(stageOf('Components/Ledger.md')).toBe('production');
  });

  it('redrawn when an external dependency is renamed (a grey node, no component behind it)', async () => {
    const h = await startHarness({ workers: false });
    await h.command('open-graph');
    expect(externalNames()).toContain('Redis');
    // Before: the fingerprint held the components and the edges between them, not the externals.
    await h.edit('Components/Experiment Tracker.md', (text) => text.replace('- Optional: Redis', '- Optional: Memcached'));
    expect(externalNames()).toContain('Memcached');
    expect(externalNames()).not.toContain('Redis');
  });
});

describe("the graph view's focus menu", () => {
  it('over 100 components names only "All components" as the view opens, and every one once the reader opens it', async () => {
    const h = await startHarness({ files: generatedFiles() });
    const ids = plugin(h).indexer.index.ids();
    expect(ids.length).toBeGreaterThan(100);
    await h.command('open-graph');
    expect(drawnSvg()).not.toBeNull();
    const menu = graphBody().querySelector<HTMLSelectElement>('.mm-graph-toolbar select')!;
    // Before: one option a component in the first draw's task (280 at 300 notes: a 43–65 ms task in the harness).
    expect(menu.options.length).toBe(1);
    menu.dispatchEvent(new Event('focus'));
    expect([...menu.options].map((o) => o.value)).toEqual(['', ...ids]);
  });
});
