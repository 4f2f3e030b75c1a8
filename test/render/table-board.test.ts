// @vitest-environment happy-dom
// Query results as a sortable table, a list and a board.
import { describe, expect, it } from 'vitest';
import { runQuery } from '../../src/core/index';
import { DEFAULT_COLUMNS, renderBoard, renderList, renderQueryResults, renderTable, type TableColumn } from '../../src/render/index';
import { exampleCounts } from '../cli/run';
import { click, exampleFixture, key, textOf } from './helpers';

const N = exampleCounts();

const { index, ctx, opened } = exampleFixture();
const all = index.components();

function names(table: HTMLElement): string[] {
  return [...table.querySelectorAll('tbody tr')].map((row) => textOf(row.querySelector('.mm-col-name')!));
}

describe('table', () => {
  it('has a row per component and a header per column', () => {
    const table = renderTable(all, ctx);
    expect([...table.querySelectorAll('thead th')].map(textOf)).toEqual(['Component', 'Stage', 'Next stage', 'Readiness', 'Owner', 'Group', 'Updated', 'Open blockers', 'Problems']);
    expect(table.querySelectorAll('tbody tr')).toHaveLength(N.components);
    const billing = table.querySelector('tr[data-mm-id="Components/Billing Engine.md"]')!;
    expect([...billing.querySelectorAll('td')].map(textOf)).toEqual(['Billing Engine', '◑ Staging ✖', '1/8', '0% · not backed', 'payments-squad', 'Payments', '22 days ago', '6', '✖ 3 ▲ 1']);
    expect(billing.querySelector('.mm-col-progress [role="progressbar"]')!.getAttribute('aria-valuenow')).toBe('1');
  });

  it('sorts by a column when its header is pressed, and back', () => {
    const table = renderTable(all, ctx);
    expect(names(table)[0]).toBe('<img src=x onerror=alert(\'xss-name\')> Status Widget');
    const stageHeader = table.querySelector<HTMLElement>('th.mm-col-stage')!;
    expect(stageHeader.getAttribute('aria-sort')).toBe('none');
    click(stageHeader.querySelector('button')!);
    expect(stageHeader.getAttribute('aria-sort')).toBe('ascending');
    const stages = [...table.querySelectorAll('tbody tr')].map((r) => r.querySelector('.mm-stage')!.getAttribute('data-mm-stage'));
    expect(stages).toEqual([...stages].sort((a, b) => ['development', 'staging', 'production'].indexOf(a!) - ['development', 'staging', 'production'].indexOf(b!)));
    click(stageHeader.querySelector('button')!);
    expect(stageHeader.getAttribute('aria-sort')).toBe('descending');
    expect(table.querySelector('tbody tr .mm-stage')!.getAttribute('data-mm-stage')).toBe('production');
  });

  it('puts missing values last in both orders', () => {
    const table = renderTable(all, ctx, { sort: { column: 'progress', order: 'desc' } });
    const rows = names(table);
    // 8/8 and 7/7 tie at 100%: then by name.
    expect(rows.slice(0, 2)).toEqual(['Carrier Directory', 'Search Indexer']);
    const finalStage = ['Auth Gateway', 'Customs Filing', 'Media Pipeline', 'Session Store'];
    expect(rows.slice(-4).sort()).toEqual(finalStage);
    const asc = names(renderTable(all, ctx, { sort: { column: 'progress', order: 'asc' } }));
    expect(asc.slice(-4).sort()).toEqual(finalStage);
  });

  it('with onSort, draws the rows as given and hands a header press to the host', () => {
    const given = [...all].reverse();
    const asked: Array<{ column: string; order: string }> = [];
    const table = renderTable(given, ctx, { sort: { column: 'stage', order: 'asc' }, onSort: (sort) => asked.push(sort) });
    expect(names(table)).toEqual(given.map((c) => c.name));
    expect(table.querySelector('th.mm-col-stage')!.getAttribute('aria-sort')).toBe('ascending');
    click(table.querySelector<HTMLElement>('th.mm-col-stage button')!);
    click(table.querySelector<HTMLElement>('th.mm-col-owner button')!);
    expect(asked).toEqual([{ column: 'stage', order: 'desc' }, { column: 'owner', order: 'asc' }]);
    // The host redraws in the order asked for; until then nothing moved.
    expect(names(table)).toEqual(given.map((c) => c.name));
    expect(table.querySelector('th.mm-col-stage')!.getAttribute('aria-sort')).toBe('ascending');
  });

  it('takes extra columns', () => {
    const tags: TableColumn = { id: 'tags', label: 'Tags', sortValue: (c) => c.note.tags.join(','), cell: (c) => c.note.tags.join(', ') };
    const table = renderTable(all.slice(0, 2), ctx, { columns: [...DEFAULT_COLUMNS.slice(0, 1), tags], caption: 'Two' });
    expect([...table.querySelectorAll('thead th')].map(textOf)).toEqual(['Component', 'Tags']);
    expect(textOf(table.querySelector('caption')!)).toBe('Two');
    expect(textOf(table.querySelector('tbody .mm-col-tags')!)).toContain('maturity');
  });

  it('says when nothing matches', () => {
    expect(textOf(renderTable([], ctx))).toBe('No components match.');
  });
});

describe('list', () => {
  it('lists each component with its badge and next-stage progress', () => {
    const list = renderList(runQuery(ctx, { stage: ['development'] }), ctx);
    const items = [...list.querySelectorAll('li')];
    expect(items.map((li) => textOf(li.querySelector('a')!))).toEqual(['<img src=x onerror=alert(\'xss-name\')> Status Widget', 'Experiment Tracker', 'Ledger', 'Report Builder', 'Search Indexer']);
    expect(textOf(items[2]!)).toBe('Ledger ○ Development ⊘ 3/7 payments-squad (@eitan.weiss)');
  });
});

describe('board', () => {
  const board = renderBoard(all, ctx);
  const column = (stage: string) => board.querySelector<HTMLElement>(`.mm-board-column[data-mm-stage="${stage}"]`)!;
  const items = (stage: string) => [...column(stage).querySelectorAll<HTMLElement>('.mm-board-item')];

  it('has one column per stage plus unknown, with counts', () => {
    expect([...board.querySelectorAll('.mm-board-column')].map((c) => c.getAttribute('data-mm-stage'))).toEqual(['development', 'staging', 'production', 'unknown']);
    expect(['development', 'staging', 'production', 'unknown'].map((s) => textOf(column(s).querySelector('.mm-board-heading')!))).toEqual([
      '○ Development 5',
      '◑ Staging 9',
      '● Production 4',
      '? Unknown stage 0',
    ]);
    expect(column('staging').style.getPropertyValue('--mm-stage-color')).toBe('#2563eb');
    expect(items('production').map((i) => textOf(i.querySelector('.mm-board-name')!))).toEqual(['Auth Gateway', 'Customs Filing', 'Media Pipeline', 'Session Store']);
    expect(textOf(column('unknown'))).toContain('None');
  });

  it('draws a long board a page per column, the next page on request, in order, with the counts whole', () => {
    const all = [...board.querySelectorAll('.mm-board-item')].map((i) => i.getAttribute('data-mm-id'));
    const paged = renderBoard(index.components(), ctx, { pageSize: 2 });
    document.body.appendChild(paged);
    const drawn = () => [...paged.querySelectorAll('.mm-board-item')].map((i) => i.getAttribute('data-mm-id'));
    const staging = paged.querySelector<HTMLElement>('[data-mm-stage="staging"]')!;
    // Two per column (Unknown has none), the counts already whole.
    expect(drawn()).toHaveLength(6);
    expect(textOf(staging.querySelector('.mm-board-heading')!)).toBe('◑ Staging 9');
    const more = () => staging.querySelector<HTMLButtonElement>('.mm-show-more');
    expect(textOf(more()!)).toBe('Show 2 more components (7 not shown)');
    click(more()!);
    expect(staging.querySelectorAll('.mm-board-item')).toHaveLength(4);
    while (more()) click(more()!);
    expect(staging.querySelectorAll('.mm-board-item')).toHaveLength(9);
    // The last page moved focus to its first item, for a keyboard user to carry on from.
    expect(document.activeElement?.getAttribute('data-mm-id')).toBe(staging.querySelectorAll('.mm-board-item')[8]!.getAttribute('data-mm-id'));
    for (const button of [...paged.querySelectorAll<HTMLButtonElement>('.mm-show-more')]) while (button.isConnected) click(button);
    expect(drawn()).toEqual(all);
    paged.remove();
  });

  it('draws a long table a page of rows at a time; a new order starts again at its first page', () => {
    const whole = names(renderTable(all, ctx));
    const table = renderTable(all, ctx, { pageSize: 5 });
    const more = () => table.querySelector<HTMLButtonElement>('.mm-table-more .mm-show-more');
    expect(names(table)).toEqual(whole.slice(0, 5));
    expect(textOf(more()!)).toBe(`Show 5 more rows (${N.components - 5} not shown)`);
    click(more()!);
    expect(names(table)).toEqual(whole.slice(0, 10));
    click(table.querySelectorAll<HTMLButtonElement>('thead button')[0]!);
    expect(names(table)).toEqual([...whole].reverse().slice(0, 5));
    while (more()) click(more()!);
    expect(names(table)).toEqual([...whole].reverse());
  });

  it('shows flags with labels and the next-stage bar on each item', () => {
    const ledger = items('development').find((i) => i.getAttribute('data-mm-id') === 'Components/Ledger.md')!;
    expect(textOf(ledger)).toBe('Ledger ⊘ Blocked 3/7 payments-squad (@eitan.weiss)');
    // Its accessible name is that visible text (no aria-label to differ from it: WCAG 2.5.3); the
    // reasons and the count in words are its description.
    expect(ledger.hasAttribute('aria-label')).toBe(false);
    expect(ledger.querySelector('.mm-flag-label')?.getAttribute('aria-hidden')).toBeNull();
    expect(ledger.querySelector('[role="progressbar"]')?.getAttribute('aria-hidden')).toBe('true');
    expect(ledger.getAttribute('title')).toMatch(/^Ledger — Blocked: .+ Development → Staging: 3 of 7 criteria met\. Owner: payments-squad \(@eitan\.weiss\)\.$/);
    expect(items('production')[0]!.querySelector('[role="progressbar"]')).toBeNull();
  });

  it('opens a component on click or Enter through the host', () => {
    opened.length = 0;
    const event = click(items('staging')[0]!);
    expect(event.defaultPrevented).toBe(true);
    expect(opened.map((o) => o.id)).toEqual(['Components/Billing Engine.md']);
  });

  it('leaves modified clicks to the browser when the host gives real links', () => {
    const linked = exampleFixture({ href: (id) => `#component=${encodeURIComponent(id)}` });
    const item = renderBoard(linked.index.components(), linked.ctx).querySelector<HTMLAnchorElement>('.mm-board-item')!;
    expect(item.getAttribute('href')).toBe('#component=Components%2FStatus%20Widget.md');
    const event = click(item, { ctrlKey: true });
    expect(event.defaultPrevented).toBe(false);
    expect(linked.opened).toHaveLength(0);
  });

  it('moves between items and columns with the arrow keys', () => {
    document.body.replaceChildren(board);
    const first = items('development')[0]!;
    first.focus();
    key(first, 'ArrowDown');
    expect(document.activeElement).toBe(items('development')[1]);
    key(document.activeElement!, 'ArrowRight');
    expect(document.activeElement).toBe(items('staging')[1]);
    key(document.activeElement!, 'End');
    expect(document.activeElement).toBe(items('staging').at(-1));
    key(document.activeElement!, 'ArrowRight');
    expect(document.activeElement).toBe(items('production').at(-1));
    key(document.activeElement!, 'ArrowRight');
    // The unknown column is empty: focus stays.
    expect(document.activeElement).toBe(items('production').at(-1));
    key(document.activeElement!, 'ArrowLeft');
    expect(document.activeElement).toBe(items('staging')[items('production').length - 1]);
    expect(items('development').every((i) => i.tagName === 'A' && i.hasAttribute('href'))).toBe(true);
  });
});

describe('query results', () => {
  it('renders the view a query names', () => {
    const results = runQuery(ctx, { stage: ['staging'] });
    expect(renderQueryResults(results, 'table', ctx).querySelectorAll('tbody tr')).toHaveLength(N.staging);
    expect(renderQueryResults(results, 'list', ctx).querySelectorAll('li')).toHaveLength(N.staging);
    expect(renderQueryResults(results, 'board', ctx).querySelectorAll('.mm-board-item')).toHaveLength(N.staging);
    const graph = renderQueryResults(results, 'graph', ctx);
    expect(graph.querySelectorAll('.mm-node')).toHaveLength(N.staging);
  });
});
