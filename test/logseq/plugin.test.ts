// The BUILT Logseq plugin (dist/logseq/index.js, real SDK) against the fake 0.10.x host over the
// example vault: macros render cards and queries, slots that change or vanish are handled, clicks
// navigate, edits in the app (written a second later), on disk and route changes refresh, DB
// graphs are refused.
import { afterEach, describe, expect, it } from 'vitest';
import { EXAMPLE_VAULT, loadFolder } from '../helpers/vault';
import { linesBlocks } from './fake/graph';
import { filesOf, loadPlugin, macro, macroAll, mldocBlocks, quiet, slotElement, until, type LoadOptions, type Loaded, ROW_SELECTOR } from './harness';
import { PULL_CHUNK } from '../../src/logseq/graph-index';

const files = filesOf(EXAMPLE_VAULT);
let t: Loaded | null = null;

afterEach(async () => {
  await t?.close();
  t = null;
});

async function start(options: Partial<LoadOptions> = {}): Promise<Loaded> {
  t = await loadPlugin({ files, ...options });
  return t;
}

const stageIn = (l: Loaded, slot: string) => slotElement(l, slot)?.querySelector('.mm-card .mm-badge [data-mm-stage]')?.getAttribute('data-mm-stage');
const LEDGER = 'Components/Ledger.md';
const withStage = (stage: string) => files.get(LEDGER)!.replace('**Current Stage**: Development', `**Current Stage**: ${stage}`);

describe('the Logseq plugin on a 0.10.x file graph (fake host, real SDK, built bundle)', () => {
  it('connects through the SDK handshake; registers its toolbar button, slash commands and settings; feature-detects the graph kind', async () => {
    const l = await start();
    expect(l.fake.rejected).toContain('check_current_is_db_graph'); // 0.10.x: "Not existed method"
    expect(l.fake.slashCommands()).toEqual(['Maturity card', 'Maturity card of another component', 'Maturity badge', 'Maturity progress', 'Maturity query', 'Link dependencies']);
    expect(l.fake.hooks()).toEqual(expect.arrayContaining(['hook:app:macro_renderer_slotted', 'hook:db:changed', 'hook:app:route_changed']));
    expect(l.host.document.querySelector('#fake-toolbar [data-on-click="mmToggleMain"]')).not.toBeNull();
    expect(l.host.document.querySelector('style[data-ref="maturity-map"]')?.textContent).toContain('.mm-card');
    await macro(l, LEDGER, '{{renderer :maturity}}');
    await macro(l, 'Daily/2026-11-20.md', '{{renderer :maturity-query, view=table}}');
    expect(new Set(l.fake.rejected)).toEqual(new Set(['check_current_is_db_graph']));
  });

  it('the settings:changed the host sends after useSettingsSchema does not read the graph again', async () => {
    const l = await start();
    expect(l.fake.settingsSent).toBeGreaterThanOrEqual(1);
    await macro(l, LEDGER, '{{renderer :maturity}}');
    // Every Markdown page read once; the shown card's page once more, for its Logseq reading
    // (no text is kept after start-up): waited for, not timed.
    await until(l, () => l.graph.stats.filesPulled === l.graph.stats.pulledPaths.size + 1, 'the card page pulled again for its Logseq reading');
    const pulled = l.graph.stats.filesPulled;
    l.fake.updateSettings({ pollSeconds: 30 });
    await l.settle(300);
    expect(l.graph.stats.filesPulled).toBe(pulled);
  });

  it('{{renderer :maturity}} renders the page’s own card with the same stage and counts as the core', async () => {
    const l = await start();
    const { slot, el } = await macro(l, 'Components/Billing Engine.md', '{{renderer :maturity}}');
    // Logseq's reading follows once the page's text is pulled again: waited for, not timed.
    await until(l, () => slotElement(l, slot).querySelector('.mm-logseq-reading') !== null, 'the Logseq reading');
    const core = loadFolder(EXAMPLE_VAULT).component('Components/Billing Engine.md')!;
    expect(el.querySelector('.mm-card-title')?.textContent).toBe('Billing Engine');
    expect(el.querySelector('.mm-badge [data-mm-stage]')?.getAttribute('data-mm-stage')).toBe(core.note.stage?.id);
    const counts = [...el.querySelectorAll('.mm-progress .mm-count')].map((c) => c.textContent);
    expect(counts).toEqual(core.note.transitions.filter((x) => x.total > 0).map((x) => `${x.met}/${x.total}`));
    const problems = slotElement(l, slot).textContent ?? '';
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

  it('inline macros: {{renderer :maturity-badge}} and {{renderer :maturity-progress, Name}}', async () => {
    const l = await start();
    const badge = await macro(l, LEDGER, '{{renderer :maturity-badge}}');
    expect(badge.el.querySelector('.mm-logseq-inline .mm-badge [data-mm-stage]')?.getAttribute('data-mm-stage')).toBe('development');
    expect(badge.el.querySelector('.mm-card')).toBeNull();
    const progress = await macro(l, 'Daily/2026-11-20.md', '{{renderer :maturity-progress, Billing Engine}}');
    expect(progress.el.querySelector('.mm-inline-progress .mm-mini-progress .mm-count')?.textContent).toMatch(/^\d+\/\d+$/);
    expect(progress.el.querySelector('.mm-inline-name')?.textContent).toBe('Billing Engine');
    expect(progress.el.querySelectorAll("*").length).toBeLessThan(40); // an inline bit, not a 22 KB card
  });

  it('{{renderer :maturity-query, …}} takes the Obsidian query options and lists what the core query lists', async () => {
    const l = await start();
    const core = loadFolder(EXAMPLE_VAULT);
    const staging = [...core.idsAtStage('staging')].sort();
    const board = await macro(l, 'Daily/2026-11-20.md', '{{renderer :maturity-query, stage=staging, view=board}}');
    const ids = [...board.el.querySelectorAll('.mm-board-item')].map((a) => a.getAttribute('data-mm-id')).sort();
    expect(ids).toEqual(staging);
    const table = await macroAll(l, 'Daily/2026-11-20.md', '{{renderer :maturity-query, stage=staging, production, sort=name}}');
    const rows = [...table.el.querySelectorAll(ROW_SELECTOR)].map((r) => r.getAttribute('data-mm-id')).sort();
    expect(rows).toEqual([...staging, ...core.idsAtStage('production')].sort());
    const bad = await macro(l, 'Daily/2026-11-20.md', '{{renderer :maturity-query, colour=red}}');
    expect(bad.el.textContent).toMatch(/options are not valid.*Unknown option "colour"/s);
  });

  it('injected markup went through the host’s DOMPurify and is interactive only through data-on-*', async () => {
    const l = await start();
    const { el } = await macro(l, 'Components/Billing Engine.md', '{{renderer :maturity}}');
    const all = [...el.querySelectorAll('*')];
    expect(all.some((n) => n.tagName === 'SCRIPT')).toBe(false);
    expect(all.flatMap((n) => [...n.attributes].map((a) => a.name)).filter((name) => name.startsWith('on'))).toEqual([]);
    expect(new Set(all.map((n) => n.getAttribute('data-on-click')).filter(Boolean))).toEqual(new Set(['mmOpen', 'mmSidebar']));
    (el.querySelector('a[data-mm-id="Components/Ledger.md"]') as HTMLElement).click();
    await until(l, () => l.fake.navigations.length > 0, 'a navigation');
    expect(l.fake.navigations.at(-1)).toEqual({ route: 'page', params: { name: 'Ledger Maturity Status' } });
  });

  it('a re-rendered block gets a new slot id: the new slot is filled, the old one is never written again', async () => {
    const l = await start();
    const { slot, block } = await macro(l, LEDGER, '{{renderer :maturity}}');
    // The first pull may still be refreshing the slot: a write whose check was answered before the
    // unmount reaches a missing target in Logseq too (it warns and drops it). Unmount after it.
    await quiet(l);
    const second = l.fake.rerenderBlock(block, slot);
    await until(l, () => stageIn(l, second) === 'development', 'the new slot');
    expect(l.host.document.getElementById(slot)).toBeNull();
    const third = l.fake.renderBlock(block);
    l.fake.unmountSlot(third);
    l.fake.editInApp(LEDGER, withStage('Staging'));
    await until(l, () => stageIn(l, second) === 'staging', 'the edit', 5000);
    expect(l.fake.missedWrites).toEqual([]);
  });

  it('an edit in the app shows once Logseq has written the file (a second later), pulling that file only', async () => {
    const l = await start();
    const { slot } = await macro(l, LEDGER, '{{renderer :maturity}}');
    const before = l.graph.stats.filesPulled;
    l.fake.editInApp(LEDGER, withStage('Staging'));
    await until(l, () => stageIn(l, slot) === 'staging', 'the edit', 5000);
    expect(l.graph.stats.filesPulled - before).toBe(1);
  });

  it('start-up scans the pages once: with no namespace prefix the listing is the page count', async () => {
    const scans = (l: Loaded) => l.fake.calls.filter((c) => c.method === 'datascript_query' && String(c.args[0]).includes(':where [?p :block/file]')).map((c) => String(c.args[0]));
    const l = await start({ settings: { pollSeconds: 0 } });
    await until(l, () => l.fake.calls.filter((c) => c.method === 'datascript_query' && String(c.args[0]).includes(':file/content')).length > 0, 'the first pull');
    expect(scans(l)).toEqual(['[:find [?p ...] :where [?p :block/file]]']);
  });

  it('text is pulled by page id only, a chunk at a time: no clause that scans every page runs with a text pull', async () => {
    const l = await start();
    const { slot } = await macro(l, LEDGER, '{{renderer :maturity}}');
    l.fake.editInApp(LEDGER, withStage('Staging'));
    await until(l, () => stageIn(l, slot) === 'staging', 'the edit', 5000);
    const textPulls = l.fake.calls.filter((c) => c.method === 'datascript_query' && String(c.args[0]).includes(':file/content')).map((c) => String(c.args[0]));
    expect(textPulls.length).toBeGreaterThan(1);
    for (const q of textPulls) {
      // Datascript resolves a clause by scanning every datom of its attribute: a 25-page pull
      // with `[?p :block/file ?f]` costs what the whole graph costs, on Logseq's UI thread.
      expect(q).toMatch(/^\[:find \(pull \?p \[[^\]]*\{:block\/file \[[^\]]*\]\}\]\) :in \$ :where \[\(ground \[[\d ]+\]\) \[\?p \.\.\.\]\]\]$/);
      expect(/ground \[([\d ]+)\]/.exec(q)![1]!.split(' ').length).toBeLessThanOrEqual(PULL_CHUNK);
    }
  });

  it('a second edit within the refresh burst is not missed (its write lands after the first look)', async () => {
    const l = await start();
    const { slot } = await macro(l, LEDGER, '{{renderer :maturity}}');
    l.fake.editInApp(LEDGER, withStage('Staging'));
    await until(l, () => stageIn(l, slot) === 'staging', 'the first edit', 5000);
    l.fake.editInApp(LEDGER, withStage('Production'));
    await until(l, () => stageIn(l, slot) === 'production', 'the second edit', 5000);
  });

  it('an edit on disk shows at the next poll; a route change with nothing changed pulls no file', async () => {
    const l = await start({ settings: { pollSeconds: 0.3 } });
    const { slot } = await macro(l, LEDGER, '{{renderer :maturity}}');
    const before = l.graph.stats.filesPulled;
    l.fake.navigate('Ledger Maturity Status');
    await l.settle(400);
    expect(l.graph.stats.filesPulled).toBe(before);
    l.fake.editOnDisk(LEDGER, withStage('Production'));
    await until(l, () => stageIn(l, slot) === 'production', 'the disk edit');
    expect(l.graph.stats.filesPulled - before).toBe(1);
  });

  it('a route change looks for disk edits even without a poll', async () => {
    const l = await start({ settings: { pollSeconds: 0 } });
    const { slot } = await macro(l, LEDGER, '{{renderer :maturity}}');
    l.fake.editOnDisk(LEDGER, withStage('Staging'));
    await l.settle(300);
    expect(stageIn(l, slot)).toBe('development');
    l.fake.navigate('Ledger Maturity Status');
    await until(l, () => stageIn(l, slot) === 'staging', 'the route change');
  });

  it('a route change with nothing changed asks one query, of file times only: no scan of every page, no join', async () => {
    const l = await start({ settings: { pollSeconds: 0 } });
    await macro(l, LEDGER, '{{renderer :maturity}}');
    // The card's own follow-up (its page pulled again for the Logseq reading) is done first.
    await until(l, () => l.graph.stats.filesPulled === l.graph.stats.pulledPaths.size + 1, 'the card page pulled again');
    const before = l.fake.calls.length;
    l.fake.navigate('Ledger Maturity Status');
    await until(l, () => l.fake.calls.slice(before).some((c) => c.method === 'datascript_query'), 'the route change’s look');
    await l.settle(300); // room for any further query (none is expected)
    const queries = l.fake.calls.slice(before).filter((c) => c.method === 'datascript_query').map((c) => String(c.args[0]));
    expect(queries).toHaveLength(1);
    expect(queries[0]).toMatch(/^\[:find \?f \?m :where \[\?f :file\/last-modified-at \?m\] \[\(>= \?m #inst "[^"]+"\)\]\]$/);
  });

  it('a page created on disk shows at the next route change; a page deleted on disk goes at the next poll', async () => {
    const l = await start({ settings: { pollSeconds: 0.3 } });
    const list = await macroAll(l, 'Daily/2026-11-20.md', '{{renderer :maturity-query, view=list}}');
    const ids = () => [...slotElement(l, list.slot).querySelectorAll('.mm-list-item')].map((li) => li.getAttribute('data-mm-id'));
    const count = ids().length;
    l.fake.editOnDisk('Components/Ledger Copy.md', files.get(LEDGER)!.replaceAll('Ledger Maturity Status', 'Ledger Copy'));
    l.fake.navigate('Ledger Copy');
    await until(l, () => ids().includes('Components/Ledger Copy.md'), 'the new page', 15_000);
    expect(ids()).toHaveLength(count + 1);
    l.fake.deleteOnDisk(LEDGER);
    await until(l, () => !ids().includes(LEDGER), 'the deleted page', 15_000);
    expect(ids()).toHaveLength(count);
  });

  it('the poll stops when no slot is alive, and nothing is read on route changes then', async () => {
    const l = await start({ settings: { pollSeconds: 0.1 } });
    const { slot } = await macro(l, LEDGER, '{{renderer :maturity}}');
    await l.settle(300);
    l.fake.unmountSlot(slot);
    await l.settle(400);
    const queries = l.graph.stats.queries;
    l.fake.navigate('Guides/Promotion Guide');
    await l.settle(600);
    expect(l.graph.stats.queries).toBe(queries);
  });

  it('journals, whiteboards and Org files are never pulled', async () => {
    const extra = new Map(files);
    extra.set('journals/2026_11_20.md', '- **Current Stage**: Staging\n- maturity review');
    extra.set('whiteboards/Plan.edn', '{:blocks [] :pages []}');
    extra.set('pages/Org note.org', '* Current Stage: Staging\n');
    const l = await start({ files: extra });
    await macro(l, LEDGER, '{{renderer :maturity}}');
    const pulled = [...l.graph.stats.pulledPaths];
    expect(pulled.some((p) => p.startsWith('journals/') || p.endsWith('.edn') || p.endsWith('.org'))).toBe(false);
    expect(pulled).toContain(LEDGER);
  });

  it('a page renamed in Logseq appears once, under its new name', async () => {
    const l = await start();
    const list = await macroAll(l, 'Daily/2026-11-20.md', '{{renderer :maturity-query, view=list}}');
    const count = list.el.querySelectorAll('.mm-list-item').length;
    l.fake.renameInApp(LEDGER, 'Components/General Ledger.md');
    l.fake.navigate('General Ledger');
    await until(l, () => slotElement(l, list.slot).querySelector('[data-mm-id="Components/General Ledger.md"]') !== null, 'the renamed page');
    const ids = [...slotElement(l, list.slot).querySelectorAll('.mm-list-item')].map((li) => li.getAttribute('data-mm-id'));
    expect(ids.length).toBe(count);
    expect(ids).not.toContain(LEDGER);
  });

  it('slots say "indexing…" until the graph is read; a failed first load (no graph open yet) is retried', async () => {
    const l = await start({ repoClosed: true });
    const block = l.graph.addBlock(l.graph.pageOfFile(LEDGER)!, '{{renderer :maturity}}');
    const slot = l.fake.renderBlock(block);
    await until(l, () => (slotElement(l, slot).textContent ?? '').includes('indexing'), 'the indexing notice');
    l.fake.openRepo();
    await until(l, () => stageIn(l, slot) === 'development', 'the retried load', 6000);
  });

  it('the toolbar button opens the dashboard; a click navigates and closes it, a shift-click opens the right sidebar', async () => {
    const l = await start();
    l.fake.clickToolbar();
    await until(l, () => l.fake.mainUIVisible(), 'the main UI');
    const app = l.frame.document.getElementById('app')!;
    // The board is drawn a part a task, its lists busy meanwhile.
    await until(l, () => app.querySelectorAll('.mm-board-item').length > 0 && app.querySelector('.mm-board [aria-busy="true"]') === null, 'the board');
    expect(app.querySelectorAll('.mm-board-item').length).toBe(loadFolder(EXAMPLE_VAULT).ids().length);
    const item = app.querySelector('.mm-board-item[data-mm-id="Components/Auth Gateway.md"]') as unknown as HTMLElement;
    item.dispatchEvent(new l.frame.MouseEvent('click', { bubbles: true, cancelable: true, shiftKey: true }) as unknown as Event);
    await until(l, () => l.fake.sidebar.length === 1, 'the sidebar');
    expect(l.fake.sidebar[0]).toBe(l.graph.pageOfFile('Components/Auth Gateway.md')![':db/id']);
    item.click();
    await until(l, () => l.fake.navigations.length > 0, 'the navigation');
    expect(l.fake.navigations.at(-1)).toEqual({ route: 'page', params: { name: 'Auth Gateway Component Maturity Status' } });
    await until(l, () => !l.fake.mainUIVisible(), 'the main UI to close');
  });

  it('a card’s sidebar button opens the page in the right sidebar', async () => {
    const l = await start();
    const { el } = await macro(l, LEDGER, '{{renderer :maturity}}');
    (el.querySelector('button.mm-sidebar') as HTMLElement).click();
    await until(l, () => l.fake.sidebar.length === 1, 'the sidebar');
    expect(l.fake.sidebar[0]).toBe(l.graph.pageOfFile(LEDGER)![':db/id']);
  });

  it('"line N" opens the block at that line (scrollToBlockInPage), not the top of the page', async () => {
    // This note cut into blocks by mldoc, as the app's graph parser does.
    const billing = files.get('Components/Billing Engine.md')!;
    const l = await start({ blocksOf: (text) => (text === billing ? mldocBlocks(text) : linesBlocks(text)) });
    const { el } = await macro(l, 'Components/Billing Engine.md', '{{renderer :maturity}}');
    const button = el.querySelector('button.mm-line[data-mm-line]') as HTMLElement;
    const line = Number(button.getAttribute('data-mm-line'));
    button.click();
    await until(l, () => l.fake.navigations.length > 0, 'the navigation');
    const nav = l.fake.navigations.at(-1)!;
    const page = l.graph.pageOfFile('Components/Billing Engine.md')!;
    const expected = l.graph.pageBlocks(page[':db/id'] as number).filter((b) => (b['block/line'] as number) <= line).at(-1)!;
    expect(nav).toEqual({ route: 'page', params: { name: 'Billing Engine Maturity Status' }, query: { anchor: `block-content-${String(expected['block/uuid'])}` } });
  });

  it('slash commands put the cursor inside the macro', async () => {
    const l = await start();
    const block = l.graph.addBlock(l.graph.pageOfFile('Daily/2026-11-20.md')!, 'Status: /Maturity card of');
    l.fake.setEditing(block);
    await l.fake.runSlashCommand('Maturity card of another component');
    const text = '{{renderer :maturity, }}';
    expect(l.fake.editor()).toMatchObject({ content: `Status: ${text}`, cursor: 'Status: '.length + text.length - 2 });
  });

  it('settings: a tag filter and the stale threshold change what queries show; each reads the Markdown pages once more (no text is kept)', async () => {
    const l = await start();
    const { el } = await macro(l, 'Daily/2026-11-20.md', '{{renderer :maturity-query, view=list}}');
    const before = el.querySelectorAll('.mm-list-item').length;
    const pulled = l.graph.stats.filesPulled;
    l.fake.updateSettings({ tags: 'payments' });
    const expected = loadFolder(EXAMPLE_VAULT, { components: { tags: ['payments'] } }).ids().sort();
    const shown = () => [...l.host.document.querySelectorAll('.mm-list-item')].map((li) => li.getAttribute('data-mm-id')!).sort();
    await until(l, () => shown().length < before, 'the tag filter');
    expect(shown()).toEqual(expected);
    l.fake.updateSettings({ tags: '', staleAfterDays: 1 });
    const stale = await macro(l, 'Daily/2026-11-20.md', '{{renderer :maturity-query, stale=true, view=list}}');
    await until(l, () => slotElement(l, stale.slot).querySelectorAll('.mm-list-item').length > 0, 'stale components');
    l.fake.updateSettings({ staleAfterDays: 100000 });
    await until(l, () => (slotElement(l, stale.slot)?.textContent ?? '').includes('no component matches'), 'no stale component');
    // Three settings edits that change how notes are read: three reads of the Markdown pages
    // (the second edit's card asked for one page's text), never a journal.
    const markdownPages = [...files.keys()].filter((p) => p.endsWith('.md') && !p.startsWith('journals/')).length;
    expect(l.graph.stats.filesPulled - pulled).toBeGreaterThanOrEqual(3 * markdownPages);
    expect(l.graph.stats.filesPulled - pulled).toBeLessThanOrEqual(3 * markdownPages + 3);
  });

  it('a page with `stage:: Staging` properties is a component; an owner `[[alice]]` shows as a link to alice', async () => {
    const extra = new Map(files);
    extra.set('pages/Redis.md', 'stage:: Staging\nowner:: [[alice]]\n\n- The cache billing uses\n');
    const l = await start({ files: extra });
    const { el } = await macro(l, 'pages/Redis.md', '{{renderer :maturity}}');
    expect(el.querySelector('.mm-badge [data-mm-stage]')?.getAttribute('data-mm-stage')).toBe('staging');
    const owner = el.querySelector('.mm-card-meta a.mm-page-ref') as HTMLElement;
    expect(owner.textContent).toBe('alice');
    owner.click();
    await until(l, () => l.fake.navigations.length > 0, 'the navigation');
    expect(l.fake.navigations.at(-1)).toEqual({ route: 'page', params: { name: 'alice' } });
  });

  it('a namespace setting reads only that namespace’s pages (A___B.md is the page A/B)', async () => {
    const extra = new Map(files);
    extra.set('pages/TTA___Components___Redis.md', 'stage:: Staging\n\n- cache\n');
    extra.set('pages/TTA___Components___Kafka.md', 'stage:: Production\n\n- queue\n');
    const l = await start({ files: extra, settings: { namespacePrefix: 'TTA/Components' } });
    const { el } = await macro(l, 'pages/TTA___Components___Redis.md', '{{renderer :maturity-query, view=list}}');
    const ids = [...el.querySelectorAll('.mm-list-item')].map((li) => li.getAttribute('data-mm-id')).sort();
    expect(ids).toEqual(['pages/TTA___Components___Kafka.md', 'pages/TTA___Components___Redis.md']);
    expect([...l.graph.stats.pulledPaths].sort()).toEqual(ids);
  });

  it('a query shows a page of 10 rows and "show more"; its table headers sort, and sort back', async () => {
    const extra = new Map(files);
    for (let i = 1; i <= 30; i++) extra.set(`pages/Service ${String(i).padStart(2, '0')}.md`, `stage:: Development\nowner:: team-${String(31 - i).padStart(2, '0')}\n\n- a service\n`);
    const l = await start({ files: extra });
    const { slot } = await macro(l, 'Daily/2026-11-20.md', '{{renderer :maturity-query, stage=development, view=table}}');
    const rows = () => [...slotElement(l, slot).querySelectorAll(ROW_SELECTOR)].map((r) => r.getAttribute('data-mm-id')!);
    const total = loadFolder(EXAMPLE_VAULT).idsAtStage('development').size + 30;
    expect(rows().length).toBe(10);
    expect(slotElement(l, slot).querySelector('button.mm-show-more')?.textContent).toBe(`Show more (${total - 10} not shown)`);
    (slotElement(l, slot).querySelector('button.mm-show-more') as HTMLElement).click();
    // The new rows come a piece at a time, then the button's piece (table-pieces.ts).
    await until(l, () => rows().length === total && slotElement(l, slot).querySelector('.mm-query-count') !== null, 'more rows');
    expect(slotElement(l, slot).querySelector('button.mm-show-more')).toBeNull();
    const ownerHeader = () => slotElement(l, slot).querySelector('th.mm-col-owner button') as HTMLElement;
    expect(ownerHeader().hasAttribute('disabled')).toBe(false);
    ownerHeader().click();
    await until(l, () => slotElement(l, slot).querySelector('th.mm-col-owner')?.getAttribute('aria-sort') === 'ascending', 'sorted by owner');
    const owners = () => [...slotElement(l, slot).querySelectorAll(`:is(${ROW_SELECTOR}) .mm-col-owner`)].map((td) => td.textContent ?? '').filter((o) => o.startsWith('team-'));
    expect(owners()).toEqual([...owners()].sort());
    ownerHeader().click();
    await until(l, () => slotElement(l, slot).querySelector('th.mm-col-owner')?.getAttribute('aria-sort') === 'descending', 'sorted back');
    expect(owners()).toEqual([...owners()].sort().reverse());
  });

  it('switching graphs reads the new graph from scratch and re-renders live slots', async () => {
    const l = await start({ settings: { pollSeconds: 0 } });
    const { slot } = await macro(l, LEDGER, '{{renderer :maturity}}');
    l.fake.editOnDisk(LEDGER, withStage('Production'));
    l.fake.switchGraph();
    await until(l, () => stageIn(l, slot) === 'production', 'the new graph');
  });

  it('a DB graph (Logseq 2.x) is refused plainly, without reading anything', async () => {
    const l = await start({ graphKind: 'db' });
    const { el } = await macro(l, LEDGER, '{{renderer :maturity}}');
    expect(el.textContent).toContain('does not support Logseq DB graphs yet');
    expect(l.fake.calls.filter((c) => c.method === 'datascript_query')).toEqual([]);
  });
});
