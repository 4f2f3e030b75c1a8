// Readiness of one component for its next stage, and whether its current stage is backed by the
// evidence in its note. Pure: the note, the resolved dependencies, the pipeline and today's date.
import type { MaturityConfig } from '../settings/index';
import type { MaturityNote, ResolvedDependency, StageId } from '../model';
import { effectiveTransitions, transitionKey } from '../transitions';
import type { Pipeline } from '../stages';
import { checkCriteria } from './checks';
import { performanceChecks, securityEvidence } from './evidence';
import { readinessScore, readinessSummary } from './summary';
import { observation, tenure } from './timeline';
import { summariseBlockers } from './blockers';
import { nextStageObstacles, unbackedObstacles, type Findings } from './obstacles';
import type { CriterionCheck, DependencyGap, Readiness } from './types';

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

export { describeBlockers } from './blockers';

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
  const nextKey = nextTransition ? transitionKey(nextTransition) : null;
  const nextChecks = checks.filter((c) => c.transition === nextKey);
  const criteria = {
    met: nextTransition?.met ?? 0,
    total: nextTransition?.total ?? 0,
    contradicted: nextChecks.filter((c) => c.verdict === 'contradicted').length,
    line: nextTransition?.line ?? null,
  };

  const dependencyGaps = (target: StageId | null) => requiredBelow(input, target);
  const dependencies = dependencyGaps(next);
  const blockers = summariseBlockers(note, pipeline, (target) => target === null || target === next);

  const findings: Findings = { note, pipeline, stage, rank, next, finalStage, nextTransition, criteria, checks, nextChecks, security, performance, watch, dependencies, blockers, dependencyGaps, off };
  const obstacles = nextStageObstacles(findings);
  const unbacked = unbackedObstacles(findings);

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

function coverageOf(checks: CriterionCheck[], integration: boolean): CriterionCheck['evidence'] {
  const match = checks.find((c) => c.kind === 'coverage' && c.evidence && /\bintegration\b/i.test(c.text) === integration);
  return match?.evidence ?? null;
}

/** The required dependencies whose stage is below `target`, each once. */
function requiredBelow(input: ReadinessInput, target: StageId | null): DependencyGap[] {
  const { pipeline } = input;
  const targetRank = target ? pipeline.rank.get(target) ?? -1 : -1;
  const out: DependencyGap[] = [];
  for (const dep of input.dependencies) {
    if (dep.id === null || dep.optional) continue;
    const depStage = input.stageOf(dep.id);
    const depRank = depStage ? pipeline.rank.get(depStage) ?? -1 : -1;
    if (depRank < targetRank && !out.some((g) => g.id === dep.id)) out.push({ id: dep.id, name: input.nameOf(dep.id), stage: depStage, line: dep.line });
  }
  return out;
}
