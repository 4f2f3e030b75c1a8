// The field handlers of the field pass: what a `**Key**: value` line, a dependency entry, a
// blocker and its details, a history line or a "promoted to" sentence adds to the ReadResult.
// reader.ts decides which handler a line goes to; these fill in the result.
import type { Blocker, MetricName, StageField } from '../model';
import { parseStageValue, isStagePlaceholder, leadingStage } from '../stages';
import { findIsoDate, own, plain } from '../text';
import { fieldKind, type Field, type FieldKind } from './fields';
import {
  isNoneValue,
  readBlockerStatus,
  readBlockerText,
  readClaim,
  readCount,
  readDays,
  readDependency,
  readHistory,
  readMeasure,
  readPercent,
  readSeverity,
  splitInline,
} from './values';
import { findPlaceholder } from './placeholders';
import { kindAbove, makeLabel, transitionSection, type ReaderState, type Section } from './reader-state';

const METRIC_KEYS: Record<string, MetricName> = {
  p50: 'p50',
  p95: 'p95',
  p99: 'p99',
  throughput: 'throughput',
  uptime: 'uptime',
  availability: 'uptime',
  cpu: 'cpu',
  memory: 'memory',
  'error rate': 'errorRate',
};

/** A cheap test before lower-casing the line. */
const PROMOTED_TO = /promoted to /i;

export function handleField(state: ReaderState, field: Field, line: number, indent: number, isItem: boolean): void {
  const { result, pipeline, hints } = state;
  const kind = fieldKind(field.key);
  const value = field.value;
  // Only some fields care whether their value is a template slot: look when one asks.
  const isPlaceholder = () => findPlaceholder(value, false, value, hints, line) !== null;
  if (!isItem) state.label = null; // a new paragraph field ends the previous label's list
  if (kind === null) {
    state.label = value === '' ? makeLabel('other', indent, isItem, line) : null;
    return;
  }
  if (state.inHeader && value !== '' && (kind === 'owner' || kind === 'group' || kind === 'last-updated')) result.headerFields.add(kind);
  switch (kind) {
    case 'stage':
      readStage(state, value, line);
      break;
    case 'target-stage': {
      const stage = parseStageValue(pipeline, value, 'header', line);
      if (result.targetStage === null && stage?.id) result.targetStage = ownStage(stage);
      break;
    }
    case 'last-updated': {
      if (result.lastUpdated !== null && (state.lastUpdatedInHeader || !state.inHeader)) break;
      if (isPlaceholder()) {
        result.lastUpdatedPlaceholder = true;
        break;
      }
      result.lastUpdated = { value: findIsoDate(value), raw: own(plain(value)), line };
      state.lastUpdatedInHeader = state.inHeader;
      break;
    }
    case 'owner':
      if (result.owner === null && value !== '' && !isPlaceholder()) result.owner = { value: own(plain(value)), raw: own(value), line };
      break;
    case 'group':
      if (result.group === null && value !== '' && !isPlaceholder()) result.group = { value: own(plain(value)), raw: own(value), line };
      break;
    case 'priority':
      if (result.priority === null && value !== '' && state.inHeader) result.priority = { value: own(plain(value)), raw: own(value), line };
      break;
    case 'promoted-to': {
      const stage = leadingStage(pipeline, field.key.slice('promoted to '.length));
      result.promotedTo.push({ stage: stage?.id ?? null, date: findIsoDate(value), raw: own(plain(value)), line });
      break;
    }
    case 'promotion-date':
      if (findIsoDate(value)) result.promotedTo.push({ stage: null, date: findIsoDate(value), raw: own(plain(value)), line });
      break;
    case 'status': {
      const transition = transitionSection(state)?.transition;
      const claim = transition ? readClaim(value) : null;
      if (!transition || !claim) break;
      const read = { met: claim.met, total: claim.total, raw: own(plain(value)), line };
      if (transition.claim === null) transition.claim = read;
      else transition.otherClaims = [...transition.otherClaims, read];
      break;
    }
    case 'coverage':
      readCoverage(state, field, line);
      break;
    case 'dependencies':
      state.label = makeLabel('dependencies', indent, isItem, line);
      if (value !== '') {
        for (const part of splitInline(value)) addDependency(state, part, line);
        state.label = null;
      }
      break;
    case 'ignored-dependencies':
      state.label = value === '' ? makeLabel('ignored', indent, isItem, line) : null;
      break;
    case 'blockers':
    case 'resolved-blockers':
      state.label = makeLabel(kind, indent, isItem, line);
      if (value !== '') {
        state.label = null;
        if (!isNoneValue(value) && !isPlaceholder()) startBlocker(state, value, line, indent, kind === 'resolved-blockers');
      }
      break;
    case 'security-results':
      state.label = makeLabel('security', indent, isItem, line);
      break;
    case 'security-last-scan':
      result.security.lastScan ??= { value: findIsoDate(value), raw: own(plain(value)), line };
      break;
    case 'security-review':
      if (!isPlaceholder()) result.security.reviewStatus ??= { value: own(plain(value)), raw: own(value), line };
      break;
    case 'severity-count': {
      if (!(state.label?.kind === 'security' || kindAbove(state, 'security'))) break;
      const count = readCount(value);
      if (!count) break;
      const key = field.key as 'critical' | 'high' | 'medium' | 'low';
      result.security[key] ??= { value: count.count, raw: own(plain(value)), line };
      break;
    }
    case 'response-time':
      // A single unlabelled response time says nothing about which percentile it is.
      state.label = makeLabel('response-time', indent, isItem, line);
      break;
    case 'metric': {
      const metric = METRIC_KEYS[field.key];
      if (metric) readMetric(state, metric, value, line);
      break;
    }
    case 'blocker-type':
    case 'blocker-severity':
    case 'resolved-on':
      break;
  }
}

export function handleBlockerField(state: ReaderState, field: Field): boolean {
  if (!state.blockerEntry) return false;
  const blocker = state.blockerEntry.blocker;
  const kind: FieldKind | null = fieldKind(field.key);
  if (kind === null && field.key !== 'resolution') return false;
  if (blocker === null) return true; // details of a placeholder entry
  switch (field.key) {
    case 'type':
      if (!field.value.includes('|')) blocker.type = own(plain(field.value));
      return true;
    case 'severity':
      blocker.severity = readSeverity(field.value);
      return true;
    case 'target stage': {
      const stage = parseStageValue(state.pipeline, field.value, 'header', 0);
      if (!field.value.includes('|')) blocker.targetStage = stage?.id ?? null;
      return true;
    }
    case 'status': {
      const status = readBlockerStatus(field.value);
      if (status) blocker.status = status;
      return true;
    }
    case 'resolved':
      blocker.status = 'resolved';
      blocker.resolvedOn = findIsoDate(field.value);
      return true;
    case 'resolution':
      return true;
    default:
      return false;
  }
}

function readStage(state: ReaderState, value: string, line: number): void {
  const { result, pipeline } = state;
  if (isStagePlaceholder(plain(value))) {
    if (state.inHeader) result.stagePlaceholder = true;
    return;
  }
  const stage = parseStageValue(pipeline, value, 'header', line);
  if (!stage) return;
  result.stages.push(ownStage(stage));
  if (state.inHeader && result.headerStageIndex === -1) result.headerStageIndex = result.stages.length - 1;
}

function readCoverage(state: ReaderState, field: Field, line: number): void {
  const result = state.result;
  if (field.key === 'current' && !kindAbove(state, 'coverage')) return;
  const percent = readPercent(field.value);
  if (!percent) return;
  const transition = transitionSection(state)?.transition;
  result.coverage.push({
    percent: percent.percent,
    label: own(field.key),
    transition: transition ? `${transition.from ?? '?'}→${transition.to ?? '?'}` : null,
    section: own((state.sectionPath ??= state.stack.map((s) => s.text).join(' / '))),
    raw: own(plain(field.value)),
    line,
  });
}

function readMetric(state: ReaderState, metric: MetricName, value: string, line: number): void {
  const result = state.result;
  const perf = kindAbove(state, 'performance-current', 'performance-targets', 'performance');
  if (!perf && state.label?.kind !== 'response-time') {
    // Uptime and throughput only count under a performance heading.
    return;
  }
  const measure = readMeasure(value, line);
  if (!measure) return;
  const bucket = perf?.kind === 'performance-targets' ? result.targets : result.current;
  // Fields written out, not spread: see ownStage.
  if (!bucket[metric]) bucket[metric] = { value: measure.value, unit: measure.unit, comparator: measure.comparator, raw: own(measure.raw), line: measure.line };
  if (metric === 'uptime' && bucket === result.current && result.observedDays === null) {
    const days = readDays(value);
    result.observedDays = { value: days, raw: own(plain(value)), line };
  }
}

export function addDependency(state: ReaderState, raw: string, line: number): void {
  const { result, pipeline, hints } = state;
  if (findPlaceholder(raw, true, null, hints, line) !== null) return;
  const dep = readDependency(pipeline, raw);
  if (dep === 'none') {
    result.dependenciesNone = true;
    return;
  }
  if (!dep) return;
  result.dependencies.push({
    name: own(dep.name),
    link: dep.link,
    declaredStage: dep.declaredStage,
    declaredRaw: own(dep.declaredRaw),
    declaredBlocked: dep.declaredBlocked,
    optional: dep.optional,
    note: own(dep.note),
    line,
  });
}

export function startBlocker(state: ReaderState, raw: string, line: number, indent: number, resolved: boolean): void {
  const { result, hints } = state;
  if (raw.trim() === '' || findPlaceholder(raw, true, null, hints, line) !== null || isNoneValue(raw)) {
    state.blockerEntry = { blocker: null, indent };
    return;
  }
  const { text: blockerText, issue, resolvedOn } = readBlockerText(raw);
  const transition = transitionSection(state)?.transition;
  const blocker: Blocker = {
    text: own(blockerText),
    issue: issue === null ? null : own(issue),
    type: null,
    severity: null,
    targetStage: transition?.to ?? null,
    status: resolved || resolvedOn !== null ? 'resolved' : 'open',
    resolvedOn,
    line,
  };
  result.blockers.push(blocker);
  state.blockerEntry = { blocker, indent };
}

export function addHistory(state: ReaderState, raw: string, line: number, section: Section): void {
  const { result, pipeline } = state;
  const entry = readHistory(pipeline, raw, section.demotions);
  if (!entry) return;
  result.history.push({ date: entry.date, kind: entry.kind, from: entry.from, to: entry.to, issue: entry.issue, text: own(entry.text), line });
}

export function noteProse(state: ReaderState, content: string, line: number): void {
  const { result, pipeline, hints } = state;
  if (result.proseStage !== null) return;
  if (hints.promotedLines !== null && !hints.promotedLines.has(line)) return;
  if (!PROMOTED_TO.test(content)) return;
  const at = content.toLowerCase().indexOf('promoted to ');
  if (at === -1) return;
  const after = plain(content.slice(at + 'promoted to '.length)).toLowerCase().replace(/^the\s+/, '');
  const stage = leadingStage(pipeline, after);
  if (stage) {
    result.proseStage = {
      id: stage.id,
      raw: own(plain(content).slice(0, 160)),
      qualifier: '',
      headingFor: null,
      blocked: false,
      promotionInProgress: false,
      source: 'prose',
      line,
    };
  }
}

/**
 * A stage field the note keeps. Fields are written out: objects built by spreading and then
 * adding or overriding fields each got a hidden class of their own in V8 (hundreds of bytes
 * apiece across a large vault).
 */
function ownStage(stage: StageField): StageField {
  return {
    id: stage.id,
    raw: own(stage.raw),
    qualifier: own(stage.qualifier),
    headingFor: stage.headingFor,
    blocked: stage.blocked,
    promotionInProgress: stage.promotionInProgress,
    source: stage.source,
    line: stage.line,
  };
}
