// Each criterion set against the evidence in the same note: a checked "≥70% coverage" box with the
// Test Coverage section at 41% is contradicted; one whose only figure is `XX%` rests on a placeholder.
import type { ChecklistItem, Comparator, MaturityNote, Transition } from '../model';
import { effectiveTransitions, transitionKey } from '../transitions';
import { intern } from '../intern';
import { readCriterionText, type CriterionReading } from './criteria';
import { currentCoverage, describeSevere, reviewComplete, severeFindings } from './evidence';
import type { CriterionCheck, Evidence, MetricCheck, SecurityEvidence, Threshold, Verdict } from './types';

export interface EvidenceContext {
  note: MaturityNote;
  security: SecurityEvidence;
  performance: MetricCheck[];
}

export function checkCriteria(ctx: EvidenceContext): CriterionCheck[] {
  const out: CriterionCheck[] = [];
  for (const t of effectiveTransitions(ctx.note.transitions)) {
    if (t.items.length === 0) continue;
    // One shared key a transition (views are kept: see keep.ts).
    const key = intern(transitionKey(t));
    for (const item of t.items) out.push(checkCriterion(ctx, t, key, item));
  }
  return out;
}

interface Finding {
  verdict: Exclude<Verdict, 'open'>;
  evidence: Evidence | null;
  disagreeing?: Evidence[];
  reason: string;
}

/** Most checks have no disagreeing figure: one shared, frozen empty list (views are kept). */
const NO_EVIDENCE = Object.freeze([]) as unknown as Evidence[];

function checkCriterion(ctx: EvidenceContext, t: Transition, key: string, item: ChecklistItem): CriterionCheck {
  const reading = readCriterionText(item);
  const found = judge(ctx, reading, key, item.line);
  return {
    text: item.text,
    line: item.line,
    checked: item.checked,
    transition: key,
    from: t.from,
    to: t.to,
    kind: reading.kind,
    threshold: reading.threshold,
    evidence: found.evidence,
    disagreeing: found.disagreeing === undefined || found.disagreeing.length === 0 ? NO_EVIDENCE : found.disagreeing,
    verdict: item.checked ? found.verdict : 'open',
    windowDays: reading.kind === 'uptime' ? reading.windowDays : null,
    statedDay: reading.statedDay,
    reason: found.reason,
  };
}

function judge(ctx: EvidenceContext, reading: CriterionReading, key: string, line: number): Finding {
  switch (reading.kind) {
    case 'coverage':
      return judgeCoverage(ctx, reading, key, line);
    case 'uptime':
      return judgeUptime(ctx, reading, line);
    case 'performance':
      return judgePerformance(ctx.performance);
    case 'security-review':
    case 'security-scan':
      return judgeSecurity(ctx.security, reading);
    case 'findings':
      return judgeFindings(reading);
    default:
      return { verdict: 'backed', evidence: null, reason: 'no figure in the note to check it against' };
  }
}

function judgeCoverage(ctx: EvidenceContext, reading: CriterionReading, key: string, line: number): Finding {
  const stated: Evidence | null = reading.stated
    ? { value: reading.stated.value, placeholder: false, unit: '%', raw: reading.stated.raw, line, source: 'the criterion itself' }
    : null;
  const kind = reading.integration ? 'integration' : 'unit';
  const { evidence, disagreeing } = currentCoverage(ctx.note, kind, key, stated);
  return compare(evidence, reading.threshold, `${kind} coverage`, disagreeing);
}

function judgeUptime(ctx: EvidenceContext, reading: CriterionReading, line: number): Finding {
  const uptime = ctx.note.performance.current.uptime;
  let evidence: Evidence | null = uptime
    ? { value: uptime.value, placeholder: uptime.value === null, unit: uptime.unit || '%', raw: uptime.raw, line: uptime.line, source: 'Current Performance / Uptime' }
    : null;
  if ((!evidence || evidence.placeholder) && reading.stated) {
    evidence = { value: reading.stated.value, placeholder: false, unit: '%', raw: reading.stated.raw, line, source: 'the criterion itself' };
  }
  return compare(evidence, reading.threshold, 'uptime', []);
}

function compare(evidence: Evidence | null, threshold: Threshold | null, what: string, disagreeing: Evidence[]): Finding {
  if (!evidence) return { verdict: 'backed', evidence: null, reason: `the note states no ${what}` };
  if (evidence.placeholder) {
    return { verdict: 'placeholder', evidence, reason: `${what} is still the template placeholder "${evidence.raw}" (line ${evidence.line})` };
  }
  const shown = `${what} ${formatNumber(evidence.value!)}${evidence.unit} (line ${evidence.line})`;
  if (!threshold) return { verdict: 'backed', evidence, disagreeing, reason: `${shown}; the criterion states no threshold` };
  const ok = satisfies(evidence.value!, threshold.comparator, threshold.value);
  const bound = `${symbol(threshold.comparator)}${formatNumber(threshold.value)}${threshold.unit}`;
  return ok
    ? { verdict: 'backed', evidence, disagreeing, reason: `${shown} meets ${bound}` }
    : { verdict: 'contradicted', evidence, disagreeing, reason: `${shown} is below ${bound}` };
}

function judgePerformance(checks: MetricCheck[]): Finding {
  const breaches = checks.filter((c) => c.ok === false);
  if (breaches.length > 0) {
    const first = breaches[0]!;
    return {
      verdict: 'contradicted',
      evidence: first.current,
      reason: `${breaches.map(describeBreach).join(', ')} (SLA ${breaches.length === 1 ? 'target' : 'targets'} missed)`,
    };
  }
  const real = checks.filter((c) => !c.current.placeholder);
  if (checks.length > 0 && real.length === 0) {
    return { verdict: 'placeholder', evidence: checks[0]!.current, reason: `current performance is still the template placeholder "${checks[0]!.current.raw}" (line ${checks[0]!.current.line})` };
  }
  if (real.length === 0) return { verdict: 'backed', evidence: null, reason: 'the note states no current figures against SLA targets' };
  return { verdict: 'backed', evidence: real[0]!.current, reason: `${real.filter((c) => c.ok).length} current ${real.length === 1 ? 'figure meets its' : 'figures meet their'} SLA target` };
}

export function describeBreach(c: MetricCheck): string {
  const target = c.target.comparator ? `${symbol(c.target.comparator)}${formatNumber(c.target.value!)}${c.target.unit}` : `${formatNumber(c.target.value!)}${c.target.unit}`;
  return `${c.metric} ${formatNumber(c.current.value!)}${c.current.unit} (line ${c.current.line}) misses ${target}`;
}

function judgeSecurity(security: SecurityEvidence, reading: CriterionReading): Finding {
  const severe = severeFindings(security);
  if (severe !== null && severe > 0) {
    const line = (security.critical?.value ? security.critical : security.high)!;
    return { verdict: 'contradicted', evidence: line, reason: `the security scan lists ${describeSevere(security)} finding${severe === 1 ? '' : 's'} (line ${line.line})` };
  }
  if (reading.findings && reading.findings.count > 0 && reading.kind === 'security-scan') {
    return { verdict: 'contradicted', evidence: null, reason: `the criterion itself notes "${reading.findings.raw}"` };
  }
  if (reading.kind === 'security-review' && security.reviewStatus && !reviewComplete(security.reviewStatus.value)) {
    return {
      verdict: 'contradicted',
      evidence: { value: null, placeholder: false, unit: '', raw: security.reviewStatus.value, line: security.reviewStatus.line, source: 'Security Review Status' },
      reason: `Security Review Status is "${security.reviewStatus.value}" (line ${security.reviewStatus.line})`,
    };
  }
  const counts = [security.critical, security.high].filter((e): e is Evidence => e !== null);
  if (counts.length > 0 && counts.every((e) => e.placeholder)) {
    return { verdict: 'placeholder', evidence: counts[0]!, reason: `the scan counts are still the template placeholder "${counts[0]!.raw}" (line ${counts[0]!.line})` };
  }
  return { verdict: 'backed', evidence: counts.find((e) => !e.placeholder) ?? null, reason: severe === 0 ? 'no critical or high findings' : 'the note states no scan counts' };
}

function judgeFindings(reading: CriterionReading): Finding {
  if (reading.findings && reading.findings.count > 0) {
    return { verdict: 'contradicted', evidence: null, reason: `the criterion itself notes "${reading.findings.raw}"` };
  }
  return { verdict: 'backed', evidence: null, reason: reading.findings ? `"${reading.findings.raw}"` : 'no figure in the note to check it against' };
}

export function satisfies(value: number, comparator: Comparator, bound: number): boolean {
  switch (comparator) {
    case '>':
      return value > bound;
    case '>=':
    case '=':
      return value >= bound;
    case '<':
      return value < bound;
    case '<=':
      return value <= bound;
  }
}

export function symbol(comparator: Comparator): string {
  return comparator === '>=' ? '≥' : comparator === '<=' ? '≤' : comparator === '=' ? '' : comparator;
}

export function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Math.round(value * 100) / 100);
}
