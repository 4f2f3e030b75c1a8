// The start-up build on the main thread (no Web Workers: the parser pool's fallback) keeps each
// task to one slice of work. Measured in work, not time: the clock is virtual and moves only when a
// note is parsed, so a task's length is the parsing it holds. Tasks are told apart as the event
// loop enters each macrotask (node's async_hooks), as a browser runs them.
import { createHook } from 'node:async_hooks';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { App, TFile } from 'obsidian';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createPipeline, noteKeys, prepareNote, resolveConfig, type IndexOptions } from '../../src/core/index';
import { buildGeneration, type BuildHost } from '../../src/obsidian/index/build';
import type { PreparedNote } from '../../src/plugin-cache/note-record';
import type { ParseItem } from '../../src/obsidian/index/parser-pool';
import { mapInSlices, SLICE_MS } from '../../src/obsidian/index/slices';
import { EXAMPLE_VAULT, listMarkdown, TODAY } from '../helpers/vault';

/** Virtual milliseconds one note takes to parse. */
const NOTE_MS = 3;
let clock = 0;

/** The example vault's notes, copied into `copies` folders: enough batches to keep the parse queue full. */
function vaultFiles(copies: number): Map<string, string> {
  const files = new Map<string, string>();
  for (const path of listMarkdown(EXAMPLE_VAULT)) {
    const text = readFileSync(join(EXAMPLE_VAULT, path), 'utf8');
    for (let i = 0; i < copies; i++) files.set(`Copy ${i}/${path}`, text);
  }
  return files;
}

/**
 * What the parser pool does without workers (its loop, slices.ts `mapInSlices`): one note at a
 * time, yielding once the slice is spent; each note moves the clock.
 */
function mainThreadParser(options: IndexOptions): (items: ParseItem[]) => Promise<PreparedNote[]> {
  const config = resolveConfig(options);
  const pipeline = createPipeline(config.stages, config.vocabulary);
  const prepare = (item: ParseItem): PreparedNote => {
    clock += NOTE_MS;
    const note = prepareNote(item.text, item.path, config, pipeline, undefined, 'index');
    return { note, keys: noteKeys(note, item.path, config, pipeline) };
  };
  return (items) => mapInSlices(items, prepare, () => false);
}

function buildHost(files: Map<string, string>): BuildHost {
  const tfiles = [...files.keys()].map((path) => ({ path, stat: { mtime: 1, size: files.get(path)!.length, ctime: 1 } }) as unknown as TFile);
  const options: IndexOptions = { today: TODAY };
  return {
    app: { vault: { getMarkdownFiles: () => tfiles } } as unknown as App,
    options,
    rules: { path: () => true, file: () => true },
    cache: Promise.resolve(null),
    key: 'test',
    progress: { phase: 'building', done: 0, total: 0, unreadable: [] },
    publishProgress: () => {},
    parse: mainThreadParser(options),
    // A note Obsidian holds in memory: cachedRead answers without I/O, in the same task.
    read: async (file) => files.get(file.path) ?? null,
    current: () => true,
    dirty: new Set(),
    gone: new Set(),
  };
}

/** Virtual milliseconds of each macrotask while `run` goes on. */
async function taskLengths(run: () => Promise<unknown>): Promise<number[]> {
  const macrotasks = new Set<number>();
  const lengths: number[] = [];
  let start = clock;
  const hook = createHook({
    init: (id, type) => void (type !== 'PROMISE' && type !== 'TickObject' && type !== 'Microtask' && macrotasks.add(id)),
    before: (id) => {
      if (!macrotasks.has(id)) return;
      lengths.push(clock - start);
      start = clock;
    },
  }).enable();
  try {
    await run();
  } finally {
    hook.disable();
  }
  lengths.push(clock - start);
  return lengths;
}

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('the start-up build without workers', () => {
  it('holds at most one slice of parsing in a task, where parse batches end included', async () => {
    vi.stubGlobal('window', globalThis); // slices.ts continues work through window.MessageChannel
    vi.spyOn(performance, 'now').mockImplementation(() => clock);
    const files = vaultFiles(20);
    const host = buildHost(files);
    let built: Awaited<ReturnType<typeof buildGeneration>> = null;
    const lengths = await taskLengths(async () => {
      built = await buildGeneration(host);
    });
    expect(built!.parsed).toBe(files.size);
    expect(built!.index.ids().length).toBeGreaterThan(files.size / 2);
    expect(clock).toBe(files.size * NOTE_MS);
    // A slice ends at the first check after SLICE_MS: one note more at most.
    expect(Math.max(...lengths)).toBeLessThanOrEqual(SLICE_MS + NOTE_MS);
    expect(lengths.filter((ms) => ms > 0).length).toBeGreaterThanOrEqual((files.size * NOTE_MS) / (SLICE_MS + NOTE_MS));
  });
});

describe('the main-thread loop (mapInSlices)', () => {
  it('makes nothing more once it is stopped: a job let go at unload ends at its next check', async () => {
    vi.stubGlobal('window', globalThis);
    vi.spyOn(performance, 'now').mockImplementation(() => clock);
    let stopped = false;
    const made: number[] = [];
    const make = (n: number) => {
      clock += NOTE_MS;
      made.push(n);
      // The plugin unloads while this slice runs.
      if (made.length === 8) stopped = true;
      return n;
    };
    const out = await mapInSlices(Array.from({ length: 40 }, (_, n) => n), make, () => stopped);
    // Checked before each item (after a yield too): nothing is made after the stop.
    expect(made).toHaveLength(8);
    expect(out).toEqual(made);
  });
});
