// The plugin's pure parts: macro arguments, settings, paths, the refresh schedule and the slot
// registry's rules (never write into a slot that is gone, skip unchanged markup).
import { describe, expect, it } from 'vitest';
import { cleanTarget, macroOptions, parseMacro } from '../../src/logseq/macros';
import { parseStages, readSettings } from '../../src/logseq/settings';
import { relativePath } from '../../src/logseq/graph-answers';
import { pagesQuery } from '../../src/logseq/graph-queries';
import type { SlotPending } from '../../src/logseq/slot-types';
import { createSlotRegistry, SLOT_CHECK_MS } from '../../src/logseq/slots';
import { createRefreshScheduler, LATE_WRITE_MS, WRITE_SETTLE_MS, type RefreshTimers } from '../../src/logseq/refresh';
import type { GraphIndex } from '../../src/logseq/graph-index';
import type { LogseqHost } from '../../src/logseq/host';
import { createIndex } from '../../src/core/index';
import { blockAtLine } from '../../src/logseq/navigation';

describe('macro arguments', () => {
  it('reads the card macro with and without a target', () => {
    expect(parseMacro([':maturity'])).toEqual({ kind: 'card', target: null });
    expect(parseMacro([':maturity', '[[TTA/Components/Neo4j]]'])).toEqual({ kind: 'card', target: 'TTA/Components/Neo4j' });
    expect(parseMacro([':maturity', '"Neo4j, Redis"'])).toEqual({ kind: 'card', target: 'Neo4j, Redis' });
    expect(parseMacro([':other', 'x'])).toBeNull();
    expect(cleanTarget(' #Ledger ')).toBe('Ledger');
  });

  it('reads query options, joining list values Logseq split on commas', () => {
    expect(macroOptions(['stage=staging', 'production', 'view=board'])).toEqual({ stage: 'staging,production', view: 'board' });
    expect(macroOptions(['owner: payments-squad'])).toEqual({ owner: 'payments-squad' });
    const m = parseMacro([':maturity-query', 'stage=staging', 'production', 'blocked=true', 'limit=3']);
    expect(m).toEqual({ kind: 'query', query: { stage: ['staging', 'production'], blocked: true, limit: 3 }, raw: { stage: 'staging,production', blocked: 'true', limit: '3' } });
    const bad = parseMacro([':maturity-query', 'view=pie', '__proto__=x']);
    expect(bad?.kind).toBe('invalid');
    expect(bad?.kind === 'invalid' && bad.errors.join(' ')).toMatch(/__proto__|view/);
  });
});

describe('settings', () => {
  it('turns the settings page into core settings with safe fallbacks', () => {
    const s = readSettings({ tags: 'TTA, maturity', folders: '', excludeFolders: 'logseq', staleAfterDays: '-4', pollSeconds: 'x', logseqDiagnostics: false });
    expect(s.core.components).toMatchObject({ tags: ['TTA', 'maturity'], folders: [], excludeFolders: ['logseq'] });
    expect(s.core.staleAfterDays).toBe(30);
    expect(s.pollSeconds).toBe(10);
    expect(s.logseqDiagnostics).toBe(false);
    expect(readSettings(undefined).core.components?.excludeFolders).toEqual(['logseq', 'journals']);
  });

  it('reads the stage pipeline lines; a bad colour becomes grey, markup never passes', () => {
    expect(parseStages('Alpha | #f00 | a, al\n\nBeta | red\nGA | url(javascript:x) | ga')).toEqual([
      { name: 'Alpha', color: '#f00', aliases: ['a', 'al'] },
      { name: 'Beta', color: 'red', aliases: [] },
      { name: 'GA', color: '#6b7280', aliases: ['ga'] },
    ]);
    expect(parseStages('   \n')).toBeUndefined();
  });
});

describe('graph paths and queries', () => {
  it('makes file paths graph-relative', () => {
    expect(relativePath('pages/A___B.md', '/home/u/graph')).toBe('pages/A___B.md');
    expect(relativePath('/home/u/graph/pages/A.md', '/home/u/graph/')).toBe('pages/A.md');
    expect(relativePath('C:\\graphs\\kb\\pages\\A.md', 'C:\\graphs\\kb')).toBe('pages/A.md');
  });

  it('inlines page ids as integers only', () => {
    expect(pagesQuery([12, 7.9, -3])).toContain('[(ground [12 7 -3]) [?p ...]]');
  });
});

function manualTimers() {
  let now = 0;
  let next = 1;
  const tasks = new Map<number, { at: number; every: number | null; fn: () => void }>();
  const timers: RefreshTimers = {
    setTimeout: (fn, ms) => (tasks.set(next, { at: now + ms, every: null, fn }), next++),
    clearTimeout: (h) => void tasks.delete(h as number),
    setInterval: (fn, ms) => (tasks.set(next, { at: now + ms, every: ms, fn }), next++),
    clearInterval: (h) => void tasks.delete(h as number),
  };
  const advance = async (ms: number) => {
    const end = now + ms;
    for (;;) {
      const due = [...tasks.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      const [id, task] = due;
      now = task.at;
      if (task.every === null) tasks.delete(id);
      else task.at += task.every;
      task.fn();
      await new Promise((r) => setTimeout(r, 0));
    }
    now = end;
  };
  return { timers, advance, pending: () => tasks.size };
}

describe('refresh schedule', () => {
  function fakeGraph(log: string[]): GraphIndex {
    return { ready: () => true, refreshChanged: async () => (log.push('look'), true) } as unknown as GraphIndex;
  }

  it('looks once the write of the LAST edit has landed: a second edit within the burst moves the look later', async () => {
    const log: string[] = [];
    const { timers, advance, pending } = manualTimers();
    const s = createRefreshScheduler({ graph: () => fakeGraph(log), onChange: () => void log.push('render'), visible: () => false, pollSeconds: 10, timers });
    s.pagesChanged([5]);
    await advance(WRITE_SETTLE_MS - 100);
    s.pagesChanged([6]); // typed again before the first look: the write that matters is later
    await advance(WRITE_SETTLE_MS - 100);
    expect(log).toEqual([]);
    await advance(100);
    expect(log).toEqual(['look', 'render']);
    await advance(LATE_WRITE_MS);
    expect(log).toEqual(['look', 'render', 'look', 'render']);
    s.stop();
    expect(pending()).toBe(0);
  });

  it('polls only while something is on screen and stops the poll when nothing is', async () => {
    const log: string[] = [];
    let visible = true;
    const { timers, advance, pending } = manualTimers();
    const s = createRefreshScheduler({ graph: () => fakeGraph(log), onChange: () => undefined, visible: () => visible, pollSeconds: 10, timers });
    expect(s.polling()).toBe(false);
    s.wake();
    await advance(10_000);
    expect(log).toEqual(['look']);
    visible = false;
    await advance(10_000);
    expect(s.polling()).toBe(false);
    expect(pending()).toBe(0);
    await advance(60_000);
    expect(log).toEqual(['look']);
    s.soon(0); // a route change while nothing is on screen: no look
    await advance(10);
    expect(log).toEqual(['look']);
    visible = true;
    s.wake();
    await advance(10_000);
    expect(log).toEqual(['look', 'look']);
    s.stop();
  });
});

/** A host whose slots are `slots`, recording what it is given to show. */
function hostWith(slots: Set<string>, writes: string[]): LogseqHost {
  return {
    UI: { queryElementById: async (id: string) => (slots.has(id) ? id : false), queryElementRect: async (selector: string) => (slots.has(selector.slice(1)) ? { width: 1 } : null) },
    provideUI: (ui: { slot?: string; path?: string; template: string }) => void writes.push(`${ui.slot ?? ui.path}:${ui.template}`),
  } as unknown as LogseqHost;
}
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

describe('slot registry', () => {

  it('writes live slots once per markup and never into a slot that is gone', async () => {
    const slots = new Set(['slot__a', 'slot__b']);
    const writes: string[] = [];
    let markup = 'v1';
    const registry = createSlotRegistry(hostWith(slots, writes), async () => markup, nextTask);
    await registry.mount({ slot: 'slot__a', block: 'u1', macro: { kind: 'card', target: null } });
    await registry.mount({ slot: 'slot__b', block: 'u2', macro: { kind: 'card', target: null } });
    await registry.refresh();
    expect(writes).toEqual(['slot__a:v1', 'slot__b:v1']);
    slots.delete('slot__a');
    markup = 'v2';
    await registry.refresh();
    expect(writes).toEqual(['slot__a:v1', 'slot__b:v1', 'slot__b:v2']);
    expect(registry.live()).toEqual(['slot__b']);
  });

  it('drops a render that a newer one overtook', async () => {
    const writes: string[] = [];
    const resolvers: Array<(v: string) => void> = [];
    const registry = createSlotRegistry(hostWith(new Set(['slot__c']), writes), () => new Promise<string>((r) => resolvers.push(r)), nextTask);
    const first = registry.mount({ slot: 'slot__c', block: 'u', macro: { kind: 'card', target: null } });
    const second = registry.refresh();
    await new Promise((r) => setTimeout(r, 0));
    resolvers[1]?.('new');
    resolvers[0]?.('old');
    await Promise.all([first, second]);
    expect(writes).toEqual(['slot__c:new']);
  });

  it('sends a view in pieces, one task each, into the containers of its head; rewrites only what changed', async () => {
    const writes: string[] = [];
    const tasks: string[] = [];
    const rendered: string[] = [];
    let version = 1;
    const piece = (k: number) => ({ container: `part-${k}`, markup: () => (rendered.push(`p${k}`), `p${k}v${k === 1 ? version : 1}`) });
    const yieldNow = async () => {
      tasks.push(`yield after ${writes.length} writes`);
      await nextTask();
    };
    const registry = createSlotRegistry(hostWith(new Set(['slot__d']), writes), async () => ({ head: 'head', parts: [piece(0), piece(1)] }), yieldNow);
    await registry.mount({ slot: 'slot__d', block: 'u', macro: { kind: 'card', target: null } });
    expect(writes).toEqual(['slot__d:head', '#part-0:p0v1', '#part-1:p1v1']);
    // Each piece is rendered in its own task, after the head was sent.
    expect(tasks).toEqual(['yield after 1 writes', 'yield after 2 writes']);
    version = 2;
    await registry.refresh();
    expect(writes.slice(3)).toEqual(['#part-1:p1v2']);
    expect(rendered).toEqual(['p0', 'p1', 'p0', 'p1']);
  });

  it('a piece held inside another is written again when its holder is, even unchanged (the holder took it away)', async () => {
    const writes: string[] = [];
    let drawing = 'd1';
    const parts = () => [
      { key: 'drawing', container: 'canvas', markup: () => drawing },
      { key: 'layer-1', container: 'layers', within: 'drawing', markup: () => 'l1' },
    ];
    const registry = createSlotRegistry(hostWith(new Set(['slot__h']), writes), async () => ({ head: 'head', parts: parts() }), nextTask);
    await registry.mount({ slot: 'slot__h', block: 'u', macro: { kind: 'card', target: null } });
    expect(writes).toEqual(['slot__h:head', '#canvas:d1', '#layers:l1']);
    await registry.refresh();
    expect(writes).toHaveLength(3);
    drawing = 'd2';
    await registry.refresh();
    expect(writes.slice(3)).toEqual(['#canvas:d2', '#layers:l1']);
  });

  it('checks the slot before each piece: one unmounted after its head gets no more pieces', async () => {
    const slots = new Set(['slot__f']);
    const writes: string[] = [];
    const pieces = [0, 1, 2].map((k) => ({ container: `part-${k}`, markup: () => `p${k}` }));
    const yieldNow = async () => {
      // Logseq re-renders the block (an edit, scrolling) once the first piece is in.
      if (writes.length === 2) slots.delete('slot__f');
      await nextTask();
    };
    const registry = createSlotRegistry(hostWith(slots, writes), async () => ({ head: 'head', parts: pieces }), yieldNow);
    await registry.mount({ slot: 'slot__f', block: 'u', macro: { kind: 'card', target: null } });
    expect(writes).toEqual(['slot__f:head', '#part-0:p0']);
    expect(registry.live()).toEqual([]);
  });

  it('stops sending pieces when a newer render overtakes it', async () => {
    const writes: string[] = [];
    let n = 0;
    const template = async () => {
      const mine = ++n;
      return { head: `head${mine}`, parts: [{ container: 'part-0', markup: () => `p0-${mine}` }] };
    };
    const registry = createSlotRegistry(hostWith(new Set(['slot__e']), writes), template, nextTask);
    const first = registry.mount({ slot: 'slot__e', block: 'u', macro: { kind: 'card', target: null } });
    // Wait until the first head is out, then start a newer render before its piece.
    while (writes.length === 0) await Promise.resolve();
    const second = registry.refresh();
    await Promise.all([first, second]);
    expect(writes).toEqual(['slot__e:head1', 'slot__e:head2', '#part-0:p0-2']);
  });
});

describe('slot registry: a large graph’s layers', () => {
  it('asks for the slot’s box before each piece laid out apart (a graph layer): the host lays out the one before it', async () => {
    const writes: string[] = [];
    const parts = [
      { key: 'drawing', container: 'canvas', markup: () => 'd' },
      ...[1, 2, 3].map((k) => ({ key: `layer-${k}`, container: 'layers', within: 'drawing', laidOutApart: true, markup: () => `l${k}` })),
    ];
    const host = hostWith(new Set(['slot__i']), writes);
    const { queryElementById, queryElementRect } = host.UI;
    host.UI.queryElementById = (id: string) => (writes.push(`id ${id}`), queryElementById(id));
    host.UI.queryElementRect = (selector: string) => (writes.push(`box ${selector}`), queryElementRect(selector));
    const registry = createSlotRegistry(host, async () => ({ head: 'head', parts }), nextTask);
    await registry.mount({ slot: 'slot__i', block: 'u', macro: { kind: 'card', target: null } });
    // Each layer's write follows a box query answered after the write before it: the host has
    // styled and laid out at most one layer when it next renders (main: only ids asked, and a
    // rendering styles every layer injected since the last).
    expect(writes).toEqual(['id slot__i', 'slot__i:head', 'id slot__i', '#canvas:d', 'box #slot__i', '#layers:l1', 'box #slot__i', '#layers:l2', 'box #slot__i', '#layers:l3']);
  });
});

describe('slot registry: when every view is drawn', () => {
  it('drawn() resolves once every piece of every render under way is written, a render started meanwhile too', async () => {
    const writes: string[] = [];
    const piece = (k: number) => ({ container: `part-${k}`, markup: () => `p${k}` });
    const registry = createSlotRegistry(hostWith(new Set(['slot__w', 'slot__x']), writes), async () => ({ head: 'head', parts: [piece(0), piece(1), piece(2)] }), nextTask);
    await expect(registry.drawn()).resolves.toBeUndefined();
    const first = registry.mount({ slot: 'slot__w', block: 'u', macro: { kind: 'card', target: null } });
    expect(registry.drawing()).toBe(true);
    const drawn = registry.drawn().then(() => [...writes]);
    await nextTask();
    void registry.mount({ slot: 'slot__x', block: 'v', macro: { kind: 'card', target: null } });
    await first;
    // Both heads and all three pieces of each (the two renders' pieces interleave).
    expect((await drawn).sort()).toEqual(['#part-0:p0', '#part-0:p0', '#part-1:p1', '#part-1:p1', '#part-2:p2', '#part-2:p2', 'slot__w:head', 'slot__x:head']);
    expect(registry.drawing()).toBe(false);
  });
});

describe('slot registry: views prepared a slice at a time', () => {
  const macro = { kind: 'card', target: null } as const;

  /** A view that takes `slices` slices (a yield after each but the last); `seen` logs each slice and whether it was cancelled. */
  function pending(view: string, slices: number, seen: string[]): SlotPending {
    return {
      placeholder: 'busy',
      async ready(cancelled, yieldNow) {
        for (let k = 1; k < slices; k++) {
          seen.push(`${view} slice ${k}`);
          await yieldNow();
          if (cancelled()) return (seen.push(`${view} cancelled`), null);
        }
        return view;
      },
    };
  }

  it('shows the placeholder once the work takes more than a slice, then the view; a slot showing a view keeps it meanwhile', async () => {
    const writes: string[] = [];
    const seen: string[] = [];
    let next: SlotPending = pending('v1', 3, seen);
    const registry = createSlotRegistry(hostWith(new Set(['slot__p']), writes), async () => next, nextTask);
    await registry.mount({ slot: 'slot__p', block: 'u', macro });
    expect(writes).toEqual(['slot__p:busy', 'slot__p:v1']);
    next = pending('v2', 3, seen);
    await registry.refresh();
    expect(writes).toEqual(['slot__p:busy', 'slot__p:v1', 'slot__p:v2']);
    // Done within its first slice: no placeholder at all.
    const quick: string[] = [];
    const fresh = createSlotRegistry(hostWith(new Set(['slot__q']), quick), async () => pending('v', 1, []), nextTask);
    await fresh.mount({ slot: 'slot__q', block: 'u', macro });
    expect(quick).toEqual(['slot__q:v']);
  });

  it('a newer render of the slot cancels the one under way; the plugin unloading cancels it', async () => {
    const writes: string[] = [];
    const seen: string[] = [];
    let n = 0;
    const registry = createSlotRegistry(hostWith(new Set(['slot__r']), writes), async () => pending(`v${++n}`, 4, seen), nextTask);
    const first = registry.mount({ slot: 'slot__r', block: 'u', macro });
    while (!seen.includes('v1 slice 2')) await nextTask();
    await Promise.all([first, registry.refresh()]);
    expect(seen).toContain('v1 cancelled');
    expect(writes).toEqual(['slot__r:busy', 'slot__r:v2']);
    const third = registry.refresh();
    while (!seen.includes('v3 slice 1')) await nextTask();
    registry.clear();
    await third;
    expect(seen).toContain('v3 cancelled');
    expect(writes).toEqual(['slot__r:busy', 'slot__r:v2']);
  });

  it('stops when the slot goes away (asked at most every SLOT_CHECK_MS) and forgets it', async () => {
    const slots = new Set(['slot__s']);
    const writes: string[] = [];
    const seen: string[] = [];
    let clock = 0;
    const asked: string[] = [];
    const host = hostWith(slots, writes);
    const ask = host.UI.queryElementById.bind(host.UI);
    host.UI.queryElementById = async (id: string) => (asked.push(id), ask(id));
    const yieldNow = async () => {
      clock += SLOT_CHECK_MS / 5;
      await nextTask();
    };
    const registry = createSlotRegistry(host, async () => pending('v', 100, seen), yieldNow, () => clock);
    const mounted = registry.mount({ slot: 'slot__s', block: 'u', macro });
    while (!seen.includes('v slice 3')) await nextTask();
    slots.delete('slot__s');
    await mounted;
    expect(writes).toEqual(['slot__s:busy']);
    expect(seen).toContain('v cancelled');
    expect(seen.length).toBeLessThan(20);
    expect(registry.live()).toEqual([]);
    // One look before the placeholder, then one every SLOT_CHECK_MS: not one a slice.
    expect(asked.length).toBeLessThan(seen.length / 2);
  });
});

describe('Logseq notes the way Logseq users write them', () => {
  it('a `stage:: Staging` page property makes a component; a YAML `stage:` alone does not', () => {
    const index = createIndex({});
    index.upsert('pages/Redis.md', 'stage:: Staging\nowner:: [[alice]]\n\n- Redis cache used by billing\n');
    index.upsert('pages/Post.md', '---\nstage: draft\n---\n# A post\n');
    index.upsert('pages/Idea.md', 'stage:: draft\n\n- an idea\n');
    expect(index.ids()).toEqual(['pages/Redis.md']);
    expect(index.component('pages/Redis.md')?.note.stage?.id).toBe('staging');
  });

  it('finds the block that holds a line: the block starting at or before it, holding its text', () => {
    const text = '---\ntitle: X\n---\n# X\n\n**Current Stage**: Staging\n\n## Criteria\n- [ ] Tests\n- [x] Docs\n';
    const tree = [
      { uuid: 'pre', content: 'title: X' },
      { uuid: 'h1', content: '# X\n\n**Current Stage**: Staging' },
      { uuid: 'h2', content: '## Criteria', children: [{ uuid: 'c1', content: '[ ] Tests' }, { uuid: 'c2', content: '[x] Docs' }] },
    ];
    expect(blockAtLine(text, tree, 6)).toBe('h1');
    expect(blockAtLine(text, tree, 10)).toBe('c2');
    expect(blockAtLine(text, tree, 9)).toBe('c1');
    expect(blockAtLine(text, [], 9)).toBeNull();
  });
});
