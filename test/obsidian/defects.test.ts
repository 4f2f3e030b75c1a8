// @vitest-environment happy-dom
// The defects of issue #13, each shown in the harness where it behaves as Obsidian does (sections
// reused by text, TFiles renamed in place, metadata parsed in batches, hover parents, the editor's
// history). Each test failed before its fix.
import { describe, expect, it } from 'vitest';
import type { Harness } from './harness/app';
import { sectionInfoReads } from './harness/markdown';
import type { MarkdownView } from './harness/workspace';
import { exampleFiles, startHarness, useHarnessSession } from './helpers';

interface Api {
  components(query?: string): Array<{ id: string; name: string; stage: string | null }>;
  component(name: string): { id: string; name: string; stage: string | null } | null;
  ready(): Promise<void>;
  events: { on(name: string, cb: (...a: unknown[]) => void): unknown };
}

let h: Harness | null = null;
useHarnessSession();

const api = () => (h!.app.plugins.plugins['maturity-map'] as unknown as { api: Api }).api;
const LEDGER = 'Components/Ledger.md';
const headers = (leaf: { view: unknown }) => [...((leaf.view as MarkdownView).containerEl.querySelectorAll('.maturity-map-header'))] as HTMLElement[];
const shown = (els: HTMLElement[]) => els.filter((el) => !el.classList.contains('is-empty'));

describe('reading-view header (mounted per view)', () => {
  it('stays one header when a paragraph is added above the first content line', async () => {
    h = await startHarness();
    const leaf = await h.open(LEDGER);
    expect(shown(headers(leaf))).toHaveLength(1);
    await h.edit(LEDGER, (t) => t.replace(/^(---\n[\s\S]*?\n---\n)/, '$1A paragraph written above the title.\n\n'));
    expect(shown(headers(leaf))).toHaveLength(1);
  });

  it('stays when the first section is deleted', async () => {
    h = await startHarness();
    const leaf = await h.open(LEDGER);
    await h.edit(LEDGER, (t) => t.replace(/^# .*\n/m, ''));
    const [header] = shown(headers(leaf));
    expect(header?.textContent).toContain('Ledger');
  });

  it('sits above the note, before its sections, and reads no section text (no quadratic post processor)', async () => {
    const sections = Array.from({ length: 3000 }, (_, i) => `Paragraph ${i} of a long note.`).join('\n\n');
    const text = `${exampleFiles()[LEDGER]!}\n\n${sections}\n`;
    h = await startHarness({ files: { ...exampleFiles(), [LEDGER]: text } });
    sectionInfoReads.calls = 0;
    sectionInfoReads.chars = 0;
    const leaf = await h.open(LEDGER);
    // Linear in the note at most; the old post processor read the whole note once per section.
    expect(sectionInfoReads.chars).toBeLessThanOrEqual(2 * text.length);
    const [header] = shown(headers(leaf));
    const sizer = (leaf.view as MarkdownView).previewEl!;
    expect(header!.compareDocumentPosition(sizer) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });
});

describe('renaming an open note', () => {
  const withCard = () => ({ ...exampleFiles(), [LEDGER]: `${exampleFiles()[LEDGER]!}\n\n\`\`\`maturity\n\`\`\`\n` });

  it('keeps the reading-view header and the note\'s own card', async () => {
    h = await startHarness({ files: withCard() });
    const leaf = await h.open(LEDGER);
    await h.app.vault.rename(h.file(LEDGER), 'Components/Ledger Service.md');
    await h.settle();
    expect(shown(headers(leaf))[0]?.textContent).toContain('Development');
    const card = (leaf.view as MarkdownView).previewEl!.querySelector('.maturity-map-card-block')!;
    expect(card.textContent).not.toContain('not a component');
    expect(card.querySelector('[data-mm-id="Components/Ledger Service.md"]')).not.toBeNull();
  });

  it('keeps the live-preview header', async () => {
    h = await startHarness();
    const leaf = await h.open(LEDGER, 'source');
    await h.app.vault.rename(h.file(LEDGER), 'Archive/Ledger.md');
    await h.settle();
    // Its dependency changes stage: the header (showing the dependency strip) must follow.
    await h.edit('Components/Session Store.md', (t) => t.replace(/\*\*Current Stage\*\*: [^\n]*/, '**Current Stage**: Development'));
    const header = (leaf.view as MarkdownView).editor!.cm.dom.querySelector('.maturity-map-header-live')!;
    expect(header.querySelector('[data-mm-id="Components/Session Store.md"]')?.closest('.mm-strip-group')?.textContent ?? header.textContent).toMatch(/Development/);
  });
});

describe('start-up build', () => {
  it('keeps a note renamed while the build runs, under its new path', async () => {
    const files = exampleFiles();
    const template = files[LEDGER]!;
    for (let i = 0; i < 400; i++) files[`Bulk/Service ${i}.md`] = template.replace(/Ledger/g, `Service ${i}`);
    const { createHarness } = await import('./helpers');
    h = createHarness({ files });
    await h.loadPlugin();
    h.loadVault();
    h.app.workspace.finishLayout();
    await new Promise((r) => setTimeout(r, 0));
    await h.app.vault.rename(h.file('Bulk/Service 399.md'), 'Bulk/Moved/Service 399.md');
    await api().ready();
    await h.settle();
    expect(api().component('Service 399')?.id).toBe('Bulk/Moved/Service 399.md');
  });

  it('parses each note once though the metadata cache re-parses the vault meanwhile (a storm of changed events)', async () => {
    h = await startHarness({ metadata: 'cold' });
    const indexer = (h.plugin as unknown as { indexer: { stats: { parsed: number } } }).indexer;
    const notes = h.app.vault.getMarkdownFiles().length;
    expect(indexer.stats.parsed).toBeLessThanOrEqual(notes);
    expect(api().components().length).toBeGreaterThan(10);
  });
});

describe('settings', () => {
  it('edits to two stage rows both stay (rows read the current stages)', async () => {
    h = await startHarness();
    const tab = h.app.setting.tabs[0]!;
    tab.display();
    const rows = [...tab.containerEl.querySelectorAll('.setting-item')].filter((el) => /^\d+\.$/.test(el.querySelector('.setting-item-name')?.textContent ?? ''));
    const type = (input: HTMLInputElement, value: string) => {
      input.value = value;
      input.dispatchEvent(new Event('input'));
      input.dispatchEvent(new Event('blur'));
    };
    type(rows[0]!.querySelectorAll('input[type="text"]')[0] as HTMLInputElement, 'Dev');
    type(rows[1]!.querySelectorAll('input[type="text"]')[1] as HTMLInputElement, 'pre, qa');
    await h.settle();
    const stages = (h.plugin as unknown as { settings: { stages: Array<{ name: string; aliases: string[] }> } }).settings.stages;
    expect(stages[0]!.name).toBe('Dev');
    expect(stages[1]!.aliases).toEqual(['pre', 'qa']);
  });
});

describe('promote and fix in an open editor', () => {
  const path = 'Components/Feature Flags.md';

  it('fix goes through the editor: unsaved typing, the cursor and undo survive', async () => {
    const files = exampleFiles();
    files[path] = files[path]!.replace('**Status**: 7/7 criteria met ✅', '**Status**: 6/7 criteria met ✅');
    h = await startHarness({ files });
    const leaf = await h.open(path, 'source');
    const editor = (leaf.view as MarkdownView).editor!;
    const end = { line: editor.lineCount() - 1, ch: 0 };
    editor.replaceRange('Typed but not saved yet.\n', end);
    editor.setCursor({ line: 3, ch: 2 });
    expect(await h.command('fix-status-counts')).toBe(true);
    const text = editor.getValue();
    expect(text).toContain('**Status**: 7/7 criteria met ✅');
    expect(text).toContain('Typed but not saved yet.');
    expect(editor.getCursor()).toEqual({ line: 3, ch: 2 });
    editor.undo();
    expect(editor.getValue()).toContain('**Status**: 6/7 criteria met ✅');
    expect(editor.getValue()).toContain('Typed but not saved yet.');
  });

  it('promote goes through the editor too', async () => {
    h = await startHarness();
    const leaf = await h.open(path, 'source');
    const editor = (leaf.view as MarkdownView).editor!;
    editor.replaceRange('Unsaved line.\n', { line: editor.lineCount() - 1, ch: 0 });
    await h.command('promote-component');
    const modal = h.modals()[0];
    if (modal) [...modal.querySelectorAll('button')].find((b) => b.textContent?.startsWith('Promote'))!.click();
    await h.settle();
    expect(editor.getValue()).toMatch(/\*\*Current Stage\*\*: Production/);
    expect(editor.getValue()).toContain('Unsaved line.');
    editor.undo();
    expect(editor.getValue()).toMatch(/\*\*Current Stage\*\*: Staging/);
  });
});

describe('graph view', () => {
  it('is not redrawn when nothing it draws changed', async () => {
    h = await startHarness();
    await h.command('open-graph');
    const body = document.querySelector('.maturity-map-graph-body')!;
    let removals = 0;
    const observer = new MutationObserver((records) => (removals += records.filter((r) => r.removedNodes.length > 0).length));
    observer.observe(body, { childList: true, subtree: true });
    await h.edit(LEDGER, (t) => t.replace(/\*\*Owner\*\*: [^\n]*/, '**Owner**: someone-else'));
    await h.edit(LEDGER, (t) => `${t}\nOne more sentence.\n`);
    removals += observer.takeRecords().filter((r) => r.removedNodes.length > 0).length;
    expect(removals).toBe(0);
    await h.edit(LEDGER, (t) => t.replace(/\*\*Current Stage\*\*: [^\n]*/, '**Current Stage**: Staging'));
    removals += observer.takeRecords().filter((r) => r.removedNodes.length > 0).length;
    expect(removals).toBeGreaterThan(0);
  });
});

describe('links', () => {
  const QUERY = 'Reports/Board.md';
  const files = () => ({ ...exampleFiles(), [QUERY]: '# Board\n\n```maturity-query\nview: table\n```\n\n```maturity-query\nview: graph\n```\n' });

  it('are internal links: data-href, middle-click opens a tab, the link menu, drag to link', async () => {
    h = await startHarness({ files: files() });
    const leaf = await h.open(QUERY);
    const link = (leaf.view as MarkdownView).previewEl!.querySelector<HTMLAnchorElement>('.maturity-map-query-block a[data-mm-id="Components/Ledger.md"]')!;
    expect(link.classList.contains('internal-link')).toBe(true);
    expect(link.getAttribute('data-href')).toBe('Components/Ledger.md');
    link.dispatchEvent(new MouseEvent('auxclick', { button: 1, bubbles: true, cancelable: true }));
    await h.settle();
    expect(h.app.workspace.lastOpened).toMatchObject({ linktext: 'Components/Ledger.md', newLeaf: 'tab' });
    const fileMenus: string[] = [];
    h.app.workspace.on('file-menu', (...args: unknown[]) => fileMenus.push(args[2] as string));
    link.dispatchEvent(new MouseEvent('contextmenu', { bubbles: true, cancelable: true }));
    expect(fileMenus).toEqual(['link-context-menu']);
    expect(h.menus.at(-1)!.titles()).toContain('Open in new tab');
    const data = new Map<string, string>();
    const drag = new MouseEvent('dragstart', { bubbles: true, cancelable: true }) as MouseEvent & { dataTransfer: unknown };
    Object.defineProperty(drag, 'dataTransfer', { value: { setData: (k: string, v: string) => data.set(k, v), effectAllowed: '' } });
    link.dispatchEvent(drag);
    expect(data.get('text/plain')).toBe('[[Components/Ledger|Ledger]]');
  });

  it('a plain click in the dashboard opens the note beside it; the dashboard stays', async () => {
    h = await startHarness();
    await h.command('open-dashboard');
    const link = document.querySelector<HTMLElement>('.maturity-map-dashboard a[data-mm-id="Components/Ledger.md"]')!;
    link.click();
    await h.settle();
    expect(h.app.workspace.getLeavesOfType('maturity-map-dashboard')).toHaveLength(1);
    expect(h.app.workspace.getActiveFile()?.path).toBe(LEDGER);
  });

  it('hover previews do not stack: one popover per view, however often the pointer crosses the link', async () => {
    h = await startHarness({ files: files() });
    const leaf = await h.open(QUERY);
    const links = (leaf.view as MarkdownView).previewEl!.querySelectorAll<HTMLElement>('.maturity-map-query-block a[data-mm-id]');
    const over = (el: Element) => el.dispatchEvent(new MouseEvent('mouseover', { bubbles: true, ctrlKey: true }));
    over(links[0]!);
    over(links[0]!);
    over(links[0]!);
    expect(h.popovers.size).toBe(1);
    over(links[1]!);
    expect(h.popovers.size).toBe(1);
  });

  it('a graph in a note lets a phone scroll the note (no touch-action: none)', async () => {
    const { readFileSync } = await import('node:fs');
    const { MAIN_JS } = await import('./helpers');
    h = await startHarness({ files: files(), platform: 'mobile' });
    document.head.createEl('style', { text: readFileSync(MAIN_JS.replace(/main\.js$/, 'styles.css'), 'utf8') });
    const leaf = await h.open(QUERY);
    const svg = (leaf.view as MarkdownView).previewEl!.querySelector('.maturity-map-query-block .mm-graph-svg')!;
    expect(getComputedStyle(svg).touchAction).toMatch(/pan-y/);
  });
});

describe('query blocks', () => {
  it('say so when a stage is misspelt', async () => {
    h = await startHarness({ files: { ...exampleFiles(), 'Reports/Typo.md': '```maturity-query\nstage: stagin\n```\n' } });
    const leaf = await h.open('Reports/Typo.md');
    const block = (leaf.view as MarkdownView).previewEl!.querySelector('.maturity-map-query-block')!;
    expect(block.textContent).toMatch(/stagin/);
    expect(block.textContent).toMatch(/Staging/);
    expect(block.textContent).not.toContain('No components match');
  });
});

describe('folders', () => {
  it('renaming a folder moves every note in it; moving it under an excluded folder drops them; deleting removes them', async () => {
    h = await startHarness({ data: { excludeFolders: ['Archive'] } });
    const before = api().components().length;
    const folder = h.app.vault.getFolderByPath('Components')!;
    await h.app.vault.rename(folder, 'Systems');
    await h.settle();
    expect(api().component('Ledger')?.id).toBe('Systems/Ledger.md');
    expect(api().components()).toHaveLength(before);
    await h.app.vault.rename(h.app.vault.getFolderByPath('Systems')!, 'Archive/Systems');
    await h.settle();
    expect(api().component('Ledger')).toBeNull();
    await h.app.vault.rename(h.app.vault.getFolderByPath('Archive/Systems')!, 'Components');
    await h.settle();
    expect(api().components()).toHaveLength(before);
    await h.app.vault.delete(h.app.vault.getFolderByPath('Components')!);
    await h.settle();
    expect(api().components().filter((c) => c.id.startsWith('Components/'))).toHaveLength(0);
  });
});
