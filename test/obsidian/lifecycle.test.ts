// @vitest-environment happy-dom
// Lifecycle of the built plugin: unload leaves nothing registered, relative dates roll over at
// midnight, settings load defensively and apply at once.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Harness } from './harness/app';
import { exampleFiles, startHarness, useHarnessSession } from './helpers';
import { fireLongTimers, scheduled } from './harness/timers';

interface Api {
  ready(): Promise<void>;
  components(query?: string): Array<{ id: string; name: string; stale: boolean }>;
  component(name: string): { stale: boolean; lastUpdated: string | null } | null;
}

let h: Harness | null = null;
useHarnessSession({ fixedDate: false });
const api = () => (h!.app.plugins.plugins['maturity-map'] as unknown as { api: Api }).api;

describe('unload', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-24T10:00:00'));
  });

  it('removes every listener, view, processor, command, timer and observer it registered', async () => {
    const files = { ...exampleFiles(), 'Reports/Board.md': '# Board\n\n```maturity-query\nview: board\n```\n\n```maturity\ncomponent: Ledger\n```\n' };
    const { createHarness } = await import('./helpers');
    h = createHarness({ files });
    h.app.workspace.finishLayout();
    // The user's workspace before the plugin loads: one note in reading view.
    await h.open('Reports/Board.md');
    const before = h.snapshot();

    await h.loadPlugin();
    await h.settle();
    // Use everything: views, blocks, header in both modes, settings tab, a modal.
    await h.command('open-dashboard');
    await h.command('open-graph');
    await h.open('Components/Billing Engine.md');
    await h.open('Components/Ledger.md', 'source');
    h.app.setting.tabs[0]!.display();
    await h.edit('Components/Ledger.md', (t) => t.replace(/\*\*Current Stage\*\*: [^\n]*/, '**Current Stage**: Staging'));
    const during = h.snapshot();
    expect(during.listeners).toBeGreaterThan(before.listeners);
    expect(during.commands).toBeGreaterThan(0);
    expect(during.timers).toBeGreaterThan(before.timers); // the midnight timer
    expect(during.observers).toBeGreaterThan(0);

    const events = (h.plugin as unknown as { api: { events: { listenerCount(name?: string): number } } }).api.events;
    expect(events.listenerCount()).toBeGreaterThan(0);

    h.unloadPlugin();
    await h.settle();
    // Nothing of ours is left in notes that stay open: no listener on our events, no observer, no DOM.
    expect({ change: events.listenerCount('change'), progress: events.listenerCount('progress'), ready: events.listenerCount('ready') }).toEqual({ change: 0, progress: 0, ready: 0 });
    const { TrackedIntersectionObserver } = await import('./harness/observers');
    // (CodeMirror watches its own content element while the editor stays open.)
    expect(TrackedIntersectionObserver.watched().filter((cls) => !cls.startsWith('cm-'))).toEqual([]);
    expect(document.querySelectorAll('.maturity-map-header, .maturity-map-dashboard, .maturity-map-graph-view, .maturity-map-block [data-mm-id]')).toHaveLength(0);
    // The leaves our views were in stay in the layout (no detach on unload), now empty.
    expect(h.app.workspace.getLeavesOfType('maturity-map-dashboard')).toHaveLength(0);
    expect(h.app.workspace.leaves.some((l) => l.view.getViewType() === 'empty')).toBe(true);
    // Close what the test opened after the first snapshot: the app is as it was before the plugin.
    const first = h.app.workspace.leaves[0]!;
    for (const leaf of [...h.app.workspace.leaves]) if (leaf !== first) leaf.detach();
    await h.settle();
    expect(h.snapshot()).toEqual(before);
  });
});

describe('midnight', () => {
  it('re-renders relative dates and staleness when the day changes while a note stays open', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    // Feature Flags was last updated on a day such that it turns stale at the next midnight.
    const files = exampleFiles();
    const updated = /\*\*Last Updated\*\*: (\d{4}-\d{2}-\d{2})/.exec(files['Components/Feature Flags.md']!)![1]!;
    const day = new Date(`${updated}T00:00:00`);
    day.setDate(day.getDate() + 30); // staleAfterDays = 30: not stale today, stale tomorrow
    day.setHours(23, 59, 30);
    vi.setSystemTime(day);
    h = await startHarness({ files: { ...files, 'Reports/Stale.md': '```maturity-query\nstale: true\n```\n' } });
    const leaf = await h.open('Reports/Stale.md');
    const block = h.markdownView(leaf).previewEl!.querySelector('.block-language-maturity-query')!;
    const shown = () => [...block.querySelectorAll('[data-mm-id]')].map((e) => e.getAttribute('data-mm-id'));
    expect(api().component('Feature Flags')!.stale).toBe(false);
    expect(shown()).not.toContain('Components/Feature Flags.md');
    // 30 s to midnight, plus one.
    expect([...scheduled.values()].filter((t) => t.kind === 'timeout' && t.delay === 31_000)).toHaveLength(1);
    vi.setSystemTime(new Date(day.getTime() + 31_000));
    // The harness does not let long timers run by the clock; fire the ones that are due.
    for (const [, t] of [...scheduled]) if (t.kind === 'timeout' && t.delay === 31_000) t.fn();
    await h.settle();
    expect(api().component('Feature Flags')!.stale).toBe(true);
    expect(shown()).toContain('Components/Feature Flags.md');
    // And a new timer is set for the following midnight.
    expect([...scheduled.values()].some((t) => t.delay > 23 * 3600 * 1000)).toBe(true);
    expect(fireLongTimers).toBeTypeOf('function');
  });
});

describe('settings', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-24T10:00:00'));
  });

  it('data.json arrives in a later task, as Obsidian reads it through the vault adapter', async () => {
    h = await startHarness();
    const order: string[] = [];
    setImmediate(() => order.push('a task queued before'));
    await (h.plugin as unknown as { loadData(): Promise<unknown> }).loadData();
    order.push('data');
    expect(order).toEqual(['a task queued before', 'data']);
  });

  it('a corrupt data.json falls back field by field', async () => {
    h = await startHarness({ data: { autoHeader: 'yes', staleAfterDays: -4, stages: 'dev', componentFolders: ['Components'], __proto__: { polluted: true } } });
    const plugin = h.plugin as unknown as { settings: Record<string, unknown> };
    expect(plugin.settings['autoHeader']).toBe(true);
    expect(plugin.settings['staleAfterDays']).toBe(30);
    expect((plugin.settings['stages'] as unknown[]).length).toBe(3);
    expect(plugin.settings['componentFolders']).toEqual(['Components']);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    // Only notes under Components/ are components now.
    expect(api().components().every((c) => c.id.startsWith('Components/'))).toBe(true);
  });

  it('the settings tab saves and re-indexes: a folder filter, and the header toggle', async () => {
    h = await startHarness();
    const leaf = await h.open('Components/Billing Engine.md');
    const tab = h.app.setting.tabs[0]!;
    tab.display();
    const names = [...tab.containerEl.querySelectorAll('.setting-item-name')].map((e) => e.textContent);
    expect(names).toEqual(expect.arrayContaining(['Tags', 'Folders', 'Stale after (days)', 'Header in component notes', 'Stages']));
    const setting = (name: string) => [...tab.containerEl.querySelectorAll('.setting-item')].find((s) => s.querySelector('.setting-item-name')?.textContent === name)!;
    const folders = setting('Folders').querySelector('input')!;
    const all = api().components().map((c) => c.id);
    // While the user types, nothing is re-indexed: no index of "s", "se", "ser"…
    for (const typed of ['s', 'se', 'services']) {
      folders.value = typed;
      folders.dispatchEvent(new Event('input'));
      await h.settle();
      expect(api().components().map((c) => c.id)).toEqual(all);
    }
    expect((h.app.pluginData['maturity-map'] as Record<string, unknown>)['componentFolders']).toEqual(['services']);
    // Leaving the field applies it, and the index is replaced in one step.
    folders.dispatchEvent(new Event('blur'));
    await api().ready();
    await h.settle();
    expect(api().components().map((c) => c.id)).toEqual(['services/object-storage/MATURITY.md']);

    folders.value = '';
    folders.dispatchEvent(new Event('input'));
    await new Promise((r) => setTimeout(r, 1700)); // or after a pause in typing
    await h.settle();
    expect(h.markdownView(leaf).contentEl.querySelector('.maturity-map-header:not(.is-empty)')).not.toBeNull();

    const toggle = setting('Header in component notes').querySelector('input')!;
    toggle.checked = false;
    toggle.dispatchEvent(new Event('change'));
    await h.settle();
    expect(h.markdownView(leaf).contentEl.querySelector('.maturity-map-header:not(.is-empty)')).toBeNull();
    // On again: the open reading view renders again and gets its header back.
    toggle.checked = true;
    toggle.dispatchEvent(new Event('change'));
    await new Promise((r) => setTimeout(r, 700));
    await h.settle();
    const header = h.markdownView(leaf).contentEl.querySelector('.maturity-map-header:not(.is-empty)');
    expect(header).not.toBeNull();
  });

  it('a renamed stage with new aliases is read from the notes', async () => {
    const stages = [
      { name: 'Incubating', aliases: ['development', 'dev'], color: '#888888' },
      { name: 'Staging', aliases: [], color: '#2563eb' },
      { name: 'Production', aliases: ['prod'], color: '#16a34a' },
    ];
    h = await startHarness({ data: { stages } });
    expect(api().components('stage: incubating').map((c) => c.name)).toContain('Ledger');
  });
});
