// A table header in a query's slot sorts the whole result, not the rows shown (the built plugin,
// real SDK, fake 0.10.x host), as Obsidian's query block does with the same shared table: a press
// shows the first rows of the whole result in that order, and "Show more" then appends the next
// rows of that order (the head and the rows shown stay the same elements, none is taken out).
// Before, the press sorted the 10 rows shown (the first 10 of the query's own order), and a Show
// more with a sort wrote the table again, its new rows sorted in among the old.
import { Window } from 'happy-dom';
import { afterEach, describe, expect, it } from 'vitest';
import { contextFromIndex, DEFAULT_COLUMNS, sortByColumn } from '../../src/render/index';
import { runQuery, type ComponentQuery } from '../../src/core/index';
import { generatedGraph } from './generated-graph';
import { loadPlugin, quiet, ROW_SELECTOR, slotElement, until, viewComplete, type Loaded } from './harness';
import { QUERY_PAGE } from '../../src/logseq/query-slot';
import { rowMutations } from './row-mutations';

const { files, core, somePage } = generatedGraph(500);
const STAGING: ComponentQuery = { stage: ['staging'] };

let open: Loaded | null = null;
afterEach(async () => {
  await open?.close();
  open = null;
});

const rowIds = (el: Element) => [...el.querySelectorAll(ROW_SELECTOR)].map((row) => row.getAttribute('data-mm-id'));

/** The whole result in a column's order: the core's query sort where it has the key (as Obsidian's block), else the table's over every view. */
function sortedWhole(column: string, order: 'asc' | 'desc'): string[] {
  if (['owner', 'group', 'stage', 'updated', 'progress', 'readiness', 'name'].includes(column)) return runQuery(core, { ...STAGING, sort: column as 'owner', order }).map((c) => c.id);
  const col = DEFAULT_COLUMNS.find((c) => c.id === column)!;
  return sortByColumn(runQuery(core, STAGING), col, order, contextFromIndex(core, { document: new Window().document as unknown as Document, onOpen: () => undefined })).map((c) => c.id);
}

async function querySlot(l: Loaded, text: string): Promise<string> {
  const slot = l.fake.renderBlock(l.graph.addBlock(l.graph.pageOfFile(somePage)!, text));
  await until(l, () => slotElement(l, slot)?.querySelector(ROW_SELECTOR) !== null && viewComplete(slotElement(l, slot)), 'the first page', 60_000);
  await quiet(l);
  return slot;
}

/** Press a column's header and wait until the table shows that order, every piece in. */
async function pressHeader(l: Loaded, slot: string, column: string, order: 'ascending' | 'descending'): Promise<void> {
  (slotElement(l, slot).querySelector(`th.mm-col-${column} button`) as HTMLElement).click();
  await until(l, () => slotElement(l, slot).querySelector(`th.mm-col-${column}`)?.getAttribute('aria-sort') === order && viewComplete(slotElement(l, slot)), `sorted by ${column}`, 30_000);
  await quiet(l);
}

describe('a table header in a query slot sorts the whole result', () => {
  it('shows the first rows of the whole result in the header’s order, both ways', async () => {
    const l = await loadPlugin({ files, settings: { pollSeconds: 0 } });
    open = l;
    const slot = await querySlot(l, '{{renderer :maturity-query, stage=staging}}');
    expect(sortedWhole('owner', 'asc').slice(0, QUERY_PAGE.first)).not.toEqual(runQuery(core, STAGING).slice(0, QUERY_PAGE.first).map((c) => c.id));
    await pressHeader(l, slot, 'owner', 'ascending');
    expect(rowIds(slotElement(l, slot))).toEqual(sortedWhole('owner', 'asc').slice(0, QUERY_PAGE.first));
    await pressHeader(l, slot, 'owner', 'descending');
    expect(rowIds(slotElement(l, slot))).toEqual(sortedWhole('owner', 'desc').slice(0, QUERY_PAGE.first));
    // A column the core's query cannot sort by (the table's own): the same, over every view.
    await pressHeader(l, slot, 'blockers', 'ascending');
    expect(rowIds(slotElement(l, slot))).toEqual(sortedWhole('blockers', 'asc').slice(0, QUERY_PAGE.first));
  });

  it('"Show more" with a sort appends the next rows of that order, rewriting none', async () => {
    const l = await loadPlugin({ files, settings: { pollSeconds: 0 } });
    open = l;
    const slot = await querySlot(l, '{{renderer :maturity-query, stage=staging}}');
    await pressHeader(l, slot, 'group', 'ascending');
    const whole = sortedWhole('group', 'asc');
    const el = slotElement(l, slot);
    const head = el.querySelector('[data-injected-ui]');
    const firstRow = el.querySelector(ROW_SELECTOR);
    const rows = rowMutations(l, el);
    const more = el.querySelector('button.mm-show-more') as HTMLElement;
    more.click();
    await until(l, () => slotElement(l, slot).querySelector('button.mm-show-more') !== more && viewComplete(slotElement(l, slot)), 'the next page', 30_000);
    await quiet(l);
    expect(rowIds(el)).toEqual(whole.slice(0, QUERY_PAGE.first + QUERY_PAGE.more));
    expect(rows.removed).toBe(0);
    expect(rows.added).toBe(QUERY_PAGE.more);
    expect(el.querySelector('[data-injected-ui]')).toBe(head);
    expect(el.querySelector(ROW_SELECTOR)).toBe(firstRow);
    expect(el.querySelector('th.mm-col-group')?.getAttribute('aria-sort')).toBe('ascending');
  });

  it('a query’s own order is the table’s first order: its header’s first press reverses it', async () => {
    const l = await loadPlugin({ files, settings: { pollSeconds: 0 } });
    open = l;
    const slot = await querySlot(l, '{{renderer :maturity-query, stage=staging, sort=owner}}');
    expect(rowIds(slotElement(l, slot))).toEqual(sortedWhole('owner', 'asc').slice(0, QUERY_PAGE.first));
    expect(slotElement(l, slot).querySelector('th.mm-col-owner')?.getAttribute('aria-sort')).toBe('ascending');
    await pressHeader(l, slot, 'owner', 'descending');
    expect(rowIds(slotElement(l, slot))).toEqual(sortedWhole('owner', 'desc').slice(0, QUERY_PAGE.first));
  });
});
