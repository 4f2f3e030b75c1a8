// Renames while Logseq runs, over the BUILT plugin, the fake 0.10.x host and the plugin frame's
// cache (fake-indexeddb). The fake renames as the app does (test/logseq/fake/graph.ts): in the
// app, the page and file entities keep their ids and the text its transaction, and the queued write
// stamps a new file time; on disk (rename(2)), the watcher deletes the old page and reads the new
// path as a new file, with the file's old mtime. Either way the component shows once, under its new
// name, and the next launch takes it from the cache; a rename in the app pulls no text at all
// (nothing to parse: the text is the version its record was made from).
import { afterEach, describe, expect, it } from 'vitest';
import type { IDBFactory } from 'fake-indexeddb';
import { newIndexedDB } from '../helpers/indexeddb';
import { EXAMPLE_VAULT } from '../helpers/vault';
import type { FakeGraph } from './fake/graph';
import { filesOf, loadPlugin, macro, quiet, slotElement, until, type LoadOptions, type Loaded, ROW_SELECTOR } from './harness';

const files = filesOf(EXAMPLE_VAULT);
const BILLING = 'Components/Billing Engine.md';
const INVOICE = 'Components/Invoice Engine.md';
const LEDGER = 'Components/Ledger.md';
const DAILY = 'Daily/2026-11-20.md';
const QUERY = '{{renderer :maturity-query, sort=name, limit=100}}';

let open: Loaded[] = [];

afterEach(async () => {
  for (const l of open.splice(0)) await l.close();
});

/** Launch over `graph` (a relaunch) or a new one, with a query on screen, once the start-up is over. */
async function launch(device: IDBFactory, options: Partial<LoadOptions> = {}): Promise<{ l: Loaded; pulled: number; slot: string }> {
  const before = options.graph?.stats.filesPulled ?? 0;
  const l = await loadPlugin({ files, indexedDB: device, ...options });
  open.push(l);
  const { slot } = await macro(l, DAILY, QUERY);
  await quiet(l, 'the start-up to end');
  return { l, pulled: l.graph.stats.filesPulled - before, slot };
}

async function quit(l: Loaded): Promise<FakeGraph> {
  open = open.filter((o) => o !== l);
  await l.close();
  return l.graph;
}

/** The ids of the components the query shows. */
const shown = (l: Loaded, slot: string) => [...(slotElement(l, slot)?.querySelectorAll(ROW_SELECTOR) ?? [])].map((row) => row.getAttribute('data-mm-id'));

/** Waits until the query shows the renamed component and not its old path. */
async function moved(l: Loaded, slot: string, from: string, to: string, ms = 15000): Promise<void> {
  await until(l, () => shown(l, slot).includes(to) && !shown(l, slot).includes(from), `${from} shown as ${to}`, ms);
}

describe('renames while Logseq runs keep the component’s record (built bundle, fake host, fake-indexeddb)', () => {
  it('a page renamed in the app is moved from its own events: its text is not pulled, and the next launch pulls nothing', async () => {
    const device = newIndexedDB();
    // No poll: only DB.onChanged (the renamed page entity) tells.
    const { l, slot } = await launch(device, { settings: { pollSeconds: 0 } });
    const count = shown(l, slot).length;
    const pulled = l.graph.stats.filesPulled;
    l.fake.renameInApp(BILLING, INVOICE);
    await moved(l, slot, BILLING, INVOICE);
    await quiet(l, 'the looks after the rename to end');
    expect(shown(l, slot).length).toBe(count);
    expect(l.graph.stats.filesPulled).toBe(pulled); // not pulled, so not parsed again
    const again = await launch(device, { graph: await quit(l), settings: { pollSeconds: 0 } });
    expect(again.pulled).toBe(0);
    expect(shown(again.l, again.slot)).toContain(INVOICE);
    expect(shown(again.l, again.slot)).not.toContain(BILLING);
  });

  it('a page renamed in the app and found by the poll’s component check before its file is written keeps its record', async () => {
    const device = newIndexedDB();
    // The write lands late; a deletion at the same time moves the page count, so the poll checks the components by id first.
    const { l, slot } = await launch(device, { settings: { pollSeconds: 1 }, writeIntervalMs: 4000 });
    const pulled = l.graph.stats.filesPulled;
    l.fake.renameInApp(BILLING, INVOICE);
    l.fake.deleteOnDisk(LEDGER);
    await moved(l, slot, BILLING, INVOICE);
    expect(shown(l, slot)).not.toContain(LEDGER);
    // The queued write stamps the file (same text): looked at by the poll, then quiet.
    await l.settle(5500);
    await quiet(l, 'the looks after the write to end');
    expect(l.graph.stats.filesPulled).toBe(pulled);
    const again = await launch(device, { graph: await quit(l), settings: { pollSeconds: 1 } });
    expect(again.pulled).toBe(0);
    expect(shown(again.l, again.slot)).toContain(INVOICE);
  });

  it('a file renamed on disk (same mtime, a new file entity) is found by the poll, shown once, and kept for the next launch', async () => {
    const device = newIndexedDB();
    const { l, slot } = await launch(device, { settings: { pollSeconds: 1 } });
    const count = shown(l, slot).length;
    const pulled = l.graph.stats.filesPulled;
    l.fake.renameOnDisk(BILLING, INVOICE);
    await moved(l, slot, BILLING, INVOICE);
    await quiet(l, 'the looks after the rename to end');
    expect(shown(l, slot).length).toBe(count);
    // A new file entity, its text in a new transaction: pulled once, as any new page.
    expect(l.graph.stats.filesPulled - pulled).toBe(1);
    const again = await launch(device, { graph: await quit(l), settings: { pollSeconds: 1 } });
    expect(again.pulled).toBe(0);
    expect(shown(again.l, again.slot)).toContain(INVOICE);
    expect(shown(again.l, again.slot)).not.toContain(BILLING);
  });
});
