// Plain data types shared by every layer. A MaturityNote is what one note says; a Component is
// a note in the context of the whole vault (resolved dependencies, dependents, diagnostics).
import type { Readiness } from './readiness/types';
import type { DiagnosticCode } from './diagnostic-codes';

/** Lower-case id of a stage in the configured pipeline, e.g. `development`. */
export type StageId = string;

export type Severity = 'error' | 'warning' | 'info';

export { DIAGNOSTIC_CODES, type DiagnosticCode } from './diagnostic-codes';

export interface Diagnostic {
  code: DiagnosticCode;
  severity: Severity;
  message: string;
  /** 1-based line in the note the diagnostic is about, when there is one. */
  line?: number;
  /**
   * Ids of other components involved (cycle members, the dependency, duplicates). Same-name
   * lists (duplicates, ambiguous candidates) hold the first few only; `relatedCount` is then set.
   */
  related?: string[];
  /** How many ids `related` stands for, when it lists only the first few. */
  relatedCount?: number;
}

/** A value read from the note, with the line it came from (1-based). */
export interface Sourced<T> {
  value: T;
  raw: string;
  line: number;
}

export type StageSource = 'header' | 'frontmatter' | 'property' | 'prose';

export interface StageField {
  /** Stage id from the pipeline, or null when the text names no known stage. */
  id: StageId | null;
  /** The stage text as written, without Markdown decoration. */
  raw: string;
  /** Text after the stage name, e.g. "Promoted 2025-10-08" or "BLOCKED - Requires refactoring". */
  qualifier: string;
  /** For `Development → Staging (…)`: the stage being promoted to. */
  headingFor: StageId | null;
  blocked: boolean;
  promotionInProgress: boolean;
  source: StageSource;
  line: number;
}

/** `✅` / `❌` / `⚠️` written after a criterion. */
export type ItemMark = 'pass' | 'fail' | 'warn' | null;

export interface ChecklistItem {
  text: string;
  checked: boolean;
  /** The raw status character between the brackets (`x`, ` `, `/`, `-`…) or the Logseq marker. */
  status: string;
  mark: ItemMark;
  /** Annotation after the criterion, e.g. "Currently 0%" or "In Progress (Day 1/7)". */
  note: string;
  line: number;
}

export interface StatusClaim {
  met: number | null;
  total: number | null;
  raw: string;
  line: number;
}

export interface Transition {
  from: StageId | null;
  to: StageId | null;
  heading: string;
  line: number;
  items: ChecklistItem[];
  met: number;
  total: number;
  /** The section's status line (the first, when it has several). */
  claim: StatusClaim | null;
  /** Status lines after the first in the same section: each is checked and fixed like the first. */
  otherClaims: StatusClaim[];
}

export interface Dependency {
  /** Link target or plain name, as written (display alias dropped). */
  name: string;
  /** True when written as a wiki link or Markdown link. */
  link: boolean;
  declaredStage: StageId | null;
  declaredRaw: string;
  declaredBlocked: boolean;
  optional: boolean;
  /** Free text after the name, e.g. "for invoice search". */
  note: string;
  line: number;
}

export type BlockerStatus = 'open' | 'in-progress' | 'resolved';
export type BlockerSeverity = 'critical' | 'high' | 'medium' | 'low';

export interface Blocker {
  text: string;
  issue: string | null;
  type: string | null;
  severity: BlockerSeverity | null;
  targetStage: StageId | null;
  status: BlockerStatus;
  resolvedOn: string | null;
  line: number;
}

export type HistoryKind = 'created' | 'promoted' | 'demoted' | 'requested' | 'revoked' | 'other';

export interface HistoryEntry {
  date: string | null;
  kind: HistoryKind;
  from: StageId | null;
  to: StageId | null;
  issue: string | null;
  text: string;
  line: number;
}

export interface CoverageFigure {
  /** Percentage, or null when the note holds a placeholder (`XX%`). */
  percent: number | null;
  label: string;
  /** `development→staging` style key of the transition section it sits in, if any. */
  transition: string | null;
  /** The heading path above the figure, e.g. "Test Coverage / Unit Tests". */
  section: string;
  raw: string;
  line: number;
}

export interface SecurityCounts {
  critical: Sourced<number | null> | null;
  high: Sourced<number | null> | null;
  medium: Sourced<number | null> | null;
  low: Sourced<number | null> | null;
  lastScan: Sourced<string | null> | null;
  reviewStatus: Sourced<string> | null;
}

export type Comparator = '<' | '<=' | '>' | '>=' | '=';

export interface Measure {
  value: number | null;
  unit: string;
  comparator: Comparator | null;
  raw: string;
  line: number;
}

export type MetricName = 'p50' | 'p95' | 'p99' | 'throughput' | 'uptime' | 'cpu' | 'memory' | 'errorRate';

export interface PerformanceFigures {
  current: Partial<Record<MetricName, Measure>>;
  targets: Partial<Record<MetricName, Measure>>;
  /** Observation window stated with the current uptime ("over 7 days"), if any. */
  observedDays: Sourced<number | null> | null;
}

export type ChecklistKind = 'documentation' | 'next-steps' | 'other';

export interface Checklist {
  kind: ChecklistKind;
  heading: string;
  items: ChecklistItem[];
}

export interface Placeholder {
  text: string;
  line: number;
}

export type FrontmatterValue = string | number | boolean | null | FrontmatterValue[] | FrontmatterRecord;
export interface FrontmatterRecord {
  [key: string]: FrontmatterValue;
}

/** Everything one note says, independent of where it lives in the vault. */
export interface MaturityNote {
  /** Front matter and Logseq page properties, keys as written; a null-prototype object. */
  frontmatter: FrontmatterRecord;
  /** Same, keyed by normalised key (lower-case, `_`/space → `-`). */
  properties: FrontmatterRecord;
  tags: string[];
  aliases: string[];
  title: string | null;
  heading: string | null;
  stage: StageField | null;
  /** Every other stage statement found (footers, front matter) for conflict checks. */
  otherStages: StageField[];
  targetStage: StageField | null;
  lastUpdated: Sourced<string | null> | null;
  owner: Sourced<string> | null;
  group: Sourced<string> | null;
  priority: Sourced<string> | null;
  promotedTo: Array<{ stage: StageId | null; date: string | null; raw: string; line: number }>;
  transitions: Transition[];
  dependencies: Dependency[];
  /** True when the note says it has no dependencies ("None (foundational component)"). */
  dependenciesNone: boolean;
  blockers: Blocker[];
  history: HistoryEntry[];
  coverage: CoverageFigure[];
  security: SecurityCounts;
  performance: PerformanceFigures;
  checklists: Checklist[];
  placeholders: Placeholder[];
  /** Structural hints used to decide whether the note is a component note. */
  signals: NoteSignals;
  diagnostics: Diagnostic[];
  lineCount: number;
}

export interface NoteSignals {
  /** A stage field before the first level-2 heading (or in front matter / page properties). */
  headerStage: boolean;
  /** How many `Current Stage` fields the note holds outside code. */
  stageFieldCount: number;
  /** Transition sections that hold at least one criterion or status line. */
  transitionsWithCriteria: number;
  /** A placeholder where the stage should be (`<Development|Staging>`, `{current_stage}`). */
  stagePlaceholder: boolean;
  /** How many of Owner / Functional Group / Last Updated the header states. */
  headerFields: number;
}

/** A note's place in the vault: its identity and whether it counts as a component. */
export interface NoteIdentity {
  id: string;
  name: string;
  nameSource: 'frontmatter' | 'title' | 'heading' | 'filename';
  /** Lower-cased keys a link or plain name may use to reach this note. */
  keys: string[];
}

export interface ResolvedDependency extends Dependency {
  /** Id of the component it resolves to, or null. */
  id: string | null;
  /**
   * When several components are named exactly so: the first MAX_CANDIDATES (8) of them in
   * resolution order; empty otherwise. `candidateCount` is how many there are in all.
   */
  candidates: string[];
  candidateCount: number;
}

export interface Component {
  id: string;
  name: string;
  note: MaturityNote;
  dependencies: ResolvedDependency[];
  dependents: string[];
  diagnostics: Diagnostic[];
  stale: boolean;
  /** Days since Last Updated, when known. */
  ageDays: number | null;
  /** Readiness for the next stage: evidence against the checked criteria (src/core/readiness). */
  readiness?: Readiness;
}
