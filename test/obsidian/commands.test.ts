// @vitest-environment happy-dom
// Commands of the built plugin: promote and fix status counts (only the intended lines change),
// new note from the template, the dashboard and graph views, and the public API.
import { describe, expect, it } from 'vitest';
import { EXAMPLE_VAULT, loadFolder, TODAY } from '../helpers/vault';
import type { Harness } from './harness/app';
import { exampleFiles, startHarness, useHarnessSession } from './helpers';

interface Api {
  components(query?: string): Array<{ id: string; name: string; stage: string | null }>;
  component(name: string): { id: string; stage: string | null } | null;
  query(source: string): { ok: boolean; errors?: string[]; components?: Array<{ id: string }> };
  graph(): { nodes: Array<{ id: string }>; edges: Array<{ from: string; to: string }>; cycles: string[][] };
  events: { on(name: string, cb: (...a: unknown[]) => void): unknown; offref(ref: unknown): void };
}

let h: Harness | null = null;
useHarnessSession();
const api = () => (h!.app.plugins.plugins['maturity-map'] as unknown as { api: Api }).api;
const ids = (el: Element | null | undefined) => [...new Set([...(el?.querySelectorAll('[data-mm-id]') ?? [])].map((e) => e.getAttribute('data-mm-id')))].sort();
const read = (path: string) => h!.app.vault.read(h!.file(path));

/** Lines removed from `before` and added in `after`, assuming the rest is unchanged and in order. */
function lineDiff(before: string, after: string): { removed: string[]; added: string[]; rest: [string[], string[]] } {
  const a = before.split('\n');
  const b = after.split('\n');
  // Longest common subsequence over lines (notes are small).
  const dp = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) for (let j = b.length - 1; j >= 0; j--) dp[i]![j] = a[i] === b[j] ? dp[i + 1]![j + 1]! + 1 : Math.max(dp[i + 1]![j]!, dp[i]![j + 1]!);
  const removed: string[] = [];
  const added: string[] = [];
  const keptA: string[] = [];
  const keptB: string[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      keptA.push(a[i]!);
      keptB.push(b[j]!);
      i++;
      j++;
    } else if (j < b.length && (i >= a.length || dp[i]![j + 1]! >= dp[i + 1]![j]!)) added.push(b[j++]!);
    else removed.push(a[i++]!);
  }
  return { removed, added, rest: [keptA, keptB] };
}

describe('fix status counts', () => {
  it('rewrites only the status line that disagrees with its boxes', async () => {
    h = await startHarness();
    const path = 'Components/Billing Engine.md';
    await h.open(path);
    const before = await read(path);
    expect(await h.command('fix-status-counts')).toBe(true);
    const after = await read(path);
    const diff = lineDiff(before, after);
    expect(diff.removed).toEqual(['**Status**: ✅ **7/7 criteria met - READY**']);
    expect(diff.added).toEqual(['**Status**: ✅ **6/7 criteria met - READY**']);
    expect(after.length).toBe(before.length);
    expect(h.notices.at(-1)).toContain('Fixed 1 status line');
  });

  it('keeps CRLF line endings and every other byte', async () => {
    const files = exampleFiles();
    const crlf = files['Components/Billing Engine.md']!.replace(/\n/g, '\r\n');
    h = await startHarness({ files: { ...files, 'Components/Billing Engine.md': crlf } });
    await h.open('Components/Billing Engine.md');
    await h.command('fix-status-counts');
    const after = await read('Components/Billing Engine.md');
    expect(after).toBe(crlf.replace('**7/7 criteria met - READY**', '**6/7 criteria met - READY**'));
  });

  it('is offered only in component notes, and a failed write leaves the note as it was', async () => {
    h = await startHarness();
    await h.open('Guides/Promotion Guide.md');
    expect(await h.command('fix-status-counts')).toBe(false);
    expect(await h.command('promote-component')).toBe(false);
    await h.open('Components/Billing Engine.md');
    const before = await read('Components/Billing Engine.md');
    h.app.vault.failWrites = new Error('disk full');
    await h.command('fix-status-counts');
    h.app.vault.failWrites = null;
    expect(await read('Components/Billing Engine.md')).toBe(before);
    expect(h.notices.at(-1)).toContain('disk full');
    expect(h.notices.at(-1)).toContain('unchanged');
  });
});

describe('promote', () => {
  const path = 'Components/Billing Engine.md';

  it('asks before overriding unmet criteria; cancel writes nothing, confirm writes one atomic edit', async () => {
    h = await startHarness();
    await h.open(path);
    const before = await read(path);
    const writes = h.app.vault.writes;
    await h.command('promote-component');
    let modal = h.modals()[0]!;
    expect(modal.textContent).toContain('Promote to Production anyway?');
    expect(modal.textContent).toContain('1/8 criteria met');
    [...modal.querySelectorAll('button')].find((b) => b.textContent === 'Cancel')!.click();
    await h.settle();
    expect(await read(path)).toBe(before);
    expect(h.app.vault.writes).toBe(writes);

    await h.command('promote-component');
    modal = h.modals()[0]!;
    [...modal.querySelectorAll('button')].find((b) => b.textContent === 'Promote to Production')!.click();
    await h.settle();
    expect(h.app.vault.writes).toBe(writes + 1);
    const after = await read(path);
    const diff = lineDiff(before, after);
    expect(diff.removed).toContain('**Current Stage**: Staging (Promoted)');
    expect(diff.added).toContain(`**Current Stage**: Production (Promoted ${TODAY})`);
    expect(diff.added.some((l) => l.includes(TODAY) && /promoted to production/i.test(l))).toBe(true);
    // Nothing else: every removed line is a stage, status or history line.
    for (const line of [...diff.removed, ...diff.added]) expect(line).toMatch(/Current Stage|Status|Promoted|^\s*$|^-|updated|Last Updated/i);
    expect(api().component('Billing Engine')!.stage).toBe('production');
  });

  it('writes nothing when the note changed underneath the dialog', async () => {
    h = await startHarness();
    await h.open(path);
    await h.command('promote-component');
    const modal = h.modals()[0]!;
    // Someone unchecks another criterion while the dialog is open.
    await h.edit(path, (t) => t.replace('- [x] Health checks, metrics, alerts configured', '- [ ] Health checks, metrics, alerts configured'));
    const before = await read(path);
    [...modal.querySelectorAll('button')].find((b) => b.textContent === 'Promote to Production')!.click();
    await h.settle();
    expect(await read(path)).toBe(before);
    expect(h.notices.at(-1)).toContain('changed while you were deciding');
  });
});

describe('new maturity note', () => {
  it('asks for a name and creates the note from the template with today\'s date', async () => {
    h = await startHarness();
    await h.command('new-maturity-note');
    const modal = h.modals()[0]!;
    const input = modal.querySelector('input')!;
    input.value = 'Rate Limiter';
    input.dispatchEvent(new Event('input'));
    [...modal.querySelectorAll('button')].find((b) => b.textContent === 'Create')!.click();
    await h.settle();
    const text = await read('Components/Rate Limiter.md');
    expect(text).toContain('# Rate Limiter Maturity Status');
    expect(text).toContain(`**Last Updated**: ${TODAY}`);
    expect(text).toContain('**Current Stage**: Development');
    expect(text).toContain('- [ ] Core features complete');
    expect(h.app.workspace.getActiveFile()?.path).toBe('Components/Rate Limiter.md');
    expect(api().component('Rate Limiter')?.stage).toBe('development');
  });
});

describe('views', () => {
  it('the dashboard opens from the command and the ribbon, once, with every component on its board', async () => {
    h = await startHarness();
    await h.command('open-dashboard');
    (h.app.ribbonEl.querySelector('[aria-label="Open maturity dashboard"]') as HTMLElement).click();
    await h.settle();
    const leaves = h.app.workspace.getLeavesOfType('maturity-map-dashboard');
    expect(leaves).toHaveLength(1);
    const board = leaves[0]!.view.containerEl.querySelector('.mm-board')!;
    expect(ids(board)).toEqual(loadFolder(EXAMPLE_VAULT).ids().sort());
    // Hovering a card asks Page preview to show the note.
    const hovers: Array<{ linktext: string; source: string }> = [];
    const ref = h.app.workspace.on('hover-link', (info) => hovers.push(info as { linktext: string; source: string }));
    (board.querySelector('[data-mm-id="Components/Ledger.md"]') as HTMLElement).dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
    h.app.workspace.offref(ref);
    expect(hovers[0]).toMatchObject({ linktext: 'Components/Ledger.md', source: 'maturity-map' });
    expect(h.app.hoverLinkSources['maturity-map']?.display).toBe('Maturity Map');
    // A click on a card opens its note.
    (board.querySelector('[data-mm-id="Components/Ledger.md"]') as HTMLElement).click();
    await h.settle();
    expect(h.app.workspace.lastOpened?.linktext).toBe('Components/Ledger.md');
    expect(h.app.workspace.getActiveFile()?.path).toBe('Components/Ledger.md');
  });

  it('"show graph for this component" focuses the graph on the active note', async () => {
    h = await startHarness();
    await h.open('Components/Billing Engine.md');
    expect(await h.command('show-component-graph')).toBe(true);
    const leaf = h.app.workspace.getLeavesOfType('maturity-map-graph')[0]!;
    expect(leaf.view.getState()['focus']).toBe('Components/Billing Engine.md');
    const svgNodes = ids(leaf.view.containerEl.querySelector('.mm-graph-canvas svg'));
    expect(svgNodes).toContain('Components/Billing Engine.md');
    expect(svgNodes).toContain('Components/Ledger.md');
    expect(svgNodes.length).toBeLessThan(loadFolder(EXAMPLE_VAULT).ids().length);
    await h.open('Guides/Promotion Guide.md');
    expect(await h.command('show-component-graph')).toBe(false);
  });
});

describe('public API', () => {
  it('answers queries as the core does and reports changes', async () => {
    h = await startHarness();
    const core = loadFolder(EXAMPLE_VAULT);
    expect(api().components().map((c) => c.id)).toEqual(core.ids());
    expect(api().query('stage: production').components!.map((c) => c.id).sort()).toEqual([...core.idsAtStage('production')].sort());
    const bad = api().query('stage: production\nsize: big');
    expect(bad.ok).toBe(false);
    expect(bad.errors!.join()).toContain('size');
    expect(() => api().components('colour: red')).toThrow(/colour/);
    expect(api().graph().edges.length).toBe([...core.edges().values()].reduce((n, t) => n + t.length, 0));
    const seen: unknown[] = [];
    const ref = api().events.on('change', (c) => seen.push(c));
    await h.edit('Components/Ledger.md', (t) => t.replace(/\*\*Current Stage\*\*: [^\n]*/, '**Current Stage**: Staging'));
    api().events.offref(ref);
    expect(seen).toHaveLength(1);
    expect((seen[0] as { changed: string[]; reason: string }).changed).toContain('Components/Ledger.md');
    expect((seen[0] as { reason: string }).reason).toBe('edit');
    // The answers are copies: changing them does not reach the index.
    const first = api().components()[0]!;
    first.stage = 'nonsense';
    expect(api().components()[0]!.stage).not.toBe('nonsense');
  });
});
