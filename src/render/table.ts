// Query results as a table with sortable columns. Columns are data, so a host (or the readiness
// work) can add its own next to DEFAULT_COLUMNS.
import type { Component } from '../core/index';
import { compareComponents, compareNames } from '../core/text';
import { openBlockers } from '../core/serialize';
import { renderStageBadge } from './badge';
import type { ViewContext } from './context';
import { clear, h } from './dom';
import { renderComponentLink } from './link';
import { drawPaged, type PageSlicing, type PagedItems } from './pages';
import { nextTransition, renderBar, transitionLabel } from './progress';
import { READINESS_COLUMN } from './readiness';
import { relativeDate } from './time';

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
 * Sort a copy of `components` by a column; missing values last, ties by name. Text values are
 * collated once per distinct value, and names by their place in the index's name order: a sort of
 * 9,000 components used to collate ~120,000 pairs, more than its click could spend. Each
 * component's value and place are looked up once, not at each of the sort's comparisons.
 */
export function sortByColumn(components: readonly Component[], column: TableColumn, order: SortOrder, ctx: ViewContext): Component[] {
  const place = namePlaces(ctx);
  const keyed: Keyed[] = components.map((c) => ({ c, key: column.sortValue(c, ctx), value: 0, place: place.get(c.id) }));
  assignValues(keyed, column);
  const sign = order === 'asc' ? 1 : -1;
  keyed.sort((x, y) => {
    if (x.key === null || y.key === null) {
      if (x.key !== y.key) return x.key === null ? 1 : -1;
    } else {
      const cmp = x.value - y.value;
      if (cmp !== 0) return sign * cmp;
    }
    return x.place !== undefined && y.place !== undefined ? x.place - y.place : compareComponents(x.c, y.c);
  });
  return keyed.map((k) => k.c);
}

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

/** What each value sorts as: a number as itself, text by its rank (a column of both as text throughout). */
function assignValues(keyed: Keyed[], column: TableColumn): void {
  const texts = keyed.some((k) => typeof k.key === 'string');
  const numbers = keyed.some((k) => typeof k.key === 'number');
  if (!texts) {
    for (const k of keyed) if (k.key !== null) k.value = k.key as number;
    return;
  }
  if (column.nameOrdered && !numbers && keyed.every((k) => k.key === null || k.place !== undefined)) return rankInNameOrder(keyed);
  const rank = collatedRanks(keyed);
  for (const k of keyed) if (k.key !== null) k.value = rank.get(String(k.key))!;
}

/** A component, its value in the column, what that value sorts as, and its place in the name order. */
interface Keyed {
  c: Component;
  key: string | number | null;
  value: number;
  place: number | undefined;
}

/** Each component's place in the name order. */
function namePlaces(ctx: ViewContext): Map<string, number> {
  const place = new Map<string, number>();
  ctx.ids().forEach((id, i) => place.set(id, i));
  return place;
}

/** Values ranked by collation (numbers as their text, as a column of both always compared them), equal ranks for values that collate equal. */
function collatedRanks(keyed: readonly Keyed[]): Map<string, number> {
  const texts = [...new Set(keyed.flatMap((k) => (k.key === null ? [] : [String(k.key)])))].sort(compareNames);
  const rank = new Map<string, number>();
  texts.forEach((text, i) => rank.set(text, i > 0 && compareNames(texts[i - 1]!, text) === 0 ? rank.get(texts[i - 1]!)! : i));
  return rank;
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

/** The same for values that follow the name order: walked in that order, neighbours collated once each. */
function rankInNameOrder(keyed: readonly Keyed[]): void {
  const inOrder = keyed.filter((k) => k.key !== null).sort((x, y) => x.place! - y.place!);
  const rank = new Map<string, number>();
  let previous: string | null = null;
  inOrder.forEach((k, i) => {
    const text = k.key as string;
    const known = rank.get(text);
    if (known !== undefined) {
      k.value = known;
      return;
    }
    k.value = previous !== null && compareNames(previous, text) === 0 ? rank.get(previous)! : i;
    rank.set(text, k.value);
    previous = text;
  });
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
  clear(t.body);
  clear(t.pager);
  t.paged = drawPaged(t.ctx.document, rows, t.body, t.row, t.options.pageSize ?? Infinity, 'rows', t.options.slicing);
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

export function renderTable(components: readonly Component[], ctx: ViewContext, options: TableOptions = {}): HTMLElement {
  const doc = ctx.document;
  const columns = options.columns ?? DEFAULT_COLUMNS;
  let sort = options.sort ?? { column: 'name', order: 'asc' as SortOrder };
  const wrap = h(doc, 'div', { cls: 'mm mm-table-wrap' });
  if (components.length === 0) {
    wrap.appendChild(h(doc, 'p', { cls: 'mm-empty', text: 'No components match.' }));
    return wrap;
  }
  const table = h(doc, 'table', { cls: options.fixedColumns ? 'mm-table mm-table-fixed' : 'mm-table' });
  if (options.caption) table.appendChild(h(doc, 'caption', { text: options.caption }));
  const headRow = h(doc, 'tr');
  const headers = new Map<string, HTMLTableCellElement>();
  const row = (c: Component): HTMLElement => {
    const tr = h(doc, 'tr', { attrs: { 'data-mm-id': c.id } });
    for (const col of columns) tr.appendChild(tableCell(c, col, ctx, 'td'));
    return tr;
  };
  const rows: TableRows = { components, ctx, options, body: h(doc, 'tbody'), pager: h(doc, 'div', { cls: 'mm-table-more' }), headers, row, paged: null, asked: 0, placed: false };
  const fill = () => fillRows(rows, columns.find((c) => c.id === sort.column) ?? columns[0]!, sort.order);

  for (const col of columns) {
    const button = h(doc, 'button', { cls: 'mm-sort', attrs: { type: 'button', title: `Sort by ${col.label.toLowerCase()}` }, children: [doc.createTextNode(col.label), h(doc, 'span', { cls: 'mm-sort-mark', attrs: { 'aria-hidden': 'true' } })] });
    button.addEventListener('click', () => {
      const next = { column: col.id, order: sort.column === col.id && sort.order === 'asc' ? ('desc' as const) : ('asc' as const) };
      if (options.onSort) return options.onSort(next);
      sort = next;
      fill();
    });
    const th = h(doc, 'th', { cls: `mm-col-${col.id}${col.numeric ? ' mm-numeric' : ''}`, attrs: { scope: 'col' }, children: [button] });
    headers.set(col.id, th);
    headRow.appendChild(th);
  }
  table.append(h(doc, 'thead', { children: [headRow] }), rows.body);
  fill();
  wrap.append(table, rows.pager);
  return wrap;
}
