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

function undatedList(list: ComponentTimeline[], ctx: ViewContext, level: number, pageSize: number, slicing?: PageSlicing): HTMLElement {
  const doc = ctx.document;
  const ul = h(doc, 'ul', { cls: 'mm-tl-undated-list' });
  const paged = drawPaged(doc, list, ul, (t) => h(doc, 'li', { attrs: { 'data-mm-id': t.id }, children: [renderComponentLink(t.id, ctx, t.name), doc.createTextNode(' '), renderStageTag(t.stage, ctx)] }), pageSize, 'components', slicing);
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

function setAsideList(list: ComponentTimeline[], ctx: ViewContext, level: number, pageSize: number, slicing?: PageSlicing): HTMLElement | null {
  const doc = ctx.document;
  const entries = list.flatMap((t) => [
    ...t.setAside.map((s) => ({ t, line: s.line, text: `${s.date} (${lineText(s.line)}: ${s.source}) is not used: ${s.reason}.` })),
    ...(t.note ? [{ t, line: null, text: t.note }] : []),
  ]);
  if (entries.length === 0) return null;
  const ul = h(doc, 'ul');
  const paged = drawPaged(doc, entries, ul, (e) => h(doc, 'li', { children: [renderComponentLink(e.t.id, ctx, e.t.name), doc.createTextNode(`: ${e.text}`)] }), pageSize, 'entries', slicing);
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

/** The chart, its lists and notes, from every component's timeline (the range needs them all). */
function fillTimeline(root: HTMLElement, timelines: readonly Timed[], ctx: ViewContext, options: TimelineOptions): void {
  const doc = ctx.document;
  const level = options.headingLevel ?? 3;
  const today = ctx.today();
  const dated = timelines.filter((x) => !x.t.undated);
  const undated = timelines.filter((x) => x.t.undated).map((x) => x.t);
  if (timelines.length === 0) root.appendChild(h(doc, 'p', { cls: 'mm-empty', text: 'No components match.' }));
  const range = timelineRange(dated.map((x) => x.t), today);
  const pageSize = options.pageSize ?? Infinity;
  const slicing = options.slicing;
  if (range) {
    const scale = scaleFor(range);
    const rows = h(doc, 'ul', { cls: 'mm-tl-rows' });
    const paged = drawPaged(doc, dated, rows, (x) => row(x.t, x.c, ctx, scale), pageSize, 'rows', slicing);
    const detail = h(doc, 'p', { cls: 'mm-tl-detail mm-muted', text: 'Hover or focus an entry to see the line it comes from; click or Enter opens the note there.', attrs: { 'aria-live': 'polite' } });
    const chart = h(doc, 'div', {
      cls: 'mm-tl-chart',
      attrs: { role: 'group', 'aria-label': `Stage timeline of ${plural(dated.length, 'component')}, ${range.start} to ${range.end}, today ${today}. Tab to a component; arrow keys move along its row and between rows; Enter opens the note at the entry's line.` },
      vars: { '--mm-today': pct(scale.at(today)) },
      children: [axis(ctx, scale), rows],
    });
    chart.addEventListener('keydown', (event) => onTimelineKey(rows, event));
    wireDetail(chart, detail);
    root.append(legend(ctx), h(doc, 'div', { cls: 'mm-tl-scroll', children: [chart] }));
    if (paged.more) root.appendChild(paged.more);
    root.appendChild(detail);
  } else if (timelines.length > 0) {
    root.appendChild(h(doc, 'p', { cls: 'mm-empty', text: 'None of these notes gives a date to place it on the timeline.' }));
  }
  const aside = setAsideList(dated.map((x) => x.t).concat(undated), ctx, level, pageSize, slicing);
  if (aside) root.appendChild(aside);
  if (undated.length > 0) root.appendChild(undatedList(undated, ctx, level, pageSize, slicing));
}

/** Timelines worked out per task: 10k of them at once were a third of a second or more. */
const TIMELINES_PER_TASK = 250;

/**
 * Work the timelines out a task at a time (the context's `nextTask`), then draw; a placeholder says
 * so meanwhile. Stops when the view leaves the page (a newer one replaced it).
 */
async function fillInTasks(root: HTMLElement, components: readonly Component[], ctx: ViewContext, options: TimelineOptions): Promise<void> {
  const doc = ctx.document;
  const waiting = h(doc, 'p', { cls: 'mm-muted mm-tl-waiting', text: `Placing ${plural(components.length, 'component')} on the timeline…` });
  root.setAttribute('aria-busy', 'true');
  root.appendChild(waiting);
  const today = ctx.today();
  const placed: Timed[] = [];
  while (placed.length < components.length) {
    await ctx.nextTask();
    if (placed.length > 0 && !root.isConnected) return;
    const end = Math.min(components.length, placed.length + TIMELINES_PER_TASK);
    for (let i = placed.length; i < end; i++) placed.push({ c: components[i]!, t: componentTimeline(components[i]!, ctx.pipeline, today) });
  }
  waiting.remove();
  root.removeAttribute('aria-busy');
  fillTimeline(root, placed, ctx, options);
}

export function renderTimeline(components: readonly Component[], ctx: ViewContext, options: TimelineOptions = {}): HTMLElement {
  const root = h(ctx.document, 'div', { cls: 'mm mm-timeline' });
  const view = ctx.document.defaultView;
  if (components.length > (options.atOnce ?? Infinity) && view) {
    void fillInTasks(root, components, ctx, options);
    return root;
  }
  const today = ctx.today();
  fillTimeline(root, components.map((c) => ({ c, t: componentTimeline(c, ctx.pipeline, today) })), ctx, options);
  return root;
}
