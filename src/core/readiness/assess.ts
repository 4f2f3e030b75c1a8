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
  return complete(readNote(input), input);
}

/**
 * The readiness of a component whose note and day are those `previous` was assessed on, when
 * only what it reads of other components (their stages and names) may have changed: what the
 * note alone decides is taken from `previous` (its objects shared, not copied), the rest worked
 * out again. Equal to `assessReadiness` on the same input.
 */
export function reassessReadiness(previous: Readiness, input: ReadinessInput): Readiness {
  const { pipeline } = input;
  const { stage, next, checks } = previous;
  const { nextTransition, nextChecks } = nextCriteria(input.note, next, checks);
  // The same keys in the same order as readNote's (one shape for both).
  const reading: NoteReading = {
    stage,
    rank: stage ? pipeline.rank.get(stage) ?? -1 : -1,
    next,
    finalStage: pipeline.stages[pipeline.stages.length - 1]?.id ?? null,
    security: previous.security,
    performance: previous.performance,
    checks,
    watch: previous.observation,
    coverage: previous.coverage,
    nextTransition,
    nextChecks,
    criteria: previous.criteria,
    blockers: previous.blockers,
    tenure: previous.tenure,
  };
  return complete(reading, input);
}

/** What the note alone decides, given the pipeline and the day. */
interface NoteReading extends Omit<Findings, 'note' | 'pipeline' | 'dependencies' | 'dependencyGaps' | 'off'> {
  coverage: Readiness['coverage'];
  tenure: Readiness['tenure'];
}

function readNote(input: ReadinessInput): NoteReading {
  const { note, pipeline, today } = input;
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
  const { nextTransition, nextChecks } = nextCriteria(note, next, checks);
  const criteria = {
    met: nextTransition?.met ?? 0,
    total: nextTransition?.total ?? 0,
    contradicted: nextChecks.filter((c) => c.verdict === 'contradicted').length,
    line: nextTransition?.line ?? null,
  };
  const blockers = summariseBlockers(note, pipeline, (target) => target === null || target === next);
  return { stage, rank, next, finalStage, security, performance, checks, watch, coverage, nextTransition, nextChecks, criteria, blockers, tenure: tenure(note, today) };
}

/** The transition into `next` and the checks of its criteria. */
function nextCriteria(note: MaturityNote, next: StageId | null, checks: CriterionCheck[]): Pick<Findings, 'nextTransition' | 'nextChecks'> {
  const nextTransition = next ? effectiveTransitions(note.transitions).find((t) => t.to === next && t.total > 0) ?? null : null;
  const nextKey = nextTransition ? transitionKey(nextTransition) : null;
  return { nextTransition, nextChecks: checks.filter((c) => c.transition === nextKey) };
}

/** The note's reading set against the stages of its dependencies: what stands in the way, the score, the sentence. */
function complete(reading: NoteReading, input: ReadinessInput): Readiness {
  const { note, pipeline } = input;
  const dependencyGaps = (target: StageId | null) => requiredBelow(input, target);
  const dependencies = dependencyGaps(reading.next);
  const r = reading;
  const findings: Findings = {
    note, pipeline, stage: r.stage, rank: r.rank, next: r.next, finalStage: r.finalStage, nextTransition: r.nextTransition, criteria: r.criteria, checks: r.checks,
    nextChecks: r.nextChecks, security: r.security, performance: r.performance, watch: r.watch, dependencies, blockers: r.blockers, dependencyGaps, off: input.severity ?? {},
  };
  const obstacles = nextStageObstacles(findings);
  const unbacked = unbackedObstacles(findings);

  const readiness: Readiness = {
    stage: reading.stage,
    next: reading.next,
    criteria: reading.criteria,
    checks: reading.checks,
    coverage: reading.coverage,
    security: reading.security,
    performance: reading.performance,
    observation: reading.watch,
    tenure: reading.tenure,
    dependencies,
    blockers: reading.blockers,
    obstacles,
    unbacked,
    ready: reading.next !== null && obstacles.length === 0,
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
