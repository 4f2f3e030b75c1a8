// Evidence a note holds, each figure with its source line: which coverage figure is current, the
// security counts, current performance against its SLA targets.
import type { Comparator, CoverageFigure, MaturityNote, Measure, MetricName, Sourced } from '../model';
import type { Evidence, MetricCheck, SecurityEvidence } from './types';

export type CoverageKind = 'unit' | 'integration';

/**
 * The current coverage of one kind. A note often states several figures (a promotion summary, an
 * overview, the line under the checklist, the Test Coverage section); the first tier holding a
 * real figure wins, and within a tier the last figure written (notes go "before → after"):
 *
 * 1. the Test Coverage section (`## Test Coverage` / `### Unit Tests` / `### Integration Tests`),
 *    where the template records measurements and tools regenerate them;
 * 2. the `Current Coverage` line of the transition the criterion belongs to;
 * 3. any other figure labelled current (`**Current Coverage**` in an overview);
 * 4. the figure the criterion states about itself ("Currently 41%", a criteria-table cell);
 * 5. any other coverage figure (promotion summaries).
 *
 * Template placeholders (`XX%`) never win: they are missing evidence, reported as such only when
 * no tier holds a real figure.
 */
export function currentCoverage(
  note: MaturityNote,
  kind: CoverageKind,
  transition: string | null,
  stated: Evidence | null,
): { evidence: Evidence | null; disagreeing: Evidence[] } {
  // Candidates stay figures until chosen: building an Evidence (its source label) costs more.
  type Candidate = { value: number | null; line: number; evidence: () => Evidence };
  const tiers: Candidate[][] = [[], [], [], [], []];
  for (const figure of note.coverage) {
    const figureKind = coverageKind(figure);
    if (figureKind === 'e2e') continue;
    const candidate: Candidate = { value: figure.percent, line: figure.line, evidence: () => coverageEvidence(figure, note.heading) };
    if (figure.transition !== null) {
      // Under a checklist the line speaks for that transition's criterion, unless it names the other kind.
      if (figure.transition === transition && (figureKind === kind || figureKind === null)) tiers[1]!.push(candidate);
      continue;
    }
    if ((figureKind ?? 'unit') !== kind) continue;
    if (isTestSection(figure)) tiers[0]!.push(candidate);
    else if (/\bcurrent\b/.test(figure.label)) tiers[2]!.push(candidate);
    else tiers[4]!.push(candidate);
  }
  if (stated) tiers[3]!.push({ value: stated.value, line: stated.line, evidence: () => stated });

  let chosen: Candidate | null = null;
  let chosenTier = -1;
  let placeholder: Candidate | null = null;
  for (let i = 0; i < tiers.length && chosen === null; i++) {
    const tier = tiers[i]!;
    const real = tier.filter((c) => c.value !== null);
    if (real.length > 0) {
      chosen = real[real.length - 1]!;
      chosenTier = i;
    } else if (placeholder === null && tier.length > 0) {
      placeholder = tier[0]!;
    }
  }
  if (chosen === null) return { evidence: placeholder?.evidence() ?? null, disagreeing: [] };
  const value = chosen.value!;
  const seen = new Set<number>();
  const disagreeing: Evidence[] = [];
  for (let i = 0; i < tiers.length && disagreeing.length < 3; i++) {
    if (i === chosenTier) continue;
    for (const c of tiers[i]!) {
      if (c.value === null || Math.abs(c.value - value) < 1 || seen.has(c.line) || disagreeing.length >= 3) continue;
      seen.add(c.line);
      disagreeing.push(c.evidence());
    }
  }
  return { evidence: chosen.evidence(), disagreeing };
}

// What a figure is about, read once per figure: every coverage criterion of a note looks through
// all of its figures again.
const figureKinds = new WeakMap<CoverageFigure, CoverageKind | 'e2e' | null>();

function coverageKind(figure: CoverageFigure): CoverageKind | 'e2e' | null {
  let kind = figureKinds.get(figure);
  if (kind === undefined) figureKinds.set(figure, (kind = readCoverageKind(figure)));
  return kind;
}

function readCoverageKind(figure: CoverageFigure): CoverageKind | 'e2e' | null {
  const where = `${figure.label} ${lastSegment(figure.section)} ${figure.raw}`.toLowerCase();
  if (/\be2e\b|end-to-end/.test(lastSegment(figure.section).toLowerCase())) return 'e2e';
  if (/\bintegration\b/.test(where)) return 'integration';
  if (/\bunit\b/.test(where)) return 'unit';
  return null;
}

function isTestSection(figure: CoverageFigure): boolean {
  return /\btests?\b|\btesting\b|\bcoverage\b/i.test(lastSegment(figure.section));
}

function lastSegment(section: string): string {
  const at = section.lastIndexOf(' / ');
  return at === -1 ? section : section.slice(at + 3);
}

function coverageEvidence(figure: CoverageFigure, heading: string | null): Evidence {
  return {
    value: figure.percent,
    placeholder: figure.percent === null,
    unit: '%',
    raw: figure.raw,
    line: figure.line,
    source: sectionLabel(figure.section, heading) || figure.label,
  };
}

/** "Billing Engine Maturity Status / Test Coverage / Unit Tests" → "Test Coverage / Unit Tests". */
export function sectionLabel(section: string, heading: string | null): string {
  const parts = section.split(' / ');
  if (parts.length > 1 && heading !== null && (heading.includes(parts[0]!) || parts[0]!.includes(heading))) parts.shift();
  return parts.join(' / ');
}

// ---------------------------------------------------------------------------------------------
// Security

export function securityEvidence(note: MaturityNote): SecurityEvidence {
  const s = note.security;
  return {
    critical: countEvidence(s.critical, 'Critical'),
    high: countEvidence(s.high, 'High'),
    medium: countEvidence(s.medium, 'Medium'),
    low: countEvidence(s.low, 'Low'),
    lastScan: s.lastScan ? { date: s.lastScan.value, line: s.lastScan.line } : null,
    reviewStatus: s.reviewStatus ? { value: s.reviewStatus.value, line: s.reviewStatus.line } : null,
  };
}

function countEvidence(count: Sourced<number | null> | null, label: string): Evidence | null {
  if (!count) return null;
  return {
    value: count.value,
    placeholder: count.value === null && /^X+\b/i.test(count.raw),
    unit: '',
    raw: count.raw,
    line: count.line,
    source: `Security Scan Results / ${label}`,
  };
}

/** Critical + High findings, when at least one of the two is a real count. */
export function severeFindings(security: SecurityEvidence): number | null {
  const values = [security.critical?.value, security.high?.value].filter((v): v is number => typeof v === 'number');
  return values.length === 0 ? null : values.reduce((a, b) => a + b, 0);
}

/** "1 critical and 2 high". */
export function describeSevere(security: SecurityEvidence): string {
  const parts = [security.critical?.value ? `${security.critical.value} critical` : '', security.high?.value ? `${security.high.value} high` : ''];
  return parts.filter(Boolean).join(' and ');
}

/** "Complete", "Completed", "Done", "Passed", "Approved" (optionally with a date). */
export function reviewComplete(status: string): boolean {
  return /^(complete|completed|done|passed|approved|signed off)\b/i.test(status.trim());
}

// ---------------------------------------------------------------------------------------------
// Performance against SLA targets

const LOWER_IS_BETTER: ReadonlySet<MetricName> = new Set(['p50', 'p95', 'p99', 'cpu', 'memory', 'errorRate']);

/**
 * Current figures against their SLA targets. Uptime is left out before the last stage: staging
 * uptime answers to its own criterion ("7-day uptime in staging ≥99.5%"), not the production SLA.
 */
export function performanceChecks(note: MaturityNote, includeUptime: boolean): MetricCheck[] {
  const out: MetricCheck[] = [];
  const { current, targets } = note.performance;
  for (const metric of Object.keys(targets) as MetricName[]) {
    if (metric === 'uptime' && !includeUptime) continue;
    const target = targets[metric];
    const now = current[metric];
    if (!target || !now) continue;
    out.push({
      metric,
      current: measureEvidence(now, 'Current Performance'),
      target: targetEvidence(target),
      ok: meetsTarget(metric, now, target),
    });
  }
  return out;
}

// The comparator is added to measureEvidence's object, not spread into a copy: every target then
// takes the same hidden-class transition, where `{ ...measureEvidence(), comparator }` gave each
// copy a hidden class of its own (29k of them over the views of a 10k vault, ~8 MB).
function targetEvidence(measure: Measure): MetricCheck['target'] {
  return Object.assign(measureEvidence(measure, 'SLA Targets'), { comparator: measure.comparator });
}

function measureEvidence(measure: Measure, source: string): Evidence {
  return {
    value: measure.value,
    placeholder: measure.value === null,
    unit: measure.unit,
    raw: measure.raw,
    line: measure.line,
    source,
  };
}

/** Does the current figure meet the target? null when either is missing or units differ. */
export function meetsTarget(metric: MetricName, current: Measure, target: Measure): boolean | null {
  if (current.value === null || target.value === null) return null;
  const a = normalise(current.value, current.unit);
  const b = normalise(target.value, target.unit);
  if (a.family !== b.family && a.family !== '' && b.family !== '') return null;
  const comparator: Comparator = target.comparator ?? (LOWER_IS_BETTER.has(metric) ? '<=' : '>=');
  switch (comparator) {
    case '<':
      return a.value < b.value;
    case '<=':
      return a.value <= b.value;
    case '>':
      return a.value > b.value;
    case '>=':
      return a.value >= b.value;
    case '=':
      return LOWER_IS_BETTER.has(metric) ? a.value <= b.value : a.value >= b.value;
  }
}

const UNIT_FAMILIES: Record<string, { family: string; factor: number }> = {
  ms: { family: 'time', factor: 1 },
  s: { family: 'time', factor: 1000 },
  sec: { family: 'time', factor: 1000 },
  seconds: { family: 'time', factor: 1000 },
  kb: { family: 'bytes', factor: 1 / 1024 },
  mb: { family: 'bytes', factor: 1 },
  mib: { family: 'bytes', factor: 1 },
  gb: { family: 'bytes', factor: 1024 },
  gib: { family: 'bytes', factor: 1024 },
  '%': { family: 'percent', factor: 1 },
  'req/s': { family: 'requests', factor: 1 },
  rps: { family: 'requests', factor: 1 },
  'requests/s': { family: 'requests', factor: 1 },
  'queries/s': { family: 'queries', factor: 1 },
  qps: { family: 'queries', factor: 1 },
};

function normalise(value: number, unit: string): { value: number; family: string } {
  const known = UNIT_FAMILIES[unit];
  if (known) return { value: value * known.factor, family: known.family };
  return { value, family: unit };
}
