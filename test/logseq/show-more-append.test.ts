// "Show more" in a query's table slot appends the next rows (the built plugin, real SDK, fake
// 0.10.x host): the slot's head and the rows already shown stay the same elements, each press adds
// only its new rows, and no single write to the host carries more than a piece's rows. Logseq
// injects a template with DOMPurify and innerHTML in a <div> (0.10.15 `libs/src/helpers.ts`
// `setupInjectedUI`: a `path` UI is a new <div> appended to its target, a known key's content is
// replaced), so a write's size is the host's task. Before, each press wrote the whole slot again:
// 60 rows, then 110, then 160.
import { afterEach, describe, expect, it } from 'vitest';
import { runQuery } from '../../src/core/index';
import { generatedGraph } from './generated-graph';
import { loadPlugin, quiet, ROW_SELECTOR, slotElement, until, viewComplete, type Loaded } from './harness';
import { QUERY_PAGE } from '../../src/logseq/query-slot';
import { rowMutations } from './row-mutations';
import { ROWS_PIECE } from '../../src/logseq/table-pieces';

const { files, core, somePage } = generatedGraph(500);
const staging = runQuery(core, { stage: ['staging'] }).map((c) => c.id);

let open: Loaded | null = null;
afterEach(async () => {
  await open?.close();
  open = null;
});

const rowIds = (el: Element) => [...el.querySelectorAll(ROW_SELECTOR)].map((row) => row.getAttribute('data-mm-id'));

/** Press "Show more" and wait until its rows are in and the button (or the count) was written again. */
async function pressMore(l: Loaded, slot: string): Promise<void> {
  const more = slotElement(l, slot).querySelector('button.mm-show-more') as HTMLElement;
  more.click();
  await until(l, () => slotElement(l, slot).querySelector('button.mm-show-more') !== more && viewComplete(slotElement(l, slot)), 'the next page', 30_000);
  await quiet(l);
}

describe('"Show more" in a table slot appends', () => {
  it('keeps the head and the rows shown, adds only the new rows, each write at most a piece of rows', async () => {
    expect(staging.length).toBeGreaterThan(QUERY_PAGE.first + 2 * QUERY_PAGE.more);
    const l = await loadPlugin({ files, settings: { pollSeconds: 0 } });
    open = l;
    const slot = l.fake.renderBlock(l.graph.addBlock(l.graph.pageOfFile(somePage)!, '{{renderer :maturity-query, stage=staging}}'));
    await until(l, () => slotElement(l, slot)?.querySelector(ROW_SELECTOR) !== null && viewComplete(slotElement(l, slot)), 'the first page', 60_000);
    await quiet(l);
    const el = slotElement(l, slot);
    const head = el.querySelector('[data-injected-ui]');
    const firstRow = el.querySelector(ROW_SELECTOR);
    const rows = rowMutations(l, el);
    const sizes: number[] = [];
    for (let press = 1; press <= 3; press++) {
      rows.reset();
      await pressMore(l, slot);
      const shown = Math.min(staging.length, QUERY_PAGE.first + press * QUERY_PAGE.more);
      expect(rowIds(el)).toEqual(staging.slice(0, shown));
      // Only the new rows went in; none was taken out and put back.
      expect(rows.removed).toBe(0);
      sizes.push(rows.added);
      expect(el.querySelector('[data-injected-ui]')).toBe(head);
      expect(el.querySelector(ROW_SELECTOR)).toBe(firstRow);
    }
    expect(sizes).toEqual([QUERY_PAGE.more, QUERY_PAGE.more, Math.min(QUERY_PAGE.more, staging.length - QUERY_PAGE.first - 2 * QUERY_PAGE.more)]);
    // Every injected element (the head, each piece) holds at most a piece's rows.
    for (const injected of el.querySelectorAll('[data-injected-ui]')) {
      const own = [...injected.querySelectorAll(ROW_SELECTOR)].filter((row) => row.closest('[data-injected-ui]') === injected);
      expect(own.length).toBeLessThanOrEqual(ROWS_PIECE);
    }
  });

  it('a query that asks for its rows (limit=20) gets them all, the head and a piece', async () => {
    const l = await loadPlugin({ files, settings: { pollSeconds: 0 } });
    open = l;
    const slot = l.fake.renderBlock(l.graph.addBlock(l.graph.pageOfFile(somePage)!, '{{renderer :maturity-query, stage=staging, limit=20}}'));
    await until(l, () => slotElement(l, slot)?.querySelector(ROW_SELECTOR) !== null && viewComplete(slotElement(l, slot)), 'the rows', 60_000);
    await quiet(l);
    expect(rowIds(slotElement(l, slot))).toEqual(staging.slice(0, 20));
    expect(slotElement(l, slot).querySelector('button.mm-show-more')).toBeNull();
    expect(slotElement(l, slot).querySelector('.mm-query-count')?.textContent).toBe('20 shown');
  });
});
