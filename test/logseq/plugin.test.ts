// The BUILT Logseq plugin (dist/logseq/index.js) against the fake 0.10.x host over the example
// vault: macros render cards and queries, slots that change or vanish are handled, clicks
// navigate, edits in the app, on disk and route changes refresh, DB graphs are refused.
import { afterEach, describe, expect, it } from 'vitest';
import { EXAMPLE_VAULT, loadFolder } from '../helpers/vault';
import { filesOf, loadPlugin, type Loaded } from './harness';

const files = filesOf(EXAMPLE_VAULT);
let t: Loaded | null = null;

afterEach(async () => {
  await t?.close();
  t = null;
});

async function start(options: Partial<Parameters<typeof loadPlugin>[0]> = {}): Promise<Loaded> {
  t = await loadPlugin({ files, ...options });
  return t;
}

function slotElement(l: Loaded, slot: string): HTMLElement {
  return l.host.document.getElementById(slot) as unknown as HTMLElement;
}

async function macro(l: Loaded, path: string, content: string): Promise<{ slot: string; el: HTMLElement; block: ReturnType<Loaded['graph']['addBlock']> }> {
  const block = l.graph.addBlock(l.graph.pageOfFile(path)!, content);
  const slot = l.fake.renderBlock(block);
  await l.settle(60);
  return { slot, el: slotElement(l, slot), block };
}

describe('the Logseq plugin on a 0.10.x file graph (fake host, built bundle)', () => {
  it('registers its toolbar button, slash commands and settings; feature-detects the graph kind', async () => {
    const l = await start();
    expect(l.fake.rejected).toContain('App.checkCurrentIsDbGraph'); // 0.10.x: "Not existed method"
    expect([...l.fake.slashCommands.keys()]).toEqual(['Maturity card', 'Maturity card of another component', 'Maturity query']);
    expect(l.host.document.querySelector('#fake-toolbar [data-on-click="mmToggleMain"]')).not.toBeNull();
    const settings = l.fake.logseq['settings'] as Record<string, unknown>;
    expect(settings['staleAfterDays']).toBe(30);
    expect(String(settings['stages'])).toContain('Staging | #2563eb');
    expect(l.host.document.querySelector('style[data-ref="maturity-map"]')?.textContent).toContain('.mm-card');
    // Nothing else it calls is missing from the 0.10.x app, even once cards and queries render.
    await macro(l, 'Components/Ledger.md', '{{renderer :maturity}}');
    await macro(l, 'Daily/2026-11-20.md', '{{renderer :maturity-query, view=table}}');
    expect(new Set(l.fake.rejected)).toEqual(new Set(['App.checkCurrentIsDbGraph']));
  });

  it('{{renderer :maturity}} renders the page’s own card with the same stage and counts as the core', async () => {
    const l = await start();
    const { el } = await macro(l, 'Components/Billing Engine.md', '{{renderer :maturity}}');
    const core = loadFolder(EXAMPLE_VAULT).component('Components/Billing Engine.md')!;
    expect(el.querySelector('.mm-card-title')?.textContent).toBe('Billing Engine');
    expect(el.querySelector('.mm-badge [data-mm-stage]')?.getAttribute('data-mm-stage')).toBe(core.note.stage?.id);
    const counts = [...el.querySelectorAll('.mm-progress .mm-count')].map((c) => c.textContent);
    expect(counts).toEqual(core.note.transitions.filter((x) => x.total > 0).map((x) => `${x.met}/${x.total}`));
    // What Logseq itself makes of the note's front matter and title.
    const problems = el.textContent ?? '';
    expect(problems).toContain('Logseq reads tags: [maturity, payments] as the pages "[maturity", "payments]"');
    expect(problems).toContain('Logseq names this page "Billing Engine Maturity Status" after its title property');
  });

  it('{{renderer :maturity, Name}} renders another component’s card; an unknown name says so', async () => {
    const l = await start();
    const { el } = await macro(l, 'Daily/2026-11-20.md', '{{renderer :maturity, Ledger}}');
    expect(el.querySelector('.mm-card-title')?.textContent).toBe('Ledger');
    const byLink = await macro(l, 'Daily/2026-11-20.md', '{{renderer :maturity, [[Harbor/Components/Notification Hub]]}}');
    expect(byLink.el.querySelector('.mm-card-title')?.textContent).toBe('Notification Hub');
    const unknown = await macro(l, 'Daily/2026-11-20.md', '{{renderer :maturity, Nope}}');
    expect(unknown.el.textContent).toContain('no component named “Nope”');
    const notComponent = await macro(l, 'Guides/Promotion Guide.md', '{{renderer :maturity}}');
    expect(notComponent.el.textContent).toContain('this page is not a component maturity note');
  });

  it('{{renderer :maturity-query, …}} takes the Obsidian query options and lists what the core query lists', async () => {
    const l = await start();
    const core = loadFolder(EXAMPLE_VAULT);
    const staging = [...core.idsAtStage('staging')].sort();
    const board = await macro(l, 'Daily/2026-11-20.md', '{{renderer :maturity-query, stage=staging, view=board}}');
    const ids = [...board.el.querySelectorAll('.mm-board-item')].map((a) => a.getAttribute('data-mm-id')).sort();
    expect(ids).toEqual(staging);
    // A list split by Logseq's comma-separated macro arguments: stage=staging, production.
    const table = await macro(l, 'Daily/2026-11-20.md', '{{renderer :maturity-query, stage=staging, production, sort=name}}');
    const rows = [...table.el.querySelectorAll('tr[data-mm-id]')].map((r) => r.getAttribute('data-mm-id')).sort();
    expect(rows).toEqual([...staging, ...core.idsAtStage('production')].sort());
    const bad = await macro(l, 'Daily/2026-11-20.md', '{{renderer :maturity-query, colour=red}}');
    expect(bad.el.textContent).toMatch(/options are not valid.*Unknown option "colour"/s);
  });

  it('injected markup went through the host’s DOMPurify and is interactive only through data-on-click', async () => {
    const l = await start();
    const { el } = await macro(l, 'Components/Billing Engine.md', '{{renderer :maturity}}');
    const all = [...el.querySelectorAll('*')];
    expect(all.some((n) => n.tagName === 'SCRIPT')).toBe(false);
    expect(all.flatMap((n) => [...n.attributes].map((a) => a.name)).filter((name) => name.startsWith('on'))).toEqual([]);
    const handlers = new Set(all.map((n) => n.getAttribute('data-on-click')).filter(Boolean));
    expect([...handlers]).toEqual(['mmOpen']);
    // Clicking a dependency opens its Logseq page (its title is its page name).
    const ledger = el.querySelector('.mm-deps a[data-mm-id="Components/Ledger.md"], a[data-mm-id="Components/Ledger.md"]') as HTMLElement;
    ledger.click();
    expect(l.fake.navigations.at(-1)).toEqual({ route: 'page', params: { name: 'Ledger Maturity Status' } });
  });

  it('a re-rendered block gets a new slot id: the new slot is filled, the old one is never written again', async () => {
    const l = await start();
    const { slot, block } = await macro(l, 'Components/Ledger.md', '{{renderer :maturity}}');
    const second = l.fake.rerenderBlock(block, slot);
    expect(second).not.toBe(slot);
    await l.settle(60);
    expect(slotElement(l, second).querySelector('.mm-card-title')?.textContent).toBe('Ledger');
    expect(l.host.document.getElementById(slot)).toBeNull();
    // A slot that vanishes while its card is being built (navigation) is skipped.
    const third = l.fake.renderBlock(block);
    l.fake.unmountSlot(third);
    l.fake.editInApp('Components/Ledger.md', files.get('Components/Ledger.md')!.replace('**Current Stage**: Development', '**Current Stage**: Staging'));
    await l.settle(600);
    expect(l.fake.missedWrites).toEqual([]);
  });

  it('re-renders after an edit in the app (DB.onChanged) and after an edit on disk (slow poll)', async () => {
    const l = await start({ settings: { pollSeconds: 0.2 } });
    const path = 'Components/Ledger.md';
    const original = files.get(path)!;
    const { el: first } = await macro(l, path, '{{renderer :maturity}}');
    const stage = () => l.host.document.querySelector('.mm-card .mm-badge [data-mm-stage]')?.getAttribute('data-mm-stage');
    expect(first.querySelector('[data-mm-stage]')?.getAttribute('data-mm-stage')).toBe('development');

    l.fake.editInApp(path, original.replace('**Current Stage**: Development', '**Current Stage**: Staging'));
    await l.settle(600);
    expect(stage()).toBe('staging');

    l.fake.editOnDisk(path, original.replace('**Current Stage**: Development', '**Current Stage**: Production'));
    await l.settle(500);
    expect(stage()).toBe('production');
  });

  it('a route change re-reads the files even without a poll', async () => {
    const l = await start({ settings: { pollSeconds: 0 } });
    const path = 'Components/Ledger.md';
    await macro(l, path, '{{renderer :maturity}}');
    l.fake.editOnDisk(path, files.get(path)!.replace('**Current Stage**: Development', '**Current Stage**: Staging'));
    await l.settle(300);
    expect(l.host.document.querySelector('.mm-card [data-mm-stage]')?.getAttribute('data-mm-stage')).toBe('development');
    l.fake.navigate('Ledger Maturity Status');
    await l.settle(300);
    expect(l.host.document.querySelector('.mm-card [data-mm-stage]')?.getAttribute('data-mm-stage')).toBe('staging');
  });

  it('the toolbar button opens the dashboard in the plugin frame; clicking a component navigates and closes it', async () => {
    const l = await start();
    l.fake.clickToolbar();
    await l.settle();
    expect(l.fake.mainUIVisible()).toBe(true);
    const app = l.frame.document.getElementById('app')!;
    const items = [...app.querySelectorAll('.mm-board-item')];
    expect(items.length).toBe(loadFolder(EXAMPLE_VAULT).ids().length);
    (app.querySelector('.mm-board-item[data-mm-id="Components/Auth Gateway.md"]') as unknown as HTMLElement).click();
    expect(l.fake.navigations.at(-1)).toEqual({ route: 'page', params: { name: 'Auth Gateway Component Maturity Status' } });
    expect(l.fake.mainUIVisible()).toBe(false);
  });

  it('slash commands insert the macros', async () => {
    const l = await start();
    const block = l.graph.addBlock(l.graph.pageOfFile('Daily/2026-11-20.md')!, 'Status: ');
    l.fake.setEditing(block);
    await l.fake.slashCommands.get('Maturity query')!({ uuid: String(block['block/uuid']) });
    expect(block['block/content']).toBe('Status: {{renderer :maturity-query, stage=staging, view=board}}');
  });

  it('settings: a tag filter and the stale threshold change what the queries show', async () => {
    const l = await start();
    const { el } = await macro(l, 'Daily/2026-11-20.md', '{{renderer :maturity-query, view=list}}');
    const before = el.querySelectorAll('.mm-list-item').length;
    l.fake.updateSettings({ tags: 'payments' });
    await l.settle(150);
    const after = [...l.host.document.querySelectorAll('.mm-list-item')].map((li) => li.getAttribute('data-mm-id'));
    expect(after.length).toBeLessThan(before);
    expect(after.sort()).toEqual(loadFolder(EXAMPLE_VAULT, { components: { tags: ['payments'] } }).ids().sort());

    l.fake.updateSettings({ tags: '', staleAfterDays: 1 });
    await l.settle(150);
    const stale = await macro(l, 'Daily/2026-11-20.md', '{{renderer :maturity-query, stale=true, view=list}}');
    expect(stale.el.querySelectorAll('.mm-list-item').length).toBeGreaterThan(0);
    l.fake.updateSettings({ staleAfterDays: 100000 });
    await l.settle(150);
    expect(l.host.document.getElementById(stale.slot)?.textContent).toContain('no component matches');
  });

  it('switching graphs reads the new graph from scratch and re-renders live slots', async () => {
    const l = await start({ settings: { pollSeconds: 0 } });
    const { slot } = await macro(l, 'Components/Ledger.md', '{{renderer :maturity}}');
    const queries = () => l.fake.calls.filter((c) => c.method === 'datascriptQuery').length;
    const before = queries();
    l.fake.editOnDisk('Components/Ledger.md', files.get('Components/Ledger.md')!.replace('**Current Stage**: Development', '**Current Stage**: Production'));
    l.fake.switchGraph();
    await l.settle(150);
    expect(queries()).toBeGreaterThan(before);
    expect(l.host.document.getElementById(slot)?.querySelector('.mm-badge [data-mm-stage]')?.getAttribute('data-mm-stage')).toBe('production');
  });

  it('a DB graph (Logseq 2.x) is refused plainly, without reading anything', async () => {
    const l = await start({ graphKind: 'db' });
    const { el } = await macro(l, 'Components/Ledger.md', '{{renderer :maturity}}');
    expect(el.textContent).toContain('does not support Logseq DB graphs yet');
    expect(l.fake.calls.filter((c) => c.method === 'datascriptQuery')).toEqual([]);
  });
});
