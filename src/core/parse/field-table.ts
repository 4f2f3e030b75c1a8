// The field table: one entry per labelled field — its labels are the vocabulary key's (settings
// add more), where it counts, how its value is read and where it lands in the note. Adding a
// field is one entry here (and its labels in vocabulary.ts) plus its test.
import type { Blocker, MetricName } from '../model';
import { leadingStage, parseStageValue } from '../stages';
import { keptIsoDate, visibleText } from '../text';
import { intern } from '../intern';
import { readClaimField, readCoverage, readLastUpdated, readMetric, readSecurityCount, readStage, readTargetStage, readText } from './field-readers';
import type { FieldLine } from './fields';
import { addDependency, startBlocker } from './lists';
import { findPlaceholder } from './placeholders';
import { kindAbove, makeLabel, type LabelKind, type ReaderState } from './reader-state';
import { readBlockerStatus, readSeverity, splitInline } from './entries';
import { isNoneValue } from './values';
import type { VocabularyKey } from './vocabulary';

/** Where a field line is: its value, line, indentation, and whether it is a list item. */
export interface FieldAt {
  /** The label as read (`current coverage`). */
  key: string;
  value: string;
  /** For prefix labels (`**Promoted to Staging**:`): what follows the label. */
  rest: string;
  line: number;
  indent: number;
  isItem: boolean;
}

export interface FieldEntry {
  /** Where the field counts (the line is still a known field elsewhere, and reads as nothing). */
  where?: (state: ReaderState, at: FieldAt) => boolean;
  /** Read the value into the note. */
  read?: (state: ReaderState, at: FieldAt) => void;
  /** Under a blocker entry (`- **Severity**: High`): read into the blocker. */
  blocker?: (blocker: Blocker, value: string, state: ReaderState) => void;
  /** One of the header fields that tell a maturity note (Owner, Functional Group, Last Updated). */
  header?: boolean;
  /** Known under a blocker entry only: elsewhere the label reads as unknown. */
  blockerOnly?: boolean;
}

const inHeader = (state: ReaderState) => state.inHeader;
const inTransition = (state: ReaderState) => kindAbove(state, 'transition')?.transition != null;
const underSecurity = (state: ReaderState) => state.label?.kind === 'security' || kindAbove(state, 'security') !== null;
const underCoverage = (state: ReaderState) => kindAbove(state, 'coverage') !== null;

/** A template slot instead of a value (`<Team>`, `XX%`, `Option A | Option B`). */
const isSlot = (state: ReaderState, at: FieldAt) => findPlaceholder(at.value, false, at.value) !== null;

/** The field opens a list (`**Dependencies**:` then bullets) when its value is empty. */
function openList(kind: LabelKind, state: ReaderState, at: FieldAt): void {
  state.label = makeLabel(kind, at.indent, at.isItem, at.line);
}

const metric = (name: MetricName): FieldEntry => ({ read: (state, at) => readMetric(state, name, at.value, at.line) });
const severityCount = (level: 'critical' | 'high' | 'medium' | 'low'): FieldEntry => ({ where: underSecurity, read: (state, at) => readSecurityCount(state, level, at) });

export const FIELD_TABLE: Partial<Record<VocabularyKey, FieldEntry>> = {
  currentStage: { read: (state, at) => readStage(state, at.value, at.line) },
  targetStage: {
    read: readTargetStage,
    blocker: (blocker, value, state) => {
      if (!value.includes('|')) blocker.targetStage = parseStageValue(state.pipeline, value, 'header', 0)?.id ?? null;
    },
  },
  lastUpdated: { header: true, read: readLastUpdated },
  owner: { header: true, read: (state, at) => (state.result.owner ??= readText(state, at, true)) },
  group: { header: true, read: (state, at) => (state.result.group ??= readText(state, at, true)) },
  priority: { where: inHeader, read: (state, at) => (state.result.priority ??= readText(state, at, false)) },
  promotedTo: {
    read: (state, at) => {
      const stage = leadingStage(state.pipeline, at.rest);
      state.result.promotedTo.push({ stage: stage?.id ?? null, date: keptIsoDate(at.value), raw: intern(visibleText(at.value)), line: at.line });
    },
  },
  promotionDate: {
    read: (state, at) => {
      const date = keptIsoDate(at.value);
      if (date) state.result.promotedTo.push({ stage: null, date, raw: intern(visibleText(at.value)), line: at.line });
    },
  },
  statusLine: {
    where: inTransition,
    read: readClaimField,
    blocker: (blocker, value) => {
      const status = readBlockerStatus(value);
      if (status) blocker.status = status;
    },
  },
  coverage: { read: readCoverage },
  sectionCoverage: { where: underCoverage, read: readCoverage },
  dependencies: {
    read: (state, at) => {
      if (at.value === '') return openList('dependencies', state, at);
      for (const part of splitInline(at.value)) addDependency(state, part, at.line);
    },
  },
  ignoredDependencies: { read: (state, at) => (at.value === '' ? openList('ignored', state, at) : undefined) },
  blockers: { read: (state, at) => readBlockers(state, at, false) },
  resolvedBlockers: { read: (state, at) => readBlockers(state, at, true) },
  blockerType: {
    blocker: (blocker, value) => {
      if (!value.includes('|')) blocker.type = intern(visibleText(value));
    },
  },
  blockerSeverity: { blocker: (blocker, value) => (blocker.severity = readSeverity(value)) },
  blockerResolved: {
    blocker: (blocker, value) => {
      blocker.status = 'resolved';
      blocker.resolvedOn = keptIsoDate(value);
    },
  },
  blockerResolution: { blockerOnly: true, blocker: () => {} },
  securityScan: { read: (state, at) => openList('security', state, at) },
  lastSecurityScan: { read: (state, at) => (state.result.security.lastScan ??= { value: keptIsoDate(at.value), raw: intern(visibleText(at.value)), line: at.line }) },
  securityReview: { read: (state, at) => (isSlot(state, at) ? undefined : (state.result.security.reviewStatus ??= { value: intern(visibleText(at.value)), raw: intern(at.value), line: at.line })) },
  critical: severityCount('critical'),
  high: severityCount('high'),
  medium: severityCount('medium'),
  low: severityCount('low'),
  // A single unlabelled response time says nothing about which percentile it is: a list follows.
  responseTime: { read: (state, at) => openList('response-time', state, at) },
  p50: metric('p50'),
  p95: metric('p95'),
  p99: metric('p99'),
  throughput: metric('throughput'),
  uptime: metric('uptime'),
  cpu: metric('cpu'),
  memory: metric('memory'),
  errorRate: metric('errorRate'),
};

function readBlockers(state: ReaderState, at: FieldAt, resolved: boolean): void {
  openList(resolved ? 'resolved-blockers' : 'blockers', state, at);
  if (at.value === '') return;
  state.label = null;
  if (!isNoneValue(state.pipeline, at.value) && !isSlot(state, at)) startBlocker(state, at.value, at.line, at.indent, resolved);
}

/** A `**Key**: value` line outside a blocker's details: what its entry reads into the note. */
export function handleField(state: ReaderState, field: FieldLine, line: number, indent: number, isItem: boolean): void {
  const { result } = state;
  if (!isItem) state.label = null; // a new paragraph field ends the previous label's list
  const entry = field.known === null ? undefined : FIELD_TABLE[field.known.key];
  if (entry === undefined || entry.blockerOnly || field.known === null) {
    state.label = field.value === '' ? makeLabel('other', indent, isItem, line) : null;
    return;
  }
  const at: FieldAt = { key: field.key, value: field.value, rest: field.known.rest, line, indent, isItem };
  if (entry.header && state.inHeader && at.value !== '') result.headerFields.add(field.known.key);
  if (entry.read && (entry.where === undefined || entry.where(state, at))) entry.read(state, at);
}

/** Whether the label is one the table knows outside blocker details. */
export function isKnownField(field: FieldLine): boolean {
  return field.known !== null && FIELD_TABLE[field.known.key]?.blockerOnly !== true;
}

/** A field under a blocker entry (`- **Severity**: High`); false when it is not one of its details. */
export function handleBlockerField(state: ReaderState, field: FieldLine): boolean {
  const entryAt = state.blockerEntry;
  if (!entryAt) return false;
  const known = field.known;
  if (known === null) return false;
  if (entryAt.blocker === null) return true; // details of a placeholder entry
  const entry = FIELD_TABLE[known.key];
  if (!entry?.blocker) return false;
  entry.blocker(entryAt.blocker, field.value, state);
  return true;
}
