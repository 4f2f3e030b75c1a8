// Plain data types for promotion readiness: what a note claims (checked criteria) set against the
// evidence it holds (coverage, security counts, performance vs SLA, observation days).
import type { BlockerSeverity, Comparator, MetricName, StageId } from '../model';

/** A figure read from the note, with the line it came from. `value` is null for a placeholder. */
export interface Evidence {
  value: number | null;
  /** True when the note holds a template placeholder (`XX%`, `X`) here: missing, not zero. */
  placeholder: boolean;
  unit: string;
  /** The text as written, for hover titles. */
  raw: string;
  line: number;
  /** Where the figure sits, e.g. "Test Coverage / Unit Tests" or "criterion annotation". */
  source: string;
}

/** A bound a criterion or SLA sets: `≥70%`, `<150ms`. */
export interface Threshold {
  comparator: Comparator;
  value: number;
  unit: string;
  raw: string;
}

export type CriterionKind = 'coverage' | 'uptime' | 'performance' | 'security-scan' | 'security-review' | 'findings' | 'other';

export type Verdict =
  /** Checked, and the evidence agrees (or there is nothing to compare). */
  | 'backed'
  /** Checked, but the evidence in the note says no. */
  | 'contradicted'
  /** Checked, but the only evidence is a template placeholder. */
  | 'placeholder'
  /** Not checked. */
  | 'open';

export interface CriterionCheck {
  text: string;
  line: number;
  checked: boolean;
  /** `development→staging` style key of the transition it belongs to, and its stages. */
  transition: string;
  from: StageId | null;
  to: StageId | null;
  kind: CriterionKind;
  threshold: Threshold | null;
  evidence: Evidence | null;
  /** Other figures of the same kind that disagree with `evidence`. */
  disagreeing: Evidence[];
  verdict: Verdict;
  /** "7-day uptime": the observation window the criterion asks for, in days. */
  windowDays: number | null;
  /** "Day 3/7" written in the criterion's annotation. */
  statedDay: { day: number; of: number } | null;
  /** Why the verdict, in words ("coverage 41% (line 98) is below ≥70%"). */
  reason: string;
}

export interface MetricCheck {
  metric: MetricName;
  current: Evidence;
  target: Evidence & { comparator: Comparator | null };
  /** null when either side is missing or the units cannot be compared. */
  ok: boolean | null;
}

export interface SecurityEvidence {
  critical: Evidence | null;
  high: Evidence | null;
  medium: Evidence | null;
  low: Evidence | null;
  lastScan: { date: string | null; line: number } | null;
  reviewStatus: { value: string; line: number } | null;
}

export interface Observation {
  /** Days the note asks for ("7-day uptime in staging"). */
  windowDays: number;
  windowLine: number;
  /** Staging promotion date the window runs from, and its line. */
  since: string | null;
  sinceLine: number | null;
  /**
   * Days observed: from `since` to today (or to the promotion out of the stage), or — while the
   * window runs and the note says "Day 3/7" — that day carried forward from Last Updated to today.
   */
  elapsedDays: number | null;
  basis: 'promotion-date' | 'stated-day' | null;
  remainingDays: number | null;
  /** "Day 3/7" written in the note, if any. */
  statedDay: { day: number; of: number; line: number } | null;
  /** "over 5 days" stated with the current uptime, if any. */
  observedDays: { days: number; line: number } | null;
  complete: boolean | null;
}

export interface StageTenure {
  since: string;
  days: number;
  line: number;
}

export interface DependencyGap {
  id: string;
  name: string;
  stage: StageId | null;
  line: number;
}

export interface BlockerSummary {
  open: number;
  bySeverity: Record<BlockerSeverity | 'unspecified', number>;
  lines: number[];
}

/** One reason a component cannot be promoted now, or why its stage is not backed. */
export interface Obstacle {
  kind:
    | 'criteria-open'
    | 'contradicted'
    | 'placeholder'
    | 'dependency'
    | 'blocker'
    | 'observation'
    | 'security'
    | 'sla'
    | 'stage-blocked'
    | 'stage-unknown';
  text: string;
  line: number | null;
}

export interface Readiness {
  stage: StageId | null;
  /** The stage it would be promoted to, or null at the last stage / unknown stage. */
  next: StageId | null;
  /** Criteria of the transition into `next`. */
  criteria: { met: number; total: number; contradicted: number; line: number | null };
  /** Every criterion that could be checked against evidence, for all transitions. */
  checks: CriterionCheck[];
  coverage: { unit: Evidence | null; integration: Evidence | null };
  security: SecurityEvidence;
  performance: MetricCheck[];
  observation: Observation | null;
  tenure: StageTenure | null;
  dependencies: DependencyGap[];
  blockers: BlockerSummary;
  /** What stands between the component and `next`. */
  obstacles: Obstacle[];
  /** Why the current stage is not backed by the note's evidence (empty when it is). */
  unbacked: Obstacle[];
  ready: boolean;
  backed: boolean;
  /** 0–1; 1 = ready now. Sorts boards and queries by readiness. */
  score: number;
  /** One plain sentence: what stands between the component and its next stage. */
  summary: string;
}
