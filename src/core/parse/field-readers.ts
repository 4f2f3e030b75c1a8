// How the field table's values are read: a stage, a date, a text, a status claim, a coverage
// figure, a performance measure, a security count. Each takes the field line (FieldAt) and puts
// what it reads into the note being read.
import type { MetricName, Sourced, StageField } from '../model';
import { isStagePlaceholder, parseStageValue } from '../stages';
import { keptIsoDate, visibleText } from '../text';
import { intern } from '../intern';
import type { FieldAt } from './field-table';
import { transitionKey } from './note-checks';
import { findPlaceholder } from './placeholders';
import { kindAbove, type ReaderState } from './reader-state';
import { readClaim, readCount, readDays, readMeasure, readPercent } from './values';

/** A template slot instead of a value (`<Team>`, `XX%`, `Option A | Option B`). */
function isSlot(state: ReaderState, at: FieldAt): boolean {
  return findPlaceholder(at.value, false, at.value) !== null;
}

export function readStage(state: ReaderState, value: string, line: number): void {
  const { result, pipeline } = state;
  if (isStagePlaceholder(visibleText(value))) {
    if (state.inHeader) result.stagePlaceholder = true;
    return;
  }
  const stage = parseStageValue(pipeline, value, 'header', line);
  if (!stage) return;
  result.stages.push(ownStage(stage));
  if (state.inHeader && result.headerStageIndex === -1) result.headerStageIndex = result.stages.length - 1;
}

export function readTargetStage(state: ReaderState, at: FieldAt): void {
  const stage = parseStageValue(state.pipeline, at.value, 'header', at.line);
  if (state.result.targetStage === null && stage?.id) state.result.targetStage = ownStage(stage);
}

/** The header's Last Updated wins over one further down; a template slot marks the note as unfilled. */
export function readLastUpdated(state: ReaderState, at: FieldAt): void {
  const result = state.result;
  if (result.lastUpdated !== null && (state.lastUpdatedInHeader || !state.inHeader)) return;
  if (isSlot(state, at)) {
    result.lastUpdatedPlaceholder = true;
    return;
  }
  result.lastUpdated = { value: keptIsoDate(at.value), raw: intern(visibleText(at.value)), line: at.line };
  state.lastUpdatedInHeader = state.inHeader;
}

/** A text value (owner, group, priority); null when empty or, with `slots`, a template slot. */
export function readText(state: ReaderState, at: FieldAt, slots: boolean): Sourced<string> | null {
  if (at.value === '' || (slots && isSlot(state, at))) return null;
  return { value: intern(visibleText(at.value)), raw: intern(at.value), line: at.line };
}

/** `**Status**: 4/7 criteria met` in a transition section: its first claim, or one more. */
export function readClaimField(state: ReaderState, at: FieldAt): void {
  const transition = kindAbove(state, 'transition')!.transition!;
  const claim = readClaim(at.value);
  if (!claim) return;
  const read = { met: claim.met, total: claim.total, raw: intern(visibleText(at.value)), line: at.line };
  if (transition.claim === null) transition.claim = read;
  else transition.otherClaims = [...transition.otherClaims, read];
}

export function readCoverage(state: ReaderState, at: FieldAt): void {
  const percent = readPercent(at.value);
  if (!percent) return;
  const transition = kindAbove(state, 'transition')?.transition;
  state.result.coverage.push({
    percent: percent.percent,
    label: at.key, // the label's normal form, shared (fields.ts)
    transition: transition ? intern(transitionKey(transition)) : null,
    // Made once a section (reset at each heading). Not looked up in the shared strings: the path
    // starts with the note's own title, so no other note shares it, and a join is already flat.
    section: (state.sectionPath ??= state.stack.map((s) => s.text).join(' / ')),
    raw: intern(visibleText(at.value)),
    line: at.line,
  });
}

/** A performance figure, under a performance heading or a Response Time list; targets under an SLA heading. */
export function readMetric(state: ReaderState, metric: MetricName, value: string, line: number): void {
  const result = state.result;
  const perf = kindAbove(state, 'performance-current', 'performance-targets', 'performance');
  if (!perf && state.label?.kind !== 'response-time') return; // uptime and throughput count only there
  const measure = readMeasure(value, line);
  if (!measure) return;
  const bucket = perf?.kind === 'performance-targets' ? result.targets : result.current;
  // Fields written out, not spread: see ownStage.
  if (!bucket[metric]) bucket[metric] = { value: measure.value, unit: measure.unit, comparator: measure.comparator, raw: intern(measure.raw), line: measure.line };
  if (metric === 'uptime' && bucket === result.current && result.observedDays === null) {
    result.observedDays = { value: readDays(value), raw: intern(visibleText(value)), line };
  }
}

export function readSecurityCount(state: ReaderState, level: 'critical' | 'high' | 'medium' | 'low', at: FieldAt): void {
  const count = readCount(at.value);
  if (count) state.result.security[level] ??= { value: count.count, raw: intern(visibleText(at.value)), line: at.line };
}

/**
 * A stage field the note keeps. Fields are written out: objects built by spreading and then
 * adding or overriding fields each got a hidden class of their own in V8 (hundreds of bytes
 * apiece across a large vault).
 */
export function ownStage(stage: StageField): StageField {
  return {
    id: stage.id,
    raw: intern(stage.raw),
    qualifier: intern(stage.qualifier),
    headingFor: stage.headingFor,
    blocked: stage.blocked,
    promotionInProgress: stage.promotionInProgress,
    source: stage.source,
    line: stage.line,
  };
}
