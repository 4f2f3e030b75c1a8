// The documented JSON shape of `maturity-map readiness --json` (also what the plugins expose).
import type { Component } from '../model';
import type { Readiness } from './types';

export interface ReadinessJSON {
  id: string;
  name: string;
  stage: string | null;
  next: string | null;
  ready: boolean;
  backed: boolean;
  score: number;
  summary: string;
  criteria: Readiness['criteria'];
  tenure: Readiness['tenure'];
  observation: Readiness['observation'];
  coverage: Readiness['coverage'];
  security: Readiness['security'];
  performance: Readiness['performance'];
  dependencies: Readiness['dependencies'];
  blockers: Readiness['blockers'];
  obstacles: Readiness['obstacles'];
  unbacked: Readiness['unbacked'];
  /** Criteria that carry evidence or a verdict other than plain "checked". */
  checks: Array<Pick<Readiness['checks'][number], 'text' | 'line' | 'checked' | 'transition' | 'kind' | 'threshold' | 'evidence' | 'verdict' | 'reason'>>;
}

export interface ReadinessReportJSON {
  version: 1;
  root: string;
  today: string;
  summary: { components: number; ready: number; unbacked: number };
  components: ReadinessJSON[];
}

export function readinessToJSON(component: Component, readiness: Readiness): ReadinessJSON {
  const r = readiness;
  return {
    id: component.id,
    name: component.name,
    stage: r.stage,
    next: r.next,
    ready: r.ready,
    backed: r.backed,
    score: Math.round(r.score * 1000) / 1000,
    summary: r.summary,
    criteria: r.criteria,
    tenure: r.tenure,
    observation: r.observation,
    coverage: r.coverage,
    security: r.security,
    performance: r.performance,
    dependencies: r.dependencies,
    blockers: r.blockers,
    obstacles: r.obstacles,
    unbacked: r.unbacked,
    checks: r.checks
      .filter((c) => c.kind !== 'other' || c.verdict === 'contradicted')
      .map(({ text, line, checked, transition, kind, threshold, evidence, verdict, reason }) => ({ text, line, checked, transition, kind, threshold, evidence, verdict, reason })),
  };
}
