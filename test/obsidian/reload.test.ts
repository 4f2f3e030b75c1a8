// @vitest-environment happy-dom
// Disabling and enabling the plugin in a running app (the user's toggle, an update) or quitting and
// relaunching must leave nothing of the unloaded plugin reachable: its index (~47 MB at 10k notes)
// goes with it. Checked by weak references after full collections, no timing: the plugin, its
// index and (for a quit) the app the harness made are collected once nothing of theirs is held.
import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';
import { describe, expect, it } from 'vitest';
import type { Harness } from './harness/app';
import { createHarness, dispose, startHarness, useHarnessSession, whenClosed } from './helpers';

useHarnessSession({ fixedDate: false });

setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;

interface Loaded {
  indexer: { index: object; closed: Promise<void> };
  api: { ready(): Promise<void> };
}
const loaded = (h: Harness) => h.plugin as unknown as Loaded;

/** Weak references to the plugin now loaded, its index and its class (the evaluated main.js). */
function watch(h: Harness): Array<WeakRef<object>> {
  return [new WeakRef(loaded(h)), new WeakRef(loaded(h).indexer.index), new WeakRef(loaded(h).constructor)];
}

/** How many of `refs` still reach their object after full collections (each in a later task). */
async function survivors(refs: Array<WeakRef<object>>): Promise<number> {
  for (let i = 0; i < 3; i++) {
    await new Promise((r) => setTimeout(r, 0));
    collect();
  }
  await new Promise((r) => setTimeout(r, 0));
  return refs.filter((ref) => ref.deref() !== undefined).length;
}

/** The user's session with the plugin: the dashboard, the graph, a note, then those tabs closed. */
async function useAndClose(h: Harness): Promise<void> {
  const first = h.app.workspace.leaves[0];
  await h.command('open-dashboard');
  await h.command('open-graph');
  await h.open('Components/Ledger.md');
  await h.edit('Components/Ledger.md', (t) => t.replace(/\*\*Current Stage\*\*: [^\n]*/, '**Current Stage**: Staging'));
  for (const leaf of [...h.app.workspace.leaves]) if (leaf !== first) leaf.detach();
  await h.settle();
}

describe('an unloaded plugin is collected', () => {
  it('after disable and enable in one app, with its views used and closed', async () => {
    const h = createHarness();
    h.app.workspace.finishLayout();
    await h.open('Components/Billing Engine.md');
    const refs: Array<WeakRef<object>> = [];
    for (let round = 0; round < 3; round++) {
      await h.loadPlugin();
      await loaded(h).api.ready();
      await h.settle();
      await useAndClose(h);
      refs.push(...watch(h));
      const closed = loaded(h).indexer.closed;
      h.unloadPlugin();
      await closed;
      await h.settle();
    }
    expect(await survivors(refs)).toBe(0);
    // d3-dag's solver sets a page global as main.js is evaluated: gone with the plugin.
    expect('solver' in window).toBe(false);
  });

  it('leaves a page global another script set before it as it was', async () => {
    const page = window as unknown as Record<string, unknown>;
    const theirs = { theirs: true };
    page['solver'] = theirs;
    try {
      const h = await startHarness();
      expect(page['solver']).not.toBe(theirs);
      dispose(h);
      expect(page['solver']).toBe(theirs);
    } finally {
      delete page['solver'];
    }
  });

  it('after the app quits with the dashboard open, and a relaunch', async () => {
    const refs: Array<WeakRef<object>> = [];
    for (let round = 0; round < 2; round++) {
      let h: Harness | null = await startHarness();
      await h.command('open-dashboard');
      await useAndClose(h);
      await h.command('open-dashboard');
      refs.push(...watch(h), new WeakRef(h.app), new WeakRef(h.app.vault));
      dispose(h);
      h = null;
      await whenClosed();
    }
    expect(await survivors(refs)).toBe(0);
  });
});
