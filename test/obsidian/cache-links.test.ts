// @vitest-environment happy-dom
// The links resolved at the last launch, kept beside the per-file cache (src/obsidian/index/links.ts):
// a relaunch with nothing changed resolves no link and builds the index a cold start builds; a
// relaunch after a note was renamed, added, deleted or retitled, or the settings changed, resolves
// the links again and still builds exactly the cold start's index over the same files.
import { describe, expect, it } from 'vitest';
import type { Harness } from './harness/app';
import { newIndexedDB } from './harness/node-host';
import { dispose, exampleFiles, startHarness, useHarnessSession } from './helpers';

interface Plugin {
  api: { components(): Array<{ id: string; dependencies: Array<{ id: string | null }>; dependents: string[]; diagnostics: unknown[] }> };
  indexer: { stats: { parsed: number; build: { fromCache: number; parsed: number; linksKept?: boolean } }; flushWrites(): Promise<void> };
}

type Launch = Parameters<typeof startHarness>[0];

let h: Harness | null = null;
useHarnessSession();

/** Launch, let the cache (and the links) be written, quit; what the index said and how the build went. */
async function launch(options: Launch): Promise<{ components: unknown; build: Plugin['indexer']['stats']['build'] }> {
  h = await startHarness(options);
  const plugin = h.plugin as unknown as Plugin;
  await plugin.indexer.flushWrites();
  const result = { components: plugin.api.components(), build: structuredClone(plugin.indexer.stats.build) };
  dispose(h);
  h = null;
  return result;
}

/** The links record the plugin kept in the device's IndexedDB. */
async function storedLinks(device: IDBFactory): Promise<unknown> {
  const names = (await device.databases()).map((d) => d.name ?? '').filter((name) => name.startsWith('maturity-map-cache/'));
  expect(names).toHaveLength(1);
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const open = device.open(names[0]!);
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  try {
    return await new Promise((resolve, reject) => {
      const get = db.transaction('links').objectStore('links').get(0);
      get.onsuccess = () => resolve(get.result);
      get.onerror = () => reject(get.error);
    });
  } finally {
    db.close();
  }
}

/** A later mtime for the files an edit touched (as the file system gives them). */
const LATER = 1_800_000_000_000;

function retitle(text: string, name: string): string {
  return text.replace(/^# .*$/m, `# ${name} Maturity Status`).replace(/^title: .*$/m, `title: ${name} Maturity Status`);
}

/** Each change to the vault between two launches: the files after it, and their mtimes. */
const CHANGES: Record<string, () => { files: Record<string, string>; mtimes?: Record<string, number>; data?: Record<string, unknown> }> = {
  // Same path, same number of dependencies: only its name changes, so links to "Ledger" now have two candidates.
  'a note retitled': () => {
    const files = exampleFiles();
    files['Components/Rate Quoter.md'] = retitle(files['Components/Rate Quoter.md']!, 'Ledger');
    return { files, mtimes: { 'Components/Rate Quoter.md': LATER } };
  },
  'a note added with a name others link to': () => {
    const files = exampleFiles();
    files['Archive/Search Indexer.md'] = files['Components/Search Indexer.md']!;
    return { files, mtimes: { 'Archive/Search Indexer.md': LATER } };
  },
  'a linked note deleted': () => {
    const files = exampleFiles();
    delete files['Components/Auth Gateway.md'];
    return { files };
  },
  'a linked note renamed': () => {
    const files = exampleFiles();
    files['Finance/General Ledger.md'] = files['Components/Ledger.md']!;
    delete files['Components/Ledger.md'];
    return { files };
  },
  'other settings': () => ({ files: exampleFiles(), data: { staleAfterDays: 90 } }),
};

describe('kept links', () => {
  it('a relaunch with nothing changed resolves no link and builds the cold start’s index', async () => {
    const device = newIndexedDB();
    const cold = await launch({ indexedDB: device });
    expect(cold.build.linksKept).toBe(false);
    const warm = await launch({ indexedDB: device });
    expect(warm.build.parsed).toBe(0);
    expect(warm.build.linksKept).toBe(true);
    expect(warm.components).toEqual(cold.components);
    // The comparison covers resolved links, both ways.
    const components = warm.components as Awaited<ReturnType<Plugin['api']['components']>>;
    expect(components.some((c) => c.dependencies.some((d) => d.id !== null))).toBe(true);
    expect(components.some((c) => c.dependents.length > 0)).toBe(true);
    // A third launch still has them (nothing was rewritten wrongly by the second).
    expect((await launch({ indexedDB: device })).build.linksKept).toBe(true);
    // They list the components in the index's name order, which a relaunch takes instead of sorting.
    const kept = (await storedLinks(device)) as { resolution: { ids: string[] } };
    expect(kept.resolution.ids).toEqual(components.map((c) => c.id));
  });

  for (const [name, change] of Object.entries(CHANGES)) {
    it(`after ${name}, a relaunch builds the cold start’s index over the same files`, async () => {
      const device = newIndexedDB();
      const first = await launch({ indexedDB: device });
      const after = change();
      const warm = await launch({ indexedDB: device, ...after });
      const cold = await launch({ indexedDB: newIndexedDB(), ...after });
      expect(warm.build.linksKept).toBe(false);
      expect(warm.components).toEqual(cold.components);
      expect(warm.components).not.toEqual(first.components);
      // And the links kept by that launch serve the next one.
      const next = await launch({ indexedDB: device, ...after });
      expect(next.build.linksKept).toBe(true);
      expect(next.components).toEqual(cold.components);
    });
  }
});
