// @vitest-environment happy-dom
// The first open of a view that shows many components (the dashboard, a query block, the graph
// view) after a start builds their component views a slice at a time, shows a placeholder until
// they are built, and then draws what it drew before. Measured in work, not time: from the open on,
// the clock is virtual and moves only when the plugin builds a view (one millisecond each), so a
// slice holds SLICE_MS views; tasks are told apart as the event loop enters each macrotask (node's
// async_hooks), as a browser runs them, and each task's views counted.
import { createHook } from 'node:async_hooks';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { generateNotes } from '../../bench/generator/vault';
import { SLICE_MS } from '../../src/obsidian/index/slices';
import type { Harness } from './harness/app';
import { startHarness, useHarnessSession } from './helpers';

useHarnessSession();
afterEach(() => vi.restoreAllMocks());

/** Virtual milliseconds one view takes to build. */
const VIEW_MS = 1;
/** A slice ends at the first check after SLICE_MS: one view more at most. */
const MOST_PER_TASK = SLICE_MS / VIEW_MS + 1;

const STAGING = 'Reports/Staging.md';

interface PluginLike {
  indexer: { viewsBuilt: number; index: { ids(): string[] } };
  api: { components(query?: string): Array<{ id: string; name: string; owner: string | null }> };
}

const plugin = (h: Harness) => h.plugin as unknown as PluginLike;

/** A generated vault (small notes, to parse fast) and a note holding a query block. */
function files(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const note of generateNotes({ notes: 240, seed: 5, bytes: [800, 2000] })) out[note.path] = note.text;
  out[STAGING] = '# Staging\n\n```maturity-query\nstage: staging\n```\n';
  return out;
}

/** From now on `performance.now()` is the views the plugin built, at VIEW_MS each. */
function viewClock(h: Harness): void {
  const base = performance.now();
  vi.spyOn(performance, 'now').mockImplementation(() => base + plugin(h).indexer.viewsBuilt * VIEW_MS);
}

/** Views built in each macrotask while `run` goes on (zeros left out). */
async function viewsPerTask(h: Harness, run: () => Promise<void>): Promise<number[]> {
  const built = () => plugin(h).indexer.viewsBuilt;
  const macrotasks = new Set<number>();
  const counts: number[] = [];
  let start = built();
  const boundary = () => {
    if (built() > start) counts.push(built() - start);
    start = built();
  };
  const hook = createHook({
    init: (id, type) => void (type !== 'PROMISE' && type !== 'TickObject' && type !== 'Microtask' && macrotasks.add(id)),
    before: (id) => void (macrotasks.has(id) && boundary()),
  }).enable();
  try {
    await run();
  } finally {
    hook.disable();
  }
  boundary();
  return counts;
}

const nextTask = () => new Promise((resolve) => setImmediate(resolve));
const sum = (counts: number[]) => counts.reduce((a, b) => a + b, 0);
const shownIds = (el: Element) => [...new Set([...el.querySelectorAll('[data-mm-id]')].map((e) => e.getAttribute('data-mm-id')!))];

/** Wait (a task at a time, no clock involved) until `found` returns an element. */
async function element(found: () => Element | null): Promise<Element> {
  for (let i = 0; i < 100_000; i++) {
    const el = found();
    if (el) return el;
    await nextTask();
  }
  throw new Error('never appeared');
}

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
