// Query results as a list, and as a board with one column per stage plus "Unknown stage". Board
// items are links: Tab reaches each, arrow keys move between items and columns.
import type { Component } from '../core/index';
import { renderFlagText, renderStageBadge, renderStageTag } from './badge';
import type { ViewContext } from './context';
import { h } from './dom';
import { bindOpen } from './link';
import { drawPaged, type PageSlicing } from './pages';
import { nextTransition, transitionLabel } from './progress';
import { renderReadyMark, sortByReadiness } from './readiness';
import { componentFlags } from './stage';
import { renderNextProgress } from './table';

export function renderList(components: readonly Component[], ctx: ViewContext): HTMLElement {
  const doc = ctx.document;
  if (components.length === 0) return h(doc, 'p', { cls: 'mm mm-empty', text: 'No components match.' });
  const list = h(doc, 'ul', { cls: 'mm mm-list' });
  for (const c of components) {
    const link = h(doc, 'a', { cls: 'mm-link', text: c.name, attrs: { href: ctx.href(c.id) ?? '#', 'data-mm-id': c.id, title: c.id } });
    bindOpen(link, c.id, ctx);
    list.appendChild(h(doc, 'li', {
      cls: 'mm-list-item',
      attrs: { 'data-mm-id': c.id },
      children: [
        link,
        renderStageBadge(c, ctx),
        renderNextProgress(c, ctx),
        c.note.owner ? h(doc, 'span', { cls: 'mm-muted mm-owner', text: c.note.owner.value }) : null,
      ],
    }));
  }
  return list;
}

/**
 * A board item is a link whose accessible name is its visible text (name, flags, criteria count,
 * readiness, owner: WCAG 2.5.3 "label in name"); the reasons behind the flags and the criteria
 * count in words are its description (the title, also the tooltip).
 */
function renderBoardItem(c: Component, ctx: ViewContext): HTMLElement {
  const doc = ctx.document;
  const flags = componentFlags(c, ctx);
  const next = nextTransition(c, ctx.pipeline);
  const progress = next ? renderNextProgress(c, ctx) : null;
  // The bar repeats the visible "met/total" count: hidden from the name, said in the description.
  progress?.querySelector('[role="progressbar"]')?.setAttribute('aria-hidden', 'true');
  const ready = renderReadyMark(c, ctx);
  const description = [
    ...flags.map((f) => f.reason),
    next && next.total > 0 ? `${transitionLabel(next, ctx.pipeline)}: ${next.met} of ${next.total} criteria met.` : '',
    ready?.title ?? '',
    c.note.owner ? `Owner: ${c.note.owner.value}.` : '',
  ].filter((part) => part !== '');
  const item = h(doc, 'a', {
    cls: 'mm-board-item',
    attrs: { href: ctx.href(c.id) ?? '#', 'data-mm-id': c.id, title: description.length > 0 ? `${c.name} — ${description.join(' ')}` : c.name },
    children: [
      h(doc, 'span', { cls: 'mm-board-name', text: c.name }),
      flags.length > 0 ? h(doc, 'span', { cls: 'mm-flags', children: flags.map((f) => renderFlagText(f, ctx)) }) : null,
      progress,
      ready,
      c.note.owner ? h(doc, 'span', { cls: 'mm-muted mm-owner', text: c.note.owner.value }) : null,
    ],
  });
  bindOpen(item, c.id, ctx);
  return item;
}

/** Arrow keys: up/down within a column, left/right to the nearest item of the next column with items. */
function onBoardKey(board: HTMLElement, event: KeyboardEvent): void {
  const keys = ['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Home', 'End'];
  if (!keys.includes(event.key)) return;
  const current = (event.target as Element).closest?.('.mm-board-item');
  if (!current) return;
  const columns = [...board.querySelectorAll('.mm-board-column')].map((col) => [...col.querySelectorAll<HTMLElement>('.mm-board-item')]);
  const colIndex = columns.findIndex((items) => items.includes(current as HTMLElement));
  const rowIndex = columns[colIndex]!.indexOf(current as HTMLElement);
  let target: HTMLElement | undefined;
  if (event.key === 'ArrowUp') target = columns[colIndex]![rowIndex - 1];
  else if (event.key === 'ArrowDown') target = columns[colIndex]![rowIndex + 1];
  else if (event.key === 'Home') target = columns[colIndex]![0];
  else if (event.key === 'End') target = columns[colIndex]!.at(-1);
  else {
    const step = event.key === 'ArrowLeft' ? -1 : 1;
    for (let i = colIndex + step; i >= 0 && i < columns.length; i += step) {
      const items = columns[i]!;
      if (items.length > 0) {
        target = items[Math.min(rowIndex, items.length - 1)];
        break;
      }
    }
  }
  if (target) {
    event.preventDefault();
    target.focus();
  }
}

export interface BoardOptions {
  /** Order within each column: as given (default) or readiest first. */
  sort?: 'given' | 'readiness';
  /** Level of the column headings (default 3; the dashboard, under its h1, uses 2). */
  headingLevel?: 2 | 3 | 4 | 5;
  /** Items drawn per column at once, the rest a page at a time on request (pages.ts); default every item. */
  pageSize?: number;
  /** Each column's page drawn a part a task (pages.ts), not in one: the dashboard's first board is 4 × 30 items. */
  slicing?: PageSlicing;
}

/**
 * The board's columns, each stage's components in the order given, then "Unknown stage" (none, or
 * one the pipeline does not know). One pass: a pass per column read each component's stage four
 * times, and a dashboard's first draw over 9k components paid for it.
 */
function boardColumns(components: readonly Component[], ctx: ViewContext): Map<string | null, Component[]> {
  const columns = new Map<string | null, Component[]>(ctx.stages.map((s) => [s.id, []]));
  const unknown: Component[] = [];
  columns.set(null, unknown);
  for (const c of components) {
    const stage = c.note.stage?.id ?? null;
    const column = stage === null ? unknown : columns.get(stage) ?? (ctx.pipeline.rank.has(stage) ? null : unknown);
    column?.push(c);
  }
  return columns;
}

/**
 * An item's height with the gap under it, for counting what fills a screen: ~6em (66–115 px at
 * 16 px in Chromium, 105 on average; the contain-intrinsic-size in styles.css says the same).
 */
const ITEM_PX = 96;
/** A screen's height where the window gives none (happy-dom gives 768; a laptop's is ~900). */
const SCREEN_PX = 900;
/**
 * Board items the board's own task may draw, for all its columns: what a 900 px window shows of
 * four columns below the dashboard's header (4–6 each). 32 made that task 29–43 ms in the Obsidian
 * harness at 10k notes under load, against 18–22 with 8 (benchmarks.md, session 19).
 */
const FIRST_TASK_ITEMS = 24;

/**
 * The columns' first items, drawn in the board's own task, are what a screen shows of each column
 * (the first paint is that task's work): as many as fill the window's height, within
 * FIRST_TASK_ITEMS shared by the columns that have items (at least one each). Session 18 drew 2 a
 * column there and the columns grew over the next frames. The next parts come a task each.
 */
function shareFirstPart(slicing: PageSlicing | undefined, columns: ReadonlyMap<string | null, readonly Component[]>, doc: Document): PageSlicing | undefined {
  if (!slicing) return undefined;
  const filled = [...columns.values()].filter((items) => items.length > 0).length;
  const screen = doc.defaultView?.innerHeight || SCREEN_PX;
  const fillsScreen = Math.ceil(screen / ITEM_PX);
  return { ...slicing, firstPart: Math.max(1, Math.min(fillsScreen, Math.floor(FIRST_TASK_ITEMS / Math.max(1, filled)))) };
}

export function renderBoard(components: readonly Component[], ctx: ViewContext, options: BoardOptions = {}): HTMLElement {
  const doc = ctx.document;
  if (options.sort === 'readiness') components = sortByReadiness(components);
  const board = h(doc, 'div', { cls: 'mm mm-board', attrs: { role: 'group', 'aria-label': 'Components by stage' } });
  const columns = boardColumns(components, ctx);
  const slicing = shareFirstPart(options.slicing, columns, doc);
  for (const [id, items] of columns) {
    const heading = h(doc, `h${options.headingLevel ?? 3}` as 'h3', { cls: 'mm-board-heading', children: [renderStageTag(id, ctx), h(doc, 'span', { cls: 'mm-board-count', text: ` ${items.length}`, attrs: { 'aria-label': `${items.length} components` } })] });
    const list = h(doc, 'ul', { cls: 'mm-board-items' });
    const paged = drawPaged(doc, items, list, (c) => h(doc, 'li', { children: [renderBoardItem(c, ctx)] }), options.pageSize ?? Infinity, 'components', slicing);
    if (items.length === 0) list.appendChild(h(doc, 'li', { cls: 'mm-empty mm-muted', text: 'None' }));
    const stage = ctx.stages.find((s) => s.id === id);
    board.appendChild(h(doc, 'section', {
      cls: `mm-board-column${id === null ? ' mm-stage-unknown' : ''}`,
      attrs: { 'data-mm-stage': id ?? 'unknown' },
      vars: stage ? { '--mm-stage-color': stage.color } : undefined,
      children: [heading, list, paged.more],
    }));
  }
  board.addEventListener('keydown', (event) => onBoardKey(board, event as KeyboardEvent));
  return board;
}
