// Readiness of one component for its next stage, and whether its current stage is backed by the
// evidence in its note. Pure: the note, the resolved dependencies, the pipeline and today's date.
import type { MaturityConfig } from '../settings/index';
import type { BlockerSeverity, MaturityNote, ResolvedDependency, StageId } from '../model';
import { effectiveTransitions } from '../transitions';
import { stageName, type Pipeline } from '../stages';
import { checkCriteria, describeBreach } from './checks';
import { describeSevere, performanceChecks, securityEvidence, severeFindings } from './evidence';
import { readinessScore, readinessSummary } from './summary';
import { observation, tenure } from './timeline';
import type { BlockerSummary, CriterionCheck, DependencyGap, Obstacle, Readiness } from './types';

export interface ReadinessInput {
  note: MaturityNote;
  pipeline: Pipeline;
  today: string;
  dependencies: ResolvedDependency[];
  stageOf: (id: string) => StageId | null;
  nameOf: (id: string) => string;
  /** Severity overrides: a rule turned `off` no longer stands in the way. */
  severity?: MaturityConfig['severity'];
}

export function assessReadiness(input: ReadinessInput): Readiness {
  const { note, pipeline, today } = input;
  const off = input.severity ?? {};
  const stage = note.stage?.id ?? null;
  const rank = stage ? pipeline.rank.get(stage) ?? -1 : -1;
  const last = pipeline.stages.length - 1;
  const next = stage && rank < last ? pipeline.stages[rank + 1]!.id : null;
  const finalStage = pipeline.stages[last]?.id ?? null;

  const security = securityEvidence(note);
  const performance = performanceChecks(note, stage !== null && stage === finalStage);
  const checks = checkCriteria({ note, security, performance });
  const watch = observation(note, pipeline, checks, today);
  const coverage = {
    unit: coverageOf(checks, false),
    integration: coverageOf(checks, true),
  };

  const nextTransition = next ? effectiveTransitions(note.transitions).find((t) => t.to === next && t.total > 0) ?? null : null;
  const nextKey = nextTransition ? `${nextTransition.from ?? '?'}→${nextTransition.to ?? '?'}` : null;
  const nextChecks = checks.filter((c) => c.transition === nextKey);
  const criteria = {
    met: nextTransition?.met ?? 0,
    total: nextTransition?.total ?? 0,
    contradicted: nextChecks.filter((c) => c.verdict === 'contradicted').length,
    line: nextTransition?.line ?? null,
  };

  const dependencyGaps = (target: StageId | null): DependencyGap[] => {
    const targetRank = target ? pipeline.rank.get(target) ?? -1 : -1;
    const out: DependencyGap[] = [];
    for (const dep of input.dependencies) {
      if (dep.id === null || dep.optional) continue;
      const depStage = input.stageOf(dep.id);
      const depRank = depStage ? pipeline.rank.get(depStage) ?? -1 : -1;
      if (depRank < targetRank && !out.some((g) => g.id === dep.id)) out.push({ id: dep.id, name: input.nameOf(dep.id), stage: depStage, line: dep.line });
    }
    return out;
  };
  const dependencies = dependencyGaps(next);
  const blockers = summariseBlockers(note, pipeline, (target) => target === null || target === next);
  const severe = severeFindings(security);
  const breaches = performance.filter((p) => p.ok === false);
  const name = (id: StageId | null) => stageName(pipeline, id);

  // What stands between the component and its next stage.
  const obstacles: Obstacle[] = [];
  if (stage === null) obstacles.push({ kind: 'stage-unknown', text: 'the note states no known stage', line: note.stage?.line ?? null });
  if (note.stage?.blocked) obstacles.push({ kind: 'stage-blocked', text: `the stage line says BLOCKED`, line: note.stage.line });
  if (next && !nextTransition) obstacles.push({ kind: 'criteria-open', text: `the note lists no ${name(next)} criteria`, line: null });
  if (nextTransition && criteria.met < criteria.total) {
    obstacles.push({ kind: 'criteria-open', text: `${criteria.total - criteria.met} of ${criteria.total} criteria unchecked`, line: nextTransition.line });
  }
  obstacles.push(...verdictObstacles(nextChecks, off));
  for (const d of dependencies) obstacles.push({ kind: 'dependency', text: `${d.name} is at ${name(d.stage)}`, line: d.line });
  if (blockers.open > 0) obstacles.push({ kind: 'blocker', text: describeBlockers(blockers), line: blockers.lines[0] ?? null });
  const watchesNext = watch !== null && next !== null && checks.some((c) => c.kind === 'uptime' && c.windowDays !== null && c.to === next);
  if (watchesNext && watch!.complete === false && off['observation-incomplete'] !== 'off') {
    obstacles.push({ kind: 'observation', text: `${watch!.remainingDays ?? '?'} of ${watch!.windowDays} observation days left`, line: watch!.sinceLine ?? watch!.windowLine });
  }
  if (next !== null && next === finalStage) {
    if (severe !== null && severe > 0 && off['security-critical'] !== 'off') obstacles.push(securityObstacle(security));
    if (breaches.length > 0 && off['sla-breach'] !== 'off' && !mentionsBreach(obstacles)) obstacles.push({ kind: 'sla', text: breaches.map(describeBreach).join(', '), line: breaches[0]!.current.line });
  }

  // Why the current stage is not backed by the note's own evidence.
  const unbacked: Obstacle[] = [];
  if (stage === null) unbacked.push({ kind: 'stage-unknown', text: 'the note states no known stage', line: note.stage?.line ?? null });
  for (const t of effectiveTransitions(note.transitions)) {
    const toRank = t.to ? pipeline.rank.get(t.to) : undefined;
    if (toRank === undefined || toRank > rank || t.total === 0) continue;
    const key = `${t.from ?? '?'}→${t.to ?? '?'}`;
    if (t.met < t.total) unbacked.push({ kind: 'criteria-open', text: `${t.total - t.met} of ${t.total} ${name(t.from)} → ${name(t.to)} criteria unchecked`, line: t.line });
    unbacked.push(...verdictObstacles(checks.filter((c) => c.transition === key), off));
  }
  for (const d of dependencyGaps(stage)) unbacked.push({ kind: 'dependency', text: `${d.name} is only at ${name(d.stage)}`, line: d.line });
  const pastBlockers = summariseBlockers(note, pipeline, (target) => target !== null && (pipeline.rank.get(target) ?? 99) <= rank);
  if (pastBlockers.open > 0) unbacked.push({ kind: 'blocker', text: `${describeBlockers(pastBlockers)} for a stage already reached`, line: pastBlockers.lines[0] ?? null });
  if (stage !== null && stage === finalStage) {
    if (severe !== null && severe > 0 && off['security-critical'] !== 'off') unbacked.push(securityObstacle(security));
    if (breaches.length > 0 && off['sla-breach'] !== 'off' && !mentionsBreach(unbacked)) unbacked.push({ kind: 'sla', text: breaches.map(describeBreach).join(', '), line: breaches[0]!.current.line });
    if (watch?.complete === false && off['observation-incomplete'] !== 'off') unbacked.push({ kind: 'observation', text: `promoted after ${watch.elapsedDays ?? watch.statedDay?.day ?? '?'} of ${watch.windowDays} observation days`, line: watch.sinceLine ?? watch.windowLine });
  }

  const readiness: Readiness = {
    stage,
    next,
    criteria,
    checks,
    coverage,
    security,
    performance,
    observation: watch,
    tenure: tenure(note, today),
    dependencies,
    blockers,
    obstacles,
    unbacked,
    ready: next !== null && obstacles.length === 0,
    backed: unbacked.length === 0,
    score: 0,
    summary: '',
  };
  readiness.score = readinessScore(readiness);
  readiness.summary = readinessSummary(readiness, pipeline);
  return readiness;
}

function securityObstacle(security: Readiness['security']): Obstacle {
  const where = security.critical?.value ? security.critical : security.high;
  return { kind: 'security', text: `${describeSevere(security)} security finding${severeFindings(security) === 1 ? '' : 's'}`, line: where?.line ?? null };
}

/** A checked performance criterion already contradicted by the breach says it once. */
function mentionsBreach(obstacles: Obstacle[]): boolean {
  return obstacles.some((o) => o.kind === 'contradicted' && o.text.includes('SLA target'));
}

function verdictObstacles(checks: CriterionCheck[], off: NonNullable<ReadinessInput['severity']>): Obstacle[] {
  const out: Obstacle[] = [];
  for (const c of checks) {
    if (c.verdict === 'contradicted' && off['criterion-contradicted'] !== 'off') {
      out.push({ kind: 'contradicted', text: `"${c.text}" is checked, but ${c.reason}`, line: c.line });
    } else if (c.verdict === 'placeholder' && off['placeholder-evidence'] !== 'off') {
      out.push({ kind: 'placeholder', text: `"${c.text}" is checked, but ${c.reason}`, line: c.line });
    }
  }
  return out;
}

function coverageOf(checks: CriterionCheck[], integration: boolean): CriterionCheck['evidence'] {
  const match = checks.find((c) => c.kind === 'coverage' && c.evidence && /\bintegration\b/i.test(c.text) === integration);
  return match?.evidence ?? null;
}

function summariseBlockers(note: MaturityNote, pipeline: Pipeline, counts: (target: StageId | null) => boolean): BlockerSummary {
  const bySeverity: BlockerSummary['bySeverity'] = { critical: 0, high: 0, medium: 0, low: 0, unspecified: 0 };
  const lines: number[] = [];
  // The same issue is often listed twice (under the checklist and under Current Blockers): count
  // it once, with the severity whichever entry states.
  const seen = new Set<string>();
  const resolved = new Set(note.blockers.filter((b) => b.status === 'resolved' && b.issue).map((b) => b.issue!));
  const severityOf = new Map<string, BlockerSeverity>();
  for (const b of note.blockers) if (b.issue && b.severity && !severityOf.has(b.issue)) severityOf.set(b.issue, b.severity);
  for (const b of note.blockers) {
    if (b.status === 'resolved' || !counts(b.targetStage)) continue;
    if (b.targetStage !== null && !pipeline.rank.has(b.targetStage)) continue;
    if (b.issue !== null && (seen.has(b.issue) || resolved.has(b.issue))) continue;
    if (b.issue !== null) seen.add(b.issue);
    bySeverity[b.severity ?? (b.issue ? severityOf.get(b.issue) : undefined) ?? 'unspecified']++;
    lines.push(b.line);
  }
  return { open: lines.length, bySeverity, lines };
}

export function describeBlockers(blockers: BlockerSummary): string {
  const order: Array<BlockerSeverity | 'unspecified'> = ['critical', 'high', 'medium', 'low'];
  const parts = order.filter((s) => blockers.bySeverity[s] > 0).map((s) => `${blockers.bySeverity[s]} ${s}`);
  if (parts.length > 0 && blockers.bySeverity.unspecified > 0) parts.push(`${blockers.bySeverity.unspecified} unrated`);
  const detail = parts.length > 0 ? ` (${parts.join(', ')})` : '';
  return `${blockers.open} open blocker${blockers.open === 1 ? '' : 's'}${detail}`;
}
