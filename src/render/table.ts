// Query results as a table with sortable columns. Columns are data, so a host (or the readiness
// work) can add its own next to DEFAULT_COLUMNS.
import type { Component } from '../core/index';
import { openBlockers } from '../core/serialize';
import { renderStageBadge } from './badge';
import type { ViewContext } from './context';
import { clear, h } from './dom';
import { renderComponentLink } from './link';
import { drawPaged, sliceClock, type PageSlicing, type PagedItems } from './pages';
import { nextTransition, renderBar, transitionLabel } from './progress';
import { READINESS_COLUMN } from './readiness';
import { sortByColumn } from './table-sort';
import { relativeDate } from './time';

export { sortByColumn } from './table-sort';

export interface TableColumn {
  id: string;
  label: string;
  /** What the column sorts by; null sorts last in either order. */
  sortValue(c: Component, ctx: ViewContext): string | number | null;
  cell(c: Component, ctx: ViewContext): Node | string;
  numeric?: boolean;
  /** Its values collate as the components' names do (the name column): ranked from the name order (`ctx.ids()`) in one pass. */
  nameOrdered?: boolean;
}

export type SortOrder = 'asc' | 'desc';

export interface TableOptions {
  columns?: TableColumn[];
  /** Initial sort; default by name ascending. */
  sort?: { column: string; order: SortOrder };
  caption?: string;
  /** Rows drawn at once, the rest a page at a time on request (pages.ts); default every row. */
  pageSize?: number;
  /**
   * The host orders the rows: they are drawn as given (in the order `sort` names), and a header
   * press asks for the next order here instead of sorting them. A host that draws the first rows
   * of a longer result sorts all of it, not the rows it drew.
   */
  onSort?: (sort: { column: string; order: SortOrder }) => void;
  /** A page of rows drawn a part a task (pages.ts); default the whole page in one. */
  slicing?: PageSlicing;
  /**
   * Rows sorted in the task that draws the table or takes a header press (default all). More are
   * sorted in the next task (the context's `nextTask`) and their first rows drawn in the one after,
   * the rows shown meanwhile kept, `aria-busy`: at 9,259 components the sort and the first 25 rows
   * were one task of 35–80 ms of Chromium's CPU (benchmarks.md, session 22).
   */
  sortAtOnce?: number;
  /**
   * Columns of declared widths (`table-layout: fixed`, `.mm-table-fixed` in styles.css): a part of rows appended
   * moves no column; with the auto layout each part moved them and Chromium laid every row out again (benchmarks.md, session 23).
   */
  fixedColumns?: boolean;
}

function nextProgress(c: Component, ctx: ViewContext): number | null {
  const t = nextTransition(c, ctx.pipeline);
  return t && t.total > 0 ? t.met / t.total : null;
}

/** A compact bar for the transition towards the next stage, or a dash. */
export function renderNextProgress(c: Component, ctx: ViewContext): HTMLElement {
  const doc = ctx.document;
  const t = nextTransition(c, ctx.pipeline);
  if (!t || t.total === 0) return h(doc, 'span', { cls: 'mm-muted', text: '—' });
  const label = transitionLabel(t, ctx.pipeline);
  return h(doc, 'span', {
    cls: 'mm-mini-progress',
    attrs: { title: `${label}: ${t.met}/${t.total} criteria met` },
    children: [renderBar(doc, t.met, t.total, `${c.name}: ${label} criteria`), h(doc, 'span', { cls: 'mm-count', text: `${t.met}/${t.total}` })],
  });
}

function problems(c: Component): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const d of c.diagnostics) {
    if (d.severity === 'error') errors++;
    else if (d.severity === 'warning') warnings++;
  }
  return { errors, warnings };
}

export const DEFAULT_COLUMNS: TableColumn[] = [
  { id: 'name', label: 'Component', sortValue: (c) => c.name.toLowerCase(), cell: (c, ctx) => renderComponentLink(c.id, ctx, c.name), nameOrdered: true },
  { id: 'stage', label: 'Stage', sortValue: (c, ctx) => ctx.pipeline.rank.get(c.note.stage?.id ?? '') ?? null, cell: (c, ctx) => renderStageBadge(c, ctx) },
  { id: 'progress', label: 'Next stage', sortValue: nextProgress, cell: renderNextProgress, numeric: true },
  READINESS_COLUMN,
  { id: 'owner', label: 'Owner', sortValue: (c) => c.note.owner?.value.toLowerCase() ?? null, cell: (c) => c.note.owner?.value ?? '' },
  { id: 'group', label: 'Group', sortValue: (c) => c.note.group?.value.toLowerCase() ?? null, cell: (c) => c.note.group?.value ?? '' },
  {
    id: 'updated',
    label: 'Updated',
    sortValue: (c) => c.note.lastUpdated?.value ?? null,
    cell: (c, ctx) => {
      const value = c.note.lastUpdated?.value;
      if (!value) return '';
      return h(ctx.document, 'time', { cls: c.stale ? 'mm-is-stale' : '', text: relativeDate(value, ctx.today()) ?? value, attrs: { datetime: value, title: value } });
    },
  },
  { id: 'blockers', label: 'Open blockers', sortValue: (c) => openBlockers(c).length, cell: (c) => String(openBlockers(c).length), numeric: true },
  {
    id: 'problems',
    label: 'Problems',
    sortValue: (c) => {
      const p = problems(c);
      return p.errors * 1000 + p.warnings;
    },
    cell: (c, ctx) => {
      const p = problems(c);
      const doc = ctx.document;
      if (p.errors + p.warnings === 0) return h(doc, 'span', { cls: 'mm-muted', text: 'none' });
      return h(doc, 'span', {
        children: [
          p.errors > 0 ? h(doc, 'span', { cls: 'mm-error-text', text: `✖ ${p.errors}`, attrs: { title: `${p.errors} errors` } }) : null,
          p.errors > 0 && p.warnings > 0 ? doc.createTextNode(' ') : null,
          p.warnings > 0 ? h(doc, 'span', { cls: 'mm-warn-text', text: `▲ ${p.warnings}`, attrs: { title: `${p.warnings} warnings` } }) : null,
        ],
      });
    },
    numeric: true,
  },
];

/**
 * Component ids (their views built) in the order of a table column (DEFAULT_COLUMNS, by id), or
 * null when the table has no such column: what a host's query view sorts by when the core's query
 * has no key for the column (plugin-cache/query-order.ts).
 */
export function sortIdsByColumn(ids: readonly string[], order: { column: string; order: SortOrder }, ctx: ViewContext): string[] | null {
  const column = DEFAULT_COLUMNS.find((c) => c.id === order.column);
  if (!column) return null;
  return sortByColumn(ids.flatMap((id) => ctx.component(id) ?? []), column, order.order, ctx).map((c) => c.id);
}

/**
 * A component's cell in a column: a `<td>`, or an element of another kind for a host that cannot
 * inject table rows (Logseq's slot pieces: `<div role="cell">`, src/logseq/table-pieces.ts).
 */
export function tableCell(c: Component, col: TableColumn, ctx: ViewContext, tag: 'td' | 'div', extraClass = ''): HTMLElement {
  const doc = ctx.document;
  const content = col.cell(c, ctx);
  return h(doc, tag, { cls: `${extraClass}mm-col-${col.id}${col.numeric ? ' mm-numeric' : ''}`, children: [typeof content === 'string' ? doc.createTextNode(content) : content] });
}

/** A table's body: its rows in an order, drawn a page at a time, and the header marks of that order. */
interface TableRows {
  readonly components: readonly Component[];
  readonly ctx: ViewContext;
  readonly options: TableOptions;
  readonly body: HTMLElement;
  readonly pager: HTMLElement;
  readonly headers: ReadonlyMap<string, HTMLTableCellElement>;
  readonly row: (c: Component) => HTMLElement;
  paged: PagedItems | null;
  /** Orders asked for so far: a sort still under way for an older one is dropped. */
  asked: number;
  /** The table has been seen in the document: taken out after that, a sort under way stops. */
  placed: boolean;
}

function drawRows(t: TableRows, rows: readonly Component[], column: TableColumn, order: SortOrder): void {
  const slicing = t.options.slicing;
  // Emptying the rows of the last order is part of this task's first part (15% of it in the Logseq harness).
  const started = slicing?.budgetMs ? sliceClock(t.ctx.document, slicing)() : undefined;
  clear(t.body);
  clear(t.pager);
  t.paged = drawPaged(t.ctx.document, rows, t.body, t.row, t.options.pageSize ?? Infinity, 'rows', slicing && { ...slicing, started });
  if (t.paged.more) t.pager.appendChild(t.paged.more);
  for (const [id, th] of t.headers) th.setAttribute('aria-sort', id === column.id ? (order === 'asc' ? 'ascending' : 'descending') : 'none');
}

/** Still the order last asked for, and the table not taken out of the document. */
function stillWanted(t: TableRows, asked: number): boolean {
  if (t.body.isConnected) t.placed = true;
  return asked === t.asked && (t.body.isConnected || !t.placed);
}

/** The sort in the next task, the first rows in the one after; the rows shown meanwhile stay, `aria-busy`. */
async function sortInTasks(t: TableRows, column: TableColumn, order: SortOrder, asked: number): Promise<void> {
  t.body.setAttribute('aria-busy', 'true');
  await t.ctx.nextTask();
  if (!stillWanted(t, asked)) return;
  const rows = sortByColumn(t.components, column, order, t.ctx);
  await t.ctx.nextTask();
  if (stillWanted(t, asked)) drawRows(t, rows, column, order);
}

/** Draw the rows in a new order: at once, or (more than `sortAtOnce`) sorted and drawn in tasks of their own. */
function fillRows(t: TableRows, column: TableColumn, order: SortOrder): void {
  const asked = ++t.asked;
  // The old order's page stops being drawn; the new one starts again at the first page.
  t.paged?.stop();
  if (t.options.onSort) return drawRows(t, t.components, column, order);
  if (t.components.length <= (t.options.sortAtOnce ?? Infinity)) return drawRows(t, sortByColumn(t.components, column, order, t.ctx), column, order);
  void sortInTasks(t, column, order, asked);
}

/**
 * The roles a fixed table states on its elements: its rows are laid out as flex boxes, not table
 * rows (styles.css, `.mm-table-fixed`), and a browser that takes a table's semantics from its
 * layout (WebKit has) would read them as text; stated, it stays a table of rows and cells.
 * Chromium's accessibility tree is the same as main's table rows gave (test/browser/dashboard-table.test.ts).
 */
type Role = (role: 'table' | 'row' | 'columnheader' | 'cell') => string | undefined;

export function renderTable(components: readonly Component[], ctx: ViewContext, options: TableOptions = {}): HTMLElement {
  const doc = ctx.document;
  const columns = options.columns ?? DEFAULT_COLUMNS;
  let sort = options.sort ?? { column: 'name', order: 'asc' as SortOrder };
  const wrap = h(doc, 'div', { cls: 'mm mm-table-wrap' });
  if (components.length === 0) {
    wrap.appendChild(h(doc, 'p', { cls: 'mm-empty', text: 'No components match.' }));
    return wrap;
  }
  const role: Role = (name) => (options.fixedColumns ? name : undefined);
  const table = h(doc, 'table', { cls: options.fixedColumns ? 'mm-table mm-table-fixed' : 'mm-table', attrs: { role: role('table') } });
  if (options.caption) table.appendChild(h(doc, 'caption', { text: options.caption }));
  const headRow = h(doc, 'tr', { attrs: { role: role('row') } });
  const headers = new Map<string, HTMLTableCellElement>();
  const cellRole = role('cell');
  const row = (c: Component): HTMLElement => {
    const tr = h(doc, 'tr', { attrs: { 'data-mm-id': c.id, role: role('row') } });
    for (const col of columns) {
      const td = tableCell(c, col, ctx, 'td');
      if (cellRole) td.setAttribute('role', cellRole);
      tr.appendChild(td);
    }
    return tr;
  };
  const rows: TableRows = { components, ctx, options, body: h(doc, 'tbody'), pager: h(doc, 'div', { cls: 'mm-table-more' }), headers, row, paged: null, asked: 0, placed: false };
  const fill = () => fillRows(rows, columns.find((c) => c.id === sort.column) ?? columns[0]!, sort.order);

  for (const col of columns) {
    const th = headerCell(doc, col, role, () => {
      const next = { column: col.id, order: sort.column === col.id && sort.order === 'asc' ? ('desc' as const) : ('asc' as const) };
      if (options.onSort) return options.onSort(next);
      sort = next;
      fill();
    });
    headers.set(col.id, th);
    headRow.appendChild(th);
  }
  table.append(h(doc, 'thead', { children: [headRow] }), rows.body);
  fill();
  wrap.append(table, rows.pager);
  return wrap;
}

/** A column's header: its sort button, pressed calls `onPress`. */
function headerCell(doc: Document, col: TableColumn, role: Role, onPress: () => void): HTMLTableCellElement {
  const button = h(doc, 'button', { cls: 'mm-sort', attrs: { type: 'button', title: `Sort by ${col.label.toLowerCase()}` }, children: [doc.createTextNode(col.label), h(doc, 'span', { cls: 'mm-sort-mark', attrs: { 'aria-hidden': 'true' } })] });
  button.addEventListener('click', onPress);
  return h(doc, 'th', { cls: `mm-col-${col.id}${col.numeric ? ' mm-numeric' : ''}`, attrs: { scope: 'col', role: role('columnheader') }, children: [button] });
}
