// @vitest-environment happy-dom
// Live behaviour of the built plugin: edits, renames and deletes reach open views; views redraw
// only when what they show changed and only while shown; the start-up build yields to the UI.
import { describe, expect, it } from 'vitest';
import type { Harness } from './harness/app';
import { exampleFiles, startHarness, useHarnessSession } from './helpers';
import { EXAMPLE_VAULT, loadFolder } from '../helpers/vault';

interface Api {
  components(query?: string): Array<{ id: string; name: string; stage: string | null; dependencies: Array<{ name: string; id: string | null }>; dependents: string[]; stale: boolean }>;
  component(name: string): { id: string; stage: string | null; dependents: string[]; dependencies: Array<{ name: string; id: string | null }> } | null;
  graph(): { nodes: Array<{ id: string }>; edges: Array<{ from: string; to: string }> };
  events: { on(name: string, cb: (...a: unknown[]) => void): unknown; offref(ref: unknown): void };
  ready(): Promise<void>;
}

let h: Harness | null = null;
useHarnessSession();

const api = () => (h!.app.plugins.plugins['maturity-map'] as unknown as { api: Api }).api;
const ids = (el: Element | null | undefined) => [...new Set([...(el?.querySelectorAll('[data-mm-id]') ?? [])].map((e) => e.getAttribute('data-mm-id')))].sort();

/** Counts DOM rewrites of `el`'s subtree (a redraw empties and refills it). */
function redraws(el: Element): { count(): number } {
  let n = 0;
  const observer = new MutationObserver((records) => {
    if (records.some((r) => r.removedNodes.length > 0)) n++;
  });
  observer.observe(el, { childList: true, subtree: true });
  return { count: () => (observer.takeRecords().some((r) => r.removedNodes.length > 0) ? ++n : n) };
}

const QUERY_NOTE = 'Reports/Staging Board.md';
const files = () => ({ ...exampleFiles(), [QUERY_NOTE]: '# Staging\n\n```maturity-query\nstage: staging\nview: board\n```\n' });

describe('edits reach open views', () => {
  it('promoting a note by hand moves it between query results and updates its header', async () => {
    h = await startHarness({ files: files() });
    const queryLeaf = await h.open(QUERY_NOTE);
    const block = h.markdownView(queryLeaf).previewEl!.querySelector('.block-language-maturity-query')!;
    expect(ids(block)).toContain('Components/Billing Engine.md');
    const noteLeaf = await h.open('Components/Ledger.md', 'preview', 'split');
    const header = h.markdownView(noteLeaf).contentEl.querySelector('.maturity-map-header')!;
    expect(header.textContent).toContain('Development');
    // Both leaves shown side by side (the harness shows one leaf per split: reveal the query again).
    await h.app.workspace.revealLeaf(queryLeaf);

    await h.edit('Components/Billing Engine.md', (t) => t.replace('**Current Stage**: Staging (Promoted)', '**Current Stage**: Production'));
    expect(api().component('Billing Engine')!.stage).toBe('production');
    expect(ids(block)).not.toContain('Components/Billing Engine.md');

    await h.edit('Components/Ledger.md', (t) => t.replace(/\*\*Current Stage\*\*: [^\n]*/, '**Current Stage**: Staging'));
    expect(ids(block)).toContain('Components/Ledger.md');
    // The Ledger header was in a hidden leaf: it catches up when shown.
    await h.app.workspace.revealLeaf(noteLeaf);
    await h.settle();
    expect(h.markdownView(noteLeaf).contentEl.querySelector('.maturity-map-header')!.textContent).toContain('Staging');
  });

  it('does not redraw on edits that change nothing it shows', async () => {
    h = await startHarness({ files: files() });
    const leaf = await h.open(QUERY_NOTE);
    const block = h.markdownView(leaf).previewEl!.querySelector('.block-language-maturity-query')!;
    const watch = redraws(block);
    // A note that is no component, and prose in a component note that no board shows.
    await h.edit('Guides/Promotion Guide.md', (t) => `${t}\nAnother paragraph.\n`);
    await h.edit('Components/Feature Flags.md', (t) => `${t}\nA closing sentence no board shows.\n`);
    expect(watch.count()).toBe(0);
    await h.edit('Components/Feature Flags.md', (t) => t.replace(/\*\*Current Stage\*\*: [^\n]*/, '**Current Stage**: Development'));
    expect(watch.count()).toBe(1);
    expect(ids(block)).not.toContain('Components/Feature Flags.md');
  });

  it('a view in a background tab is not redrawn until it is shown', async () => {
    h = await startHarness({ files: files() });
    const queryLeaf = await h.open(QUERY_NOTE);
    const block = h.markdownView(queryLeaf).previewEl!.querySelector('.block-language-maturity-query')!;
    const other = await h.open('Guides/Promotion Guide.md', 'preview', 'tab');
    expect((block as HTMLElement).isShown()).toBe(false);
    const watch = redraws(block);
    await h.edit('Components/Ledger.md', (t) => t.replace(/\*\*Current Stage\*\*: [^\n]*/, '**Current Stage**: Staging'));
    expect(watch.count()).toBe(0);
    expect(ids(block)).not.toContain('Components/Ledger.md');
    await h.app.workspace.revealLeaf(queryLeaf);
    await h.settle();
    expect(watch.count()).toBe(1);
    expect(ids(block)).toContain('Components/Ledger.md');
    void other;
  });
});

describe('rename and delete', () => {
  it('a renamed component keeps its dependents (no metadata change fires on rename)', async () => {
    h = await startHarness();
    const changedEvents: unknown[] = [];
    h.app.metadataCache.on('changed', (f) => changedEvents.push(f));
    await h.app.vault.rename(h.file('Components/Ledger.md'), 'Archive/Ledger Service.md');
    await h.settle();
    expect(changedEvents).toHaveLength(0);
    const ledger = api().component('Ledger')!;
    expect(ledger.id).toBe('Archive/Ledger Service.md');
    const billing = api().component('Billing Engine')!;
    expect(billing.dependencies.find((d) => d.name === 'Ledger')?.id).toBe('Archive/Ledger Service.md');
    expect(ledger.dependents).toContain('Components/Billing Engine.md');
    expect(api().components().map((c) => c.id)).not.toContain('Components/Ledger.md');
  });

  it('a deleted component leaves the index and its dependents report the dependency unresolved', async () => {
    h = await startHarness();
    const before = api().components().length;
    await h.app.vault.delete(h.file('Components/Ledger.md'));
    await h.settle();
    expect(api().components()).toHaveLength(before - 1);
    expect(api().component('Ledger')).toBeNull();
    expect(api().component('Billing Engine')!.dependencies.find((d) => d.name === 'Ledger')?.id).toBeNull();
    expect(api().graph().edges.some((e) => e.to === 'Components/Ledger.md')).toBe(false);
  });

  it('renaming a note to .md from another extension and back is followed', async () => {
    const text = exampleFiles()['Components/Ledger.md']!;
    h = await startHarness({ files: { ...exampleFiles(), 'Drafts/Queue.txt': text.replace(/Ledger/g, 'Queue') } });
    expect(api().component('Queue')).toBeNull();
    await h.app.vault.rename(h.file('Drafts/Queue.txt'), 'Drafts/Queue.md');
    await h.settle();
    expect(api().component('Queue')?.id).toBe('Drafts/Queue.md');
    await h.app.vault.rename(h.file('Drafts/Queue.md'), 'Drafts/Queue.bak');
    await h.settle();
    expect(api().component('Queue')).toBeNull();
  });

  it('a new note from outside is indexed when the metadata cache reports it', async () => {
    h = await startHarness();
    const text = exampleFiles()['Components/Ledger.md']!.replace(/Ledger/g, 'Router');
    await h.app.vault.create('Components/Router.md', text);
    await h.settle();
    expect(api().component('Router')?.id).toBe('Components/Router.md');
  });
});

describe('start-up', () => {
  it('indexes after layout-ready in slices that yield to the UI, and edits during the build win', async () => {
    const files: Record<string, string> = exampleFiles();
    const template = files['Components/Ledger.md']!;
    for (let i = 0; i < 600; i++) files[`Bulk/Service ${i}.md`] = template.replace(/Ledger/g, `Service ${i}`);
    h = (await import('./helpers')).createHarness({ files });
    await h.loadPlugin();
    const a = api();
    expect(a.components()).toHaveLength(0); // nothing before the layout is ready
    const progress: number[] = [];
    a.events.on('progress', (p) => progress.push((p as { done: number }).done));
    h.app.workspace.finishLayout();
    // The build is running: the UI gets turns (timers run) before it ends.
    await new Promise((r) => setTimeout(r, 0));
    const doneAtEdit = progress[progress.length - 1] ?? 0;
    await h.app.vault.modify(h.file('Bulk/Service 599.md'), template.replace(/Ledger/g, 'Renamed Service').replace(/\*\*Current Stage\*\*: [^\n]*/, '**Current Stage**: Production'));
    await a.ready();
    await h.settle();
    expect(progress.length).toBeGreaterThan(2);
    expect(a.components().length).toBe(loadFolder(EXAMPLE_VAULT).ids().length + 600);
    expect(doneAtEdit).toBeLessThan(600); // the edit landed while the build was still running
    const renamed = a.components().find((c) => c.id === 'Bulk/Service 599.md')!;
    expect(renamed.name).toBe('Renamed Service');
    expect(renamed.stage).toBe('production');
  });

  it('works when enabled in a running app (layout already ready)', async () => {
    h = await startHarness({ enableLater: true });
    expect(api().components().length).toBe(loadFolder(EXAMPLE_VAULT).ids().length);
  });
});
