// A query's table in a slot, in pieces: the head holds the table with its first rows, later rows
// come ROWS_PIECE at a time as pieces injected into the same table, and "Show more" is a piece of
// its own. Logseq sanitises and injects each piece in a task of its own, so no piece is large;
// and a press of "Show more" leaves the head and the rows already shown as they are (their
// pieces keep their stamps, slots.ts) and only appends the new rows, so each press costs the
// same. Logseq parses a template in a <div> (DOMPurify, then innerHTML), where <tr> is dropped:
// the appended rows are <div role="row"> that the styles lay out as rows of the table.
import type { Component, ComponentQuery } from '../core/index';
import { DEFAULT_COLUMNS, renderTable, sortByColumn, tableCell, type ViewContext } from '../render/index';
import type { SlotPiece, SlotState } from './slots';
import { showMoreButton } from './markup';

/**
 * Rows in one piece (and in the head). A slot's injection is DOMPurify and innerHTML over its
 * markup, ~3 KB and 30 elements a row: 25 rows held the harness's host 70–90 ms, 10 rows 20–48 ms
 * (benchmarks.md, sessions 16–17).
 */
export const ROWS_PIECE = 10;

export interface TablePiecesInput {
  ctx: ViewContext;
  /** The rows shown, their views built, in the query's order. */
  shown: readonly Component[];
  /** Matches not shown ("Show more" asks for `nextLimit`). */
  more: number;
  nextLimit: number;
  state: SlotState;
  slot: string;
  /** What the rows drawn depend on besides their ids (the index's revision and day). */
  version: string;
  /** The slot root around an element; and a piece's tree wired and serialised (views.ts). */
  wrap: (child: Element) => HTMLElement;
  finish: (root: HTMLElement) => string;
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

/** The rows in the order the slot's table shows them (a header's sort orders the rows shown). */
function ordered(ctx: ViewContext, shown: readonly Component[], state: SlotState): { rows: Component[]; sort: { column: string; order: 'asc' | 'desc' } } {
  const sort = state.sort ?? { column: 'name', order: 'asc' as const };
  const column = DEFAULT_COLUMNS.find((c) => c.id === sort.column) ?? DEFAULT_COLUMNS[0]!;
  return { rows: sortByColumn(shown, column, sort.order, ctx), sort };
}

/** The head's tree (the table's first rows, not yet serialised) and its pieces: the other rows ROWS_PIECE a piece, then "Show more". */
export function tablePieces(input: TablePiecesInput): { root: HTMLElement; parts: SlotPiece[] } {
  const { ctx, slot } = input;
  const { rows, sort } = ordered(ctx, input.shown, input.state);
  // Rows drawn as given (onSort): the table would sort them again otherwise.
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
    parts.push({ key: `rows-${from / ROWS_PIECE}`, container: rowsId, stamp, markup: () => input.finish(rowsElement(ctx, chunk)) });
  }
  parts.push({ key: 'more', container: moreBox.id, markup: () => input.finish(moreElement(ctx, input)) });
  return { root, parts };
}

/** Whether a query's slot draws this way (a table; the other views are drawn whole). */
export function piecewiseTable(query: ComponentQuery): boolean {
  return (query.view ?? 'table') === 'table';
}
