// A query's table in a slot, in pieces: the head holds the table with its first rows, later rows
// come ROWS_PIECE at a time as pieces injected into the same table, and "Show more" is a piece of
// its own. The rows come in the table's order: a header sorts the whole result (query-slot.ts), so
// the rows shown are its first and Show more appends the next of the same order. Logseq sanitises and injects each piece in a task of its own, so no piece is large;
// and a press of "Show more" leaves the head and the rows already shown as they are (their
// pieces keep their stamps, slots.ts) and only appends the new rows, so each press costs the
// same. Logseq parses a template in a <div> (DOMPurify, then innerHTML), where <tr> is dropped:
// the appended rows are <div role="row"> that the styles lay out as rows of the table.
import type { Component, ComponentQuery } from '../core/index';
import { DEFAULT_COLUMNS, renderTable, tableCell, type ViewContext } from '../render/index';
import type { RowOrder } from '../plugin-cache/query-order';
import type { SlotPiece } from './slot-types';
import { showMoreButton } from './markup';

/**
 * Rows in one piece (and in the head). A slot's injection is DOMPurify and innerHTML over its
 * markup, ~3 KB and 30 elements a row: 25 rows held the harness's host 70–90 ms, 10 rows 20–48 ms
 * (benchmarks.md, sessions 16–17).
 */
export const ROWS_PIECE = 10;

export interface TablePiecesInput {
  ctx: ViewContext;
  /** The rows shown, their views built: the first of the whole result in `sort`'s order. */
  shown: readonly Component[];
  /** The order the header shows (the slot's sort, else the query's own). */
  sort: RowOrder;
  /** Matches not shown ("Show more" asks for `nextLimit`). */
  more: number;
  nextLimit: number;
  slot: string;
  /** What the rows drawn depend on besides their ids (the index's revision and day). */
  version: string;
  /** The slot root around an element; and a piece's tree wired and serialised (views.ts). */
  wrap: (child: Element) => HTMLElement;
  /** Wires and serialises a tree; `roots` as a slot piece's markup is given it (slots.ts). */
  finish: (root: HTMLElement, roots?: number) => string;
}

/** A piece of rows: each a `role="row"` of `role="cell"`s with the table's column classes. */
function rowsElement(ctx: ViewContext, rows: readonly Component[]): HTMLElement {
  const doc = ctx.document;
  const group = doc.createElement('div');
  group.setAttribute('class', 'mm-logseq-rows');
  group.setAttribute('role', 'rowgroup');
  for (const c of rows) {
    const row = doc.createElement('div');
    row.setAttribute('class', 'mm-logseq-row');
    row.setAttribute('role', 'row');
    row.setAttribute('data-mm-id', c.id);
    for (const col of DEFAULT_COLUMNS) {
      const cell = tableCell(c, col, ctx, 'div', 'mm-logseq-cell ');
      cell.setAttribute('role', 'cell');
      row.appendChild(cell);
    }
    group.appendChild(row);
  }
  return group;
}

/** "Show more (N not shown)", or how many the table shows once all are; in a box (the wiring looks inside its root). */
function moreElement(ctx: ViewContext, input: Pick<TablePiecesInput, 'more' | 'nextLimit' | 'shown'>): HTMLElement {
  const doc = ctx.document;
  const box = doc.createElement('div');
  if (input.more > 0) {
    box.appendChild(showMoreButton(doc, input.more, input.nextLimit));
    return box;
  }
  const all = doc.createElement('span');
  all.setAttribute('class', 'mm-muted mm-query-count');
  all.textContent = `${input.shown.length} shown`;
  box.appendChild(all);
  return box;
}

/** The head's tree (the table's first rows, not yet serialised) and its pieces: the other rows ROWS_PIECE a piece, then "Show more". */
export function tablePieces(input: TablePiecesInput): { root: HTMLElement; parts: SlotPiece[] } {
  const { ctx, slot, sort } = input;
  const rows = input.shown;
  // Rows drawn as given (onSort: the header is a model call, markup.ts): the whole result was sorted before (query-slot.ts).
  const wrap = renderTable(rows.slice(0, ROWS_PIECE), ctx, { sort, onSort: () => undefined });
  const root = input.wrap(wrap);
  const parts: SlotPiece[] = [];
  if (rows.length <= ROWS_PIECE && input.more === 0) return { root, parts };
  const table = wrap.querySelector('table');
  const rowsId = `mm-rows-${slot}`;
  table?.setAttribute('id', rowsId);
  const moreBox = ctx.document.createElement('div');
  moreBox.setAttribute('class', 'mm-slot-part mm-query-more');
  moreBox.id = `mm-more-${slot}`;
  root.appendChild(moreBox);
  const order = `${sort.column}:${sort.order}`;
  for (let from = ROWS_PIECE; from < rows.length; from += ROWS_PIECE) {
    const chunk = rows.slice(from, from + ROWS_PIECE);
    const stamp = `${input.version}|${order}|${chunk.map((c) => c.id).join('\n')}`;
    parts.push({ key: `rows-${from / ROWS_PIECE}`, container: rowsId, stamp, markup: (roots) => input.finish(rowsElement(ctx, chunk), roots) });
  }
  parts.push({ key: 'more', container: moreBox.id, markup: (roots) => input.finish(moreElement(ctx, input), roots) });
  return { root, parts };
}

/** Whether a query's slot draws this way (a table; the other views are drawn whole). */
export function piecewiseTable(query: ComponentQuery): boolean {
  return (query.view ?? 'table') === 'table';
}
