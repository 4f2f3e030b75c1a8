// Stage history from the dates a note gives: a span per stage (history entries, promotion fields,
// the stage line, a created date), dated blocked spans and the staging observation window; the
// timeline view and the report's Mermaid gantt draw it. Nothing is guessed: a note without dates
// has no spans, and a date that contradicts the others is set aside with the reason.
import { addDays, formatISO, parseISO } from 'date-fns';
import type { Component, FrontmatterValue, HistoryEntry, MaturityNote, StageId } from './model';
import type { Observation } from './readiness/types';
import { stageLinePromotion } from './readiness/timeline';
import { isBlocked } from './serialize';
import { stageName, type Pipeline } from './stages';
import { compareCodeUnits, findIsoDate } from './text';
import { workCount } from './work-count';

export type TimelineEventKind = 'created' | 'promoted' | 'demoted' | 'requested' | 'revoked' | 'blocked' | 'unblocked' | 'resolved' | 'other';

/** Something the note dates. */
export interface TimelineEvent {
  date: string;
  kind: TimelineEventKind;
  /** The stage the component entered on this date (promotion, demotion, creation), else null. */
  stage: StageId | null;
  /** The stage it left, when the note says. */
  from: StageId | null;
  /** 1-based line in the note; null for front matter, whose lines the model does not keep. */
  line: number | null;
  /** What the note says there, for hover: "Promoted to Staging: 2025-10-21". */
  source: string;
}

export interface TimelineSpan {
  start: string;
  /** The next entry's date, or today for an ongoing span (or later, for a window still to run). */
  end: string;
  /** Runs on past today's entries: the current stage, an open blocker, a window not yet over. */
  ongoing: boolean;
  line: number | null;
  source: string;
}

export interface StageSpan extends TimelineSpan {
  /** null: the note dates the span (a created date) but not the stage it was at. */
  stage: StageId | null;
  /** Other entries that say the same (a promotion field and its history entry). */
  also: Array<{ line: number | null; source: string }>;
}

export interface ObservationSpan extends TimelineSpan {
  windowDays: number;
  elapsedDays: number | null;
  complete: boolean | null;
}

export interface SetAside extends TimelineEvent {
  reason: string;
}

export interface ComponentTimeline {
  id: string;
  name: string;
  stage: StageId | null;
  stages: StageSpan[];
  blocked: TimelineSpan[];
  observation: ObservationSpan | null;
  /** Every dated entry the timeline uses, in date order (markers for the ones that are no span). */
  events: TimelineEvent[];
  /** Dates the note gives that the timeline leaves out, and why. */
  setAside: SetAside[];
  /** Said when the last dated stage is not the note's current stage. */
  note: string | null;
  /** True when nothing in the note places the component on the timeline. */
  undated: boolean;
  blockedNow: boolean;
}

export interface TimelineRange {
  start: string;
  end: string;
}

const CREATED_KEYS = ['created', 'date-created', 'created-at', 'created-on', 'creation-date'];
const STAGE_KINDS = new Set<TimelineEventKind>(['created', 'promoted', 'demoted']);

function historyKind(entry: HistoryEntry): TimelineEventKind {
  if (entry.kind !== 'other') return entry.kind;
  if (/\bunblock/i.test(entry.text)) return 'unblocked';
  if (/\bblock(ed|er|ing)?\b/i.test(entry.text)) return 'blocked';
  return 'other';
}

function historyEvents(note: MaturityNote): TimelineEvent[] {
  const out: TimelineEvent[] = [];
  for (const h of note.history) {
    if (!h.date) continue;
    const kind = historyKind(h);
    // A revoked promotion is a marker: the demotion that undid it is its own entry.
    const entersStage = STAGE_KINDS.has(kind) && h.to !== null;
    out.push({ date: h.date, kind, stage: entersStage ? h.to : null, from: h.from, line: h.line, source: h.text });
  }
  return out;
}

function fieldEvents(note: MaturityNote, pipeline: Pipeline): TimelineEvent[] {
  const out: TimelineEvent[] = [];
  const current = note.stage?.id ?? null;
  for (const p of note.promotedTo) {
    if (!p.date) continue;
    const stage = p.stage ?? current;
    const source = p.stage ? `Promoted to ${stageName(pipeline, p.stage)}: ${p.raw}` : `Promotion date: ${p.raw}`;
    out.push({ date: p.date, kind: 'promoted', stage, from: null, line: p.line, source });
  }
  const promoted = stageLinePromotion(note);
  if (promoted && note.stage) {
    out.push({ date: promoted.date, kind: 'promoted', stage: current, from: null, line: promoted.line, source: `Current Stage: ${note.stage.raw}` });
  }
  return out;
}

function blockerEvents(note: MaturityNote): { events: TimelineEvent[]; spans: TimelineSpan[] } {
  const events: TimelineEvent[] = [];
  const spans: TimelineSpan[] = [];
  for (const b of note.blockers) {
    const since = /\b(?:blocked|opened|raised|identified|reported|since)\b\s*(?:since|on)?\s*:?\s*(\d{4}-\d{2}-\d{2})/i.exec(b.text);
    const start = since ? findIsoDate(since[1]!) : null;
    if (start) spans.push({ start, end: b.resolvedOn ?? start, ongoing: b.status !== 'resolved', line: b.line, source: `Blocker: ${b.text}` });
    if (b.resolvedOn) events.push({ date: b.resolvedOn, kind: 'resolved', stage: null, from: null, line: b.line, source: `Blocker resolved ${b.resolvedOn}: ${b.text}` });
  }
  return { events, spans };
}

function frontmatterDate(value: FrontmatterValue | undefined): string | null {
  if (typeof value === 'string') return findIsoDate(value);
  return null;
}

/** The front matter's created date, when it can be the component's and not only the note file's. */
function createdEvent(note: MaturityNote, dated: readonly TimelineEvent[], today: string, setAside: SetAside[]): TimelineEvent | null {
  let date: string | null = null;
  let key = '';
  for (const k of CREATED_KEYS) {
    date = frontmatterDate(note.properties[k]);
    if (date) {
      key = k;
      break;
    }
  }
  if (!date || dated.some((e) => e.kind === 'created' && e.stage !== null)) return null; // the history says it
  const event: TimelineEvent = { date, kind: 'created', stage: null, from: null, line: null, source: `${key}: ${date}` };
  const first = dated.reduce<string | null>((min, e) => (min === null || e.date < min ? e.date : min), null);
  const updated = note.lastUpdated?.value ?? null;
  if (date > today) setAside.push({ ...event, reason: `it is after today (${today})` });
  else if (first !== null && date > first) setAside.push({ ...event, reason: `it is after the note's first dated entry (${first}): the note file's date, not the component's` });
  else if (updated !== null && date > updated) setAside.push({ ...event, reason: `it is after Last Updated (${updated}): the note file's date, not the component's` });
  else return event;
  return null;
}

/** Date order; on one day, entries that reach the note's current stage last, then line order. */
function byDate(current: StageId | null) {
  return (a: TimelineEvent, b: TimelineEvent): number =>
    compareCodeUnits(a.date, b.date) || Number(a.stage !== null && a.stage === current) - Number(b.stage !== null && b.stage === current) || (a.line ?? 0) - (b.line ?? 0);
}

interface Spans {
  stages: StageSpan[];
  note: string | null;
}

function stageSpans(entries: readonly TimelineEvent[], created: TimelineEvent | null, note: MaturityNote, pipeline: Pipeline, today: string): Spans {
  const current = note.stage?.id ?? null;
  const stages: StageSpan[] = [];
  const first = entries[0];
  if (created && (!first || created.date < first.date)) {
    // From the created date to the first entry, at the stage that entry says it left; with no
    // entry at all, at the current stage only when that is the first one (nothing before it).
    const stage = first ? first.from : current !== null && pipeline.rank.get(current) === 0 ? current : null;
    stages.push({ stage, start: created.date, end: first?.date ?? today, ongoing: !first && stage !== null, line: created.line, source: created.source, also: [] });
  }
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]!;
    const last = stages[stages.length - 1];
    if (last && last.stage === e.stage && last.end === e.date) {
      last.end = entries[i + 1]?.date ?? today; // the same stage again (a field and a history entry)
      if (last.start === e.date) last.also.push({ line: e.line, source: e.source });
      continue;
    }
    stages.push({ stage: e.stage, start: e.date, end: entries[i + 1]?.date ?? today, ongoing: false, line: e.line, source: e.source, also: [] });
  }
  const tail = stages[stages.length - 1];
  let said: string | null = null;
  if (tail && entries.length > 0) {
    if (current === null || tail.stage === current) tail.ongoing = true;
    else {
      // The note's current stage has no date: the last dated stage ends at its last dated entry.
      tail.end = tail.start;
      said = `The current stage (${stageName(pipeline, current)}${note.stage ? `, line ${note.stage.line}` : ''}) has no date; the last dated entry is ${stageName(pipeline, tail.stage)} on ${tail.start}.`;
    }
  }
  return { stages, note: said };
}

function blockedSpans(events: readonly TimelineEvent[], fromBlockers: TimelineSpan[], blockedNow: boolean, today: string): TimelineSpan[] {
  const spans = fromBlockers.map((s) => (s.ongoing ? { ...s, end: today } : s));
  let open: TimelineEvent | null = null;
  for (const e of events) {
    if (e.kind === 'blocked' && !open) open = e;
    else if (e.kind === 'unblocked' && open) {
      spans.push({ start: open.date, end: e.date, ongoing: false, line: open.line, source: `${open.source} — ${e.source}` });
      open = null;
    }
  }
  // A block with no dated end is drawn only while the component is still blocked.
  if (open && blockedNow) spans.push({ start: open.date, end: today, ongoing: true, line: open.line, source: open.source });
  return spans;
}

/** An ISO date `days` later (earlier when negative). */
export function shiftDate(date: string, days: number): string {
  return formatISO(addDays(parseISO(date), days), { representation: 'date' });
}

function observationSpan(observation: Observation | null | undefined, today: string): ObservationSpan | null {
  if (!observation) return null;
  const { windowDays, elapsedDays } = observation;
  // "Day 3/7" counts from a restart the promotion date knows nothing of: the window starts that many days ago.
  const start = observation.basis === 'stated-day' && elapsedDays !== null ? shiftDate(today, -elapsedDays) : observation.since;
  if (start === null) return null;
  const end = shiftDate(start, windowDays);
  const day = observation.statedDay ? `, the note says day ${observation.statedDay.day}/${observation.statedDay.of} (line ${observation.statedDay.line})` : '';
  const progress = elapsedDays === null ? '' : observation.complete ? ', complete' : `, day ${elapsedDays} of ${windowDays}`;
  return {
    start,
    end,
    ongoing: observation.complete === false,
    line: observation.sinceLine ?? observation.windowLine,
    source: `${windowDays}-day observation window (criterion on line ${observation.windowLine}) from ${start}${progress}${day}`,
    windowDays,
    elapsedDays,
    complete: observation.complete,
  };
}

/**
 * The component's stage history. `observation` defaults to the one its readiness carries;
 * `pipeline` names and orders the stages; dates after `today` are set aside.
 */
export function componentTimeline(component: Component, pipeline: Pipeline, today: string, observation: Observation | null | undefined = component.readiness?.observation): ComponentTimeline {
  workCount.timelines++;
  const note = component.note;
  const current = note.stage?.id ?? null;
  const setAside: SetAside[] = [];
  const blockers = blockerEvents(note);
  const all: TimelineEvent[] = [];
  for (const e of [...historyEvents(note), ...fieldEvents(note, pipeline), ...blockers.events]) {
    if (e.date > today) setAside.push({ ...e, reason: `it is after today (${today})` });
    else all.push(e);
  }
  const entering = all.filter((e) => e.stage !== null).sort(byDate(current));
  const created = createdEvent(note, all, today, setAside);
  if (created) all.push(created);
  all.sort(byDate(current));
  const blockedNow = isBlocked(component, { pipeline });
  const { stages, note: said } = stageSpans(entering, created, note, pipeline, today);
  if (created && stages[0]?.start === created.date) created.stage = stages[0].stage;
  for (const s of blockers.spans) if (s.start > today) setAside.push({ date: s.start, kind: 'blocked', stage: null, from: null, line: s.line, source: s.source, reason: `it is after today (${today})` });
  const blocked = blockedSpans(all, blockers.spans.filter((s) => s.start <= today), blockedNow, today);
  const window = observationSpan(observation, today);
  return {
    id: component.id,
    name: component.name,
    stage: current,
    stages,
    blocked,
    observation: window,
    events: all,
    setAside,
    note: said,
    undated: stages.length === 0 && all.length === 0 && blocked.length === 0 && window === null,
    blockedNow,
  };
}

/** First and last date over every dated timeline (and today), or null when none is dated. */
export function timelineRange(timelines: readonly ComponentTimeline[], today: string): TimelineRange | null {
  let start: string | null = null;
  let end = today;
  const see = (a: string, b: string) => {
    if (start === null || a < start) start = a;
    if (b > end) end = b;
  };
  workCount.timelinesRanged += timelines.length;
  for (const t of timelines) {
    for (const s of t.stages) see(s.start, s.end);
    for (const s of t.blocked) see(s.start, s.end);
    for (const e of t.events) see(e.date, e.date);
    if (t.observation) see(t.observation.start, t.observation.end);
  }
  return start === null ? null : { start, end };
}
