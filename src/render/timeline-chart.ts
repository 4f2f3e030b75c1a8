// The timeline's chart: one component's row of stage segments, spans and marks on a date scale,
// the axis, the legend, and the keys and hover that move along the rows (timeline.ts places the
// components and assembles the view).
import { differenceInCalendarDays, parseISO } from 'date-fns';
import type { Component } from '../core/model';
import { shiftDate, type ComponentTimeline, type TimelineEvent, type TimelineEventKind, type StageSpan, type TimelineRange, type TimelineSpan } from '../core/stage-history';
import { renderFlag, renderStageTag } from './badge';
import type { ViewContext } from './context';
import { h, plural } from './dom';
import { bindOpen, renderComponentLink } from './link';
import { componentFlags, stageInfo } from './stage';

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
export interface Scale {
  range: TimelineRange;
  at(date: string): number;
  length(start: string, end: string): number;
}

export function scaleFor(range: TimelineRange): Scale {
  const total = Math.max(1, differenceInCalendarDays(parseISO(range.end), parseISO(range.start)));
  const pad = Math.max(2, Math.round(total * 0.02));
  const start = shiftDate(range.start, -pad);
  const days = total + 2 * pad;
  const at = (date: string) => (differenceInCalendarDays(parseISO(date), parseISO(start)) / days) * 100;
  return { range: { start, end: shiftDate(range.end, pad) }, at, length: (a, b) => at(b) - at(a) };
}

export const pct = (n: number) => `${Math.round(n * 100) / 100}%`;

export function lineText(line: number | null): string {
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

export function row(t: ComponentTimeline, component: Component, ctx: ViewContext, scale: Scale): HTMLElement {
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

export function axis(ctx: ViewContext, scale: Scale): HTMLElement {
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

export function legend(ctx: ViewContext): HTMLElement {
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

/** Arrow keys: left/right along a row (from its name to its entries), up/down to the next row. */
export function onTimelineKey(rows: HTMLElement, event: KeyboardEvent): void {
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
export function wireDetail(chart: HTMLElement, detail: HTMLElement): void {
  const show = (event: Event) => {
    const item = (event.target as Element).closest?.('.mm-tl-item');
    if (item) detail.textContent = item.getAttribute('aria-label');
  };
  chart.addEventListener('mouseover', show);
  chart.addEventListener('focusin', show);
}
