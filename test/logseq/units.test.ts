// The plugin's pure parts: macro arguments, settings, paths, the refresh schedule and the slot
// registry's rules (never write into a slot that is gone, skip unchanged markup).
import { describe, expect, it } from 'vitest';
import { cleanTarget, macroOptions, parseMacro } from '../../src/logseq/macros';
import { parseStages, readSettings } from '../../src/logseq/settings';
import { pagesQuery, relativePath } from '../../src/logseq/graph-index';
import { createSlotRegistry } from '../../src/logseq/slots';
import { CHANGE_DELAYS_MS, createRefreshScheduler, type RefreshTimers } from '../../src/logseq/refresh';
import type { GraphIndex } from '../../src/logseq/graph-index';
import type { LogseqHost } from '../../src/logseq/host';

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
    return {
      refreshAll: async () => (log.push('all'), true),
      refreshPages: async (ids: number[]) => (log.push(`pages ${ids.join(',')}`), true),
    } as unknown as GraphIndex;
  }

  it('re-reads changed pages twice (Logseq writes the file a moment later), polls only while visible', async () => {
    const log: string[] = [];
    let visible = false;
    const { timers, advance, pending } = manualTimers();
    const s = createRefreshScheduler({ graph: () => fakeGraph(log), onChange: () => void log.push('render'), visible: () => visible, pollSeconds: 10, timers });
    s.pagesChanged([5]);
    s.pagesChanged([6]);
    await advance(CHANGE_DELAYS_MS[1]!);
    expect(log).toEqual(['pages 5,6', 'render', 'pages 5,6', 'render']);
    log.length = 0;
    await advance(10_000);
    expect(log).toEqual([]);
    visible = true;
    await advance(10_000);
    expect(log).toEqual(['all', 'render']);
    s.stop();
    expect(pending()).toBe(0);
  });
});

describe('slot registry', () => {
  function hostWith(slots: Set<string>, writes: string[]): LogseqHost {
    return {
      UI: { queryElementById: async (id: string) => (slots.has(id) ? id : false) },
      provideUI: (ui: { slot: string; template: string }) => void writes.push(`${ui.slot}:${ui.template}`),
    } as unknown as LogseqHost;
  }

  it('writes live slots once per markup and never into a slot that is gone', async () => {
    const slots = new Set(['slot__a', 'slot__b']);
    const writes: string[] = [];
    let markup = 'v1';
    const registry = createSlotRegistry(hostWith(slots, writes), async () => markup);
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
    const registry = createSlotRegistry(hostWith(new Set(['slot__c']), writes), () => new Promise<string>((r) => resolvers.push(r)));
    const first = registry.mount({ slot: 'slot__c', block: 'u', macro: { kind: 'card', target: null } });
    const second = registry.refresh();
    await new Promise((r) => setTimeout(r, 0));
    resolvers[1]?.('new');
    resolvers[0]?.('old');
    await Promise.all([first, second]);
    expect(writes).toEqual(['slot__c:new']);
  });
});
