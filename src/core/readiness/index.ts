// Promotion readiness: evidence in a note against the boxes it checks. See docs/readiness.md.
import type { Component } from '../model';
import type { MaturityIndex } from '../vault-index';
import { assessReadiness } from './assess';
import type { Readiness } from './types';

export * from './types';
export { assessReadiness, describeBlockers, type ReadinessInput } from './assess';
export { readinessDiagnostics } from './diagnostics';
export { currentCoverage, meetsTarget, sectionLabel } from './evidence';
export { readCriterionText, type CriterionReading } from './criteria';
export { enteredStage, tenure } from './timeline';

/** A component's readiness: the one its view carries, or computed from the index. */
export function readinessOf(component: Component, index: Pick<MaturityIndex, 'pipeline' | 'today' | 'config'> & Partial<Pick<MaturityIndex, 'component'>>): Readiness {
  if (component.readiness) return component.readiness;
  return assessReadiness({
    note: component.note,
    pipeline: index.pipeline,
    today: index.today(),
    dependencies: component.dependencies,
    stageOf: (id) => index.component?.(id)?.note.stage?.id ?? null,
    nameOf: (id) => index.component?.(id)?.name ?? id,
    severity: index.config.severity,
  });
}

/** Could the component be promoted now? (the `ready: true` query option) */
export function isReady(component: Component, index: Parameters<typeof readinessOf>[1]): boolean {
  return readinessOf(component, index).ready;
}
