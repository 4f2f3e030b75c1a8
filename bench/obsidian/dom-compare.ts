// What bench/obsidian/dom-compare.mjs runs in each DOM: the Obsidian dashboard's first draw over
// the generated vault, the same code in happy-dom and in Chromium. Views are built first, as the plugin's
// prepare does, so the draw builds none.
import { generateNotes } from '../generator/vault';
import { TODAY } from '../generator/component';
import { createIndex, queryIds, type MaturityIndex } from '../../src/core/index';
import { contextFromIndex, renderBoard, renderDashboard, renderQueryResults, type ViewContext } from '../../src/render/index';
import { filterComponents } from '../../src/render/dashboard/filter';

let index: MaturityIndex | null = null;
let ctx: ViewContext | null = null;

export function setup(notes: number): { components: number; ms: number } {
  const t0 = performance.now();
  index = createIndex({});
  index.setToday(TODAY);
  index.batch(() => {
    for (const note of generateNotes({ notes, seed: 1 })) index!.upsert(note.path, note.text);
  });
  for (const id of index.ids()) index.component(id);
  ctx = contextFromIndex(index, { document, onOpen: () => undefined });
  return { components: index.ids().length, ms: performance.now() - t0 };
}

/** One first draw: the dashboard built and attached (script), then its style and layout forced. */
export function draw(): { scriptMs: number; layoutMs: number; jsOnlyMs: number } {
  const t0 = performance.now();
  const view = renderDashboard(ctx!, { title: 'Component maturity' });
  document.body.append(view.element);
  const t1 = performance.now();
  void view.element.getBoundingClientRect().height;
  const t2 = performance.now();
  view.destroy();
  // What of the draw touches no DOM: the components read twice, the filter, the stage tallies.
  const t3 = performance.now();
  const all = ctx!.components();
  const again = ctx!.components();
  filterComponents(again, {}, ctx!);
  const perStage = new Map<string | null, number>();
  for (const list of [all, again]) for (const c of list) perStage.set(c.note.stage?.id ?? null, (perStage.get(c.note.stage?.id ?? null) ?? 0) + c.diagnostics.length);
  const t4 = performance.now();
  return { scriptMs: t1 - t0, layoutMs: t2 - t1, jsOnlyMs: t4 - t3 };
}

/** The deferred task alone: the board's columns and first pages (30 each), as the dashboard draws them. */
export function board(): { scriptMs: number; layoutMs: number } {
  const t0 = performance.now();
  const el = renderBoard(filterComponents(ctx!.components(), {}, ctx!), ctx!, { headingLevel: 2, pageSize: 30 });
  document.body.append(el);
  const t1 = performance.now();
  void el.getBoundingClientRect().height;
  const t2 = performance.now();
  el.remove();
  return { scriptMs: t1 - t0, layoutMs: t2 - t1 };
}

/**
 * A query block's draw (the Obsidian plugin's drawQuery: renderQueryResults as a table): the first
 * 25 rows of `stage: staging`, or the 20 of `text: pay, limit: 20`, with their views built.
 */
export function queryTable(which: 'staging' | 'pay'): { scriptMs: number; layoutMs: number; rows: number } {
  const ids = which === 'staging' ? queryIds(index!, { stage: ['staging'] }).slice(0, 25) : queryIds(index!, { text: 'pay', limit: 20 });
  const components = ids.flatMap((id) => index!.component(id) ?? []);
  const t0 = performance.now();
  const el = renderQueryResults(components, 'table', ctx!, { headingLevel: 2, sort: { column: 'name', order: 'asc' }, onSort: () => undefined });
  document.body.append(el);
  const t1 = performance.now();
  void el.getBoundingClientRect().height;
  const t2 = performance.now();
  el.remove();
  return { scriptMs: t1 - t0, layoutMs: t2 - t1, rows: components.length };
}
