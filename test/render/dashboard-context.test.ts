// @vitest-environment happy-dom
// Snapshot-backed contexts agree with live ones, and the dashboard's tabs, filters and details.
import { describe, expect, it } from 'vitest';
import { checkSnapshot, runQuery, snapshotIndex, type IndexSnapshot } from '../../src/core/index';
import { contextFromSnapshot, renderBoard, renderComponentCard, renderDashboard } from '../../src/render/index';
import { exampleCounts } from '../cli/run';
import { click, exampleFixture, textOf } from './helpers';

const N = exampleCounts();

const live = exampleFixture();
const snapshot = JSON.parse(JSON.stringify(snapshotIndex(live.index, 'examples/vault'))) as IndexSnapshot;
const opened: string[] = [];
// A clock that stands still: a page's parts end at their count, never at their budget (pages.ts).
const frozen = contextFromSnapshot(checkSnapshot(snapshot), { document, onOpen: (id) => opened.push(id), clock: () => 0 });

describe('snapshot context', () => {
  it('answers like the live index it was taken from', () => {
    expect(frozen.ids()).toEqual(live.index.ids());
    expect(frozen.today()).toBe('2026-11-24');
    const sorted = (edges: ReadonlyMap<string, readonly string[]>) => [...edges].map(([k, v]) => [k, [...v]]).sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    expect(sorted(frozen.edges())).toEqual(sorted(live.index.edges()));
    expect(frozen.cycles()).toEqual(live.index.cycles());
    for (const stage of ['development', 'staging', 'production', null]) expect([...frozen.idsAtStage(stage)].sort()).toEqual([...live.index.idsAtStage(stage)].sort());
    expect(runQuery(frozen, { stage: ['staging'], sort: 'progress' }).map((c) => c.id)).toEqual(runQuery(live.index, { stage: ['staging'], sort: 'progress' }).map((c) => c.id));
    expect(frozen.vaultDiagnostics()).toEqual(live.index.vaultDiagnostics());
  });

  it('renders the same views from JSON as from the live index', () => {
    expect(textOf(renderBoard(frozen.components(), frozen))).toBe(textOf(renderBoard(live.index.components(), live.ctx)));
    for (const id of live.index.ids()) {
      expect(textOf(renderComponentCard(frozen.component(id)!, frozen))).toBe(textOf(renderComponentCard(live.index.component(id)!, live.ctx)));
    }
  });

  it('rejects data that is not a snapshot', () => {
    expect(() => checkSnapshot(null)).toThrow('not an object');
    expect(() => checkSnapshot({ version: 2 })).toThrow('unsupported snapshot version 2');
    expect(() => checkSnapshot({ version: 1, stages: [], components: {} })).toThrow('lacks stages, components or cycles');
  });
});

const panelIn = (root: Element, tab: string) => root.querySelector<HTMLElement>(`.mm-panel-${tab}`)!;
const tabIn = (root: Element, name: string) => root.querySelector<HTMLButtonElement>(`[data-mm-tab="${name}"]`)!;

/** The text, blocked, stage and errors filters, each seen on a tab, then cleared. */
function filterEveryTab(root: HTMLElement): void {
  const text = root.querySelector<HTMLInputElement>('.mm-filter-text')!;
  text.value = 'payments';
  text.dispatchEvent(new Event('input'));
  expect([...panelIn(root, 'table').querySelectorAll('tbody tr')].map((r) => r.getAttribute('data-mm-id'))).toEqual(['Components/Billing Engine.md', 'Components/Ledger.md']);
  expect(textOf(root.querySelector('.mm-filter-count')!)).toBe(`2 of ${N.components} components`);
  click(tabIn(root, 'cards'));
  expect(panelIn(root, 'cards').querySelectorAll('.mm-card')).toHaveLength(2);
  text.value = '';
  text.dispatchEvent(new Event('input'));
  const blocked = root.querySelector<HTMLInputElement>('.mm-filter-blocked')!;
  blocked.checked = true;
  blocked.dispatchEvent(new Event('change'));
  expect([...panelIn(root, 'cards').querySelectorAll('.mm-card')].map((c) => c.getAttribute('data-mm-id'))).toEqual(['Components/Ledger.md']);
  blocked.checked = false;
  blocked.dispatchEvent(new Event('change'));
  const stage = root.querySelector<HTMLSelectElement>('.mm-filter-stage')!;
  stage.value = 'production';
  stage.dispatchEvent(new Event('change'));
  click(tabIn(root, 'graph'));
  expect(panelIn(root, 'graph').querySelectorAll('.mm-node')).toHaveLength(N.production);
  const errors = root.querySelector<HTMLInputElement>('.mm-filter-errors')!;
  errors.checked = true;
  errors.dispatchEvent(new Event('change'));
  expect([...panelIn(root, 'graph').querySelectorAll('.mm-node')].map((n) => n.getAttribute('data-mm-id'))).toEqual(['Components/Auth Gateway.md', 'Components/Customs Filing.md', 'Components/Media Pipeline.md']);
  stage.value = 'unknown';
  stage.dispatchEvent(new Event('change'));
  expect(textOf(panelIn(root, 'graph'))).toContain('No components to draw.');
  errors.checked = false;
  stage.value = '';
  stage.dispatchEvent(new Event('change'));
  expect(textOf(root.querySelector('.mm-filter-count')!)).toBe(`${N.components} components`);
}

describe('dashboard', () => {
  const view = renderDashboard(frozen, { title: 'Harbor' });
  const root = view.element;
  document.body.replaceChildren(root);

  it('shows a summary, the vault problems and the board first', async () => {
    expect(textOf(root.querySelector('h1')!)).toBe('Harbor');
    expect(textOf(root.querySelector('.mm-summary')!)).toBe(`○ ${N.development} Development ◑ ${N.staging} Staging ● ${N.production} Production ✖ ${N.errors} errors ▲ ${N.warnings} warnings`);
    expect(textOf(root.querySelector('.mm-vault-problems')!)).toContain('Dependency cycle: Experiment Tracker and Feature Flags depend on each other.');
    expect(tabIn(root, 'board').getAttribute('aria-selected')).toBe('true');
    expect(panelIn(root, 'board').hidden).toBe(false);
    expect(panelIn(root, 'graph').hidden).toBe(true);
    // Each column's page comes a part (8 items) a frame.
    await expect.poll(() => panelIn(root, 'board').querySelectorAll('.mm-board-item').length).toBe(N.components);
    // Panels are built when first shown.
    expect(panelIn(root, 'graph').childElementCount).toBe(0);
  });

  it('switches tabs with clicks and arrow keys', async () => {
    click(tabIn(root, 'graph'));
    expect(panelIn(root, 'graph').querySelectorAll('.mm-node')).toHaveLength(N.components);
    expect(tabIn(root, 'graph').getAttribute('tabindex')).toBe('0');
    expect(tabIn(root, 'board').getAttribute('tabindex')).toBe('-1');
    tabIn(root, 'graph').dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    expect(tabIn(root, 'timeline').getAttribute('aria-selected')).toBe('true');
    // Its rows come a part (10) a frame.
    await expect.poll(() => panelIn(root, 'timeline').querySelectorAll('.mm-tl-row').length).toBe(N.components);
    tabIn(root, 'timeline').dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    expect(tabIn(root, 'table').getAttribute('aria-selected')).toBe('true');
    expect(panelIn(root, 'table').querySelectorAll('tbody tr')).toHaveLength(N.components);
    expect(panelIn(root, 'table').getAttribute('aria-labelledby')).toBe(tabIn(root, 'table').id);
  });

  it('filters every tab by text, stage and state', () => filterEveryTab(root));

  it('shows a component in the details panel and marks it', async () => {
    click(tabIn(root, 'board'));
    expect(root.querySelector('.mm-dash-body')!.classList.contains('mm-with-details')).toBe(false);
    view.show('Components/Ledger.md');
    expect(root.querySelector('.mm-dash-body')!.classList.contains('mm-with-details')).toBe(true);
    expect(textOf(root.querySelector('.mm-details h2')!)).toBe('Ledger');
    // Marked where the board draws it, in its first task or a later part (pages.ts).
    await expect.poll(() => root.querySelector('.mm-board-item.mm-current')?.getAttribute('data-mm-id')).toBe('Components/Ledger.md');
    click(tabIn(root, 'graph'));
    expect(panelIn(root, 'graph').querySelector('.mm-node.mm-selected')!.getAttribute('data-mm-id')).toBe('Components/Ledger.md');
    click(root.querySelector('.mm-details-close')!);
    expect(root.querySelector('.mm-dash-body')!.classList.contains('mm-with-details')).toBe(false);
    expect(root.querySelector('.mm-current')).toBeNull();
  });

  it('asks the host to open what is clicked', () => {
    click(tabIn(root, 'board'));
    opened.length = 0;
    click(panelIn(root, 'board').querySelector('.mm-board-item')!);
    expect(opened).toEqual(['Components/Status Widget.md']);
    view.destroy();
    expect(root.isConnected).toBe(false);
  });
});

describe('dashboard with its first panel deferred', () => {
  it('shows the summary and filters first, the board busy, and the board when the host runs the draw', async () => {
    let draw: (() => void) | null = null;
    const view = renderDashboard(frozen, { title: 'Harbor', defer: (run) => void (draw = run) });
    const root = view.element;
    const holder = root.querySelector<HTMLElement>('.mm-panels')!;
    expect(textOf(root.querySelector('.mm-summary')!)).toContain(`${N.staging} Staging`);
    expect(holder.getAttribute('aria-busy')).toBe('true');
    expect(root.querySelectorAll('.mm-board-item')).toHaveLength(0);
    // A tab chosen meanwhile is the one drawn, with the results.
    click(root.querySelector<HTMLButtonElement>('[data-mm-tab="table"]')!);
    expect(root.querySelectorAll('tbody tr')).toHaveLength(0);
    // Two of the host's tasks: the filters, then the panel.
    draw!();
    expect(holder.getAttribute('aria-busy')).toBe('true');
    expect(root.querySelector('.mm-filter-count')!.textContent).toBe(`${N.components} components`);
    draw!();
    expect(holder.hasAttribute('aria-busy')).toBe(false);
    expect(root.querySelector('.mm-panel-table')!.querySelectorAll('tbody tr')).toHaveLength(N.components);
    click(root.querySelector<HTMLButtonElement>('[data-mm-tab="board"]')!);
    await expect.poll(() => root.querySelectorAll('.mm-board-item').length).toBe(N.components);
  });

  it('draws nothing once destroyed, and at once on a refresh', async () => {
    const draws: Array<() => void> = [];
    const gone = renderDashboard(frozen, { defer: (run) => void draws.push(run) });
    gone.destroy();
    draws[0]!();
    expect(gone.element.querySelectorAll('.mm-board-item')).toHaveLength(0);
    const refreshed = renderDashboard(frozen, { defer: (run) => void draws.push(run) });
    refreshed.refresh();
    expect(refreshed.element.querySelector('.mm-panels')!.hasAttribute('aria-busy')).toBe(false);
    await expect.poll(() => refreshed.element.querySelectorAll('.mm-board-item').length).toBe(N.components);
    // The deferred draw, run after, finds it drawn: nothing drawn twice.
    const board = refreshed.element.querySelector('.mm-board');
    draws[1]!();
    expect(refreshed.element.querySelector('.mm-board')).toBe(board);
  });
});
