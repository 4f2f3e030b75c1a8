// The links kept with the Logseq cache (src/logseq/graph-links.ts, the record of
// src/plugin-cache/kept-links.ts): the graph index started as the plugin starts it (graph-start.ts,
// then the warm-up of warm-index.ts) over the fake 0.10.x graph's datascript and fake-indexeddb,
// relaunched over the same restored graph and frame storage. A relaunch with nothing changed
// resolves no link and sorts no name; one after edits made while Logseq was closed (a dependency
// renamed on a page, a page deleted, one added, one renamed) resolves only what those touch; links
// stale or unreadable are not adopted. Each one answers exactly what a first start (no cache) over
// the same graph answers: the name order, every resolution and every component's dependents.
import { afterEach, describe, expect, it } from 'vitest';
import type { IDBFactory } from 'fake-indexeddb';
import { openDB } from 'idb';
import type { MaturityIndex } from '../../src/core/index';
import { resetWorkCount } from '../../src/core/work-count';
import { createGraphIndex } from '../../src/logseq/graph-index';
import type { LogseqHost } from '../../src/logseq/host';
import { readSettings } from '../../src/logseq/settings';
import { afterFirstDraw, beforeFirstDraw } from '../../src/logseq/warm-index';
import { installIndexedDB, newIndexedDB } from '../helpers/indexeddb';
import { TODAY } from '../helpers/vault';
import { createFakeGraph, type FakeGraph } from './fake/graph';
import { generatedGraph, pageFile } from './generated-graph';

const GRAPH_DIR = '/graphs/demo';
const DATABASE = `maturity-map-logseq/${GRAPH_DIR}`;
const yieldNow = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

afterEach(() => installIndexedDB(null, globalThis));

/** The part of the SDK the graph index asks at start-up, answered by the fake graph. */
function hostOver(graph: FakeGraph): LogseqHost {
  const host = {
    App: { getCurrentGraph: async () => ({ path: GRAPH_DIR }), getCurrentGraphConfigs: async () => 'triple-lowbar' },
    DB: { datascriptQuery: async (query: string) => graph.datascriptQuery(query) },
  };
  return host as unknown as LogseqHost;
}

interface Start {
  /** The name order, every component's resolution (in that order), every component's dependents. */
  answer: { ids: string[]; resolution: unknown; dependents: string[][] };
  resolved: number;
  nameSorts: number;
}

/** What the index says about links, in full. */
function answerOf(index: MaturityIndex): Start['answer'] {
  const ids = [...index.ids()];
  return { ids, resolution: index.linkResolution(), dependents: ids.map((id) => index.component(id)!.dependents) };
}

/** Start as the plugin does (the start-up, the name order, the first draw's warm-up), counting the links resolved and the name sorts until the name order is known. */
async function launch(graph: FakeGraph, device: IDBFactory): Promise<Start> {
  installIndexedDB(device, globalThis);
  const work = resetWorkCount();
  const g = await createGraphIndex(hostOver(graph), readSettings({}), { today: TODAY, yieldNow });
  await g.start();
  await beforeFirstDraw(g.index, { yieldNow, stale: () => false });
  const counted = { resolved: work.resolved, nameSorts: work.nameSorts };
  await afterFirstDraw(g.index, () => g.keepLinks(), { yieldNow, stale: () => false });
  const answer = answerOf(g.index);
  await g.close();
  return { answer, ...counted };
}

const generated = generatedGraph(300);
/** The components' dependencies, in all: what resolving every link once costs. */
const DEPENDENCIES = generated.core.ids().reduce((n, id) => n + generated.core.component(id)!.dependencies.length, 0);

function newGraph(): FakeGraph {
  const graph = createFakeGraph();
  graph.load(generated.files);
  return graph;
}

/** A component page with a dependency resolved to another component, and another component's name to link to instead. */
function dependencyToRename(): { path: string; text: string } {
  const ids = generated.core.ids();
  for (const id of ids) {
    const dep = generated.core.component(id)!.dependencies.find((d) => d.id !== null && d.id !== id);
    if (!dep) continue;
    const other = generated.core.component(ids.find((o) => o !== id && o !== dep.id && generated.core.component(o)!.name.length > 3)!)!;
    const lines = generated.files.get(id)!.split('\n');
    const line = lines[dep.line - 1]!;
    const renamed = line.replace(dep.name, other.name);
    if (renamed === line) continue;
    lines[dep.line - 1] = renamed;
    return { path: id, text: lines.join('\n') };
  }
  throw new Error('no dependency to rename');
}

/** A component page others link to (its own dependents), other than `not`. */
function linkedPage(not: readonly string[]): string {
  return generated.core.ids().find((id) => !not.includes(id) && generated.core.component(id)!.dependents.length > 0)!;
}

async function storedLinks(device: IDBFactory): Promise<unknown> {
  installIndexedDB(device, globalThis);
  const db = await openDB(DATABASE);
  try {
    return await db.get('links', 0);
  } finally {
    db.close();
  }
}

async function putLinks(device: IDBFactory, value: unknown): Promise<void> {
  installIndexedDB(device, globalThis);
  const db = await openDB(DATABASE);
  await db.put('links', value, 0);
  db.close();
}

describe('the Logseq warm start takes the links kept with its cache', () => {
  it('with nothing changed it resolves no link, sorts no name and answers what a first start answers', async () => {
    const graph = newGraph();
    const device = newIndexedDB();
    const cold = await launch(graph, device);
    expect(cold.resolved).toBeGreaterThanOrEqual(DEPENDENCIES);
    expect(cold.nameSorts).toBe(1);
    const warm = await launch(graph, device);
    expect(warm.resolved).toBe(0);
    expect(warm.nameSorts).toBe(0);
    expect(warm.answer).toEqual(cold.answer);
    expect(warm.answer.dependents.some((d) => d.length > 0)).toBe(true);
    // The links kept list the components in the name order a relaunch takes.
    expect((await storedLinks(device)) as { resolution: { ids: string[] } }).toMatchObject({ resolution: { ids: cold.answer.ids } });
  });

  it('after edits made while Logseq was closed it resolves only what they touch, and answers what a first start answers', async () => {
    const graph = newGraph();
    const device = newIndexedDB();
    const before = await launch(graph, device);
    const changed = dependencyToRename();
    const deleted = linkedPage([changed.path]);
    const renamed = linkedPage([changed.path, deleted]);
    graph.writeFile(changed.path, changed.text);
    graph.removeFile(deleted);
    // A copy of a linked page under another path: everything linking to its name now has two candidates.
    graph.setFile(pageFile('Archive/Copy of a linked page.md'), generated.files.get(linkedPage([changed.path, deleted, renamed]))!);
    graph.renamePage(renamed, 'pages/Renamed while closed.md');
    graph.writeFile('pages/Renamed while closed.md', generated.files.get(renamed)!);

    const warm = await launch(graph, device);
    const cold = await launch(graph, newIndexedDB());
    expect(warm.answer).toEqual(cold.answer);
    expect(warm.answer).not.toEqual(before.answer);
    // Only the pages the edits touch resolve again (and a component added or gone: the name order is sorted once).
    expect(warm.resolved).toBeGreaterThan(0);
    expect(warm.resolved).toBeLessThan(DEPENDENCIES / 4);
    expect(warm.nameSorts).toBe(1);
    // The links kept by that start serve the next one in full.
    const next = await launch(graph, device);
    expect(next.resolved).toBe(0);
    expect(next.nameSorts).toBe(0);
    expect(next.answer).toEqual(cold.answer);
  });
});

describe('the Logseq warm start refuses links that do not fit', () => {
  it('links made before a page’s record was (a store that failed) are not taken for that page', async () => {
    const graph = newGraph();
    const device = newIndexedDB();
    await launch(graph, device);
    const older = await storedLinks(device);
    const changed = dependencyToRename();
    graph.writeFile(changed.path, changed.text);
    await launch(graph, device);
    // The page's record is its new text's; the links are those of its old one (same number of dependencies).
    await putLinks(device, older);
    const warm = await launch(graph, device);
    const cold = await launch(graph, newIndexedDB());
    expect(warm.answer).toEqual(cold.answer);
    expect(warm.resolved).toBeGreaterThan(0);
    expect(warm.resolved).toBeLessThan(DEPENDENCIES / 4);
  });

  it('links that are no links, or of other settings, are not adopted: the start resolves as a first one', async () => {
    const graph = newGraph();
    const device = newIndexedDB();
    const cold = await launch(graph, device);
    const kept = (await storedLinks(device)) as Record<string, unknown>;
    for (const stored of [{ ...kept, key: 'another build:0' }, { ...kept, stamps: 'garbled' }, { ...kept, resolution: { version: 1, ids: [] } }, 'links']) {
      await putLinks(device, stored);
      const warm = await launch(graph, device);
      // Every dependency resolved at least once (how often depends on how the slices fell).
      expect(warm.resolved).toBeGreaterThanOrEqual(DEPENDENCIES);
      expect(warm.nameSorts).toBe(1);
      expect(warm.answer).toEqual(cold.answer);
    }
  });
});
