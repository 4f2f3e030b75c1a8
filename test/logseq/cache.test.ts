// The BUILT Logseq plugin starting from its cache (the plugin frame's IndexedDB, fake-indexeddb
// here, one per Logseq profile) over the fake 0.10.x host: a relaunch over the same restored
// graph pulls only the pages whose text changed, whoever changed it, and shows what a first
// start shows.
import { afterEach, describe, expect, it } from 'vitest';
import type { IDBFactory } from 'fake-indexeddb';
import { openDB } from 'idb';
import { installIndexedDB, newIndexedDB } from '../helpers/indexeddb';
import { EXAMPLE_VAULT } from '../helpers/vault';
import type { FakeGraph } from './fake/graph';
import { filesOf, loadPlugin, macro, macroAll, quiet, slotElement, until, viewComplete, type LoadOptions, type Loaded, ROW_SELECTOR } from './harness';

const files = filesOf(EXAMPLE_VAULT);
const LEDGER = 'Components/Ledger.md';
const BILLING = 'Components/Billing Engine.md';
const DAILY = 'Daily/2026-11-20.md';
/** The fake host's graph directory (the cache's database is named after it). */
const GRAPH_DIR = '/graphs/demo';
const withStage = (stage: string) => files.get(LEDGER)!.replace('**Current Stage**: Development', `**Current Stage**: ${stage}`);

let open: Loaded[] = [];

afterEach(async () => {
  for (const l of open.splice(0)) await l.close();
});

/**
 * Launch the app over `graph` (a relaunch: Logseq restores the database it persisted) or a new
 * one, and wait until the plugin's start-up is over: a query shows its rows only once the graph is
 * read, and the plugin keeps its records before that.
 */
async function launch(device: IDBFactory | null, options: Partial<LoadOptions> = {}): Promise<{ l: Loaded; pulled: number; rows: string }> {
  const before = options.graph?.stats.filesPulled ?? 0;
  const l = await loadPlugin({ files, indexedDB: device, ...options });
  open.push(l);
  const rows = await table(l);
  await quiet(l, 'the start-up to end');
  return { l, pulled: l.graph.stats.filesPulled - before, rows };
}

async function quit(l: Loaded): Promise<FakeGraph> {
  open = open.filter((o) => o !== l);
  await l.close();
  return l.graph;
}

/** Every component with its stage, criteria and owner, as the query table shows them. */
async function table(l: Loaded): Promise<string> {
  const { el } = await macroAll(l, DAILY, '{{renderer :maturity-query, sort=name, limit=100}}');
  return [...el.querySelectorAll(ROW_SELECTOR)].map((row) => row.textContent).join('\n');
}

/** A component's whole card (its criteria, readiness and findings are what the cache's records hold). */
async function card(l: Loaded, path: string): Promise<string> {
  const { slot } = await macro(l, path, '{{renderer :maturity}}');
  await until(l, () => viewComplete(slotElement(l, slot)) && slotElement(l, slot).querySelector('.mm-logseq-reading') !== null, 'the whole card');
  return slotElement(l, slot).querySelector('.mm-card')!.textContent!;
}

describe('the Logseq plugin starts from its cache (built bundle, fake host, fake-indexeddb)', () => {
  it('a relaunch with nothing changed pulls no page and shows the same components, stages and cards', async () => {
    const device = newIndexedDB();
    const first = await launch(device);
    const pages = first.l.graph.stats.pulledPaths.size;
    expect(first.pulled).toBe(pages);
    expect(pages).toBeGreaterThan(20);
    const billing = await card(first.l, BILLING);
    expect(first.rows.split('\n').length).toBe(18);

    const again = await launch(device, { graph: await quit(first.l) });
    expect(again.pulled).toBe(0);
    expect(again.rows).toBe(first.rows);
    expect(await card(again.l, BILLING)).toBe(billing);
  });

  it('a page edited in the app between launches is the only one pulled, and shows its new stage', async () => {
    const device = newIndexedDB();
    const first = await launch(device);
    const graph = await quit(first.l);
    graph.writeFile(LEDGER, withStage('Staging'));
    const again = await launch(device, { graph });
    expect(again.pulled).toBe(1);
    expect(again.rows).toMatch(/Ledger.*Staging/);
  });

  it('a page edited while the app runs is kept again as it is pulled: the next launch pulls nothing', async () => {
    const device = newIndexedDB();
    const first = await launch(device);
    const before = first.l.graph.stats.filesPulled;
    first.l.fake.editInApp(LEDGER, withStage('Production'));
    await until(first.l, () => first.l.graph.stats.filesPulled > before, 'the edited page pulled', 15000);
    await quiet(first.l, 'the look after the edit to end');
    const again = await launch(device, { graph: await quit(first.l) });
    expect(again.pulled).toBe(0);
    expect(again.rows).toMatch(/Ledger.*Production/);
  });

  it('a file re-read from disk with no new file time is pulled again: the text’s transaction tells, not :file/last-modified-at', async () => {
    const device = newIndexedDB();
    const graph = await quit((await launch(device)).l);
    graph.setFile(LEDGER, withStage('Production'), { mtime: null });
    const again = await launch(device, { graph });
    expect(again.pulled).toBe(1);
    expect(again.rows).toMatch(/Ledger.*Production/);
  });

  it('a re-indexed graph (every file entity made anew) is read whole again', async () => {
    const device = newIndexedDB();
    // A first parse stamps no file times: only the file entities' creation tells the graphs apart.
    const first = await launch(device, { cachedGraph: true });
    const pages = first.l.graph.stats.pulledPaths.size;
    await quit(first.l);
    await new Promise((r) => setTimeout(r, 5)); // a later :file/created-at
    const reindexed = await launch(device, { cachedGraph: true });
    expect(reindexed.pulled).toBe(pages);
    const again = await launch(device, { graph: await quit(reindexed.l) });
    expect(again.pulled).toBe(0);
  });

  it('settings that change how notes are read make every page pulled once; the kept records then serve them', async () => {
    const device = newIndexedDB();
    const first = await launch(device);
    const pages = first.l.graph.stats.pulledPaths.size;
    const stricter = await launch(device, { graph: await quit(first.l), settings: { staleAfterDays: 7 } });
    expect(stricter.pulled).toBe(pages);
    const again = await launch(device, { graph: await quit(stricter.l), settings: { staleAfterDays: 7 } });
    expect(again.pulled).toBe(0);
    // Settings that only change how the plugin looks read nothing again.
    const polled = await launch(device, { graph: await quit(again.l), settings: { staleAfterDays: 7, pollSeconds: 30 } });
    expect(polled.pulled).toBe(0);
  });

  it('a page deleted between launches is gone, renamed pages move, and nothing else is pulled', async () => {
    const device = newIndexedDB();
    const first = await launch(device);
    expect(first.rows).toMatch(/Ledger/);
    const graph = await quit(first.l);
    graph.removeFile(LEDGER);
    graph.renamePage(BILLING, 'Components/Invoice Engine.md');
    graph.writeFile('Components/Invoice Engine.md', files.get(BILLING)!); // the app's queued write, before the quit
    const again = await launch(device, { graph });
    expect(again.pulled).toBe(1); // the renamed page: its file is another path now
    expect(again.rows).not.toMatch(/Ledger/);
    expect(again.rows.split('\n').length).toBe(first.rows.split('\n').length - 1);
    const third = await launch(device, { graph: await quit(again.l) });
    expect(third.pulled).toBe(0);
    expect(third.rows).toBe(again.rows);
  });

  it('damaged records are pulled again and made anew; the others still serve', async () => {
    const device = newIndexedDB();
    const first = await launch(device);
    const pages = first.l.graph.stats.pulledPaths.size;
    const graph = await quit(first.l);
    // One chunk's index strings garbled (same length, so the chunk still reads as one).
    installIndexedDB(device, globalThis);
    const db = await openDB(`maturity-map-logseq/${GRAPH_DIR}`);
    const [key] = await db.getAllKeys('chunks');
    const chunk = (await db.get('chunks', key!)) as { index: string; ends: number[] };
    const end = chunk.ends[0]!;
    await db.put('chunks', { ...chunk, index: chunk.index.slice(0, end).replace(/[{}]/g, '!') + chunk.index.slice(end) }, key!);
    db.close();
    installIndexedDB(null, globalThis);
    const again = await launch(device, { graph });
    expect(again.pulled).toBe(1);
    expect(pages).toBeGreaterThan(1);
    expect(again.rows).toBe(first.rows);
    const third = await launch(device, { graph: await quit(again.l) });
    expect(third.pulled).toBe(0);
  });

  it('with no IndexedDB in the frame, every launch reads every page, as before', async () => {
    const first = await launch(null);
    const pages = first.l.graph.stats.pulledPaths.size;
    const again = await launch(null, { graph: await quit(first.l) });
    expect(again.pulled).toBe(pages);
  });
});
