// What a keep of the Logseq links makes (src/logseq/graph-links.ts over the stamps of
// src/plugin-cache/kept-links.ts), counted as the records it stamps: each record read for its
// stamp is counted (a record's `key` or `hash` read). Over a 300-page generated graph, a keep after
// one page's edit stamps that page alone, a keep with nothing changed stamps none, and what is
// written is what a keeper new to the graph (a first start's) writes.
import { afterEach, describe, expect, it } from 'vitest';
import { createIndex, type MaturityIndex } from '../../src/core/index';
import { digestOf } from '../../src/logseq/graph-answers';
import { openGraphCache } from '../../src/logseq/graph-cache';
import { frameSlicing } from '../../src/logseq/graph-queries';
import { readSettings } from '../../src/logseq/settings';
import { createLinkKeeper, type LinkKeeper } from '../../src/logseq/graph-links';
import type { CachedNote } from '../../src/plugin-cache/note-cache';
import { installIndexedDB, newIndexedDB } from '../helpers/indexeddb';
import { generatedGraph } from './generated-graph';

const KEY = 'source:settings';
const generated = generatedGraph(300);
const paths = [...generated.files.keys()];

/** Records as the cache holds them, each read of a stamp's parts counted. */
function countedRecords(): { records: Map<string, CachedNote>; reads: () => number; record: (path: string, text: string, version: number) => CachedNote } {
  let reads = 0;
  const record = (path: string, text: string, version: number): CachedNote => {
    const made: CachedNote = { key: `${KEY}@${version}:1700000000000`, hash: digestOf(text), mtime: 0, size: text.length, index: '{}', rest: '{}' };
    return new Proxy(made, {
      get(target, prop, receiver) {
        if (prop === 'key' || prop === 'hash') reads++;
        return Reflect.get(target, prop, receiver) as unknown;
      },
    });
  };
  const records = new Map<string, CachedNote>();
  paths.forEach((path, i) => records.set(path, record(path, generated.files.get(path)!, 1000 + i)));
  return { records, reads: () => reads, record };
}

function indexOf(files: ReadonlyMap<string, string>): MaturityIndex {
  const index = createIndex({});
  for (const [path, text] of files) index.upsert(path, text);
  index.ids();
  return index;
}

/** What a keeper that never kept links for this graph writes (a first start's). */
function firstKeep(index: MaturityIndex, records: ReadonlyMap<string, CachedNote>): unknown {
  const fresh: LinkKeeper = createLinkKeeper(records);
  return fresh.toStore(index, records, KEY);
}

/** The last page edited: the stamps are compared in the records' order, so every other is met first. */
function editLast(index: MaturityIndex, files: Map<string, string>, counted: ReturnType<typeof countedRecords>): string {
  const path = paths.at(-1)!;
  const text = `${files.get(path)!}\n- one more line\n`;
  files.set(path, text);
  index.upsert(path, text);
  counted.records.set(path, counted.record(path, text, 5000));
  return path;
}

describe('the Logseq links kept after a change stamp only what changed', () => {
  it('a keep after one page’s edit stamps that page alone, and writes what a first start writes', () => {
    const files = new Map(generated.files);
    const index = indexOf(files);
    const counted = countedRecords();
    const keeper = createLinkKeeper(counted.records);
    const first = keeper.toStore(index, counted.records, KEY);
    expect(first?.stamps).toHaveLength(paths.length);
    editLast(index, files, counted);
    const before = counted.reads();
    const second = keeper.toStore(index, counted.records, KEY);
    // main: every record stamped twice over (compared, then made again): 1,200 reads
    expect(counted.reads() - before).toBe(1);
    expect(second).toEqual(firstKeep(index, counted.records));
    expect(second?.stamps.filter((stamp, i) => stamp !== first!.stamps[i])).toHaveLength(1);
  });

  it('after a warm start’s adoption, a keep with nothing changed stamps nothing and writes nothing', () => {
    const files = new Map(generated.files);
    const index = indexOf(files);
    const counted = countedRecords();
    const stored = structuredClone(createLinkKeeper(counted.records).toStore(index, counted.records, KEY));
    const keeper = createLinkKeeper(counted.records);
    keeper.read(stored, KEY);
    expect(paths.every((path) => keeper.fits(path))).toBe(true);
    let before = counted.reads();
    expect(keeper.toStore(index, counted.records, KEY)).toBeNull();
    // main: 600 reads (every record stamped to compare with the stamps read)
    expect(counted.reads() - before).toBe(0);
    const edited = editLast(index, files, counted);
    expect(keeper.fits(edited)).toBe(false);
    before = counted.reads();
    const kept = keeper.toStore(index, counted.records, KEY);
    expect(counted.reads() - before).toBe(1);
    expect(kept).toEqual(firstKeep(index, counted.records));
  });

  it('a page added or gone makes the paths again, and the keep writes what a first start writes', () => {
    const files = new Map(generated.files);
    const index = indexOf(files);
    const counted = countedRecords();
    const keeper = createLinkKeeper(counted.records);
    keeper.toStore(index, counted.records, KEY);
    const gone = paths[3]!;
    files.delete(gone);
    index.remove(gone);
    counted.records.delete(gone);
    const added = 'pages/Added while running.md';
    const text = generated.files.get(paths[7]!)!;
    files.set(added, text);
    index.upsert(added, text);
    counted.records.set(added, counted.record(added, text, 9000));
    const kept = keeper.toStore(index, counted.records, KEY);
    expect(kept).toEqual(firstKeep(index, counted.records));
    expect(kept?.paths).toContain(added);
    expect(kept?.paths).not.toContain(gone);
  });
});

describe('the Logseq links kept in idle time', () => {
  afterEach(() => installIndexedDB(null, globalThis));

  it('a close (unload, graph switch) does not wait for idle time: the links made are stored, and the next start reads them', async () => {
    installIndexedDB(newIndexedDB(), globalThis);
    const settings = readSettings({});
    const yieldNow = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
    // A thread that is never idle: only the close lets the store go on.
    const never = () => new Promise<void>(() => undefined);
    const options = { graph: '/graphs/closing', settings: () => settings, slicing: frameSlicing(yieldNow), quiet: never };
    const cache = (await openGraphCache(options))!;
    await cache.load();
    const index = createIndex(settings.core);
    for (const path of paths.slice(0, 20)) cache.put(index, path, { text: generated.files.get(path)!, digest: digestOf(generated.files.get(path)!) }, '1:1', null);
    await cache.store();
    index.ids();
    void cache.keepLinks(index);
    await cache.close();
    const next = (await openGraphCache(options))!;
    await next.load();
    expect(next.takeKeptLinks()?.paths).toEqual(paths.slice(0, 20));
    await next.close();
  });
});
