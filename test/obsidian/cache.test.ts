// @vitest-environment happy-dom
// Start-up from the per-file cache (IndexedDB, fake-indexeddb here) and parsing off the main
// thread: a relaunch parses only what changed, settings and parser changes invalidate it, notes
// that cannot be components are never read, and without workers the same index is built on the
// main thread. A rebuild keeps the old index until the new one is complete.
import { describe, expect, it } from 'vitest';
import type { Harness } from './harness/app';
import { newIndexedDB, workerStarts } from './harness/node-host';
import { continuations } from './harness/tasks';
import { dispose, exampleFiles, startHarness, useHarnessSession } from './helpers';

interface Api {
  components(query?: string): Array<{ id: string; name: string; stage: string | null }>;
  component(name: string): { id: string; stage: string | null } | null;
  ready(): Promise<void>;
}
interface Indexer {
  stats: { parsed: number; build: { fromCache: number; parsed: number; parser: string } };
  progress: { phase: string; unreadable: Array<{ path: string; diagnostic: { code: string; message: string } }> };
  flushWrites(): Promise<void>;
  reconfigure(options: unknown): Promise<void>;
}

let h: Harness | null = null;
useHarnessSession();

const api = () => (h!.app.plugins.plugins['maturity-map'] as unknown as { api: Api }).api;
const indexer = () => (h!.plugin as unknown as { indexer: Indexer }).indexer;
const snapshot = () => api().components().map((c) => `${c.id}|${c.name}|${c.stage}`);

/** Launch, let the cache be written, and close the app (the plugin unloads as the app quits). */
async function launch(options: Parameters<typeof startHarness>[0]): Promise<{ components: string[]; stats: Indexer['stats'] }> {
  h = await startHarness(options);
  await indexer().flushWrites();
  const result = { components: snapshot(), stats: structuredClone(indexer().stats) };
  dispose(h);
  h = null;
  return result;
}

describe('cache', () => {
  it('a relaunch with nothing changed parses no note and builds the same index', async () => {
    const device = newIndexedDB();
    const cold = await launch({ indexedDB: device });
    expect(cold.stats.build.parsed).toBeGreaterThan(20);
    expect(cold.stats.build.fromCache).toBe(0);
    const startsBefore = workerStarts.count;
    const warm = await launch({ indexedDB: device });
    expect(warm.stats.build.parsed).toBe(0);
    expect(warm.stats.parsed).toBe(0);
    // Nothing to parse: no worker is started (they start with the first parse).
    expect(workerStarts.count).toBe(startsBefore);
    expect(warm.stats.build.fromCache).toBe(cold.stats.build.parsed);
    expect(warm.components).toEqual(cold.components);
  });

  it('parses only the note whose mtime or size changed', async () => {
    const device = newIndexedDB();
    await launch({ indexedDB: device });
    const files = exampleFiles();
    files['Components/Ledger.md'] = files['Components/Ledger.md']!.replace(/\*\*Current Stage\*\*: [^\n]*/, '**Current Stage**: Staging');
    h = await startHarness({ indexedDB: device, files, mtimes: { 'Components/Ledger.md': 1_800_000_000_000 } });
    expect(indexer().stats.build.parsed).toBe(1);
    expect(api().component('Ledger')!.stage).toBe('staging');
  });

  it('other settings or a deleted note invalidate what they must', async () => {
    const device = newIndexedDB();
    await launch({ indexedDB: device });
    const files = exampleFiles();
    delete files['Components/Ledger.md'];
    h = await startHarness({ indexedDB: device, files, data: { staleAfterDays: 90 } });
    expect(indexer().stats.build.fromCache).toBe(0);
    expect(api().component('Ledger')).toBeNull();
  });

  it('an edit after start-up parses that note once, and the next launch takes it from the cache', async () => {
    const device = newIndexedDB();
    h = await startHarness({ indexedDB: device });
    const before = indexer().stats.parsed;
    await h.edit('Components/Ledger.md', (t) => t.replace(/\*\*Current Stage\*\*: [^\n]*/, '**Current Stage**: Staging'));
    expect(indexer().stats.parsed).toBe(before + 1);
    await indexer().flushWrites();
    const text = await h.app.vault.read(h.file('Components/Ledger.md'));
    const mtime = h.file('Components/Ledger.md').stat.mtime;
    dispose(h);
    h = await startHarness({ indexedDB: device, files: { ...exampleFiles(), 'Components/Ledger.md': text }, mtimes: { 'Components/Ledger.md': mtime } });
    expect(indexer().stats.build.parsed).toBe(0);
    expect(api().component('Ledger')!.stage).toBe('staging');
  });
});

describe('candidates', () => {
  it('notes in excluded folders are never read', async () => {
    h = await startHarness({ data: { excludeFolders: ['Guides', 'Daily'] } });
    expect(h.app.vault.reads.filter((p) => p.startsWith('Guides/') || p.startsWith('Daily/'))).toEqual([]);
    expect(h.app.vault.reads.length).toBeGreaterThan(10);
  });

  it('with component tags set, notes whose tags (per the metadata cache) cannot match are not read', async () => {
    h = await startHarness({ data: { componentTags: ['maturity'] } });
    const read = new Set(h.app.vault.reads);
    expect(read.has('Daily/2026-11-20.md')).toBe(false);
    expect(read.has('Reports/Q4 Readiness Review.md')).toBe(false);
    expect(read.has('Components/Feature Flags.md')).toBe(true);
    expect(api().component('Feature Flags')).not.toBeNull();
    // Page properties (`tags:: maturity`) and `tags: #maturity` (a YAML comment) are text to Obsidian: read.
    expect(api().component('Notification Hub')).not.toBeNull();
    expect(api().component('Media Pipeline')).not.toBeNull();
  });
});

describe('parsing off the main thread', () => {
  it('parses in a worker, and without workers builds the same index on the main thread', async () => {
    const withWorker = await launch({});
    expect(withWorker.stats.build.parser).toBe('worker');
    const without = await launch({ workers: false });
    expect(without.stats.build.parser).toBe('main-thread');
    expect(without.components).toEqual(withWorker.components);
  });

  it('yields with scheduler.yield on the desktop app and through a MessageChannel on a phone, building the same index', async () => {
    const before = { ...continuations };
    const desktop = await launch({ workers: false });
    expect(continuations.scheduler).toBeGreaterThan(before.scheduler);
    expect(continuations.channel).toBe(before.channel);
    const phone = await launch({ workers: false, platform: 'mobile' });
    expect(continuations.channel).toBeGreaterThan(before.channel);
    expect(phone.components).toEqual(desktop.components);
    expect(phone.components.length).toBeGreaterThan(10);
  });

  it('a note too large to read gets a file-unreadable diagnostic, and is not read', async () => {
    const huge = `# Huge\n\n${'x'.repeat(8 * 1024 * 1024)}\n`;
    h = await startHarness({ files: { ...exampleFiles(), 'Dumps/Huge.md': huge } });
    expect(h.app.vault.reads).not.toContain('Dumps/Huge.md');
    const [entry] = indexer().progress.unreadable;
    expect(entry?.path).toBe('Dumps/Huge.md');
    expect(entry?.diagnostic.code).toBe('file-unreadable');
    expect(entry?.diagnostic.message).toMatch(/larger than 8 MB/);
  });
});

describe('rebuilds', () => {
  it('keep the old index until the new one is complete', async () => {
    h = await startHarness();
    const all = snapshot();
    const changes: string[] = [];
    (api() as unknown as { events: { on(n: string, cb: (c: { reason: string }) => void): unknown } }).events.on('change', (c) => changes.push(c.reason));
    const done = indexer().reconfigure({ components: { folders: ['services'] } });
    expect(snapshot()).toEqual(all);
    await done;
    expect(api().components().map((c) => c.id)).toEqual(['services/object-storage/MATURITY.md']);
    expect(changes).toEqual(['build']);
  });
});
