// The stage timeline: a row per component, a segment per stage from the dates its note gives,
// blocked spans, the staging observation window and dated markers (requests, revocations,
// resolved blockers), with a line for today. Hover or focus shows the source line, click opens the
// note there. Notes that date nothing are listed apart, never placed by guess.
import { differenceInCalendarDays, parseISO } from 'date-fns';
import type { Component } from '../core/model';
import { componentTimeline, shiftDate, timelineRange, type ComponentTimeline, type TimelineEvent, type TimelineEventKind, type StageSpan, type TimelineRange, type TimelineSpan } from '../core/stage-history';
import { renderFlag, renderStageTag } from './badge';
import type { ViewContext } from './context';
import { drawPaged, type PageSlicing } from './pages';
import { h, plural } from './dom';
import { bindOpen, renderComponentLink } from './link';
import { componentFlags, stageInfo } from './stage';

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

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const MARKS: Record<TimelineEventKind, { glyph: string; word: string }> = {
  created: { glyph: '+', word: 'Created' },
  promoted: { glyph: '↗', word: 'Promotion' },
  demoted: { glyph: '↘', word: 'Demotion' },
  requested: { glyph: '?', word: 'Promotion requested' },
  revoked: { glyph: '✕', word: 'Promotion revoked' },
  blocked: { glyph: '⊘', word: 'Blocked' },
  unblocked: { glyph: '◌', word: 'Unblocked' },
  resolved: { glyph: '✓', word: 'Blocker resolved' },
  other: { glyph: '•', word: 'Entry' },
};

/** Where dates sit along the track, as percentages of the shown range. */
interface Scale {
  range: TimelineRange;
  at(date: string): number;
  length(start: string, end: string): number;
}

function scaleFor(range: TimelineRange): Scale {
  const total = Math.max(1, differenceInCalendarDays(parseISO(range.end), parseISO(range.start)));
  const pad = Math.max(2, Math.round(total * 0.02));
  const start = shiftDate(range.start, -pad);
  const days = total + 2 * pad;
  const at = (date: string) => (differenceInCalendarDays(parseISO(date), parseISO(start)) / days) * 100;
  return { range: { start, end: shiftDate(range.end, pad) }, at, length: (a, b) => at(b) - at(a) };
}

const pct = (n: number) => `${Math.round(n * 100) / 100}%`;

function lineText(line: number | null): string {
  return line === null ? 'front matter' : `line ${line}`;
}

function describeSpan(what: string, span: TimelineSpan & { also?: StageSpan['also'] }, today: string): string {
  const days = differenceInCalendarDays(parseISO(span.end), parseISO(span.start));
  const until = span.ongoing && span.end === today ? 'today' : span.end;
  const also = (span.also ?? []).map((a) => ` Also ${lineText(a.line)}: ${a.source}`).join('');
  return `${what}, ${span.start} to ${until} (${plural(days, 'day')}). ${lineText(span.line)}: ${span.source}${also}`;
}

interface Placed {
  at: number;
  el: HTMLElement;
}

/** One positioned entry on a track (reached with the arrow keys); opens the note at its source line. */
function trackItem(ctx: ViewContext, id: string, cls: string, label: string, line: number | null, at: number, length: number | null, children: Node[] = [], color?: string | null): Placed {
  const vars: Record<string, string> = { '--mm-at': pct(at) };
  if (length !== null) vars['--mm-len'] = pct(length);
  if (color) vars['--mm-stage-color'] = color;
  const item = h(ctx.document, 'a', {
    cls: `mm-tl-item ${cls}`,
    attrs: { href: ctx.href(id) ?? '#', 'data-mm-id': id, 'data-mm-line': line ?? undefined, 'aria-label': label, title: label, tabindex: -1 },
    vars,
    children,
  });
  bindOpen(item, id, ctx, line ?? undefined);
  return { at, el: item };
}

function stageItems(t: ComponentTimeline, ctx: ViewContext, scale: Scale): Placed[] {
  return t.stages.map((span) => {
    const info = stageInfo(ctx, span.stage);
    const name = span.stage === null ? 'Stage not dated' : info.name;
    return trackItem(ctx, t.id, `mm-tl-stage mm-tl-rank-${Math.max(-1, Math.min(info.rank, 4))}${span.ongoing ? ' mm-tl-ongoing' : ''}`, describeSpan(name, span, ctx.today()), span.line, scale.at(span.start), scale.length(span.start, span.end), [
      h(ctx.document, 'span', { cls: 'mm-stage-glyph', text: info.glyph, attrs: { 'aria-hidden': 'true' } }),
      h(ctx.document, 'span', { cls: 'mm-tl-text', text: name }),
    ], info.color);
  });
}

function markItems(t: ComponentTimeline, ctx: ViewContext, scale: Scale): Placed[] {
  // Entries that enter a stage are drawn as its span (or named in the span's "also"); the rest are markers.
  const marks: TimelineEvent[] = t.events.filter((e) => e.stage === null);
  return marks.map((e) => {
    const mark = MARKS[e.kind];
    const label = `${mark.word}, ${e.date}. ${lineText(e.line)}: ${e.source}`;
    return trackItem(ctx, t.id, `mm-tl-mark mm-tl-mark-${e.kind}`, label, e.line, scale.at(e.date), null, [h(ctx.document, 'span', { text: mark.glyph, attrs: { 'aria-hidden': 'true' } })]);
  });
}

function spanItems(t: ComponentTimeline, ctx: ViewContext, scale: Scale): Placed[] {
  const out: Placed[] = t.blocked.map((span) => trackItem(ctx, t.id, 'mm-tl-blocked', describeSpan('Blocked', span, ctx.today()), span.line, scale.at(span.start), scale.length(span.start, span.end)));
  const w = t.observation;
  if (w) {
    const what = `${w.windowDays}-day observation window${w.complete ? ' (complete)' : w.elapsedDays !== null ? ` (day ${Math.min(w.elapsedDays, w.windowDays)} of ${w.windowDays})` : ''}`;
    out.push(trackItem(ctx, t.id, `mm-tl-window${w.complete ? ' mm-tl-complete' : ''}`, describeSpan(what, w, ctx.today()), w.line, scale.at(w.start), scale.length(w.start, w.end)));
  }
  return out;
}

function row(t: ComponentTimeline, component: Component, ctx: ViewContext, scale: Scale): HTMLElement {
  const doc = ctx.document;
  const items = [...stageItems(t, ctx, scale), ...spanItems(t, ctx, scale), ...markItems(t, ctx, scale)];
  items.sort((a, b) => a.at - b.at);
  const blocked = componentFlags(component, ctx).find((f) => f.kind === 'blocked');
  const label = h(doc, 'div', { cls: 'mm-tl-label', children: [renderComponentLink(t.id, ctx, t.name), blocked ? renderFlag(blocked, ctx) : null] });
  if (t.note) label.appendChild(h(doc, 'span', { cls: 'mm-tl-said mm-muted', text: ' (current stage not dated)', attrs: { title: t.note } }));
  return h(doc, 'li', {
    cls: 'mm-tl-row',
    attrs: { 'data-mm-id': t.id },
    children: [label, h(doc, 'div', { cls: 'mm-tl-track', children: items.map((i) => i.el) })],
  });
}

function axis(ctx: ViewContext, scale: Scale): HTMLElement {
  const doc = ctx.document;
  const start = parseISO(scale.range.start);
  const end = parseISO(scale.range.end);
  const months = (end.getFullYear() - start.getFullYear()) * 12 + end.getMonth() - start.getMonth();
  const step = months <= 14 ? 1 : months <= 36 ? 3 : 12;
  const ticks: HTMLElement[] = [];
  for (let m = 1; m <= months; m++) {
    const month = (start.getMonth() + m) % 12;
    const year = start.getFullYear() + Math.floor((start.getMonth() + m) / 12);
    if (month % step !== 0) continue;
    const date = `${year}-${String(month + 1).padStart(2, '0')}-01`;
    const text = month === 0 || step === 12 || ticks.length === 0 ? `${MONTHS[month]} ${year}` : MONTHS[month]!;
    ticks.push(h(doc, 'span', { cls: 'mm-tl-tick', text, vars: { '--mm-at': pct(scale.at(date)) } }));
  }
  ticks.push(h(doc, 'span', { cls: 'mm-tl-tick mm-tl-today-label', text: `Today ${ctx.today()}`, vars: { '--mm-at': pct(scale.at(ctx.today())) } }));
  return h(doc, 'div', { cls: 'mm-tl-axis', attrs: { 'aria-hidden': 'true' }, children: [h(doc, 'span', { cls: 'mm-tl-axis-label' }), h(doc, 'div', { cls: 'mm-tl-ticks', children: ticks })] });
}

function legend(ctx: ViewContext): HTMLElement {
  const doc = ctx.document;
  const item = (cls: string, text: string) => h(doc, 'span', { cls: 'mm-legend-item', children: [h(doc, 'span', { cls: `mm-tl-swatch ${cls}`, attrs: { 'aria-hidden': 'true' } }), doc.createTextNode(text)] });
  return h(doc, 'div', {
    cls: 'mm-tl-legend mm-graph-legend',
    attrs: { role: 'note', 'aria-label': 'Legend' },
    children: [
      ...ctx.stages.map((s) => renderStageTag(s.id, ctx)),
      item('mm-tl-swatch-window', 'observation window'),
      item('mm-tl-swatch-blocked', 'blocked'),
      item('mm-tl-swatch-today', 'today'),
      h(doc, 'span', { cls: 'mm-legend-item', text: `${MARKS.requested.glyph} requested · ${MARKS.revoked.glyph} revoked · ${MARKS.resolved.glyph} blocker resolved · ${MARKS.blocked.glyph} blocked` }),
    ],
  });
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

/** Arrow keys: left/right along a row (from its name to its entries), up/down to the next row. */
function onTimelineKey(rows: HTMLElement, event: KeyboardEvent): void {
  if (!['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End'].includes(event.key)) return;
  const target = event.target as HTMLElement;
  const rowEl = target.closest?.('.mm-tl-row');
  if (!rowEl) return;
  const stops = (r: Element) => [r.querySelector<HTMLElement>('.mm-tl-label a.mm-link')!, ...r.querySelectorAll<HTMLElement>('.mm-tl-item')];
  const here = stops(rowEl);
  const index = here.indexOf(target);
  let next: HTMLElement | undefined;
  if (event.key === 'ArrowRight') next = here[index + 1];
  else if (event.key === 'ArrowLeft') next = here[index - 1];
  else if (event.key === 'Home') next = here[0];
  else if (event.key === 'End') next = here.at(-1);
  else {
    const all = [...rows.querySelectorAll('.mm-tl-row')];
    const other = all[all.indexOf(rowEl) + (event.key === 'ArrowDown' ? 1 : -1)];
    if (other) next = stops(other)[Math.min(index, stops(other).length - 1)];
  }
  if (next) {
    event.preventDefault();
    next.focus();
  }
}

/** Hover or focus on an entry shows what the note says there, also for keyboard users. */
function wireDetail(chart: HTMLElement, detail: HTMLElement): void {
  const show = (event: Event) => {
    const item = (event.target as Element).closest?.('.mm-tl-item');
    if (item) detail.textContent = item.getAttribute('aria-label');
  };
  chart.addEventListener('mouseover', show);
  chart.addEventListener('focusin', show);
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
