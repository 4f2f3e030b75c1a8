// Every kind of change a Logseq warm start must see, made between two launches (Logseq restoring
// its database between them, as it does: FakeGraph `restore`): a start from the cache asks the
// versions of the changed pages only (start-plan.ts; main asked every page's), pulls exactly the
// pages whose text it holds no record of, and answers what a first start over the same graph
// answers: components, notes, resolution, name lookups and page names. Where a change leaves the
// marks without their witness (a database that gave ids out again), it asks every page, as a start
// without kept pages does. Counted, never timed.
import { afterEach, describe, expect, it } from 'vitest';
import { installIndexedDB, newIndexedDB } from '../helpers/indexeddb';
import { createFakeGraph, type FakeGraph } from './fake/graph';
import { generatedGraph } from './generated-graph';
import { launch } from './graph-launch';

const PAGES = 300;
const generated = generatedGraph(PAGES, 7);
const components = [...generated.files.keys()].filter((path) => generated.core.component(path) !== undefined);
const [A, B] = components as [string, string];
/** A page holding Logseq `key:: value` properties (the generator's Logseq flavour). */
const WITH_PROPERTIES = components.find((path) => /^[\w-]+:: \S/m.test(generated.files.get(path)!))!;
/** The file made last before the first launch: the newest file entity, the marks' witness. */
const NEWEST = 'pages/Made last.md';
const NEW_PAGE = '# Made Between Launches\n\n**Current Stage**: Development\n\n## Dependencies\n\n- [[Made Last]]\n';

afterEach(() => installIndexedDB(null, globalThis));

/** A component's text at another stage (a change every view shows). */
function restaged(path: string): string {
  const text = generated.files.get(path)!;
  const changed = text.replace(/(\*\*Current Stage\*\*: )[A-Za-z]+/, '$1Retired');
  expect(changed).not.toBe(text);
  return changed;
}

/** `:file/last-modified-at` of the file at `path` (a Date). */
function mtimeOf(graph: FakeGraph, path: string): Date {
  return graph.datascriptQuery(`[:find ?m . :where [?f :file/path ${JSON.stringify(path)}] [?f :file/last-modified-at ?m]]`) as Date;
}

interface Change {
  name: string;
  /** Make the change; the pages the next start must pull. */
  make(graph: FakeGraph): string[];
  /** The marks' witness is gone: every page's version is asked (main's way). */
  asksEvery?: boolean;
}

const CHANGES: Change[] = [
  { name: 'a block edited in the app, its file written', make: (g) => (g.applyEdit(A, restaged(A)), g.writeFile(A, restaged(A)), [A]) },
  { name: 'a page file changed on disk, read again by the watcher', make: (g) => (g.setFile(B, restaged(B)), [B]) },
  { name: 'a page file changed on disk keeping its file time', make: (g) => (g.setFile(B, restaged(B), { mtime: mtimeOf(g, B) }), [B]) },
  { name: 'a page created', make: (g) => (g.setFile('pages/Made between launches.md', NEW_PAGE), ['pages/Made between launches.md']) },
  { name: 'a page deleted', make: (g) => (g.removeFile(A), []) },
  { name: 'a page renamed in the app, its file written again', make: (g) => (g.renamePage(A, 'pages/Renamed in the app.md'), g.writeFile('pages/Renamed in the app.md', generated.files.get(A)!), ['pages/Renamed in the app.md']) },
  { name: 'a page file renamed on disk', make: (g) => (g.renameFile(B, 'pages/Renamed on disk.md'), ['pages/Renamed on disk.md']) },
  {
    name: 'page properties changed',
    make: (g) => {
      const text = generated.files.get(WITH_PROPERTIES)!.replace(/^([\w-]+):: \S.*$/m, '$1:: changed between launches');
      g.applyEdit(WITH_PROPERTIES, text);
      g.writeFile(WITH_PROPERTIES, text);
      return [WITH_PROPERTIES];
    },
  },
  {
    name: 'the newest page deleted last before the quit, a page made after the restore (its ids given out again)',
    make: (g) => (g.removeFile(NEWEST), g.restore(), g.setFile('pages/Made between launches.md', NEW_PAGE), ['pages/Made between launches.md']),
    asksEvery: true,
  },
  {
    name: 'the newest page deleted last before the quit, then a file changed on disk keeping its file time (transactions given out again)',
    make: (g) => (g.removeFile(NEWEST), g.restore(), g.setFile(B, restaged(B), { mtime: mtimeOf(g, B) }), [B]),
    asksEvery: true,
  },
];

/** The generated graph, and one page made after it (the newest file). */
function openGraph(): FakeGraph {
  const graph = createFakeGraph();
  graph.load(generated.files);
  graph.setFile(NEWEST, '# Made Last\n\n**Current Stage**: Development\n');
  return graph;
}

describe('a Logseq warm start sees every kind of change, asking the versions of the changed pages only', () => {
  it.each(CHANGES)('$name', async (change) => {
    const graph = openGraph();
    const device = newIndexedDB();
    const cold = await launch(graph, device);
    expect(cold.versionsAsked).toBeGreaterThan(PAGES / 2);
    const toPull = change.make(graph);
    const warm = await launch(graph, device);
    const first = await launch(graph, newIndexedDB());
    expect(warm.pulled.sort()).toEqual(toPull.sort());
    expect(warm.answer).toEqual(first.answer);
    if (change.asksEvery) expect(warm.versionsAsked).toBe(first.versionsAsked);
    // The changed pages, and at most the one file made last besides (main: every page's version).
    else expect(warm.versionsAsked).toBeLessThanOrEqual(toPull.length + 1);
    const next = await launch(graph, device);
    expect(next.pulled).toEqual([]);
    expect(next.answer).toEqual(first.answer);
    expect(next.versionsAsked).toBeLessThanOrEqual(toPull.length + 1);
  });

  it('the graph switched: each graph’s cache serves only it, and switching back pulls nothing', async () => {
    const work = openGraph();
    const other = createFakeGraph();
    other.load([...generated.files].slice(0, 40).map(([path, text]) => [path.replace('pages/', 'pages/Other '), text]));
    const device = newIndexedDB();
    const workFirst = await launch(work, device);
    const otherFirst = await launch(other, device, '/graphs/other');
    expect(otherFirst.pulled.length).toBeGreaterThanOrEqual(30);
    const workAgain = await launch(work, device);
    expect(workAgain.pulled).toEqual([]);
    // At most the page of the file made last (the fake writes its page after its file, in later transactions than the marks').
    expect(workAgain.versionsAsked).toBeLessThanOrEqual(1);
    expect(workAgain.answer).toEqual(workFirst.answer);
    const otherAgain = await launch(other, device, '/graphs/other');
    expect(otherAgain.pulled).toEqual([]);
    expect(otherAgain.answer).toEqual(otherFirst.answer);
  });
});
