// The parts of a MaturityNote that only views read (criteria, figures, history, blockers), as
// tape codecs (tape.ts). The index reads the rest of a note (stage, dependencies, names, tags,
// owner, group, signals) to link and classify it, so those stay objects (see compact-note.ts).
import type { Blocker, Checklist, ChecklistItem, CoverageFigure, HistoryEntry, MaturityNote, Measure, PerformanceFigures, SecurityCounts, Sourced, StatusClaim, Transition } from './model';
import { keyed, list, maybe, record, slot, type Codec, type Tape, type TapeReader } from './tape';
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
], (v) => ({ text: v[0], checked: v[1], status: v[2], mark: v[3], note: v[4], line: v[5] }) as ChecklistItem);

const claim = record<StatusClaim>([
  ['met', value],
  ['total', value],
  ['raw', value],
  ['line', 'int'],
], (v) => ({ met: v[0], total: v[1], raw: v[2], line: v[3] }) as StatusClaim);

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
], (v) => ({ from: v[0], to: v[1], heading: v[2], line: v[3], items: v[4], met: v[5], total: v[6], claim: v[7], otherClaims: v[8] }) as Transition);

const blocker = record<Blocker>([
  ['text', value],
  ['issue', value],
  ['type', value],
  ['severity', { choice: [null, 'critical', 'high', 'medium', 'low'] }],
  ['targetStage', value],
  ['status', { choice: ['open', 'in-progress', 'resolved'] }],
  ['resolvedOn', value],
  ['line', 'int'],
], (v) => ({ text: v[0], issue: v[1], type: v[2], severity: v[3], targetStage: v[4], status: v[5], resolvedOn: v[6], line: v[7] }) as Blocker);

const historyEntry = record<HistoryEntry>([
  ['date', value],
  ['kind', { choice: ['created', 'promoted', 'demoted', 'requested', 'revoked', 'other'] }],
  ['from', value],
  ['to', value],
  ['issue', value],
  ['text', value],
  ['line', 'int'],
], (v) => ({ date: v[0], kind: v[1], from: v[2], to: v[3], issue: v[4], text: v[5], line: v[6] }) as HistoryEntry);

const coverageFigure = record<CoverageFigure>([
  ['percent', value],
  ['label', value],
  ['transition', value],
  ['section', value],
  ['raw', value],
  ['line', 'int'],
], (v) => ({ percent: v[0], label: v[1], transition: v[2], section: v[3], raw: v[4], line: v[5] }) as CoverageFigure);

const sourced = maybe(record<Sourced<unknown>>([
  ['value', value],
  ['raw', value],
  ['line', 'int'],
], (v) => ({ value: v[0], raw: v[1], line: v[2] }) as Sourced<unknown>));

const security = record<SecurityCounts>([
  ['critical', sourced],
  ['high', sourced],
  ['medium', sourced],
  ['low', sourced],
  ['lastScan', sourced],
  ['reviewStatus', sourced],
], (v) => ({ critical: v[0], high: v[1], medium: v[2], low: v[3], lastScan: v[4], reviewStatus: v[5] }) as SecurityCounts);

const measure = record<Measure>([
  ['value', value],
  ['unit', { choice: UNITS }],
  ['comparator', { choice: [null, '<', '<=', '>', '>=', '='] }],
  ['raw', value],
  ['line', 'int'],
], (v) => ({ value: v[0], unit: v[1], comparator: v[2], raw: v[3], line: v[4] }) as Measure);

const performance = record<PerformanceFigures>([
  ['current', keyed(measure)],
  ['targets', keyed(measure)],
  ['observedDays', sourced],
], (v) => ({ current: v[0], targets: v[1], observedDays: v[2] }) as PerformanceFigures);

const checklist = record<Checklist>([
  ['kind', { choice: ['documentation', 'next-steps', 'other'] }],
  ['heading', value],
  ['items', list(item)],
], (v) => ({ kind: v[0], heading: v[1], items: v[2] }) as Checklist);

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
  const tape: Tape = [];
  for (const part of parts) (TAPE_PARTS[part] as Codec<unknown>).put(note[part], tape);
  // An array grown by push keeps room to grow; the kept copy is exactly as long as the tape.
  return tape.slice();
}

export function readParts(tape: Tape, parts: readonly TapePart[]): Partial<MaturityNote> {
  const reader: TapeReader = { tape, at: 0 };
  const out: Record<string, unknown> = {};
  for (const part of parts) out[part] = (TAPE_PARTS[part] as Codec<unknown>).take(reader);
  return out as Partial<MaturityNote>;
}
