// Counting the work a view does, for the tests of views over many components (view-slices,
// query-sort). From the open on, the clock is virtual and moves only when the plugin builds a
// component view (one millisecond each), so a slice holds SLICE_MS views; tasks are told apart as
// the event loop enters each macrotask (node's async_hooks), as a browser runs them, and each
// task's views counted.
import { createHook } from 'node:async_hooks';
import { vi } from 'vitest';
import { generateNotes } from '../../bench/generator/vault';
import { SLICE_MS } from '../../src/obsidian/index/slices';
import type { Harness } from './harness/app';

/** Virtual milliseconds one view takes to build. */
export const VIEW_MS = 1;
/** A slice ends at the first check after SLICE_MS: one view more at most. */
export const MOST_PER_TASK = SLICE_MS / VIEW_MS + 1;

export interface PluginLike {
  indexer: { viewsBuilt: number; index: { ids(): string[] } };
  api: { components(query?: string): Array<{ id: string; name: string; owner: string | null }> };
}

export const plugin = (h: Harness) => h.plugin as unknown as PluginLike;

/** A generated vault (small notes, to parse fast) and the notes given (path → text). */
export function generatedFiles(extra: Record<string, string> = {}): Record<string, string> {
  const out: Record<string, string> = {};
  for (const note of generateNotes({ notes: 240, seed: 5, bytes: [800, 2000] })) out[note.path] = note.text;
  return { ...out, ...extra };
}

/** From now on `performance.now()` is the views the plugin built, at VIEW_MS each. */
export function viewClock(h: Harness): void {
  const base = performance.now();
  vi.spyOn(performance, 'now').mockImplementation(() => base + plugin(h).indexer.viewsBuilt * VIEW_MS);
}

/** Views built in each macrotask while `run` goes on (zeros left out). */
export function viewsPerTask(h: Harness, run: () => Promise<void>): Promise<number[]> {
  return perTask(() => plugin(h).indexer.viewsBuilt, run);
}

/** How far `built()` went in each macrotask while `run` goes on (zeros left out). */
export async function perTask(built: () => number, run: () => Promise<void>): Promise<number[]> {
  const counts: number[] = [];
  let start = built();
  await atEachTask(() => {
    if (built() > start) counts.push(built() - start);
    start = built();
  }, run);
  return counts;
}

/** `boundary()` between macrotasks (and once at the end) while `run` goes on. */
export async function atEachTask(boundary: () => void, run: () => Promise<void>): Promise<void> {
  const macrotasks = new Set<number>();
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
}

export const nextTask = () => new Promise((resolve) => setImmediate(resolve));
export const sum = (counts: number[]) => counts.reduce((a, b) => a + b, 0);
export const shownIds = (el: Element) => [...new Set([...el.querySelectorAll('[data-mm-id]')].map((e) => e.getAttribute('data-mm-id')!))];

/** Wait (a task at a time, no clock involved) until `found` returns an element. */
export async function element(found: () => Element | null): Promise<Element> {
  for (let i = 0; i < 100_000; i++) {
    const el = found();
    if (el) return el;
    await nextTask();
  }
  throw new Error('never appeared');
}
