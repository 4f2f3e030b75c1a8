// The stage timeline: a row per component, a segment per stage from the dates its note gives,
// blocked spans, the staging observation window and dated markers (requests, revocations,
// resolved blockers), with a line for today. Hover or focus shows the source line, click opens the
// note there. Notes that date nothing are listed apart, never placed by guess.
import type { Component } from '../core/model';
import { componentTimeline, timelineRange, type ComponentTimeline, type TimelineRange } from '../core/stage-history';
import { renderStageTag } from './badge';
import type { ViewContext } from './context';
import { drawPaged, type PageSlicing } from './pages';
import { h, plural } from './dom';
import { renderComponentLink } from './link';
import { axis, legend, lineText, onTimelineKey, pct, row, scaleFor, wireDetail } from './timeline-chart';

export interface TimelineOptions {
  /** Level of the headings inside the view (default 3). */
  headingLevel?: 2 | 3 | 4 | 5;
  /** Rows (and entries of each list below the chart) drawn at once, the rest a page at a time on request (pages.ts); default all. */
  pageSize?: number;
  /**
   * Components placed in the calling task (default all); with more, and a window to run tasks in,
   * the view shows a placeholder and places them a task at a time before drawing. Only for a view
   * that stays in a live page (not Logseq's markup, which is a string).
   */
  atOnce?: number;
  /** Rows and list entries of a page drawn a part a task (pages.ts); default the whole page at once. */
  slicing?: PageSlicing;
}

/** The lists below the chart start their first part a task after the chart's (pages.ts firstPart). */
function belowChart(slicing: PageSlicing | undefined): PageSlicing | undefined {
  return slicing && { ...slicing, firstPart: 0 };
}

function undatedList(list: readonly ComponentTimeline[], ctx: ViewContext, level: number, pageSize: number, slicing?: PageSlicing): HTMLElement {
  const doc = ctx.document;
  const ul = h(doc, 'ul', { cls: 'mm-tl-undated-list' });
  const paged = drawPaged(doc, list, ul, (t) => h(doc, 'li', { attrs: { 'data-mm-id': t.id }, children: [renderComponentLink(t.id, ctx, t.name), doc.createTextNode(' '), renderStageTag(t.stage, ctx)] }), pageSize, 'components', belowChart(slicing));
  return h(doc, 'section', {
    cls: 'mm-tl-undated',
    children: [
      h(doc, `h${level}` as 'h3', { cls: 'mm-section-title', text: `Not on the timeline (${list.length})` }),
      h(doc, 'p', { cls: 'mm-muted', text: 'These notes give no dated history entry, promotion date or usable created date.' }),
      ul,
      paged.more,
    ],
  });
}

/** A date a note gives that the chart leaves out (and why), or what it says of the current stage. */
interface AsideEntry {
  t: ComponentTimeline;
  text: string;
}

function asideEntries(t: ComponentTimeline): AsideEntry[] {
  const entries = t.setAside.map((s) => ({ t, text: `${s.date} (${lineText(s.line)}: ${s.source}) is not used: ${s.reason}.` }));
  if (t.note) entries.push({ t, text: t.note });
  return entries;
}

function setAsideList(entries: readonly AsideEntry[], ctx: ViewContext, level: number, pageSize: number, slicing?: PageSlicing): HTMLElement | null {
  const doc = ctx.document;
  if (entries.length === 0) return null;
  const ul = h(doc, 'ul');
  const paged = drawPaged(doc, entries, ul, (e) => h(doc, 'li', { children: [renderComponentLink(e.t.id, ctx, e.t.name), doc.createTextNode(`: ${e.text}`)] }), pageSize, 'entries', belowChart(slicing));
  return h(doc, 'section', {
    cls: 'mm-tl-aside',
    children: [h(doc, `h${level}` as 'h3', { cls: 'mm-section-title', text: `Left out (${entries.length})` }), ul, paged.more],
  });
}

type Timed = { c: Component; t: ComponentTimeline };

/**
 * What the chart and its lists are drawn from, gathered as the timelines are worked out, so that
 * the task that draws them reads none of the 9k timelines again (the range and the set-aside
 * dates over all of them were 10-20 ms of that task at 10k).
 */
interface Placement {
  count: number;
  dated: Timed[];
  undated: ComponentTimeline[];
  range: TimelineRange | null;
  /** The "Left out" list: the dated timelines' entries, then the undated ones'. */
  datedAside: AsideEntry[];
  undatedAside: AsideEntry[];
}

function emptyPlacement(): Placement {
  return { count: 0, dated: [], undated: [], range: null, datedAside: [], undatedAside: [] };
}

/** The range of both: the earliest start, the latest end (timelineRange's own fold, in two parts). */
function widen(a: TimelineRange | null, b: TimelineRange | null): TimelineRange | null {
  if (!a || !b) return a ?? b;
  return { start: b.start < a.start ? b.start : a.start, end: b.end > a.end ? b.end : a.end };
}

/** Work out the timelines of `components[from..to)` and add them to the placement. */
function place(placement: Placement, components: readonly Component[], from: number, to: number, ctx: ViewContext, today: string): void {
  const dated: ComponentTimeline[] = [];
  for (let i = from; i < to; i++) {
    const c = components[i]!;
    const t = componentTimeline(c, ctx.pipeline, today);
    if (t.undated) placement.undated.push(t);
    else {
      placement.dated.push({ c, t });
      dated.push(t);
    }
    (t.undated ? placement.undatedAside : placement.datedAside).push(...asideEntries(t));
  }
  placement.count += to - from;
  placement.range = widen(placement.range, timelineRange(dated, today));
}

/** The chart: legend, axis and a page of rows (its first part now); its "Show more" and the live detail line. */
function drawChart(root: HTMLElement, placement: Placement, range: TimelineRange, ctx: ViewContext, options: TimelineOptions): void {
  const doc = ctx.document;
  const today = ctx.today();
  const scale = scaleFor(range);
  const rows = h(doc, 'ul', { cls: 'mm-tl-rows' });
  const paged = drawPaged(doc, placement.dated, rows, (x) => row(x.t, x.c, ctx, scale), options.pageSize ?? Infinity, 'rows', options.slicing);
  const detail = h(doc, 'p', { cls: 'mm-tl-detail mm-muted', text: 'Hover or focus an entry to see the line it comes from; click or Enter opens the note there.', attrs: { 'aria-live': 'polite' } });
  const chart = h(doc, 'div', {
    cls: 'mm-tl-chart',
    attrs: { role: 'group', 'aria-label': `Stage timeline of ${plural(placement.dated.length, 'component')}, ${range.start} to ${range.end}, today ${today}. Tab to a component; arrow keys move along its row and between rows; Enter opens the note at the entry's line.` },
    vars: { '--mm-today': pct(scale.at(today)) },
    children: [axis(ctx, scale), rows],
  });
  chart.addEventListener('keydown', (event) => onTimelineKey(rows, event));
  wireDetail(chart, detail);
  root.append(legend(ctx), h(doc, 'div', { cls: 'mm-tl-scroll', children: [chart] }));
  if (paged.more) root.appendChild(paged.more);
  root.appendChild(detail);
}

/** The chart, its lists and notes, from every component's timeline (the range needs them all). */
function fillTimeline(root: HTMLElement, placement: Placement, ctx: ViewContext, options: TimelineOptions): void {
  const doc = ctx.document;
  const level = options.headingLevel ?? 3;
  const pageSize = options.pageSize ?? Infinity;
  if (placement.count === 0) root.appendChild(h(doc, 'p', { cls: 'mm-empty', text: 'No components match.' }));
  if (placement.range) drawChart(root, placement, placement.range, ctx, options);
  else if (placement.count > 0) root.appendChild(h(doc, 'p', { cls: 'mm-empty', text: 'None of these notes gives a date to place it on the timeline.' }));
  const aside = setAsideList(placement.datedAside.concat(placement.undatedAside), ctx, level, pageSize, options.slicing);
  if (aside) root.appendChild(aside);
  if (placement.undated.length > 0) root.appendChild(undatedList(placement.undated, ctx, level, pageSize, options.slicing));
}

/** Timelines worked out per task: 10k of them at once were a third of a second or more. */
const TIMELINES_PER_TASK = 250;

/**
 * Work the timelines out a task at a time (the context's `nextTask`), with their range and the
 * dates they leave out, then draw; a placeholder says so meanwhile. Stops when the view leaves
 * the page (a newer one replaced it).
 */
async function fillInTasks(root: HTMLElement, components: readonly Component[], ctx: ViewContext, options: TimelineOptions): Promise<void> {
  const doc = ctx.document;
  const waiting = h(doc, 'p', { cls: 'mm-muted mm-tl-waiting', text: `Placing ${plural(components.length, 'component')} on the timeline…` });
  root.setAttribute('aria-busy', 'true');
  root.appendChild(waiting);
  const today = ctx.today();
  const placement = emptyPlacement();
  while (placement.count < components.length) {
    await ctx.nextTask();
    if (placement.count > 0 && !root.isConnected) return;
    place(placement, components, placement.count, Math.min(components.length, placement.count + TIMELINES_PER_TASK), ctx, today);
  }
  // The chart in a task of its own: its first rows are laid out in the frame after it.
  await ctx.nextTask();
  if (!root.isConnected) return;
  waiting.remove();
  root.removeAttribute('aria-busy');
  fillTimeline(root, placement, ctx, options);
}

export function renderTimeline(components: readonly Component[], ctx: ViewContext, options: TimelineOptions = {}): HTMLElement {
  const root = h(ctx.document, 'div', { cls: 'mm mm-timeline' });
  const view = ctx.document.defaultView;
  if (components.length > (options.atOnce ?? Infinity) && view) {
    void fillInTasks(root, components, ctx, options);
    return root;
  }
  const placement = emptyPlacement();
  place(placement, components, 0, components.length, ctx, ctx.today());
  fillTimeline(root, placement, ctx, options);
  return root;
}
