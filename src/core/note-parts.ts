// The parts of a MaturityNote that only views read (criteria, figures, history, blockers), as
// tape codecs (tape.ts). The index reads the rest of a note (stage, dependencies, names, tags,
// owner, group, signals) to link and classify it, so those stay objects (see compact-note.ts).
import type { Blocker, Checklist, ChecklistItem, CoverageFigure, HistoryEntry, MaturityNote, Measure, PerformanceFigures, SecurityCounts, Sourced, StatusClaim, Transition } from './model';
import { keyed, list, maybe, record, slot, writeTape, type Codec, type Tape, type TapeReader } from './tape';
import { MEASURE_UNITS } from './parse/values';

const value = slot<unknown>();

// Values seen in nearly every note are packed as a choice; any other is kept as written.
const STATUSES = [' ', 'x', 'X', '/', '-', 'TODO', 'DOING', 'DONE', 'LATER', 'NOW', 'WAITING', 'CANCELED'];
const UNITS = ['', ...MEASURE_UNITS];

const item = record<ChecklistItem>([
  ['text', value],
  ['checked', 'flag'],
  ['status', { choice: STATUSES }],
  ['mark', { choice: [null, 'pass', 'fail', 'warn'] }],
  ['note', value],
  ['line', 'int'],
], (v) => ({ text: v[0], checked: v[1], status: v[2], mark: v[3], note: v[4], line: v[5] }) as ChecklistItem, (r, out) => {
  out[0] = r.text; out[1] = r.checked; out[2] = r.status; out[3] = r.mark; out[4] = r.note; out[5] = r.line;
});

const claim = record<StatusClaim>([
  ['met', value],
  ['total', value],
  ['raw', value],
  ['line', 'int'],
], (v) => ({ met: v[0], total: v[1], raw: v[2], line: v[3] }) as StatusClaim, (r, out) => {
  out[0] = r.met; out[1] = r.total; out[2] = r.raw; out[3] = r.line;
});

const transition = record<Transition>([
  ['from', value],
  ['to', value],
  ['heading', value],
  ['line', 'int'],
  ['items', list(item)],
  ['met', value],
  ['total', value],
  ['claim', maybe(claim)],
  ['otherClaims', list(claim)],
], (v) => ({ from: v[0], to: v[1], heading: v[2], line: v[3], items: v[4], met: v[5], total: v[6], claim: v[7], otherClaims: v[8] }) as Transition, (r, out) => {
  out[0] = r.from; out[1] = r.to; out[2] = r.heading; out[3] = r.line; out[4] = r.items; out[5] = r.met; out[6] = r.total; out[7] = r.claim; out[8] = r.otherClaims;
});

const blocker = record<Blocker>([
  ['text', value],
  ['issue', value],
  ['type', value],
  ['severity', { choice: [null, 'critical', 'high', 'medium', 'low'] }],
  ['targetStage', value],
  ['status', { choice: ['open', 'in-progress', 'resolved'] }],
  ['resolvedOn', value],
  ['line', 'int'],
], (v) => ({ text: v[0], issue: v[1], type: v[2], severity: v[3], targetStage: v[4], status: v[5], resolvedOn: v[6], line: v[7] }) as Blocker, (r, out) => {
  out[0] = r.text; out[1] = r.issue; out[2] = r.type; out[3] = r.severity; out[4] = r.targetStage; out[5] = r.status; out[6] = r.resolvedOn; out[7] = r.line;
});

const historyEntry = record<HistoryEntry>([
  ['date', value],
  ['kind', { choice: ['created', 'promoted', 'demoted', 'requested', 'revoked', 'other'] }],
  ['from', value],
  ['to', value],
  ['issue', value],
  ['text', value],
  ['line', 'int'],
], (v) => ({ date: v[0], kind: v[1], from: v[2], to: v[3], issue: v[4], text: v[5], line: v[6] }) as HistoryEntry, (r, out) => {
  out[0] = r.date; out[1] = r.kind; out[2] = r.from; out[3] = r.to; out[4] = r.issue; out[5] = r.text; out[6] = r.line;
});

const coverageFigure = record<CoverageFigure>([
  ['percent', value],
  ['label', value],
  ['transition', value],
  ['section', value],
  ['raw', value],
  ['line', 'int'],
], (v) => ({ percent: v[0], label: v[1], transition: v[2], section: v[3], raw: v[4], line: v[5] }) as CoverageFigure, (r, out) => {
  out[0] = r.percent; out[1] = r.label; out[2] = r.transition; out[3] = r.section; out[4] = r.raw; out[5] = r.line;
});

const sourced = maybe(record<Sourced<unknown>>([
  ['value', value],
  ['raw', value],
  ['line', 'int'],
], (v) => ({ value: v[0], raw: v[1], line: v[2] }) as Sourced<unknown>, (r, out) => {
  out[0] = r.value; out[1] = r.raw; out[2] = r.line;
}));

const security = record<SecurityCounts>([
  ['critical', sourced],
  ['high', sourced],
  ['medium', sourced],
  ['low', sourced],
  ['lastScan', sourced],
  ['reviewStatus', sourced],
], (v) => ({ critical: v[0], high: v[1], medium: v[2], low: v[3], lastScan: v[4], reviewStatus: v[5] }) as SecurityCounts, (r, out) => {
  out[0] = r.critical; out[1] = r.high; out[2] = r.medium; out[3] = r.low; out[4] = r.lastScan; out[5] = r.reviewStatus;
});

const measure = record<Measure>([
  ['value', value],
  ['unit', { choice: UNITS }],
  ['comparator', { choice: [null, '<', '<=', '>', '>=', '='] }],
  ['raw', value],
  ['line', 'int'],
], (v) => ({ value: v[0], unit: v[1], comparator: v[2], raw: v[3], line: v[4] }) as Measure, (r, out) => {
  out[0] = r.value; out[1] = r.unit; out[2] = r.comparator; out[3] = r.raw; out[4] = r.line;
});

const performance = record<PerformanceFigures>([
  ['current', keyed(measure)],
  ['targets', keyed(measure)],
  ['observedDays', sourced],
], (v) => ({ current: v[0], targets: v[1], observedDays: v[2] }) as PerformanceFigures, (r, out) => {
  out[0] = r.current; out[1] = r.targets; out[2] = r.observedDays;
});

const checklist = record<Checklist>([
  ['kind', { choice: ['documentation', 'next-steps', 'other'] }],
  ['heading', value],
  ['items', list(item)],
], (v) => ({ kind: v[0], heading: v[1], items: v[2] }) as Checklist, (r, out) => {
  out[0] = r.kind; out[1] = r.heading; out[2] = r.items;
});

/** The parts of a note kept on a tape, each with how it is written. */
export const TAPE_PARTS = {
  transitions: list(transition),
  blockers: list(blocker),
  history: list(historyEntry),
  coverage: list(coverageFigure),
  security,
  performance,
  checklists: list(checklist),
} satisfies { [K in keyof MaturityNote]?: Codec<MaturityNote[K]> };

export type TapePart = keyof typeof TAPE_PARTS;

export function isTapePart(key: PropertyKey): key is TapePart {
  return typeof key === 'string' && Object.hasOwn(TAPE_PARTS, key);
}

/** The note's tape parts, in the order `parts` names them. */
export function writeParts(note: MaturityNote, parts: readonly TapePart[]): Tape {
  return writeTape((writer) => {
    for (let i = 0; i < parts.length; i++) (TAPE_PARTS[parts[i]!] as Codec<unknown>).put(note[parts[i]!], writer);
  });
}

export function readParts(tape: Tape, parts: readonly TapePart[]): Partial<MaturityNote> {
  const reader: TapeReader = { tape, at: 0 };
  const out: Record<string, unknown> = {};
  for (const part of parts) out[part] = (TAPE_PARTS[part] as Codec<unknown>).take(reader);
  return out as Partial<MaturityNote>;
}
