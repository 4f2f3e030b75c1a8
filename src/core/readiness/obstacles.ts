// What stands between a component and its next stage, and why its current stage is not backed by
// its note's own evidence: each as obstacles with the line that shows it.
import type { MaturityConfig } from '../settings/index';
import type { MaturityNote, StageId, Transition } from '../model';
import { effectiveTransitions, transitionKey } from '../transitions';
import { stageName, type Pipeline } from '../stages';
import { describeBlockers, summariseBlockers } from './blockers';
import { describeBreach } from './checks';
import { describeSevere, severeFindings } from './evidence';
import type { BlockerSummary, CriterionCheck, DependencyGap, Obstacle, Readiness } from './types';

/** What the assessment found that both lists are drawn from. */
export interface Findings {
  note: MaturityNote;
  pipeline: Pipeline;
  stage: StageId | null;
  /** The stage's rank in the pipeline, -1 when unknown. */
  rank: number;
  next: StageId | null;
  finalStage: StageId | null;
  nextTransition: Transition | null;
  criteria: Readiness['criteria'];
  checks: CriterionCheck[];
  nextChecks: CriterionCheck[];
  security: Readiness['security'];
  performance: Readiness['performance'];
  watch: Readiness['observation'];
  /** Dependencies below the next stage. */
  dependencies: DependencyGap[];
  blockers: BlockerSummary;
  /** Required dependencies below `target`. */
  dependencyGaps: (target: StageId | null) => DependencyGap[];
  /** Severity overrides: a rule turned `off` no longer stands in the way. */
  off: NonNullable<MaturityConfig['severity']>;
}

/** What stands between the component and its next stage. */
export function nextStageObstacles(f: Findings): Obstacle[] {
  const { note, stage, next, finalStage, nextTransition, criteria, checks, nextChecks, security, watch, dependencies, blockers, off } = f;
  const name = (id: StageId | null) => stageName(f.pipeline, id);
  const severe = severeFindings(security);
  const breaches = f.performance.filter((p) => p.ok === false);
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
  return obstacles;
}

/** Why the current stage is not backed by the note's own evidence. */
export function unbackedObstacles(f: Findings): Obstacle[] {
  const { note, pipeline, stage, rank, finalStage, checks, security, watch, off } = f;
  const name = (id: StageId | null) => stageName(pipeline, id);
  const severe = severeFindings(security);
  const breaches = f.performance.filter((p) => p.ok === false);
  const unbacked: Obstacle[] = [];
  if (stage === null) unbacked.push({ kind: 'stage-unknown', text: 'the note states no known stage', line: note.stage?.line ?? null });
  for (const t of effectiveTransitions(note.transitions)) {
    const toRank = t.to ? pipeline.rank.get(t.to) : undefined;
    if (toRank === undefined || toRank > rank || t.total === 0) continue;
    const key = transitionKey(t);
    if (t.met < t.total) unbacked.push({ kind: 'criteria-open', text: `${t.total - t.met} of ${t.total} ${name(t.from)} → ${name(t.to)} criteria unchecked`, line: t.line });
    unbacked.push(...verdictObstacles(checks.filter((c) => c.transition === key), off));
  }
  for (const d of f.dependencyGaps(stage)) unbacked.push({ kind: 'dependency', text: `${d.name} is only at ${name(d.stage)}`, line: d.line });
  const pastBlockers = summariseBlockers(note, pipeline, (target) => target !== null && (pipeline.rank.get(target) ?? 99) <= rank);
  if (pastBlockers.open > 0) unbacked.push({ kind: 'blocker', text: `${describeBlockers(pastBlockers)} for a stage already reached`, line: pastBlockers.lines[0] ?? null });
  if (stage !== null && stage === finalStage) {
    if (severe !== null && severe > 0 && off['security-critical'] !== 'off') unbacked.push(securityObstacle(security));
    if (breaches.length > 0 && off['sla-breach'] !== 'off' && !mentionsBreach(unbacked)) unbacked.push({ kind: 'sla', text: breaches.map(describeBreach).join(', '), line: breaches[0]!.current.line });
    if (watch?.complete === false && off['observation-incomplete'] !== 'off') unbacked.push({ kind: 'observation', text: `promoted after ${watch.elapsedDays ?? watch.statedDay?.day ?? '?'} of ${watch.windowDays} observation days`, line: watch.sinceLine ?? watch.windowLine });
  }
  return unbacked;
}

function securityObstacle(security: Readiness['security']): Obstacle {
  const where = security.critical?.value ? security.critical : security.high;
  return { kind: 'security', text: `${describeSevere(security)} security finding${severeFindings(security) === 1 ? '' : 's'}`, line: where?.line ?? null };
}

/** A checked performance criterion already contradicted by the breach says it once. */
function mentionsBreach(obstacles: Obstacle[]): boolean {
  return obstacles.some((o) => o.kind === 'contradicted' && o.text.includes('SLA target'));
}

function verdictObstacles(checks: CriterionCheck[], off: Findings['off']): Obstacle[] {
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

