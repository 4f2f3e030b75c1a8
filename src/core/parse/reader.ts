// The field pass: a BlockVisitor that turns headings, items and text lines into the parts of a
// MaturityNote. It keeps the section stack and the "label" a list belongs to (`**Blockers**:`).
import type {
  Blocker,
  Checklist,
  ChecklistItem,
  CoverageFigure,
  Dependency,
  HistoryEntry,
  Measure,
  MetricName,
  Placeholder,
  SecurityCounts,
  StageField,
  Sourced,
  Transition,
} from '../model';
import { parseStageValue, isStagePlaceholder, leadingStage, type Pipeline } from '../stages';
import { findIsoDate, own, plain } from '../text';
import type { BlockVisitor } from './blocks';
import { fieldKind, readField, type Field, type FieldKind } from './fields';
import { classifySection, type SectionInfo } from './sections';
import {
  findPlaceholder,
  isNoneValue,
  readBlockerStatus,
  readBlockerText,
  readClaim,
  readCount,
  readCriterion,
  readDays,
  readDependency,
  readHistory,
  readMeasure,
  readPercent,
  readSeverity,
  splitInline,
} from './values';

interface Section extends SectionInfo {
  depth: number;
  text: string;
  line: number;
  transition: Transition | null;
  checklist: Checklist | null;
  /** Indent of the first list item seen directly in this section (entries vs. details). */
  entryIndent: number;
}

type LabelKind = 'dependencies' | 'ignored' | 'blockers' | 'resolved-blockers' | 'security' | 'response-time' | 'other';

interface Label {
  kind: LabelKind;
  /** Indent of the line holding the label; list items deeper than it (or at it, for paragraphs) belong to it. */
  indent: number;
  isItem: boolean;
  line: number;
  /** Indent of the label's first list item: deeper items are details, not entries. */
  entryIndent: number;
}

export interface ReadResult {
  stages: StageField[];
  headerStageIndex: number;
  stagePlaceholder: boolean;
  proseStage: StageField | null;
  targetStage: StageField | null;
  lastUpdated: Sourced<string | null> | null;
  lastUpdatedPlaceholder: boolean;
  owner: Sourced<string> | null;
  group: Sourced<string> | null;
  priority: Sourced<string> | null;
  promotedTo: Array<{ stage: string | null; date: string | null; raw: string; line: number }>;
  heading: string | null;
  transitions: Transition[];
  dependencies: Dependency[];
  dependenciesNone: boolean;
  blockers: Blocker[];
  history: HistoryEntry[];
  coverage: CoverageFigure[];
  security: SecurityCounts;
  current: Partial<Record<MetricName, Measure>>;
  targets: Partial<Record<MetricName, Measure>>;
  observedDays: Sourced<number | null> | null;
  checklists: Checklist[];
  placeholders: Placeholder[];
  bodyTags: string[];
  headerFields: Set<string>;
}

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

const MAX_PLACEHOLDERS = 200;
/** A cheap test before lower-casing the line. */
const PROMOTED_TO = /promoted to /i;
const HASHTAG = /(^|\s)#([\p{L}\p{N}_/-]*[\p{L}_/-][\p{L}\p{N}_/-]*)/gu;

export function createReader(pipeline: Pipeline): { visitor: BlockVisitor; result: ReadResult } {
  const result: ReadResult = {
    stages: [],
    headerStageIndex: -1,
    stagePlaceholder: false,
    proseStage: null,
    targetStage: null,
    lastUpdated: null,
    lastUpdatedPlaceholder: false,
    owner: null,
    group: null,
    priority: null,
    promotedTo: [],
    heading: null,
    transitions: [],
    dependencies: [],
    dependenciesNone: false,
    blockers: [],
    history: [],
    coverage: [],
    security: { critical: null, high: null, medium: null, low: null, lastScan: null, reviewStatus: null },
    current: {},
    targets: {},
    observedDays: null,
    checklists: [],
    placeholders: [],
    bodyTags: [],
    headerFields: new Set<string>(),
  };

  const stack: Section[] = [];
  let inHeader = true;
  let label: Label | null = null;
  let blockerEntry: { blocker: Blocker | null; indent: number } | null = null;
  let checkboxIndent = -1;
  let lastUpdatedInHeader = false;
  /** The heading path above the current line, built when a coverage figure needs it. */
  let sectionPath: string | null = '';

  const innermost = (predicate: (s: Section) => boolean): Section | null => {
    for (let i = stack.length - 1; i >= 0; i--) if (predicate(stack[i]!)) return stack[i]!;
    return null;
  };
  const transitionSection = () => innermost((s) => s.kind === 'transition');
  const kindAbove = (kinds: string[]) => innermost((s) => kinds.includes(s.kind));

  function notePlaceholder(text: string, line: number, isItem: boolean, fieldValue: string | null): boolean {
    const found = findPlaceholder(text, isItem, fieldValue);
    if (found !== null && result.placeholders.length < MAX_PLACEHOLDERS) result.placeholders.push({ text: own(found), line });
    return found !== null;
  }

  function noteTags(text: string): void {
    if (text.indexOf('#') === -1) return;
    HASHTAG.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = HASHTAG.exec(text))) {
      // `Issue #XXX` in an unfilled template is a placeholder, not a tag.
      if (!/^(X+|Y+|Z+)$/.test(m[2]!)) result.bodyTags.push(own(m[2]!));
    }
  }

  function heading(depth: number, text: string, line: number): void {
    while (stack.length > 0 && stack[stack.length - 1]!.depth >= depth) stack.pop();
    if (depth === 1 && result.heading === null && inHeader) result.heading = own(plainHeading(text));
    if (depth >= 2) inHeader = false;
    const info = classifySection(pipeline, text);
    const section: Section = { ...info, depth, text: own(plain(text)), line, transition: null, checklist: null, entryIndent: -1 };
    if (info.kind === 'transition') {
      section.transition = { from: info.from, to: info.to, heading: section.text, line, items: [], met: 0, total: 0, claim: null };
      result.transitions.push(section.transition);
    }
    stack.push(section);
    sectionPath = null;
    label = null;
    blockerEntry = null;
    checkboxIndent = -1;
    // Headings hold fields too: `### **Promotion Date**: 2025-10-21`, and history entries.
    const field = readField(text, false);
    if (field) handleField(field, line, depth, false);
    const history = kindAbove(['history']);
    if (history && history !== section && findIsoDate(text)) addHistory(text, line, history);
    notePlaceholder(text, line, false, null);
  }

  function text(content: string, line: number, indent: number): void {
    const field = readField(content, true);
    notePlaceholder(content, line, false, field?.value ?? null);
    noteTags(content);
    if (blockerEntry && indent > blockerEntry.indent) {
      if (field && handleBlockerField(field)) return;
    } else if (blockerEntry && indent <= blockerEntry.indent) {
      blockerEntry = null;
    }
    if (field) {
      handleField(field, line, indent, false);
      return;
    }
    if (label) {
      // The line right under `**Dependencies**:` continues the same paragraph: an inline value.
      if (label.line === line - 1 && !label.isItem) {
        if (label.kind === 'dependencies') for (const part of splitInline(content)) addDependency(part, line);
        else if ((label.kind === 'blockers' || label.kind === 'resolved-blockers') && !isNoneValue(content)) {
          startBlocker(content, line, indent, label.kind === 'resolved-blockers');
        }
        label = null;
        return;
      }
      if (!(label.isItem && indent > label.indent)) label = null;
    }
    const history = kindAbove(['history']);
    if (history && findIsoDate(content)) addHistory(content, line, history);
    noteProse(content, line);
  }

  function item(indent: number, _ordered: boolean, check: string | null, content: string, line: number): void {
    notePlaceholder(content, line, true, null);
    noteTags(content);
    if (label && label.isItem && indent <= label.indent) label = null;
    if (check !== null) {
      checkItem(indent, check, content, line);
      return;
    }
    checkboxIndent = -1;
    const section = stack[stack.length - 1] ?? null;
    if (section && section.entryIndent === -1) section.entryIndent = indent;
    const field = readField(content, true);

    // Details nested under a blocker entry: `- **Severity**: High`.
    if (blockerEntry && indent > blockerEntry.indent) {
      if (field && handleBlockerField(field)) return;
      if (blockerEntry.blocker === null || label?.kind === 'blockers' || label?.kind === 'resolved-blockers') return;
    } else if (blockerEntry) {
      blockerEntry = null;
    }

    // Lists that belong to a label (`**Dependencies**:` / `**Blockers**:` then bullets).
    if (label) {
      if (label.entryIndent === -1) label.entryIndent = indent;
      const entry = indent <= label.entryIndent;
      switch (label.kind) {
        case 'dependencies':
          if (entry) addDependency(content, line);
          return;
        case 'blockers':
        case 'resolved-blockers':
          if (entry) startBlocker(content, line, indent, label.kind === 'resolved-blockers');
          return;
        case 'ignored':
          return;
        default:
          if (field) handleField(field, line, indent, true);
          else noteProse(content, line);
          return;
      }
    }

    // Lists that belong to a section (`## Dependencies`, `## Promotion History`, `### Active Blockers`).
    const owner = innermost((s) => s.kind === 'dependencies' || s.kind === 'history' || s.kind === 'blockers' || s.kind === 'resolved-blockers');
    if (owner) {
      const entry = owner.entryIndent === -1 || indent <= owner.entryIndent;
      if (owner.entryIndent === -1) owner.entryIndent = indent;
      if (!entry) return; // details under an entry
    }
    if (owner && (!field || fieldKind(field.key) === null)) {
      if (owner.kind === 'dependencies') addDependency(content, line);
      else if (owner.kind === 'history') addHistory(content, line, owner);
      else startBlocker(content, line, indent, owner.kind === 'resolved-blockers');
      return;
    }
    if (field) {
      handleField(field, line, indent, true);
      return;
    }
    noteProse(content, line);
  }

  function row(cells: string[], line: number): void {
    const joined = cells.join(' | ');
    notePlaceholder(joined, line, false, null);
    const transition = transitionSection();
    if (transition?.transition && cells.length >= 2) {
      // Criteria tables: `| Test Coverage | ≥70% | 84.65% | ✅ |`.
      const status = cells.slice(1).join(' ');
      const pass = /✅|✔|\bPASS(ED)?\b|\bMET\b/.test(status);
      const fail = /❌|🔄|⚠|✗|\bFAIL(ED)?\b|\bPENDING\b|\bNOT MET\b/i.test(status);
      if (pass || fail) {
        const { text: criterion, mark } = readCriterion(cells[0]!);
        transition.transition.items.push({
          text: own(criterion),
          checked: pass && !fail,
          status: pass && !fail ? 'x' : ' ',
          mark: mark ?? (pass && !fail ? 'pass' : 'fail'),
          note: own(plain(cells.slice(1).join(' · '))),
          line,
        });
        return;
      }
    }
    const history = kindAbove(['history']);
    if (history && findIsoDate(joined)) addHistory(joined, line, history);
  }

  function blank(): void {
    // Lists survive blank lines; labels end at the next non-list text (see text()).
  }

  function checkItem(indent: number, check: string, content: string, line: number): void {
    const nested = checkboxIndent !== -1 && indent > checkboxIndent;
    if (!nested) checkboxIndent = indent;
    if (nested) return; // sub-tasks of a criterion are not criteria of their own
    const { text: criterion, note, mark } = readCriterion(content);
    const checked = check === 'x' || check === 'X' || check === 'DONE';
    const entry: ChecklistItem = { text: own(criterion), checked, status: check, mark, note: own(note), line };
    const transition = transitionSection();
    if (transition?.transition) {
      transition.transition.items.push(entry);
      return;
    }
    const section = stack[stack.length - 1] ?? null;
    if (section) {
      if (!section.checklist) {
        const kind = kindAbove(['documentation', 'next-steps'])?.kind;
        section.checklist = { kind: kind === 'documentation' || kind === 'next-steps' ? kind : 'other', heading: section.text, items: [] };
        result.checklists.push(section.checklist);
      }
      section.checklist.items.push(entry);
    } else {
      const top = result.checklists.find((c) => c.heading === '') ?? { kind: 'other' as const, heading: '', items: [] };
      if (!result.checklists.includes(top)) result.checklists.push(top);
      top.items.push(entry);
    }
  }

  function handleField(field: Field, line: number, indent: number, isItem: boolean): void {
    const kind = fieldKind(field.key);
    const value = field.value;
    const placeholder = findPlaceholder(value, false, value) !== null;
    if (!isItem) label = null; // a new paragraph field ends the previous label's list
    if (kind === null) {
      label = value === '' ? makeLabel('other', indent, isItem, line) : null;
      return;
    }
    if (inHeader && value !== '' && (kind === 'owner' || kind === 'group' || kind === 'last-updated')) result.headerFields.add(kind);
    switch (kind) {
      case 'stage':
        readStage(value, line);
        break;
      case 'target-stage': {
        const stage = parseStageValue(pipeline, value, 'header', line);
        if (result.targetStage === null && stage?.id) result.targetStage = ownStage(stage);
        break;
      }
      case 'last-updated': {
        if (result.lastUpdated !== null && (lastUpdatedInHeader || !inHeader)) break;
        if (placeholder) {
          result.lastUpdatedPlaceholder = true;
          break;
        }
        result.lastUpdated = { value: findIsoDate(value), raw: own(plain(value)), line };
        lastUpdatedInHeader = inHeader;
        break;
      }
      case 'owner':
        if (result.owner === null && value !== '' && !placeholder) result.owner = { value: own(plain(value)), raw: own(value), line };
        break;
      case 'group':
        if (result.group === null && value !== '' && !placeholder) result.group = { value: own(plain(value)), raw: own(value), line };
        break;
      case 'priority':
        if (result.priority === null && value !== '' && inHeader) result.priority = { value: own(plain(value)), raw: own(value), line };
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
        const transition = transitionSection()?.transition;
        if (!transition || transition.claim !== null) break;
        const claim = readClaim(value);
        if (claim) transition.claim = { met: claim.met, total: claim.total, raw: own(plain(value)), line };
        break;
      }
      case 'coverage':
        readCoverage(field, line);
        break;
      case 'dependencies':
        label = makeLabel('dependencies', indent, isItem, line);
        if (value !== '') {
          for (const part of splitInline(value)) addDependency(part, line);
          label = null;
        }
        break;
      case 'ignored-dependencies':
        label = value === '' ? makeLabel('ignored', indent, isItem, line) : null;
        break;
      case 'blockers':
      case 'resolved-blockers':
        label = makeLabel(kind, indent, isItem, line);
        if (value !== '') {
          label = null;
          if (!isNoneValue(value) && !placeholder) startBlocker(value, line, indent, kind === 'resolved-blockers');
        }
        break;
      case 'security-results':
        label = makeLabel('security', indent, isItem, line);
        break;
      case 'security-last-scan':
        result.security.lastScan ??= { value: findIsoDate(value), raw: own(plain(value)), line };
        break;
      case 'security-review':
        if (!placeholder) result.security.reviewStatus ??= { value: own(plain(value)), raw: own(value), line };
        break;
      case 'severity-count': {
        if (!(label?.kind === 'security' || kindAbove(['security']))) break;
        const count = readCount(value);
        if (!count) break;
        const key = field.key as 'critical' | 'high' | 'medium' | 'low';
        result.security[key] ??= { value: count.count, raw: own(plain(value)), line };
        break;
      }
      case 'response-time':
        // A single unlabelled response time says nothing about which percentile it is.
        label = makeLabel('response-time', indent, isItem, line);
        break;
      case 'metric': {
        const metric = METRIC_KEYS[field.key];
        if (metric) readMetric(metric, value, line);
        break;
      }
      case 'blocker-type':
      case 'blocker-severity':
      case 'resolved-on':
        break;
    }
  }

  function handleBlockerField(field: Field): boolean {
    if (!blockerEntry) return false;
    const blocker = blockerEntry.blocker;
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
        const stage = parseStageValue(pipeline, field.value, 'header', 0);
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

  function readStage(value: string, line: number): void {
    if (isStagePlaceholder(plain(value))) {
      if (inHeader) result.stagePlaceholder = true;
      return;
    }
    const stage = parseStageValue(pipeline, value, 'header', line);
    if (!stage) return;
    result.stages.push(ownStage(stage));
    if (inHeader && result.headerStageIndex === -1) result.headerStageIndex = result.stages.length - 1;
  }

  function readCoverage(field: Field, line: number): void {
    if (field.key === 'current' && !kindAbove(['coverage'])) return;
    const percent = readPercent(field.value);
    if (!percent) return;
    const transition = transitionSection()?.transition;
    result.coverage.push({
      percent: percent.percent,
      label: own(field.key),
      transition: transition ? `${transition.from ?? '?'}→${transition.to ?? '?'}` : null,
      section: own((sectionPath ??= stack.map((s) => s.text).join(' / '))),
      raw: own(plain(field.value)),
      line,
    });
  }

  function readMetric(metric: MetricName, value: string, line: number): void {
    const perf = kindAbove(['performance-current', 'performance-targets', 'performance']);
    if (!perf && label?.kind !== 'response-time') {
      // Uptime and throughput only count under a performance heading.
      return;
    }
    const measure = readMeasure(value, line);
    if (!measure) return;
    const bucket = perf?.kind === 'performance-targets' ? result.targets : result.current;
    if (!bucket[metric]) bucket[metric] = { ...measure, raw: own(measure.raw) };
    if (metric === 'uptime' && bucket === result.current && result.observedDays === null) {
      const days = readDays(value);
      result.observedDays = { value: days, raw: own(plain(value)), line };
    }
  }

  function addDependency(raw: string, line: number): void {
    if (findPlaceholder(raw, true, null) !== null) return;
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

  function startBlocker(raw: string, line: number, indent: number, resolved: boolean): void {
    if (raw.trim() === '' || findPlaceholder(raw, true, null) !== null || isNoneValue(raw)) {
      blockerEntry = { blocker: null, indent };
      return;
    }
    const { text: blockerText, issue, resolvedOn } = readBlockerText(raw);
    const transition = transitionSection()?.transition;
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
    blockerEntry = { blocker, indent };
  }

  function addHistory(raw: string, line: number, section: Section): void {
    const entry = readHistory(pipeline, raw, section.demotions);
    if (!entry) return;
    result.history.push({ ...entry, text: own(entry.text), line });
  }

  function noteProse(content: string, line: number): void {
    if (result.proseStage !== null || !PROMOTED_TO.test(content)) return;
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

  return { visitor: { heading, item, text, row, blank }, result };
}

function makeLabel(kind: LabelKind, indent: number, isItem: boolean, line: number): Label {
  return { kind, indent, isItem, line, entryIndent: -1 };
}

function ownStage(stage: StageField): StageField {
  return { ...stage, raw: own(stage.raw), qualifier: own(stage.qualifier) };
}

/** `[[TTA/Components/Neo4j Component Maturity Status]]` → the link text, brackets removed. */
function plainHeading(text: string): string {
  const link = /^\[\[([^\]|]+)(?:\|([^\]]+))?\]\]$/.exec(text.trim());
  if (link) return link[1]!.trim();
  return plain(text);
}
